import type { Notice, NoticeDetail, Receipt, ReceiptRow, WorkingTimeSettings } from '@contract'

/** Sent on a Monday at 10:00 in Shanghai, due two working hours later, at 12:00. */
export const SENT_AT = '2026-03-02T02:00:00.000Z'
export const DEADLINE_AT = '2026-03-02T04:00:00.000Z'

/** A notice asking for acknowledgement, as the recipient sees it before acknowledging. */
export function receipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    noticeId: 'n-1',
    title: '周五前更新客户资料',
    body: '请各位在周五前完成客户资料更新。\n逾期未更新的请说明原因。',
    senderName: '李四',
    sentAt: SENT_AT,
    requireAck: true,
    deadlineAt: DEADLINE_AT,
    acknowledgedAt: null,
    workingMinutes: null,
    onTime: null,
    overdue: false,
    ...overrides,
  }
}

export function notice(overrides: Partial<Notice> = {}): Notice {
  return {
    id: 'n-1',
    title: '周五前更新客户资料',
    body: '请各位在周五前完成客户资料更新。\n逾期未更新的请说明原因。',
    senderId: 'p-li',
    senderName: '李四',
    audienceLabel: '销售部',
    requireAck: true,
    ackWithinWorkingMinutes: 120,
    deadlineAt: DEADLINE_AT,
    sentAt: SENT_AT,
    recipientCount: 5,
    acknowledgedCount: 3,
    lateCount: 1,
    // The shared deadline has passed: everyone yet to acknowledge is overdue.
    overdueCount: 2,
    ...overrides,
  }
}

export function noticeDetail(overrides: Partial<NoticeDetail> = {}): NoticeDetail {
  return { notice: notice(), receipt: receipt(), canSeeReceipts: false, ...overrides }
}

export function receiptRow(overrides: Partial<ReceiptRow> = {}): ReceiptRow {
  return {
    personId: 'p-zhang',
    personName: '张三',
    departmentName: '销售部',
    acknowledgedAt: '2026-03-02T03:05:00.000Z',
    workingMinutes: 65,
    onTime: true,
    overdue: false,
    ...overrides,
  }
}

export function pageOf<T>(items: T[], total = items.length, page = 1, pageSize = 20) {
  return { items, total, page, pageSize }
}

/** Monday to Friday, 09:00–12:00 and 13:30–18:00, as the company starts out. */
export function workingTime(overrides: Partial<WorkingTimeSettings> = {}): WorkingTimeSettings {
  return {
    workdays: [1, 2, 3, 4, 5],
    periods: [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ],
    holidays: [],
    extraWorkdays: [],
    ...overrides,
  }
}
