import type { ActionInput, ActionOutput } from '../../../../types/contract'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { loadDepartments } from '../../repos/departments'
import { HANDOVERS, toHandoverSummary, type HandoverDoc } from '../../repos/handovers'

/** Handovers the caller runs: a head their department's (not their own), admins all but their own. */
export function handlingHandoversQuery(ctx: ActionContext): Condition {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  if (me.role === 'head') return { departmentId: me.departmentId, holderId: _.neq(me._id) }
  if (me.role === 'admin') return { holderId: _.neq(me._id) }
  return { _id: '__nothing__' }
}

export async function listHandovers(input: ActionInput<'handover.list'>, ctx: ActionContext): Promise<ActionOutput<'handover.list'>> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  const base: Condition = input.scope === 'mine' ? _.or([{ holderId: me._id }, { receiverId: me._id }]) : handlingHandoversQuery(ctx)
  const where = input.status ? _.and([base, { status: input.status }]) : base
  const [{ total }, { data }, departments] = await Promise.all([
    ctx.db.collection(HANDOVERS).where(where).count(),
    ctx.db.collection<HandoverDoc>(HANDOVERS).where(where).orderBy('startedAt', 'desc').skip((page - 1) * pageSize).limit(pageSize).get(),
    loadDepartments(ctx.db),
  ])
  const names = new Map(departments.map((d) => [d._id, d.name]))
  return { items: data.map((d) => toHandoverSummary(d, names.get(d.departmentId) ?? '')), total, page, pageSize }
}
