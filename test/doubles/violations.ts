import type { ViolationClauseOption, ViolationClauseOptions, ViolationDetail, ViolationHistoryEntry, ViolationSummary } from '@contract'

/** Recorded on Friday 2026-11-27 at 10:00 in Shanghai by the head 李四. */
export const RECORDED_AT = '2026-11-27T02:00:00.000Z'

export function violationSummary(overrides: Partial<ViolationSummary> = {}): ViolationSummary {
  return {
    id: 'v-1',
    personId: 'p-zhang',
    personName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    month: '2026-11',
    occurredOn: '2026-11-25',
    clause: { versionId: 'policy-v1', versionNumber: 1, chapterKey: 'communication', sectionKey: 'communication-messages', label: '第1版 3.2 信息发布与回复' },
    category: 'communication',
    severity: 'major',
    points: 5,
    penalty: '书面警告',
    status: 'recorded',
    stands: true,
    recordedAt: RECORDED_AT,
    recordedByName: '李四',
    appealDeadline: '2026-12-12',
    appealedAt: null,
    ...overrides,
  }
}

export function violationEntry(overrides: Partial<ViolationHistoryEntry> = {}): ViolationHistoryEntry {
  return { kind: 'record', at: RECORDED_AT, actorName: '李四', note: '书面警告', ...overrides }
}

/** As the person sees a violation just recorded against them. */
export function violationDetail(overrides: Partial<ViolationDetail> = {}): ViolationDetail {
  return {
    ...violationSummary(),
    description: '客户咨询报价后超过两个工作日未回复，客户投诉。',
    appealReason: null,
    decidedAt: null,
    decidedByName: null,
    decisionComment: null,
    history: [violationEntry()],
    available: ['appeal'],
    ...overrides,
  }
}

/** Under appeal, as an admin sees it. */
export function appealedViolation(overrides: Partial<ViolationDetail> = {}): ViolationDetail {
  return violationDetail({
    status: 'appealed',
    appealReason: '当时在外培训，已提前交代同事代为回复。',
    appealedAt: '2026-11-30T01:15:00.000Z',
    history: [violationEntry(), violationEntry({ kind: 'appeal', at: '2026-11-30T01:15:00.000Z', actorName: '张三', note: '当时在外培训，已提前交代同事代为回复。' })],
    available: ['uphold', 'overturn'],
    ...overrides,
  })
}

export function clauseOption(overrides: Partial<ViolationClauseOption> = {}): ViolationClauseOption {
  return { chapterKey: 'communication', chapterTitle: '业务微信沟通规范', sectionKey: 'communication-messages', label: '3.2 信息发布与回复', ...overrides }
}

export function clauseOptions(): ViolationClauseOptions {
  return {
    version: { id: 'policy-v1', number: 1, title: '业务微信管理制度' },
    sections: [
      clauseOption({ chapterKey: 'accounts', chapterTitle: '业务微信账号管理', sectionKey: 'accounts-use', label: '2.2 账号使用与保管' }),
      clauseOption({ sectionKey: 'communication-contacts', label: '3.1 添加好友与群组管理' }),
      clauseOption(),
      clauseOption({ chapterKey: 'information', chapterTitle: '业务微信信息管理', sectionKey: 'information-confidential', label: '5.3 信息保密与权限管理' }),
    ],
  }
}

export function violationPage<T>(items: T[], extra: { total?: number; page?: number; pageSize?: number } = {}) {
  return { items, total: extra.total ?? items.length, page: extra.page ?? 1, pageSize: extra.pageSize ?? 20 }
}
