import type { RoundDetail, RoundSummary, SpotCheckDetail, SpotCheckSummary } from '@contract'

/** Drawn on Monday 2026-03-02 at 10:00 in Shanghai by the head 李四. */
export const DRAWN_AT = '2026-03-02T02:00:00.000Z'
/** Scored that Wednesday at 15:30. */
export const SCORED_AT = '2026-03-04T07:30:00.000Z'

export function checkSummary(overrides: Partial<SpotCheckSummary> = {}): SpotCheckSummary {
  return {
    id: 'round-1-p-zhang',
    roundId: 'round-1',
    personId: 'p-zhang',
    personName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    checkerId: 'p-li',
    checkerName: '李四',
    status: 'pending',
    roundMonth: '2026-03',
    month: null,
    scoredAt: null,
    firstReplyMinutes: null,
    rubricPercent: null,
    commented: false,
    createdAt: DRAWN_AT,
    ...overrides,
  }
}

/** As the checker sees a check waiting for their score. */
export function checkDetail(overrides: Partial<SpotCheckDetail> = {}): SpotCheckDetail {
  return {
    ...checkSummary(),
    rubric: null,
    notes: '',
    screenshots: [],
    scoredByName: null,
    employeeComment: null,
    commentedAt: null,
    available: ['score'],
    ...overrides,
  }
}

/** As the person sees their check once scored, before answering it. */
export function scoredCheck(overrides: Partial<SpotCheckDetail> = {}): SpotCheckDetail {
  return checkDetail({
    status: 'scored',
    month: '2026-03',
    scoredAt: SCORED_AT,
    firstReplyMinutes: 12,
    rubric: { clarity: 4, courtesy: 4, infoHandling: 5 },
    rubricPercent: 86.7,
    notes: '回复及时，报价说明清楚',
    scoredByName: '李四',
    available: ['comment'],
    ...overrides,
  })
}

export function roundSummary(overrides: Partial<RoundSummary> = {}): RoundSummary {
  return {
    id: 'round-1',
    createdBy: 'p-li',
    createdByName: '李四',
    departmentIds: ['d-sales'],
    departmentNames: ['销售部'],
    size: 3,
    sampledCount: 3,
    excludeWithinMonths: 3,
    force: false,
    seed: '9f2c4a7be01d3356',
    month: '2026-03',
    createdAt: DRAWN_AT,
    scoredCount: 0,
    ...overrides,
  }
}

export function roundDetail(overrides: Partial<RoundDetail> = {}): RoundDetail {
  return {
    ...roundSummary(),
    candidateCount: 8,
    eligibleCount: 6,
    excludedCount: 2,
    allocation: [{ departmentId: 'd-sales', departmentName: '销售部', eligible: 6, sampled: 3 }],
    reproducible: true,
    checks: [
      checkSummary(),
      checkSummary({ id: 'round-1-p-wang', personId: 'p-wang', personName: '王二' }),
      checkSummary({ id: 'round-1-p-zhao', personId: 'p-zhao', personName: '赵六', status: 'scored', month: '2026-03', scoredAt: SCORED_AT, firstReplyMinutes: 40, rubricPercent: 60 }),
    ],
    ...overrides,
  }
}

export function page<T>(items: T[], extra: { total?: number; page?: number; pageSize?: number } = {}) {
  return { items, total: extra.total ?? items.length, page: extra.page ?? 1, pageSize: extra.pageSize ?? 20 }
}
