import type { ActionInput, ActionOutput } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
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
  // Anyone but an admin may name their own department only.
  if (me.role !== 'admin' && input.departmentId && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
  const base: Condition = input.scope === 'mine' ? _.or([{ holderId: me._id }, { receiverId: me._id }]) : handlingHandoversQuery(ctx)
  const filters: Condition[] = []
  if (input.status) filters.push({ status: input.status === 'unfinished' ? _.in(['designating', 'in_progress']) : input.status })
  if (input.departmentId) filters.push({ departmentId: input.departmentId })
  const where = filters.length > 0 ? _.and([base, ...filters]) : base
  return fetchPage(ctx, HANDOVERS, where, [['startedAt', 'desc']], input, toHandoverSummary)
}
