import {
  checkMarketingText,
  defaultMarketingTerms,
  type GroupDetail,
  type GroupSummary,
  type MarketingDetail,
  type MarketingPush,
  type MarketingSummary,
  type MarketingTermsSettings,
} from '@contract'

export const SUBMITTED_AT = '2026-03-02T02:00:00.000Z'
export const FLAGGED_TEXT = '本店门锁采用国家级标准，现价999元，保证三年不坏。'

/** Material as its author's head sees it right after submission, with what the check found. */
export function marketingDetail(overrides: Partial<MarketingDetail> = {}): MarketingDetail {
  const text = overrides.text ?? FLAGGED_TEXT
  const flags = overrides.flags ?? checkMarketingText(text, defaultMarketingTerms)
  return {
    id: 'mkt-1',
    title: '智能门锁新品推广',
    preview: text,
    authorId: 'p-zhang',
    authorName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    status: 'pending',
    flagCount: flags.length,
    imageCount: 0,
    submittedAt: SUBMITTED_AT,
    reviewedAt: null,
    pushCount: 0,
    text,
    images: [],
    flags,
    reviewerName: null,
    reviewComment: null,
    timeline: [{ at: SUBMITTED_AT, actorName: '张三', event: 'submit', comment: null }],
    available: [],
    canPush: false,
    ...overrides,
  }
}

/** The same material approved into the library. */
export function approvedDetail(overrides: Partial<MarketingDetail> = {}): MarketingDetail {
  const base = marketingDetail()
  return {
    ...base,
    status: 'approved',
    reviewedAt: '2026-03-02T03:00:00.000Z',
    reviewerName: '李四',
    timeline: [...base.timeline, { at: '2026-03-02T03:00:00.000Z', actorName: '李四', event: 'approve', comment: null }],
    canPush: true,
    pushCount: 1,
    ...overrides,
  }
}

export function marketingSummary(overrides: Partial<MarketingSummary> = {}): MarketingSummary {
  const { text: _text, images: _images, flags: _flags, reviewerName: _r, reviewComment: _c, timeline: _t, available: _a, canPush: _p, ...summary } = marketingDetail()
  return { ...summary, ...overrides }
}

export function push(overrides: Partial<MarketingPush> = {}): MarketingPush {
  return {
    id: 'push-1',
    itemId: 'mkt-1',
    itemTitle: '智能门锁新品推广',
    byId: 'p-zhang',
    byName: '张三',
    departmentName: '销售部',
    at: '2026-03-02T05:00:00.000Z',
    customers: ['王先生', '李女士'],
    groups: [{ id: 'group-1', name: '门锁老客户群' }],
    count: 38,
    note: null,
    ...overrides,
  }
}

export function terms(overrides: Partial<MarketingTermsSettings> = {}): MarketingTermsSettings {
  return { ...defaultMarketingTerms, updatedAt: null, updatedByName: null, ...overrides }
}

export function groupDetail(overrides: Partial<GroupDetail> = {}): GroupDetail {
  return {
    id: 'group-1',
    name: '门锁老客户群',
    purpose: '老客户售后与新品通知',
    ownerId: 'p-zhang',
    ownerName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    relatedTo: '华东区门锁老客户',
    memberCount: 36,
    status: 'active',
    createdAt: SUBMITTED_AT,
    lastReviewedAt: null,
    lastReviewedByName: null,
    reviewDueOn: '2026-06-02',
    flags: [],
    createdByName: '张三',
    dissolvedAt: null,
    dissolvedByName: null,
    dissolveNote: null,
    reviews: [],
    available: [],
    ...overrides,
  }
}

export function groupSummary(overrides: Partial<GroupSummary> = {}): GroupSummary {
  const { createdByName: _c, dissolvedAt: _d, dissolvedByName: _db, dissolveNote: _dn, reviews: _r, available: _a, ...summary } = groupDetail()
  return { ...summary, ...overrides }
}

export function pageOf<T>(items: T[], total = items.length, page = 1, pageSize = 20) {
  return { items, total, page, pageSize }
}
