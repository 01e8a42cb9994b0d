import type { Notice, NoticeAudience, Receipt } from '../../../types/contract'
import type { Database } from '../core/sdk-types'

export const NOTICES = 'notices'
export const NOTICE_RECEIPTS = 'notice_receipts'

export interface NoticeDoc {
  _id: string
  title: string
  body: string
  senderId: string
  senderName: string
  senderDepartmentId: string
  audience: NoticeAudience
  audienceLabel: string
  requireAck: boolean
  ackWithinWorkingMinutes: number | null
  /** The same for every recipient: working time counted from the moment of sending. */
  deadlineAt: Date | null
  sentAt: Date
  recipientCount: number
  /** Incremented once per receipt acknowledged, right after it is, so lists need no counting. */
  acknowledgedCount: number
  lateCount: number
}

export interface ReceiptDoc {
  _id: string
  noticeId: string
  personId: string
  departmentId: string
  sentAt: Date
  deadlineAt: Date | null
  requireAck: boolean
  /** Still waiting for this person's acknowledgement: what the workbench lists first. */
  pending: boolean
  acknowledgedAt: Date | null
  /** Working minutes from sending to acknowledging: reply-timeliness evidence. */
  workingMinutes: number | null
  onTime: boolean | null
}

/** One receipt per person per notice: the id says which. */
export function receiptId(noticeId: string, personId: string): string {
  return `rcpt-${noticeId}-${personId}`
}

export async function loadNotice(db: Database, id: string): Promise<NoticeDoc | null> {
  const { data } = await db.collection<NoticeDoc>(NOTICES).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

export async function loadReceipt(db: Database, noticeId: string, personId: string): Promise<ReceiptDoc | null> {
  const { data } = await db.collection<ReceiptDoc>(NOTICE_RECEIPTS).where({ _id: receiptId(noticeId, personId) }).limit(1).get()
  return data[0] ?? null
}

function isOverdue(deadlineAt: Date | null, acknowledgedAt: Date | null, now: Date): boolean {
  return deadlineAt !== null && acknowledgedAt === null && now.getTime() > deadlineAt.getTime()
}

export function receiptOverdue(receipt: Pick<ReceiptDoc, 'deadlineAt' | 'acknowledgedAt'>, now: Date): boolean {
  return isOverdue(receipt.deadlineAt, receipt.acknowledgedAt, now)
}

export function toNotice(doc: NoticeDoc, now: Date): Notice {
  const deadlinePassed = doc.deadlineAt !== null && now.getTime() > doc.deadlineAt.getTime()
  return {
    id: doc._id,
    title: doc.title,
    body: doc.body,
    senderId: doc.senderId,
    senderName: doc.senderName,
    audienceLabel: doc.audienceLabel,
    requireAck: doc.requireAck,
    ackWithinWorkingMinutes: doc.ackWithinWorkingMinutes,
    deadlineAt: doc.deadlineAt ? doc.deadlineAt.toISOString() : null,
    sentAt: doc.sentAt.toISOString(),
    recipientCount: doc.recipientCount,
    acknowledgedCount: doc.acknowledgedCount,
    lateCount: doc.lateCount,
    overdueCount: doc.requireAck && deadlinePassed ? doc.recipientCount - doc.acknowledgedCount : 0,
  }
}

export function toReceipt(notice: NoticeDoc, receipt: ReceiptDoc, now: Date): Receipt {
  return {
    noticeId: notice._id,
    title: notice.title,
    body: notice.body,
    senderName: notice.senderName,
    sentAt: notice.sentAt.toISOString(),
    requireAck: notice.requireAck,
    deadlineAt: notice.deadlineAt ? notice.deadlineAt.toISOString() : null,
    acknowledgedAt: receipt.acknowledgedAt ? receipt.acknowledgedAt.toISOString() : null,
    workingMinutes: receipt.workingMinutes,
    onTime: receipt.onTime,
    overdue: receiptOverdue(receipt, now),
  }
}
