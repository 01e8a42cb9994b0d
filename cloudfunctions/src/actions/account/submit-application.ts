import { CONTACT_REASON_MIN, type ActionInput, type ApplicationDetail, type ErrorCode } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import { ACCOUNTS, HELD_ACCOUNT_STATUSES } from '../../repos/accounts'
import { APPLICATIONS, OPEN_APPLICATION_STATUSES, timelineEntry, type ApplicationDoc } from '../../repos/applications'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { loadDepartment } from '../shared/relations'
import { adminIds, headStepDeciders, notify } from '../../notify/notifier'
import { detailFor } from './shared'

export async function submitApplication(
  input: ActionInput<'account.submitApplication'>,
  ctx: ActionContext,
): Promise<ApplicationDetail> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  const contactChanged = input.mobile !== me.mobile || input.email.toLowerCase() !== me.email.toLowerCase()
  const reason = input.contactChangeReason?.trim() ?? ''
  if (contactChanged && reason.length < CONTACT_REASON_MIN) refuse('CONTACT_REASON_REQUIRED')

  const held = await ctx.db.collection(ACCOUNTS).where({ holderId: me._id, status: _.in(HELD_ACCOUNT_STATUSES) }).count()
  if (held.total > 0) refuse('ACCOUNT_ALREADY_HELD')

  const department = await loadDepartment(ctx, me.departmentId)
  const now = ctx.now()
  const doc: ApplicationDoc = {
    _id: newId('app', now),
    applicantId: me._id,
    applicantName: me.name,
    departmentId: me.departmentId,
    status: 'pending_head',
    headStep: !department?.headId || department.headId === me._id ? 'admin' : 'head',
    realName: input.realName,
    mobile: input.mobile,
    email: input.email,
    contactChangeReason: contactChanged ? reason : null,
    purpose: input.purpose,
    intendedWechatId: input.intendedWechatId ?? null,
    timeline: [timelineEntry(now, me, 'submit')],
    accountId: null,
    accountWechatId: null,
    submittedAt: now,
    updatedAt: now,
  }
  const { _id, ...fields } = doc

  // The person document is the lock: two submissions at once both write it, so the
  // database lets only one commit and the retry sees the other's open application.
  const refusal = await ctx.db.runTransaction(async (tx): Promise<ErrorCode | null> => {
    const person = (await tx.collection<PersonDoc>(PEOPLE).doc(me._id).get()).data
    if (person.openApplicationId) {
      const previous = (await tx.collection<ApplicationDoc>(APPLICATIONS).doc(person.openApplicationId).get()).data
      if (OPEN_APPLICATION_STATUSES.includes(previous.status)) return 'APPLICATION_OPEN'
    }
    await tx.collection(APPLICATIONS).doc(_id).set({ data: fields })
    await tx.collection(PEOPLE).doc(me._id).update({ data: { openApplicationId: _id } })
    await writeAudit(ctx, { action: ctx.action, targetCollection: APPLICATIONS, targetId: _id, before: null, after: { status: doc.status, purpose: doc.purpose } }, tx)
    return null
  })
  if (refusal) refuse(refusal)
  const deciders = doc.headStep === 'admin' ? await adminIds(ctx) : await headStepDeciders(ctx, doc.departmentId, me._id)
  await notify(ctx, deciders, { template: 'approvalRequest', kind: 'application', recordId: doc._id, title: `${me.name}申请业务微信账号`, detail: doc.purpose })
  return detailFor(ctx, doc)
}
