import type { ActionInput, ActionOutput } from '../../../../types/contract'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { ANOMALIES, toAnomalySummary, type AnomalyDoc } from '../../repos/anomalies'
import { loadDepartments } from '../../repos/departments'

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
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  const base: Condition = input.scope === 'mine' ? { reporterId: me._id } : handlingQuery(ctx)
  const where = input.status ? _.and([base, { status: input.status }]) : base
  const [{ total }, { data }, departments] = await Promise.all([
    ctx.db.collection(ANOMALIES).where(where).count(),
    ctx.db.collection<AnomalyDoc>(ANOMALIES).where(where).orderBy('reportedAt', 'desc').skip((page - 1) * pageSize).limit(pageSize).get(),
    loadDepartments(ctx.db),
  ])
  const names = new Map(departments.map((d) => [d._id, d.name]))
  return { items: data.map((d) => toAnomalySummary(d, names.get(d.departmentId) ?? '')), total, page, pageSize }
}
