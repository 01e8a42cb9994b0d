import type { AssessmentResult, AssessmentRun, AssessmentRunOverview, Evidence, GradeDistribution, MyAssessment, ResultRow } from '@contract'

export const GRADES = ['优秀', '良好', '合格', '不合格']

/** A month with no evidence at all: nothing due, nothing done, nothing recorded, the policy not acknowledged. */
export function noEvidence(): Evidence {
  return {
    notices: { due: 0, onTime: 0 },
    followUps: { due: 0, onTime: 0, late: 0, overdue: 0 },
    spotChecks: { count: 0, repliesWithin: 0, repliesObserved: 0, rubricAverage: null },
    importedReply: null,
    feedback: { count: 0, satisfactionAverage: null, complaints: 0 },
    selfCheckDone: false,
    archiveConfirmed: false,
    policyAcknowledged: false,
    tasks: { due: 0, onTime: 0 },
    violations: { count: 0, points: 0, confidentiality: 0 },
  }
}

/** A published October result for the employee double (张三), 86.5 良好, with one insufficient indicator. */
export function result(overrides: Partial<AssessmentResult> = {}): AssessmentResult {
  return {
    id: 'result-2026-10-p-zhang',
    month: '2026-10',
    personId: 'p-zhang',
    personName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    runId: 'run-1',
    ruleVersion: 2,
    evidence: {
      notices: { due: 4, onTime: 3 },
      followUps: { due: 10, onTime: 8, late: 1, overdue: 1 },
      spotChecks: { count: 2, repliesWithin: 1, repliesObserved: 2, rubricAverage: 85 },
      importedReply: null,
      feedback: { count: 0, satisfactionAverage: null, complaints: 0 },
      selfCheckDone: true,
      archiveConfirmed: true,
      policyAcknowledged: true,
      tasks: { due: 1, onTime: 1 },
      violations: { count: 1, points: 2, confidentiality: 0 },
    },
    score: {
      indicators: [
        { key: 'replyTimeliness', weight: 30, score: 50, insufficient: false, explanation: '抽查2次，1次首次回复在30分钟内' },
        { key: 'communicationQuality', weight: 30, score: 85, insufficient: false, explanation: '抽查评分平均85分' },
        { key: 'informationManagement', weight: 20, score: 100, insufficient: false, explanation: '自查、档案、制度确认均已完成' },
        { key: 'applicationEffect', weight: 20, score: 80, insufficient: true, explanation: '到期事项不足2条，按中性分80计' },
      ],
      weighted: 76.5,
      deductions: 2,
      total: 74.5,
      grade: '合格',
    },
    computedAt: '2026-11-01T01:00:00.000Z',
    total: 74.5,
    grade: '合格',
    appeal: null,
    adjustment: null,
    published: true,
    canAppeal: true,
    ...overrides,
  }
}

export function emptyDetails(): MyAssessment['details'] {
  return { lateNotices: [], followUps: [], lateTasks: [], spotChecks: [], violations: [] }
}

export function mine(overrides: Partial<MyAssessment> = {}): MyAssessment {
  return {
    month: '2026-10',
    personId: 'p-zhang',
    personName: '张三',
    published: true,
    result: result(),
    trend: [
      { month: '2026-08', total: 92, grade: '优秀' },
      { month: '2026-09', total: 81, grade: '良好' },
      { month: '2026-10', total: 74.5, grade: '合格' },
    ],
    details: {
      lateNotices: [{ noticeId: 'n-1', title: '十月安全培训', sentAt: '2026-10-09T01:00:00.000Z', deadlineAt: '2026-10-10T10:00:00.000Z', acknowledgedAt: null }],
      followUps: [
        { followUpId: 'f-1', customerId: 'c-1', customerName: '华星贸易', dueOn: '2026-10-12', state: 'overdue', doneAt: null },
        { followUpId: 'f-2', customerId: 'c-2', customerName: '远航物流', dueOn: '2026-10-20', state: 'late', doneAt: '2026-10-22T03:00:00.000Z' },
      ],
      lateTasks: [],
      spotChecks: [
        { spotCheckId: 'sc-1', scoredAt: '2026-10-15T06:00:00.000Z', firstReplyMinutes: 12, rubricPercent: 90, notes: '回复清楚' },
        { spotCheckId: 'sc-2', scoredAt: '2026-10-28T06:00:00.000Z', firstReplyMinutes: 75, rubricPercent: 80, notes: null },
      ],
      violations: [{ violationId: 'v-1', occurredOn: '2026-10-18', clauseLabel: '三.2 客户信息不得外传', category: 'confidentiality', severity: 'minor', points: 2, status: 'recorded' }],
    },
    ...overrides,
  }
}

export function run(overrides: Partial<AssessmentRun> = {}): AssessmentRun {
  return {
    id: 'run-1',
    month: '2026-10',
    status: 'done',
    trigger: 'admin',
    preview: false,
    ruleVersion: 2,
    staffCount: 12,
    processed: 12,
    startedAt: '2026-11-27T02:00:00.000Z',
    startedByName: '王五',
    finishedAt: '2026-11-27T02:01:00.000Z',
    publishedAt: null,
    publishedByName: null,
    stalled: false,
    lastError: null,
    ...overrides,
  }
}

export function overview(overrides: Partial<AssessmentRunOverview> = {}): AssessmentRunOverview {
  return { month: '2026-10', run: run(), published: false, publishedAt: null, ...overrides }
}

export function row(overrides: Partial<ResultRow> = {}): ResultRow {
  return {
    id: 'result-2026-10-p-zhang',
    personId: 'p-zhang',
    personName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    total: 74.5,
    grade: '合格',
    computedTotal: 74.5,
    appealStatus: null,
    insufficientCount: 1,
    ...overrides,
  }
}

export function resultsPage(items: ResultRow[], extra: { total?: number; page?: number; pageSize?: number; month?: string; published?: boolean; visible?: boolean } = {}) {
  return {
    items,
    total: extra.total ?? items.length,
    page: extra.page ?? 1,
    pageSize: extra.pageSize ?? 20,
    month: extra.month ?? '2026-10',
    published: extra.published ?? true,
    visible: extra.visible ?? true,
  }
}

export function distribution(overrides: Partial<GradeDistribution> = {}): GradeDistribution {
  return {
    month: '2026-10',
    published: false,
    grades: GRADES,
    departments: [
      {
        departmentId: 'd-sales',
        departmentName: '销售部',
        counts: [
          { grade: '优秀', count: 2 },
          { grade: '良好', count: 3 },
          { grade: '合格', count: 4 },
          { grade: '不合格', count: 1 },
        ],
        count: 10,
        average: 80.2,
      },
      { departmentId: 'd-service', departmentName: '客服部', counts: [{ grade: '良好', count: 2 }], count: 2, average: 84 },
    ],
    total: {
      counts: [
        { grade: '优秀', count: 2 },
        { grade: '良好', count: 5 },
        { grade: '合格', count: 4 },
        { grade: '不合格', count: 1 },
      ],
      count: 12,
      average: 80.8,
    },
    ...overrides,
  }
}

/** Friday 2026-11-27, 10:00 in Shanghai: October is the last month that can be published. Only the date is faked. */
export function freezeClock(): void {
  beforeEach(() => {
    jest.useFakeTimers({
      now: new Date('2026-11-27T02:00:00.000Z'),
      doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
    })
  })
  afterEach(() => {
    jest.useRealTimers()
  })
}
