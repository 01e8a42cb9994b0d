import type { ActionInput, ActionOutput } from '../../../../types/contract'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { HANDOVERS, toHandoverSummary } from '../../repos/handovers'
import { fetchPage } from '../../repos/paging'

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
  const base: Condition = input.scope === 'mine' ? _.or([{ holderId: me._id }, { receiverId: me._id }]) : handlingHandoversQuery(ctx)
  const where = input.status ? _.and([base, { status: input.status }]) : base
  return fetchPage(ctx, HANDOVERS, where, [['startedAt', 'desc']], input, toHandoverSummary)
}
