import { type DelegationDetail, type DelegationEvent, type ErrorCode, shanghaiDate } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import type { ActionContext } from '../../core/context'
import { delegationFlow, inEffect } from '../../domain/workflow/delegation'
import type { Relation } from '../../domain/workflow/workflow'
import { ACCOUNTS, type AccountDoc } from '../../repos/accounts'
import type { Transaction } from '../../core/sdk-types'
import { DELEGATIONS, toDelegationDetail, type DelegationDoc } from '../../repos/delegations'
import { callerRelationsTo } from '../shared/relations'

export async function loadDelegation(ctx: ActionContext, id: string): Promise<DelegationDoc> {
  const { data } = await ctx.db.collection<DelegationDoc>(DELEGATIONS).where({ _id: id }).limit(1).get()
  return data[0] ?? refuse('NOT_FOUND')
}

/** The delegate may see the delegation too: they are the one operating the account. */
export async function delegationRelations(ctx: ActionContext, doc: DelegationDoc): Promise<{ relations: Relation[]; departmentName: string; isDelegate: boolean }> {
  const { relations, departmentName } = await callerRelationsTo(ctx, doc.holderId, doc.departmentId)
  const isDelegate = ctx.caller.kind === 'person' && ctx.caller.person._id === doc.delegateId
  return { relations, departmentName, isDelegate }
}

export async function delegationDetailFor(ctx: ActionContext, doc: DelegationDoc): Promise<DelegationDetail> {
  const { relations, departmentName } = await delegationRelations(ctx, doc)
  return toDelegationDetail(doc, departmentName, shanghaiDate(ctx.now()), delegationFlow.available(doc.status, relations))
}

type EndingEvent = Extract<DelegationEvent, 'revoke' | 'expire'>

/**
 * Ends an approved delegation (revoked early or over by date): the delegation and the
 * account's list of approved delegations change together, and the account goes back to
 * `active` when nothing else is in effect and it is still marked delegated.
 */
export async function endDelegation(
  ctx: ActionContext,
  doc: DelegationDoc,
  event: EndingEvent,
  actor: { id: string; name: string },
  comment: string | null,
): Promise<ErrorCode | null> {
  const now = ctx.now()
  const today = shanghaiDate(now)
  const next = event === 'revoke' ? 'revoked' : 'ended'
  return ctx.db.runTransaction(async (tx): Promise<ErrorCode | null> => {
    const current = (await tx.collection<DelegationDoc>(DELEGATIONS).doc(doc._id).get()).data
    if (current.status !== 'approved') return 'CONFLICT'
    const account = (await tx.collection<AccountDoc>(ACCOUNTS).doc(doc.accountId).get()).data
    const remaining = (account.approvedDelegations ?? []).filter((d) => d.id !== doc._id)
    const stillDelegated = remaining.some((d) => inEffect(d, today))
    const status = account.status === 'delegated' && !stillDelegated ? 'active' : account.status
    await tx.collection(ACCOUNTS).doc(account._id).update({ data: { approvedDelegations: remaining, status, updatedAt: now } })
    await tx.collection(DELEGATIONS).doc(doc._id).update({
      data: {
        status: next,
        updatedAt: now,
        timeline: ctx.db.command.push([{ at: now, actorId: actor.id, actorName: actor.name, event, comment }]),
      },
    })
    await writeAudit(ctx, { action: ctx.action, targetCollection: DELEGATIONS, targetId: doc._id, before: { status: 'approved' }, after: { status: next } }, tx)
    if (status !== account.status) {
      await writeAudit(ctx, { action: ctx.action, targetCollection: ACCOUNTS, targetId: account._id, before: { status: account.status }, after: { status } }, tx)
    }
    return null
  })
}

/**
 * When an account is suspended or handed over, nobody may keep operating it on someone
 * else's behalf: every approved delegation on it is revoked inside the caller's
 * transaction. Returns what the account's list of approved delegations becomes.
 */
export async function revokeDelegationsOf(ctx: ActionContext, tx: Transaction, account: AccountDoc, reason: string): Promise<[]> {
  const now = ctx.now()
  for (const delegation of account.approvedDelegations ?? []) {
    await tx.collection(DELEGATIONS).doc(delegation.id).update({
      data: {
        status: 'revoked',
        updatedAt: now,
        timeline: ctx.db.command.push([{ at: now, actorId: 'system', actorName: '系统', event: 'revoke', comment: reason }]),
      },
    })
    await writeAudit(ctx, { action: ctx.action, targetCollection: DELEGATIONS, targetId: delegation.id, before: { status: 'approved' }, after: { status: 'revoked', reason } }, tx)
  }
  return []
}
