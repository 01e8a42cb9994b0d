import type { ActionInput, ActionOutput } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { ANOMALIES, toAnomalySummary } from '../../repos/anomalies'
import { fetchPage } from '../../repos/paging'

/** Reports the caller handles: a head their department's (not their own), admins everyone's but their own. */
export function handlingQuery(ctx: ActionContext): Condition {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  if (me.role === 'head') return { departmentId: me.departmentId, reporterId: _.neq(me._id) }
  if (me.role === 'admin') return { reporterId: _.neq(me._id) }
  return { _id: '__nothing__' }
}

export async function listAnomalies(input: ActionInput<'anomaly.list'>, ctx: ActionContext): Promise<ActionOutput<'anomaly.list'>> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  // Anyone but an admin may name their own department only.
  if (me.role !== 'admin' && input.departmentId && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
  const base: Condition = input.scope === 'mine' ? { reporterId: me._id } : handlingQuery(ctx)
  const filters: Condition[] = []
  if (input.status) filters.push({ status: input.status === 'unresolved' ? _.in(['open', 'acknowledged']) : input.status })
  if (input.type) filters.push({ type: input.type })
  if (input.departmentId) filters.push({ departmentId: input.departmentId })
  const where = filters.length > 0 ? _.and([base, ...filters]) : base
  return fetchPage(ctx, ANOMALIES, where, [['reportedAt', 'desc']], input, toAnomalySummary)
}
