import type { ActionInput, ApplicationDetail, ErrorCode } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { accountApplicationFlow } from '../../domain/workflow/account-application'
import { accountIdFor, ACCOUNTS, type AccountDoc } from '../../repos/accounts'
import { APPLICATIONS, timelineEntry, type ApplicationDoc } from '../../repos/applications'
import { notify } from '../../notify/notifier'
import { callerRelations, detailFor, loadApplication } from './shared'

/**
 * Activation changes two records: the application becomes activated and the account is
 * created in the registry. Both happen in one transaction, or neither.
 */
export async function activateApplication(
  input: ActionInput<'account.activateApplication'>,
  ctx: ActionContext,
): Promise<ApplicationDetail> {
  const me = requirePerson(ctx)
  const doc = await loadApplication(ctx, input.id)
  const { relations } = await callerRelations(ctx, doc)
  const decision = accountApplicationFlow.decide(doc.status, 'activate', relations)
  if (!decision.ok) refuse(decision.refusal)

  const now = ctx.now()
  const accountId = accountIdFor(input.wechatId)
  const entry = timelineEntry(now, me, 'activate', `业务微信号 ${input.wechatId}`)
  const account: Omit<AccountDoc, '_id'> = {
    wechatId: input.wechatId,
    holderId: doc.applicantId,
    holderName: doc.applicantName,
    departmentId: doc.departmentId,
    status: 'active',
    boundPhone: input.boundPhone,
    activatedOn: input.activatedOn,
    applicationId: doc._id,
    createdAt: now,
    updatedAt: now,
  }

  const refusal = await ctx.db.runTransaction(async (tx): Promise<ErrorCode | null> => {
    const current = (await tx.collection<ApplicationDoc>(APPLICATIONS).doc(doc._id).get()).data
    if (current.status !== doc.status) return 'CONFLICT'
    const taken = await tx
      .collection(ACCOUNTS)
      .doc(accountId)
      .get()
      .then(
        () => true,
        () => false,
      )
    if (taken) return 'WECHAT_ID_TAKEN'
    await tx.collection(ACCOUNTS).doc(accountId).set({ data: account })
    await tx.collection(APPLICATIONS).doc(doc._id).update({
      data: {
        status: decision.next,
        accountId,
        accountWechatId: input.wechatId,
        updatedAt: now,
        timeline: ctx.db.command.push([entry]),
      },
    })
    await writeAudit(ctx, { action: ctx.action, targetCollection: ACCOUNTS, targetId: accountId, before: null, after: account }, tx)
    await writeAudit(ctx, { action: ctx.action, targetCollection: APPLICATIONS, targetId: doc._id, before: { status: doc.status }, after: { status: decision.next, accountId } }, tx)
    return null
  })
  if (refusal) refuse(refusal)
  await notify(ctx, [doc.applicantId], { template: 'approvalResult', kind: 'application', recordId: doc._id, title: '业务微信账号已开通', detail: `业务微信号 ${input.wechatId}` })
  return detailFor(ctx, {
    ...doc,
    status: decision.next,
    accountId,
    accountWechatId: input.wechatId,
    updatedAt: now,
    timeline: [...doc.timeline, entry],
  })
}
