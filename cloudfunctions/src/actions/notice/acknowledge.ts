import { type ActionInput, type Receipt, workingMinutesBetween } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { loadWorkingTimeSettings } from '../../repos/settings'
import { loadNotice, NOTICE_RECEIPTS, NOTICES, receiptId, toReceipt, type ReceiptDoc } from '../../repos/notices'

export async function acknowledgeNotice(input: ActionInput<'notice.acknowledge'>, ctx: ActionContext): Promise<Receipt> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const notice = await loadNotice(ctx.db, input.noticeId)
  if (!notice) refuse('NOT_FOUND')
  const id = receiptId(notice._id, me._id)
  const settings = await loadWorkingTimeSettings(ctx.db)
  const _ = ctx.db.command
  // The transaction touches only this person's receipt (and a fresh audit entry), so the only
  // contention is the same person tapping twice. Putting the notice's counters in it as well
  // made every recipient's transaction conflict with every other's, and a department
  // acknowledging within the same moment ran out of retries and was told the system was busy.
  const outcome = await ctx.db.runTransaction(async (tx): Promise<{ receipt: ReceiptDoc; changed: boolean } | null> => {
    const receipt = await tx
      .collection<ReceiptDoc>(NOTICE_RECEIPTS)
      .doc(id)
      .get()
      .then(
        (r) => r.data,
        () => null,
      )
    if (!receipt) return null
    // Acknowledging again keeps the first time: that is the evidence of how quickly they replied.
    if (receipt.acknowledgedAt) return { receipt, changed: false }
    const onTime = notice.deadlineAt ? now.getTime() <= notice.deadlineAt.getTime() : null
    const change = { acknowledgedAt: now, pending: false, workingMinutes: workingMinutesBetween(notice.sentAt, now, settings), onTime }
    await tx.collection(NOTICE_RECEIPTS).doc(id).update({ data: change })
    await writeAudit(
      ctx,
      {
        action: ctx.action,
        targetCollection: NOTICE_RECEIPTS,
        targetId: id,
        before: { acknowledgedAt: null },
        after: { acknowledgedAt: now.toISOString(), workingMinutes: change.workingMinutes, onTime },
      },
      tx,
    )
    return { receipt: { ...receipt, ...change }, changed: true }
  })
  if (!outcome) refuse('NOT_RECIPIENT')
  if (outcome.changed) {
    // An atomic increment serialises concurrent acknowledgements without conflicts; only the
    // transaction above that flipped the receipt gets here, so each receipt counts once.
    await ctx.db
      .collection(NOTICES)
      .doc(notice._id)
      .update({ data: { acknowledgedCount: _.inc(1), ...(outcome.receipt.onTime === false ? { lateCount: _.inc(1) } : {}) } })
  }
  return toReceipt(notice, outcome.receipt, now)
}
