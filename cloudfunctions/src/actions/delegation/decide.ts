import { type ActionInput, type DelegationDetail, type ErrorCode, shanghaiDate } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { delegationFlow, inEffect, periodsOverlap } from '../../domain/workflow/delegation'
import { ACCOUNTS, DELEGABLE_ACCOUNT_STATUSES, type AccountDoc } from '../../repos/accounts'
import { DELEGATIONS, type DelegationDoc } from '../../repos/delegations'
import { refuseUnlessVisible } from '../shared/relations'
import { notify } from '../../notify/notifier'
import { delegationDetailFor, delegationRelations, endDelegation, loadDelegation } from './shared'

async function decided(ctx: ActionContext, id: string, event: 'approve' | 'reject' | 'withdraw' | 'revoke') {
  const doc = await loadDelegation(ctx, id)
  const { relations } = await delegationRelations(ctx, doc)
  const decision = delegationFlow.decide(doc.status, event, relations)
  if (!decision.ok) refuse(decision.refusal)
  return { doc, next: decision.next }
}

export async function getDelegation(input: ActionInput<'delegation.get'>, ctx: ActionContext): Promise<DelegationDetail> {
  const doc = await loadDelegation(ctx, input.id)
  const { relations, isDelegate } = await delegationRelations(ctx, doc)
  if (!isDelegate) refuseUnlessVisible(relations)
  return delegationDetailFor(ctx, doc)
}

/**
 * Approval puts the period on the account inside one transaction, so two approvals of
 * overlapping periods for one account cannot both land: the second sees the first.
 */
export async function reviewDelegation(input: ActionInput<'delegation.review'>, ctx: ActionContext): Promise<DelegationDetail> {
  const me = requirePerson(ctx)
  const event: 'approve' | 'reject' = input.decision === 'approve' ? 'approve' : 'reject'
  const { doc, next } = await decided(ctx, input.id, event)
  const now = ctx.now()
  const today = shanghaiDate(now)
  const comment = input.comment?.trim() || null
  const entry = { at: now, actorId: me._id, actorName: me.name, event, comment }

  if (event === 'reject') {
    const { stats } = await ctx.db
      .collection(DELEGATIONS)
      .where({ _id: doc._id, status: doc.status })
      .update({ data: { status: next, updatedAt: now, timeline: ctx.db.command.push([entry]) } })
    if (stats.updated !== 1) refuse('CONFLICT')
    await writeAudit(ctx, { action: ctx.action, targetCollection: DELEGATIONS, targetId: doc._id, before: { status: doc.status }, after: { status: next, comment } })
    await notify(ctx, [doc.holderId], { template: 'approvalResult', kind: 'delegation', recordId: doc._id, title: '代操作申请被驳回', detail: comment ?? '' })
    return delegationDetailFor(ctx, { ...doc, status: next, updatedAt: now, timeline: [...doc.timeline, entry] })
  }

  const refusal = await ctx.db.runTransaction(async (tx): Promise<ErrorCode | null> => {
    const current = (await tx.collection<DelegationDoc>(DELEGATIONS).doc(doc._id).get()).data
    if (current.status !== 'pending') return 'CONFLICT'
    const account = (await tx.collection<AccountDoc>(ACCOUNTS).doc(doc.accountId).get()).data
    if (!DELEGABLE_ACCOUNT_STATUSES.includes(account.status)) return 'ACCOUNT_NOT_USABLE'
    const approved = account.approvedDelegations ?? []
    if (approved.some((d) => periodsOverlap(d, doc))) return 'DELEGATION_OVERLAP'
    const status = inEffect(doc, today) ? 'delegated' : account.status
    const period = { id: doc._id, delegateId: doc.delegateId, delegateName: doc.delegateName, startsOn: doc.startsOn, endsOn: doc.endsOn }
    await tx.collection(ACCOUNTS).doc(account._id).update({ data: { approvedDelegations: [...approved, period], status, updatedAt: now } })
    await tx.collection(DELEGATIONS).doc(doc._id).update({ data: { status: next, updatedAt: now, timeline: ctx.db.command.push([entry]) } })
    await writeAudit(ctx, { action: ctx.action, targetCollection: DELEGATIONS, targetId: doc._id, before: { status: 'pending' }, after: { status: next } }, tx)
    if (status !== account.status) {
      await writeAudit(ctx, { action: ctx.action, targetCollection: ACCOUNTS, targetId: account._id, before: { status: account.status }, after: { status } }, tx)
    }
    return null
  })
  if (refusal) refuse(refusal)
  await notify(ctx, [doc.holderId, doc.delegateId], { template: 'approvalResult', kind: 'delegation', recordId: doc._id, title: '代操作申请已批准', detail: `${doc.startsOn} 至 ${doc.endsOn}` })
  return delegationDetailFor(ctx, { ...doc, status: next, updatedAt: now, timeline: [...doc.timeline, entry] })
}

export async function withdrawDelegation(input: ActionInput<'delegation.withdraw'>, ctx: ActionContext): Promise<DelegationDetail> {
  const me = requirePerson(ctx)
  const { doc, next } = await decided(ctx, input.id, 'withdraw')
  const now = ctx.now()
  const entry = { at: now, actorId: me._id, actorName: me.name, event: 'withdraw' as const, comment: null }
  const { stats } = await ctx.db
    .collection(DELEGATIONS)
    .where({ _id: doc._id, status: doc.status })
    .update({ data: { status: next, updatedAt: now, timeline: ctx.db.command.push([entry]) } })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, { action: ctx.action, targetCollection: DELEGATIONS, targetId: doc._id, before: { status: doc.status }, after: { status: next } })
  return delegationDetailFor(ctx, { ...doc, status: next, updatedAt: now, timeline: [...doc.timeline, entry] })
}

export async function revokeDelegation(input: ActionInput<'delegation.revoke'>, ctx: ActionContext): Promise<DelegationDetail> {
  const me = requirePerson(ctx)
  const { doc } = await decided(ctx, input.id, 'revoke')
  const refusal = await endDelegation(ctx, doc, 'revoke', { id: me._id, name: me.name }, input.comment?.trim() || null)
  if (refusal) refuse(refusal)
  return delegationDetailFor(ctx, await loadDelegation(ctx, doc._id))
}
