import { z } from 'zod'
import { bound, spec } from './action-spec'
import { evidenceSchema, scoreSchema } from './assessment'
import { idSchema, pageInputSchema, pageOf } from './common'
import { monthSchema } from './security'

/**
 * The monthly assessment's runs and results (policy 六.三). A run computes one Shanghai month
 * for everyone in service, in chunks, from the records the product keeps; an admin publishes
 * it, after which the month is frozen. Employees see their own published result with the
 * evidence behind it and may appeal once; an admin upholds the result or adjusts it, and the
 * adjustment is kept beside the computed result rather than replacing it.
 */
export const assessmentRunStatuses = ['running', 'done', 'failed'] as const
export const assessmentRunStatusSchema = z.enum(assessmentRunStatuses)
export type AssessmentRunStatus = z.infer<typeof assessmentRunStatusSchema>
export const assessmentRunStatusLabels: Record<AssessmentRunStatus, string> = {
  running: '计算中',
  done: '已完成',
  failed: '未完成',
}

export const assessmentRunTriggerSchema = z.enum(['timer', 'admin'])
export type AssessmentRunTrigger = z.infer<typeof assessmentRunTriggerSchema>

export const assessmentRunSchema = z.object({
  id: z.string(),
  month: monthSchema,
  status: assessmentRunStatusSchema,
  trigger: assessmentRunTriggerSchema,
  /** Started before the month ended: a preview, which cannot be published. */
  preview: z.boolean(),
  ruleVersion: z.number().int(),
  /** People in scope when the run started. */
  staffCount: z.number().int(),
  processed: z.number().int(),
  startedAt: z.string(),
  startedByName: z.string().nullable(),
  finishedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  /** Still running but without progress for a while: starting the month again resumes it. */
  stalled: z.boolean(),
  lastError: z.string().nullable(),
})
export type AssessmentRun = z.infer<typeof assessmentRunSchema>

export const runMonthInput = z.object({ month: monthSchema }).strict()

export const getRunInput = z
  .object({ month: monthSchema.optional(), runId: idSchema.optional() })
  .strict()
  .refine((v) => (v.month === undefined) !== (v.runId === undefined), { message: '请指定月份或计算批次之一', path: ['month'] })
export const getRunOutput = z.object({
  month: monthSchema,
  /** The run asked for, or the month's latest; null when the month was never computed. */
  run: assessmentRunSchema.nullable(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
})
export type AssessmentRunOverview = z.infer<typeof getRunOutput>

export const publishMonthInput = z.object({ month: monthSchema }).strict()

export const appealStatuses = ['pending', 'upheld', 'adjusted'] as const
export const appealStatusSchema = z.enum(appealStatuses)
export type AppealStatus = z.infer<typeof appealStatusSchema>
export const appealStatusLabels: Record<AppealStatus, string> = {
  pending: '申诉处理中',
  upheld: '维持原结果',
  adjusted: '已调整',
}

export const appealSchema = z.object({
  reason: z.string(),
  appealedAt: z.string(),
  status: appealStatusSchema,
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  comment: z.string().nullable(),
})
export type Appeal = z.infer<typeof appealSchema>

/** An admin's decision to change the total; the computed score stays as it was. */
export const adjustmentSchema = z.object({
  total: z.number(),
  grade: z.string(),
  comment: z.string(),
  adjustedAt: z.string(),
  adjustedByName: z.string(),
})
export type Adjustment = z.infer<typeof adjustmentSchema>

export const assessmentResultSchema = z.object({
  id: z.string(),
  month: monthSchema,
  personId: z.string(),
  personName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  runId: z.string(),
  ruleVersion: z.number().int(),
  evidence: evidenceSchema,
  /** As computed by the run; never changed afterwards. */
  score: scoreSchema,
  computedAt: z.string(),
  /** What counts: the adjustment's total and grade when there is one, else the computed ones. */
  total: z.number(),
  grade: z.string(),
  appeal: appealSchema.nullable(),
  adjustment: adjustmentSchema.nullable(),
  published: z.boolean(),
  /** The caller may appeal it now (their own, published, not yet appealed). */
  canAppeal: z.boolean(),
})
export type AssessmentResult = z.infer<typeof assessmentResultSchema>

export const resultSortSchema = z.enum(['totalDesc', 'totalAsc'])
export type ResultSort = z.infer<typeof resultSortSchema>

export const listResultsInput = pageInputSchema
  .extend({
    month: monthSchema,
    /** Admins: one department or all; heads: their own (another is refused). */
    departmentId: idSchema.optional(),
    keyword: z.string().trim().max(32, '关键词不能超过32个字').optional(),
    /** Only results of this grade (a label of the month's rules, e.g. 优秀). */
    grade: z.string().trim().min(1).max(16).optional(),
    sort: resultSortSchema.default('totalDesc'),
  })
  .strict()
export const resultRowSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  total: z.number(),
  grade: z.string(),
  /** The computed total, which differs from `total` after an adjustment. */
  computedTotal: z.number(),
  appealStatus: appealStatusSchema.nullable(),
  /** Indicators scored by the neutral rule for lack of evidence. */
  insufficientCount: z.number().int(),
})
export type ResultRow = z.infer<typeof resultRowSchema>
export const listResultsOutput = pageOf(resultRowSchema).extend({
  month: monthSchema,
  published: z.boolean(),
  /** Heads see results only once published; false here means the list is empty for that reason. */
  visible: z.boolean(),
})

export const distributionInput = z.object({ month: monthSchema }).strict()
export const gradeCountSchema = z.object({ grade: z.string(), count: z.number().int() })
export const departmentDistributionSchema = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  counts: z.array(gradeCountSchema),
  count: z.number().int(),
  /** Average total, one decimal; null without results. */
  average: z.number().nullable(),
})
export const distributionOutput = z.object({
  month: monthSchema,
  published: z.boolean(),
  /** Grade labels from highest to lowest, as the run's rules named them. */
  grades: z.array(z.string()),
  departments: z.array(departmentDistributionSchema),
  total: z.object({ counts: z.array(gradeCountSchema), count: z.number().int(), average: z.number().nullable() }),
})
export type GradeDistribution = z.infer<typeof distributionOutput>

export const getMineInput = z
  .object({
    /** Default: the latest published month. */
    month: monthSchema.optional(),
    /** Heads (their department) and admins may open someone else's; default the caller. */
    personId: idSchema.optional(),
  })
  .strict()

export const MAX_EVIDENCE_ITEMS = 20

export const lateNoticeSchema = z.object({
  noticeId: z.string(),
  title: z.string(),
  sentAt: z.string(),
  deadlineAt: z.string().nullable(),
  /** Null: never acknowledged. */
  acknowledgedAt: z.string().nullable(),
})
export const followUpEvidenceSchema = z.object({
  followUpId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  dueOn: z.string(),
  /** late: done after its date; overdue: still open after its date. */
  state: z.enum(['late', 'overdue']),
  doneAt: z.string().nullable(),
})
export const lateTaskSchema = z.object({
  taskId: z.string(),
  title: z.string(),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
})
export const spotCheckEvidenceSchema = z.object({
  spotCheckId: z.string(),
  scoredAt: z.string().nullable(),
  firstReplyMinutes: z.number().nullable(),
  rubricPercent: z.number().nullable(),
  notes: z.string().nullable(),
})
export const violationEvidenceSchema = z.object({
  violationId: z.string(),
  occurredOn: z.string(),
  clauseLabel: z.string(),
  category: z.string(),
  severity: z.string(),
  points: z.number(),
  status: z.string(),
})
export const evidenceDetailsSchema = z.object({
  lateNotices: z.array(lateNoticeSchema),
  followUps: z.array(followUpEvidenceSchema),
  lateTasks: z.array(lateTaskSchema),
  spotChecks: z.array(spotCheckEvidenceSchema),
  violations: z.array(violationEvidenceSchema),
})
export type EvidenceDetails = z.infer<typeof evidenceDetailsSchema>

export const trendPointSchema = z.object({ month: monthSchema, total: z.number(), grade: z.string() })
export const getMineOutput = z.object({
  /** Null only when nothing was ever published and no month was asked for. */
  month: monthSchema.nullable(),
  personId: z.string(),
  personName: z.string(),
  published: z.boolean(),
  /** Null until the month is published (admins also see unpublished results). */
  result: assessmentResultSchema.nullable(),
  /** Published totals of the six months up to this one, oldest first. */
  trend: z.array(trendPointSchema),
  /** What lies behind the indicators, up to MAX_EVIDENCE_ITEMS each; empty without a result. */
  details: evidenceDetailsSchema,
})
export type MyAssessment = z.infer<typeof getMineOutput>

export const APPEAL_REASON_MAX = 500
export const appealInput = z
  .object({
    id: idSchema,
    reason: z.string().trim().min(5, '请写明申诉理由（至少5个字）').max(APPEAL_REASON_MAX, `申诉理由不能超过${APPEAL_REASON_MAX}个字`),
  })
  .strict()

const decisionCommentSchema = z.string().trim().min(2, '请填写处理意见').max(300, '处理意见不能超过300个字')
export const adjustedTotalSchema = z
  .number({ invalid_type_error: '请填写调整后的总分' })
  .min(0, '总分须在0-100之间')
  .max(100, '总分须在0-100之间')
  .refine((n) => Math.round(n * 10) === n * 10, '总分最多保留一位小数')
export const decideAppealInput = z.discriminatedUnion('decision', [
  z.object({ id: idSchema, decision: z.literal('uphold'), comment: decisionCommentSchema }).strict(),
  z.object({ id: idSchema, decision: z.literal('adjust'), total: adjustedTotalSchema, comment: decisionCommentSchema }).strict(),
])

/** The appeals queue: every result whose appeal waits for a decision, whatever the month. */
export const listAppealsInput = pageInputSchema
  .extend({
    /** One department's appeals; left out: every department's (heads: always their own; another is refused). */
    departmentId: idSchema.optional(),
  })
  .strict()
/** `id` is the result's: the decision is taken on the result itself. */
export const appealRowSchema = assessmentResultSchema
  .pick({ id: true, month: true, personId: true, personName: true, departmentId: true, departmentName: true, total: true, grade: true })
  .extend({ reason: z.string(), appealedAt: z.string() })
export type AppealRow = z.infer<typeof appealRowSchema>
export const listAppealsOutput = pageOf(appealRowSchema)

export const exportResultsInput = z.object({ month: monthSchema, departmentId: idSchema.optional() }).strict()
export const exportResultsOutput = z.object({
  /** Where the workbook is kept in cloud storage. */
  fileID: z.string(),
  /** A temporary download link, valid until `expiresAt`. */
  url: z.string(),
  fileName: z.string(),
  /** People in the workbook. */
  rows: z.number().int(),
  expiresAt: z.string(),
})
export type ResultsExport = z.infer<typeof exportResultsOutput>

/** Actions of this domain, merged into the one list in ./actions.ts. */
export const assessmentResultActions = {
  'assessment.runMonth': spec({
    fn: 'api',
    input: runMonthInput,
    output: assessmentRunSchema,
    audience: ['admin'],
    writes: true,
    summary: 'Compute a month that has ended (or preview the current one) for everyone in service; resumes the month’s run if one is unfinished; refused once the month is published.',
  }),
  'assessment.getRun': spec({
    fn: 'api',
    input: getRunInput,
    output: getRunOutput,
    audience: ['admin'],
    writes: false,
    summary: 'A run’s progress, or a month’s latest run and whether the month is published.',
  }),
  'assessment.publishMonth': spec({
    fn: 'api',
    input: publishMonthInput,
    output: assessmentRunSchema,
    audience: ['admin'],
    writes: true,
    summary: 'Publish the month’s latest run (finished, started after the month ended): results become visible and the month is frozen.',
  }),
  'assessment.listResults': spec({
    fn: 'api',
    input: listResultsInput,
    output: listResultsOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'A month’s results by total: heads their department once published, admins everyone or a department.',
  }),
  'assessment.distribution': spec({
    fn: 'api',
    input: distributionInput,
    output: distributionOutput,
    audience: ['admin'],
    writes: false,
    summary: 'How many people got each grade in a month, per department.',
  }),
  'assessment.getMine': spec({
    fn: 'api',
    input: getMineInput,
    output: getMineOutput,
    audience: bound,
    writes: false,
    summary: 'The caller’s published result for a month with the evidence behind it and a six-month trend; heads and admins may open their people’s.',
  }),
  'assessment.appeal': spec({
    fn: 'api',
    input: appealInput,
    output: assessmentResultSchema,
    audience: bound,
    writes: true,
    summary: 'Appeal one’s own published result, once.',
  }),
  'assessment.decideAppeal': spec({
    fn: 'api',
    input: decideAppealInput,
    output: assessmentResultSchema,
    audience: ['admin'],
    writes: true,
    summary: 'Uphold an appealed result or adjust its total; the computed result is kept beside the adjustment.',
  }),
  'assessment.listAppeals': spec({
    fn: 'api',
    input: listAppealsInput,
    output: listAppealsOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'Appeals waiting for a decision, every month, oldest month first and then in the order they were made; an admin’s own appeal is left to another admin; heads see their department’s (admins decide).',
  }),
  'assessment.exportResults': spec({
    fn: 'api',
    input: exportResultsInput,
    output: exportResultsOutput,
    audience: ['admin'],
    writes: true,
    summary: 'A published month’s results, everyone or one department, as an Excel workbook in cloud storage with a temporary download link.',
  }),
} as const
