import type { CustomerDetail, CustomerSummary, CustomerTimelineEntry, FollowUp, SelfIntroduction } from '@contract'

/** Friday 2026-11-27, 10:00 in Shanghai: "today" in the customer page tests. */
export const CUSTOMER_NOW = '2026-11-27T02:00:00.000Z'

/** Fake timers for the customer screens, leaving the ones React and the doubles wait on alone. */
export function atCustomerNow(): void {
  jest.useFakeTimers({
    now: new Date(CUSTOMER_NOW),
    doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
  })
}

export function followUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 'fu-1',
    customerId: 'cust-1',
    customerName: '周建国',
    ownerId: 'p-zhang',
    ownerName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    dueOn: '2026-11-27',
    what: '电话确认报价',
    status: 'planned',
    state: 'due_today',
    daysOverdue: 0,
    plannedAt: '2026-11-20T02:00:00.000Z',
    plannedByName: '张三',
    doneAt: null,
    cancelledAt: null,
    closedByName: null,
    onTime: null,
    note: null,
    ...overrides,
  }
}

export function customerSummary(overrides: Partial<CustomerSummary> = {}): CustomerSummary {
  return {
    id: 'cust-1',
    name: '周建国',
    company: '杭州远望贸易有限公司',
    phoneMasked: '138****0001',
    source: 'self_added',
    tags: ['重点客户', '华东'],
    ownerId: 'p-zhang',
    ownerName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    lastContactOn: '2026-11-26',
    nextFollowUpOn: '2026-11-27',
    complaintCount: 0,
    createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-11-26T02:00:00.000Z',
    ...overrides,
  }
}

export function contactEntry(overrides: Partial<Extract<CustomerTimelineEntry, { kind: 'contact' }>> = {}): CustomerTimelineEntry {
  return {
    kind: 'contact',
    id: 'contact-1',
    on: '2026-11-26',
    at: '2026-11-26T03:00:00.000Z',
    byName: '张三',
    channel: 'wechat',
    summary: '发送产品目录，客户关心交货期',
    nextStep: '周五前报价',
    ...overrides,
  }
}

export function feedbackEntry(overrides: Partial<Extract<CustomerTimelineEntry, { kind: 'feedback' }>> = {}): CustomerTimelineEntry {
  return {
    kind: 'feedback',
    id: 'fb-1',
    on: '2026-11-25',
    at: '2026-11-25T03:00:00.000Z',
    byName: '张三',
    satisfaction: 2,
    complaint: true,
    content: '送货晚了两天',
    ...overrides,
  }
}

/** The file as its owner sees it: one follow-up due today, one communication, one complaint, one follow-up done late. */
export function customerDetail(overrides: Partial<CustomerDetail> = {}): CustomerDetail {
  const late = followUp({ id: 'fu-0', dueOn: '2026-11-20', what: '发送报价单', status: 'done', state: 'done_late', doneAt: '2026-11-21T02:00:00.000Z', closedByName: '张三', onTime: false })
  return {
    ...customerSummary(),
    phone: '13800000001',
    consentAt: '2026-11-01T02:00:00.000Z',
    addedByName: '张三',
    stats: { contacts: 1, followUpsOpen: 1, followUpsOnTime: 0, followUpsLate: 1, followUpsOverdue: 0, feedbackCount: 1, averageSatisfaction: 2, complaints: 1 },
    openFollowUps: [followUp()],
    timeline: [contactEntry(), feedbackEntry(), { kind: 'followUp', id: late.id, on: '2026-11-21', at: '2026-11-21T02:00:00.000Z', byName: '张三', followUp: late }],
    timelineTotal: 3,
    canWrite: true,
    ...overrides,
  }
}

export function selfIntroduction(overrides: Partial<SelfIntroduction> = {}): SelfIntroduction {
  return {
    template: '您好，我是示例科技{部门}的{姓名}，负责与您对接相关业务，添加您是为了方便及时沟通，谢谢！',
    isDefault: false,
    updatedAt: '2026-11-01T02:00:00.000Z',
    updatedByName: '王五',
    ...overrides,
  }
}

export function pageOf<T>(items: T[], total = items.length, page = 1, pageSize = 20) {
  return { items, total, page, pageSize }
}
