import { groupEvents, groupStatuses, marketingEvents, marketingStatuses, type GroupDetail, type MarketingDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { defineWorkflow, type Relation } from '../../domain/workflow/workflow'
import { toGroupDetail, type GroupDoc, loadGroup } from '../../repos/groups'
import { loadMarketingItem, toMarketingDetail, type MarketingItemDoc } from '../../repos/marketing'
import { callerRelationsTo } from '../shared/relations'

/**
 * 四.二: the author's head decides, admins stand in for heads' own material and may decide
 * any; nobody decides their own. Only the author withdraws, and only while it waits.
 */
export const marketingFlow = defineWorkflow(marketingStatuses, marketingEvents, [
  { from: 'pending', event: 'approve', by: ['ownHead', 'admin'], to: 'approved', notByOwner: true },
  { from: 'pending', event: 'reject', by: ['ownHead', 'admin'], to: 'rejected', notByOwner: true },
  { from: 'pending', event: 'withdraw', by: ['owner'], to: 'withdrawn' },
])

/**
 * 三.一.2: the owner keeps the registration right; the department's head (or an admin)
 * reviews. A head reviewing a group they own themselves is still the department's check.
 */
export const groupFlow = defineWorkflow(groupStatuses, groupEvents, [
  { from: 'active', event: 'update', by: ['owner', 'ownHead', 'admin'], to: 'active' },
  { from: 'active', event: 'review', by: ['ownHead', 'admin'], to: 'active' },
  { from: 'active', event: 'dissolve', by: ['owner', 'ownHead', 'admin'], to: 'dissolved' },
])

export async function itemOrRefuse(ctx: ActionContext, id: string): Promise<MarketingItemDoc> {
  return (await loadMarketingItem(ctx.db, id)) ?? refuse('NOT_FOUND')
}

export function itemRelations(ctx: ActionContext, doc: MarketingItemDoc): Promise<{ relations: Relation[]; departmentName: string }> {
  return callerRelationsTo(ctx, doc.authorId, doc.departmentId)
}

export async function itemDetailFor(ctx: ActionContext, doc: MarketingItemDoc): Promise<MarketingDetail> {
  const { relations, departmentName } = await itemRelations(ctx, doc)
  return toMarketingDetail(doc, departmentName, marketingFlow.available(doc.status, relations))
}

/** Pending material the caller decides: a head their department's, an admin everyone's; never their own. */
export function reviewQuery(ctx: ActionContext): Condition {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  if (me.role === 'head') return { departmentId: me.departmentId, status: 'pending', authorId: _.neq(me._id) }
  if (me.role === 'admin') return { status: 'pending', authorId: _.neq(me._id) }
  return { _id: '__nothing__' }
}

export async function groupOrRefuse(ctx: ActionContext, id: string): Promise<GroupDoc> {
  return (await loadGroup(ctx.db, id)) ?? refuse('NOT_FOUND')
}

export function groupRelations(ctx: ActionContext, doc: GroupDoc): Promise<{ relations: Relation[]; departmentName: string }> {
  return callerRelationsTo(ctx, doc.ownerId, doc.departmentId)
}

export async function groupDetailFor(ctx: ActionContext, doc: GroupDoc): Promise<GroupDetail> {
  const { relations, departmentName } = await groupRelations(ctx, doc)
  return toGroupDetail(doc, departmentName, ctx.now(), groupFlow.available(doc.status, relations))
}
