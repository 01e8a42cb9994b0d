import type { ActionInput, ActionOutput, ErrorCode, MarketingPush } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import type { Condition } from '../../core/sdk-types'
import { relationsTo } from '../../domain/workflow/relations'
import { departmentName, loadDepartments } from '../../repos/departments'
import { BUSINESS_GROUPS, type GroupDoc } from '../../repos/groups'
import { MARKETING_ITEMS, MARKETING_PUSHES, toPush, type MarketingItemDoc, type MarketingPushDoc } from '../../repos/marketing'
import { fetchPage } from '../../repos/paging'
import { refuseUnlessVisible } from '../shared/relations'
import { itemOrRefuse, itemRelations } from './shared'

/** Groups a push may name: active ones the caller runs, heads their department's, admins any. */
async function pushGroups(ctx: ActionContext, ids: readonly string[]): Promise<GroupDoc[]> {
  const me = requirePerson(ctx)
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const [{ data: groups }, departments] = await Promise.all([
    ctx.db.collection<GroupDoc>(BUSINESS_GROUPS).where({ _id: ctx.db.command.in(unique) }).limit(unique.length).get(),
    loadDepartments(ctx.db),
  ])
  const heads = new Map(departments.map((d) => [d._id, d.headId]))
  const usable = groups.filter((g) => {
    if (g.status !== 'active') return false
    const relations = relationsTo({ id: me._id, role: me.role, departmentId: me.departmentId }, { ownerId: g.ownerId, departmentId: g.departmentId, departmentHeadId: heads.get(g.departmentId) ?? null })
    return relations.some((r) => r === 'owner' || r === 'ownHead' || r === 'admin')
  })
  if (usable.length !== unique.length) refuse('PUSH_GROUP_INVALID')
  // In the order the pusher chose them.
  return unique.map((id) => usable.find((g) => g._id === id) as GroupDoc)
}

export async function recordPush(input: ActionInput<'marketing.recordPush'>, ctx: ActionContext): Promise<MarketingPush> {
  const me = requirePerson(ctx)
  const item = await itemOrRefuse(ctx, input.itemId)
  if (item.status !== 'approved') {
    // Someone who may not see the item learns nothing about it from the refusal.
    refuseUnlessVisible((await itemRelations(ctx, item)).relations)
    refuse('MARKETING_NOT_APPROVED')
  }
  const groups = await pushGroups(ctx, input.groupIds ?? [])
  const customers = [...new Set((input.customers ?? []).map((c) => c.trim()))]
  const now = ctx.now()
  const push: MarketingPushDoc = {
    _id: newId('push', now),
    itemId: item._id,
    itemTitle: item.title,
    byId: me._id,
    byName: me.name,
    departmentId: me.departmentId,
    at: now,
    customers,
    groups: groups.map((g) => ({ id: g._id, name: g.name })),
    count: input.count ?? customers.length + groups.reduce((n, g) => n + g.memberCount, 0),
    note: input.note?.trim() || null,
  }
  const refusal = await ctx.db.runTransaction(async (tx): Promise<ErrorCode | null> => {
    const current = (await tx.collection<MarketingItemDoc>(MARKETING_ITEMS).doc(item._id).get()).data
    if (current.status !== 'approved') return 'MARKETING_NOT_APPROVED'
    const { _id, ...fields } = push
    await tx.collection(MARKETING_PUSHES).doc(_id).set({ data: fields })
    await tx.collection(MARKETING_ITEMS).doc(item._id).update({ data: { pushCount: ctx.db.command.inc(1), lastPushedAt: now } })
    await writeAudit(
      ctx,
      {
        action: ctx.action,
        targetCollection: MARKETING_PUSHES,
        targetId: push._id,
        before: null,
        after: { itemId: item._id, customers: customers.length, groups: push.groups.map((g) => g.id), count: push.count },
      },
      tx,
    )
    return null
  })
  if (refusal) refuse(refusal)
  return toPush(push, await departmentName(ctx.db, me.departmentId))
}

/** Pushes name customers: each person sees their own, a head their department's, admins all. */
export async function listPushes(input: ActionInput<'marketing.listPushes'>, ctx: ActionContext): Promise<ActionOutput<'marketing.listPushes'>> {
  const me = requirePerson(ctx)
  const scope: Condition = me.role === 'admin' ? {} : me.role === 'head' ? { departmentId: me.departmentId } : { byId: me._id }
  const where: Condition = input.itemId ? { ...scope, itemId: input.itemId } : scope
  return fetchPage(ctx, MARKETING_PUSHES, where, [['at', 'desc']], input, toPush)
}
