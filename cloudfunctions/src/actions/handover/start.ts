import type { ActionInput, ErrorCode, HandoverDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import { ACCOUNTS, type AccountDoc } from '../../repos/accounts'
import { HANDOVERS, type HandoverDoc } from '../../repos/handovers'
import { callerRelationsTo } from '../shared/relations'
import { headStepDeciders, notify } from '../../notify/notifier'
import { revokeDelegationsOf } from '../delegation/shared'
import { handoverDetailFor } from './shared'

const HANDABLE = ['active', 'delegated', 'suspended']

/**
 * Started by the holder, their head or an admin. The account document is the lock: its
 * status moves to `handing_over` in the same transaction that creates the handover, so
 * one account never has two handovers open.
 */
export async function startHandover(input: ActionInput<'handover.start'>, ctx: ActionContext): Promise<HandoverDetail> {
  const me = requirePerson(ctx)
  const { data } = await ctx.db.collection<AccountDoc>(ACCOUNTS).where({ _id: input.accountId }).limit(1).get()
  const account = data[0] ?? refuse('NOT_FOUND')
  const { relations } = await callerRelationsTo(ctx, account.holderId, account.departmentId)
  if (!relations.some((r) => r === 'owner' || r === 'ownHead' || r === 'admin')) refuse(relations.includes('otherHead') ? 'OUT_OF_SCOPE' : 'FORBIDDEN')

  const now = ctx.now()
  const doc: HandoverDoc = {
    _id: newId('handover', now),
    accountId: account._id,
    accountWechatId: account.wechatId,
    accountStatusBefore: account.status,
    holderId: account.holderId,
    holderName: account.holderName,
    departmentId: account.departmentId,
    receiverId: null,
    receiverName: null,
    leaving: input.leaving,
    reason: input.reason,
    status: 'designating',
    startedById: me._id,
    startedByName: me.name,
    checklist: {},
    outcome: null,
    startedAt: now,
    closedAt: null,
    updatedAt: now,
  }
  const { _id, ...fields } = doc
  let statusBefore = account.status
  const refusal = await ctx.db.runTransaction(async (tx): Promise<ErrorCode | null> => {
    const current = (await tx.collection<AccountDoc>(ACCOUNTS).doc(account._id).get()).data
    if (current.status === 'handing_over') return 'HANDOVER_OPEN'
    if (!HANDABLE.includes(current.status)) return 'ACCOUNT_NOT_USABLE'
    statusBefore = current.status
    const approvedDelegations = await revokeDelegationsOf(ctx, tx, current, '账号开始交接，代操作自动收回')
    // A delegated account goes back to plain active if the handover is cancelled.
    if (statusBefore === 'delegated') statusBefore = 'active'
    await tx.collection(ACCOUNTS).doc(account._id).update({ data: { status: 'handing_over', approvedDelegations, updatedAt: now } })
    await tx.collection(HANDOVERS).doc(_id).set({ data: { ...fields, accountStatusBefore: statusBefore } })
    await writeAudit(ctx, { action: ctx.action, targetCollection: HANDOVERS, targetId: _id, before: null, after: { accountId: account._id, leaving: input.leaving } }, tx)
    await writeAudit(ctx, { action: ctx.action, targetCollection: ACCOUNTS, targetId: account._id, before: { status: current.status }, after: { status: 'handing_over' } }, tx)
    return null
  })
  if (refusal) refuse(refusal)
  await notify(ctx, await headStepDeciders(ctx, account.departmentId, account.holderId), {
    template: 'approvalRequest',
    kind: 'handover',
    recordId: doc._id,
    title: `${account.holderName}的账号交接待指定接收人`,
    detail: input.reason,
  })
  return handoverDetailFor(ctx, { ...doc, accountStatusBefore: statusBefore })
}
