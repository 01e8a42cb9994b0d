import { type ActionInput, type ActionOutput, shanghaiDate } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { loadDepartments } from '../../repos/departments'
import { DELEGATIONS, toDelegationSummary, type DelegationDoc } from '../../repos/delegations'

/** Pending requests the caller decides: a head their department's (not their own), admins those of departments' heads. */
export function pendingDelegationsQuery(ctx: ActionContext, headIds: string[]): Condition {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  if (me.role === 'head') return { departmentId: me.departmentId, status: 'pending', holderId: _.neq(me._id) }
  if (me.role === 'admin') return { status: 'pending', holderId: _.and(_.in(headIds), _.neq(me._id)) }
  return { _id: '__nothing__' }
}

export async function listDelegations(input: ActionInput<'delegation.list'>, ctx: ActionContext): Promise<ActionOutput<'delegation.list'>> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  const departments = await loadDepartments(ctx.db)
  const headIds = departments.map((d) => d.headId).filter((id): id is string => Boolean(id))
  const conditions: Condition[] = []
  if (input.scope === 'mine') conditions.push(_.or([{ holderId: me._id }, { delegateId: me._id }]))
  else if (input.scope === 'pending') conditions.push(pendingDelegationsQuery(ctx, headIds))
  else if (me.role === 'head') conditions.push({ departmentId: me.departmentId })
  else if (me.role === 'employee') conditions.push(_.or([{ holderId: me._id }, { delegateId: me._id }]))
  if (input.accountId) conditions.push({ accountId: input.accountId })
  if (input.status) conditions.push({ status: input.status })
  if (input.departmentId) {
    // Anyone but an admin may name their own department only.
    if (me.role !== 'admin' && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
    conditions.push({ departmentId: input.departmentId })
  }
  const where = conditions.length ? _.and(conditions) : {}
  const [{ total }, { data }] = await Promise.all([
    ctx.db.collection(DELEGATIONS).where(where).count(),
    ctx.db.collection<DelegationDoc>(DELEGATIONS).where(where).orderBy('requestedAt', 'desc').skip((page - 1) * pageSize).limit(pageSize).get(),
  ])
  const names = new Map(departments.map((d) => [d._id, d.name]))
  const today = shanghaiDate(ctx.now())
  return { items: data.map((d) => toDelegationSummary(d, names.get(d.departmentId) ?? '', today)), total, page, pageSize }
}
