import type { AccountSummary, ApplicationDetail, ApplicationSummary, TimelineEntry } from '@contract'

/** 10:30 in Shanghai. */
export const SUBMITTED_AT = '2026-03-02T02:30:00.000Z'

export function timelineEntry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return { at: SUBMITTED_AT, actorId: 'p-zhang', actorName: '张三', event: 'submit', comment: null, ...overrides }
}

/** An application as the backend returns it to someone allowed to see it (contacts in full). */
export function applicationDetail(overrides: Partial<ApplicationDetail> = {}): ApplicationDetail {
  return {
    id: 'app-1',
    applicantId: 'p-zhang',
    applicantName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    status: 'pending_head',
    purpose: '维护华东区重点客户群，发布产品资讯',
    submittedAt: SUBMITTED_AT,
    updatedAt: SUBMITTED_AT,
    realName: '张三',
    mobile: '13800000001',
    email: 'zhangsan@example.com',
    contactChangeReason: null,
    intendedWechatId: 'zhangsan_sales',
    timeline: [timelineEntry()],
    account: null,
    available: [],
    ...overrides,
  }
}

export function applicationSummary(overrides: Partial<ApplicationSummary> = {}): ApplicationSummary {
  const { id, applicantId, applicantName, departmentId, departmentName, status, purpose, submittedAt, updatedAt } = applicationDetail()
  return { id, applicantId, applicantName, departmentId, departmentName, status, purpose, submittedAt, updatedAt, ...overrides }
}

export function accountSummary(overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: 'acc-1',
    wechatId: 'zhangsan_sales',
    holderId: 'p-zhang',
    holderName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    status: 'active',
    boundPhoneMasked: '138****0001',
    activatedOn: '2026-03-03',
    delegation: null,
    ...overrides,
  }
}
