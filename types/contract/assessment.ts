import { z } from 'zod'

/**
 * The monthly assessment (policy 六.二): four indicators scored from what the product itself
 * records, weighted, minus violation points, graded. Everything a result was computed from
 * is kept on it: the rule version and these evidence counts.
 */
export const indicatorKeys = ['replyTimeliness', 'communicationQuality', 'informationManagement', 'applicationEffect'] as const
export const indicatorKeySchema = z.enum(indicatorKeys)
export type IndicatorKey = z.infer<typeof indicatorKeySchema>

export const indicatorLabels: Record<IndicatorKey, string> = {
  replyTimeliness: '回复及时率',
  communicationQuality: '沟通质量',
  informationManagement: '信息管理规范',
  applicationEffect: '业务应用效果',
}

/** One person's evidence for one Shanghai month, as counted by the monthly job. */
export const evidenceSchema = z.object({
  /** Work notices that asked for acknowledgement, sent in the month. */
  notices: z.object({ due: z.number().int(), onTime: z.number().int() }),
  /** Customer follow-ups due in the month: done on time, done late, still open after their date. */
  followUps: z.object({ due: z.number().int(), onTime: z.number().int(), late: z.number().int(), overdue: z.number().int() }),
  /** Spot checks scored in the month: how many, how many first replies within the threshold, and the rubric average (0–100). */
  spotChecks: z.object({ count: z.number().int(), repliesWithin: z.number().int(), repliesObserved: z.number().int(), rubricAverage: z.number().nullable() }),
  /** Imported WeCom statistics for the month, where the company has them. */
  importedReply: z.object({ averageFirstReplyMinutes: z.number().nullable(), replyRate: z.number().nullable() }).nullable(),
  /** Customer feedback recorded in the month. */
  feedback: z.object({ count: z.number().int(), satisfactionAverage: z.number().nullable(), complaints: z.number().int() }),
  selfCheckDone: z.boolean(),
  archiveConfirmed: z.boolean(),
  /** The version in force at the month's end was acknowledged by then. */
  policyAcknowledged: z.boolean(),
  /** Tasks assigned to the person that were due in the month. */
  tasks: z.object({ due: z.number().int(), onTime: z.number().int() }),
  /** Violations that stand (recorded, under appeal, or upheld) dated in the month. */
  violations: z.object({ count: z.number().int(), points: z.number(), confidentiality: z.number().int() }),
})
export type Evidence = z.infer<typeof evidenceSchema>

export const gradeSchema = z.object({ label: z.string().trim().min(1).max(8), min: z.number().min(0).max(100) })

/** The fields admins configure, before the checks across fields (see `checkAssessmentRules`). */
export const assessmentRulesFieldsSchema = z.object({
  weights: z.record(indicatorKeySchema, z.number().int().min(0).max(100)),
  /** Highest first; the last one's minimum is 0. */
  grades: z.array(gradeSchema).min(2).max(6),
  /** A spot check's observed first reply counts as timely within this many working minutes. */
  firstReplyThresholdMinutes: z.number().int().min(1).max(480),
  /** Points one complaint takes off communication quality. */
  complaintPenalty: z.number().min(0).max(50),
  /** Below this many evidence items an indicator is "insufficient evidence" and scored by the neutral rule. */
  minimumEvidence: z.number().int().min(1).max(20),
  /** The neutral score given to an indicator with insufficient evidence. */
  neutralScore: z.number().min(0).max(100),
})

/**
 * The checks across fields, shared by the stored rules and the admin's input so both refuse
 * the same things with the same words.
 */
export function checkAssessmentRules(r: z.infer<typeof assessmentRulesFieldsSchema>, ctx: z.RefinementCtx): void {
  if (indicatorKeys.reduce((sum, k) => sum + (r.weights[k] ?? 0), 0) !== 100) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: '四项指标权重之和须为100', path: ['weights'] })
  }
  if (!(r.grades.every((g, i) => i === 0 || g.min < r.grades[i - 1].min) && r.grades[r.grades.length - 1].min === 0)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: '等级须按分数从高到低排列，最后一级从0分起', path: ['grades'] })
  }
}

/** What admins configure; each change is a new version, and results name the version they used. */
export const assessmentRulesSchema = assessmentRulesFieldsSchema.superRefine(checkAssessmentRules)
export type AssessmentRules = z.infer<typeof assessmentRulesSchema>

export const defaultAssessmentRules: AssessmentRules = {
  weights: { replyTimeliness: 30, communicationQuality: 30, informationManagement: 20, applicationEffect: 20 },
  grades: [
    { label: '优秀', min: 90 },
    { label: '良好', min: 80 },
    { label: '合格', min: 60 },
    { label: '不合格', min: 0 },
  ],
  firstReplyThresholdMinutes: 30,
  complaintPenalty: 10,
  minimumEvidence: 2,
  neutralScore: 80,
}

export const indicatorResultSchema = z.object({
  key: indicatorKeySchema,
  weight: z.number(),
  /** 0–100. */
  score: z.number(),
  /** Too little evidence: `score` is the neutral score and says so. */
  insufficient: z.boolean(),
  /** One line in plain Chinese on how the score came about. */
  explanation: z.string(),
})
export type IndicatorResult = z.infer<typeof indicatorResultSchema>

export const scoreSchema = z.object({
  indicators: z.array(indicatorResultSchema),
  /** Weighted sum before deductions. */
  weighted: z.number(),
  deductions: z.number(),
  /** max(0, weighted − deductions), one decimal. */
  total: z.number(),
  grade: z.string(),
})
export type Score = z.infer<typeof scoreSchema>
