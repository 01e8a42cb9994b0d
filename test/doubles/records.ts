import {
  checklistItems,
  checklistResponsible,
  type AnomalyDetail,
  type AnomalySummary,
  type DelegationDetail,
  type DelegationSummary,
  type HandoverDetail,
  type SelfCheck,
  type SelfCheckOverview,
} from '@contract'
import { SUBMITTED_AT } from './accounts'

/** An anomaly report as its reporter's head sees it right after it was made. */
export function anomalyDetail(overrides: Partial<AnomalyDetail> = {}): AnomalyDetail {
  return {
    id: 'an-1',
    reporterId: 'p-zhang',
    reporterName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    type: 'stolen',
    status: 'open',
    occurredAt: '2026-03-02T02:00:00.000Z',
    reportedAt: SUBMITTED_AT,
    accountWechatId: 'zhangsan_sales',
    description: '客户反馈收到我的账号发来的借钱消息，但我没有发过',
    screenshots: [],
    accountId: 'acc-1',
    accountStatus: 'active',
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolution: null,
    measures: [],
    minutesToAcknowledge: null,
    minutesToResolve: null,
    available: [],
    ...overrides,
  }
}

export function anomalySummary(overrides: Partial<AnomalySummary> = {}): AnomalySummary {
  const { id, reporterId, reporterName, departmentId, departmentName, type, status, occurredAt, reportedAt, accountWechatId } = anomalyDetail()
  return { id, reporterId, reporterName, departmentId, departmentName, type, status, occurredAt, reportedAt, accountWechatId, ...overrides }
}

export function delegationDetail(overrides: Partial<DelegationDetail> = {}): DelegationDetail {
  return {
    id: 'dl-1',
    accountId: 'acc-1',
    accountWechatId: 'zhangsan_sales',
    holderId: 'p-zhang',
    holderName: '张三',
    delegateId: 'p-zhao',
    delegateName: '赵六',
    departmentId: 'd-sales',
    departmentName: '销售部',
    startsOn: '2026-03-02',
    endsOn: '2026-03-05',
    status: 'pending',
    inEffect: false,
    requestedAt: SUBMITTED_AT,
    reason: '出差期间代为回复客户',
    timeline: [{ at: SUBMITTED_AT, actorName: '张三', event: 'request', comment: null }],
    available: [],
    ...overrides,
  }
}

export function delegationSummary(overrides: Partial<DelegationSummary> = {}): DelegationSummary {
  const { reason: _reason, timeline: _timeline, available: _available, ...summary } = delegationDetail()
  return { ...summary, ...overrides }
}

export function handoverDetail(overrides: Partial<HandoverDetail> = {}): HandoverDetail {
  return {
    id: 'ho-1',
    accountId: 'acc-1',
    accountWechatId: 'zhangsan_sales',
    holderId: 'p-zhang',
    holderName: '张三',
    receiverId: 'p-zhao',
    receiverName: '赵六',
    departmentId: 'd-sales',
    departmentName: '销售部',
    leaving: true,
    status: 'in_progress',
    startedAt: SUBMITTED_AT,
    done: 0,
    total: checklistItems.length,
    reason: '员工离职',
    startedByName: '李四',
    checklist: checklistItems.map((item) => ({
      item,
      responsible: checklistResponsible[item],
      doneAt: null,
      doneByName: null,
      canTick: false,
    })),
    outcome: null,
    closedAt: null,
    available: [],
    ...overrides,
  }
}

/** The same handover with every item ticked. */
export function completedHandover(overrides: Partial<HandoverDetail> = {}): HandoverDetail {
  const base = handoverDetail()
  return {
    ...base,
    done: base.total,
    checklist: base.checklist.map((entry) => ({ ...entry, doneAt: SUBMITTED_AT, doneByName: '张三', canTick: false })),
    ...overrides,
  }
}

export function selfCheck(overrides: Partial<SelfCheck> = {}): SelfCheck {
  return {
    id: 'sc-1',
    personId: 'p-zhang',
    month: '2026-03',
    paymentPasswordStrong: true,
    passwordChangedOn: '2026-02-01',
    securityVerificationOn: true,
    noUnknownLinks: true,
    note: null,
    passed: true,
    issues: [],
    submittedAt: SUBMITTED_AT,
    ...overrides,
  }
}

export function selfCheckOverview(overrides: Partial<SelfCheckOverview> = {}): SelfCheckOverview {
  return {
    month: '2026-03',
    dueOn: '2026-03-10',
    overdue: false,
    record: null,
    passwordAgeDays: null,
    passwordTooOld: false,
    settings: { passwordMaxAgeDays: 90, selfCheckDueDay: 10 },
    ...overrides,
  }
}
