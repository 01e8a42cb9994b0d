import type { ActionInput, ErrorCode, HandoverDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { checklistComplete, handoverFlow, mayTick } from '../../domain/workflow/handover'
import { ACCOUNTS, type AccountDoc } from '../../repos/accounts'
import { HANDOVERS, type HandoverDoc } from '../../repos/handovers'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { refuseUnlessVisible } from '../shared/relations'
import { moveCustomers, planCustomerMove, refusalOfRollback } from '../customer/transfer'
import { handoverDetailFor, handoverRelations, isParticipant, loadHandover, tickingParty } from './shared'

async function decided(ctx: ActionContext, id: string, event: 'designate' | 'tick' | 'close' | 'cancel') {
  const doc = await loadHandover(ctx, id)
  const { relations } = await handoverRelations(ctx, doc)
  if (event === 'tick' && !isParticipant(ctx, doc, relations)) refuse('FORBIDDEN')
  const decision = handoverFlow.decide(doc.status, event, relations)
  if (!decision.ok) refuse(decision.refusal)
  return { doc, next: decision.next }
}

export async function getHandover(input: ActionInput<'handover.get'>, ctx: ActionContext): Promise<HandoverDetail> {
  const doc = await loadHandover(ctx, input.id)
  const { relations } = await handoverRelations(ctx, doc)
  if (!isParticipant(ctx, doc, relations)) refuseUnlessVisible(relations)
  return handoverDetailFor(ctx, doc)
}

export async function designateReceiver(input: ActionInput<'handover.designate'>, ctx: ActionContext): Promise<HandoverDetail> {
  const { doc, next } = await decided(ctx, input.id, 'designate')
  const { data } = await ctx.db.collection<PersonDoc>(PEOPLE).where({ _id: input.receiverId }).limit(1).get()
  const receiver = data[0]
  if (!receiver || receiver._id === doc.holderId || receiver.status !== 'active') refuse('RECEIVER_INVALID')
  const now = ctx.now()
  const { stats } = await ctx.db
    .collection(HANDOVERS)
    .where({ _id: doc._id, status: doc.status })
    .update({ data: { status: next, receiverId: receiver._id, receiverName: receiver.name, updatedAt: now } })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, { action: ctx.action, targetCollection: HANDOVERS, targetId: doc._id, before: { status: doc.status, receiverId: null }, after: { status: next, receiverId: receiver._id } })
  return handoverDetailFor(ctx, { ...doc, status: next, receiverId: receiver._id, receiverName: receiver.name, updatedAt: now })
}

export async function tickChecklist(input: ActionInput<'handover.tick'>, ctx: ActionContext): Promise<HandoverDetail> {
  const me = requirePerson(ctx)
  const { doc } = await decided(ctx, input.id, 'tick')
  if (!mayTick(input.item, tickingParty(ctx, doc))) refuse('NOT_RESPONSIBLE')
  const now = ctx.now()
  const mark = { at: now, byId: me._id, byName: me.name }
  // Ticking twice keeps the first tick: only an unticked item is updated.
  const _ = ctx.db.command
  const { stats } = await ctx.db
    .collection(HANDOVERS)
    .where({ _id: doc._id, status: 'in_progress', [`checklist.${input.item}`]: _.exists(false) })
    .update({ data: { [`checklist.${input.item}`]: mark, updatedAt: now } })
  if (stats.updated === 1) {
    await writeAudit(ctx, { action: ctx.action, targetCollection: HANDOVERS, targetId: doc._id, before: null, after: { item: input.item } })
  }
  return handoverDetailFor(ctx, await loadHandover(ctx, doc._id))
}

/**
 * Closing changes, all at once: the handover, the account (to the receiver, or closed), the
 * holder's customers and their open follow-ups when the account passes to the receiver, and,
 * when the holder is leaving, their roster entry.
 */
export async function closeHandover(input: ActionInput<'handover.close'>, ctx: ActionContext): Promise<HandoverDetail> {
  const { doc, next } = await decided(ctx, input.id, 'close')
  if (!checklistComplete(doc.checklist)) refuse('CHECKLIST_INCOMPLETE')
  const now = ctx.now()
  const refusal = await ctx.db.runTransaction(async (tx): Promise<ErrorCode | null> => {
    const current = (await tx.collection<HandoverDoc>(HANDOVERS).doc(doc._id).get()).data
    if (current.status !== 'in_progress') return 'CONFLICT'
    const account = (await tx.collection<AccountDoc>(ACCOUNTS).doc(doc.accountId).get()).data
    let accountAfter: Record<string, unknown> = { status: 'closed', approvedDelegations: [] }
    if (input.outcome === 'transfer') {
      const receiver = (await tx.collection<PersonDoc>(PEOPLE).doc(doc.receiverId!).get()).data
      if (receiver.status !== 'active') return 'RECEIVER_INVALID'
      // Every refusal comes before the first write: returning one after it would commit that write.
      const move = await planCustomerMove(ctx, doc.holderId)
      if (move === 'TOO_MANY_CUSTOMERS') return move
      // A move that cannot finish rolls the whole transaction back (see refusalOfRollback).
      const moved = await moveCustomers(ctx, tx, move, doc.holderId, receiver, now)
      if (moved) return moved
      accountAfter = { holderId: receiver._id, holderName: receiver.name, departmentId: receiver.departmentId, status: 'active', approvedDelegations: [] }
    }
    await tx.collection(ACCOUNTS).doc(account._id).update({ data: { ...accountAfter, updatedAt: now } })
    await writeAudit(ctx, { action: ctx.action, targetCollection: ACCOUNTS, targetId: account._id, before: { holderId: account.holderId, status: account.status }, after: accountAfter }, tx)
    if (doc.leaving) {
      await tx.collection(PEOPLE).doc(doc.holderId).update({ data: { status: 'left', leftAt: now, updatedAt: now } })
      await writeAudit(ctx, { action: ctx.action, targetCollection: PEOPLE, targetId: doc.holderId, before: { status: 'active' }, after: { status: 'left' } }, tx)
    }
    await tx.collection(HANDOVERS).doc(doc._id).update({ data: { status: next, outcome: input.outcome, closedAt: now, updatedAt: now } })
    await writeAudit(ctx, { action: ctx.action, targetCollection: HANDOVERS, targetId: doc._id, before: { status: 'in_progress' }, after: { status: next, outcome: input.outcome } }, tx)
    return null
  }).catch(refusalOfRollback)
  if (refusal) refuse(refusal)
  return handoverDetailFor(ctx, { ...doc, status: next, outcome: input.outcome, closedAt: now, updatedAt: now })
}

export async function cancelHandover(input: ActionInput<'handover.cancel'>, ctx: ActionContext): Promise<HandoverDetail> {
  const { doc, next } = await decided(ctx, input.id, 'cancel')
  const now = ctx.now()
  const refusal = await ctx.db.runTransaction(async (tx): Promise<ErrorCode | null> => {
    const current = (await tx.collection<HandoverDoc>(HANDOVERS).doc(doc._id).get()).data
    if (current.status !== doc.status) return 'CONFLICT'
    await tx.collection(ACCOUNTS).doc(doc.accountId).update({ data: { status: doc.accountStatusBefore, updatedAt: now } })
    await tx.collection(HANDOVERS).doc(doc._id).update({ data: { status: next, closedAt: now, updatedAt: now } })
    await writeAudit(ctx, { action: ctx.action, targetCollection: HANDOVERS, targetId: doc._id, before: { status: doc.status }, after: { status: next, comment: input.comment } }, tx)
    await writeAudit(ctx, { action: ctx.action, targetCollection: ACCOUNTS, targetId: doc.accountId, before: { status: 'handing_over' }, after: { status: doc.accountStatusBefore } }, tx)
    return null
  })
  if (refusal) refuse(refusal)
  return handoverDetailFor(ctx, { ...doc, status: next, closedAt: now, updatedAt: now })
}
