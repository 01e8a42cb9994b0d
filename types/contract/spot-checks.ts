import { z } from 'zod'
import { spec, bound } from './action-spec'
import { fileIdSchema, MAX_SCREENSHOTS } from './anomalies'
import { idSchema, pageInputSchema, pageOf } from './common'
import { monthSchema } from './security'

/**
 * Random spot checks (六.一, 六.三.1): a head (their department) or an admin (any) draws a
 * sample of people, stratified by department and reproducible from a recorded seed, and
 * scores each one's business WeChat conversations: how soon they first replied and a short
 * rubric. Scored checks are evidence for the monthly assessment; the person sees the result
 * and may answer it once.
 */

export const spotCheckStatuses = ['pending', 'scored'] as const
export const spotCheckStatusSchema = z.enum(spotCheckStatuses)
export type SpotCheckStatus = z.infer<typeof spotCheckStatusSchema>
export const spotCheckStatusLabels: Record<SpotCheckStatus, string> = {
  pending: '待评分',
  scored: '已评分',
}

export const rubricKeys = ['clarity', 'courtesy', 'infoHandling'] as const
export type RubricKey = (typeof rubricKeys)[number]
export const rubricLabels: Record<RubricKey, string> = {
  clarity: '表达清晰',
  courtesy: '态度礼貌',
  infoHandling: '信息处理',
}
/** What the checker looks for under each item, in a line. */
export const rubricHints: Record<RubricKey, string> = {
  clarity: '内容准确简洁，没有歧义，复杂问题分点说明',
  courtesy: '积极专业，用语规范文明，不敷衍',
  infoHandling: '答复切题，客户资料和工作信息处理得当',
}
export const RUBRIC_MAX = 5

export const MAX_SPOT_CHECK_SIZE = 200
export const DEFAULT_EXCLUDE_MONTHS = 3
export const MAX_EXCLUDE_MONTHS = 12
/** A day: anything slower is not a "first reply" worth timing. */
export const MAX_FIRST_REPLY_MINUTES = 1440
export const SPOT_CHECK_NOTES_MAX = 500
export const SPOT_CHECK_COMMENT_MAX = 300

const sizeMessage = `抽查人数须为1-${MAX_SPOT_CHECK_SIZE}的整数`
export const spotCheckSizeSchema = z
  .number({ invalid_type_error: sizeMessage, required_error: sizeMessage })
  .int(sizeMessage)
  .min(1, sizeMessage)
  .max(MAX_SPOT_CHECK_SIZE, sizeMessage)

const excludeMessage = `间隔月数须为0-${MAX_EXCLUDE_MONTHS}的整数`
export const excludeWithinMonthsSchema = z
  .number({ invalid_type_error: excludeMessage })
  .int(excludeMessage)
  .min(0, excludeMessage)
  .max(MAX_EXCLUDE_MONTHS, excludeMessage)

/** Letters, digits, '_' and '-': a seed is read aloud and typed back when someone re-checks a sample. */
export const spotCheckSeedSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '随机种子须为1-64位字母、数字、下划线或减号')

export const startRoundInput = z
  .object({
    /** Admins: the departments to sample (left out: all). Heads: their own, whether named or not. */
    departmentIds: z
      .array(idSchema)
      .min(1, '请选择部门')
      .max(50, '部门过多')
      .refine((ids) => new Set(ids).size === ids.length, '部门不能重复')
      .optional(),
    size: spotCheckSizeSchema,
    /** People sampled in this month or the K−1 months before it are skipped unless `force`. */
    excludeWithinMonths: excludeWithinMonthsSchema.default(DEFAULT_EXCLUDE_MONTHS),
    force: z.boolean().default(false),
    /** Left out: the server draws one and records it. */
    seed: spotCheckSeedSchema.optional(),
  })
  .strict()
export type StartRoundInput = z.input<typeof startRoundInput>

const rubricMessage = `每项评分须为0-${RUBRIC_MAX}的整数`
export const rubricScoreSchema = z
  .number({ invalid_type_error: rubricMessage, required_error: rubricMessage })
  .int(rubricMessage)
  .min(0, rubricMessage)
  .max(RUBRIC_MAX, rubricMessage)

export const rubricSchema = z
  .object({ clarity: rubricScoreSchema, courtesy: rubricScoreSchema, infoHandling: rubricScoreSchema })
  .strict()
export type Rubric = z.infer<typeof rubricSchema>

const firstReplyMessage = `首次回复用时须为0-${MAX_FIRST_REPLY_MINUTES}的整数分钟`
export const firstReplyMinutesSchema = z
  .number({ invalid_type_error: firstReplyMessage })
  .int(firstReplyMessage)
  .min(0, firstReplyMessage)
  .max(MAX_FIRST_REPLY_MINUTES, firstReplyMessage)

export const spotCheckNotesSchema = z.string().trim().max(SPOT_CHECK_NOTES_MAX, `评语不能超过${SPOT_CHECK_NOTES_MAX}个字`)

export const scoreSpotCheckInput = z
  .object({
    id: idSchema,
    /** Working minutes from the customer's message to the first reply; null when the sample had none to time. */
    firstReplyMinutes: firstReplyMinutesSchema.nullable(),
    rubric: rubricSchema,
    notes: spotCheckNotesSchema.default(''),
    /** Conversation screenshots already put in cloud storage. */
    screenshots: z.array(fileIdSchema).max(MAX_SCREENSHOTS, `截图最多${MAX_SCREENSHOTS}张`).default([]),
  })
  .strict()
export type ScoreSpotCheckInput = z.input<typeof scoreSpotCheckInput>

export const spotCheckCommentSchema = z
  .string()
  .trim()
  .min(2, '请写下你的意见（至少2个字）')
  .max(SPOT_CHECK_COMMENT_MAX, `意见不能超过${SPOT_CHECK_COMMENT_MAX}个字`)

export const commentSpotCheckInput = z.object({ id: idSchema, comment: spotCheckCommentSchema }).strict()

export const spotCheckIdInput = z.object({ id: idSchema }).strict()
export const roundIdInput = z.object({ id: idSchema }).strict()

/** The rubric as a percentage: the average of the three items on a 0–5 scale, ×20, one decimal. */
export function rubricPercentOf(rubric: Rubric): number {
  const average = (rubric.clarity + rubric.courtesy + rubric.infoHandling) / rubricKeys.length
  return Math.round(average * 20 * 10) / 10
}

export const spotCheckEvents = ['score', 'comment'] as const
export type SpotCheckEvent = (typeof spotCheckEvents)[number]

export const spotCheckSummarySchema = z.object({
  id: z.string(),
  roundId: z.string(),
  personId: z.string(),
  personName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  checkerId: z.string(),
  checkerName: z.string(),
  status: spotCheckStatusSchema,
  /** Shanghai month the round drew the sample in. */
  roundMonth: z.string(),
  /** Shanghai month of scoring: the assessment month the check counts in; null while pending. */
  month: z.string().nullable(),
  scoredAt: z.string().nullable(),
  firstReplyMinutes: z.number().int().nullable(),
  rubricPercent: z.number().nullable(),
  commented: z.boolean(),
  createdAt: z.string(),
})
export type SpotCheckSummary = z.infer<typeof spotCheckSummarySchema>

export const spotCheckDetailSchema = spotCheckSummarySchema.extend({
  rubric: z.object({ clarity: z.number().int(), courtesy: z.number().int(), infoHandling: z.number().int() }).nullable(),
  notes: z.string(),
  screenshots: z.array(z.string()),
  /** Who scored it: the checker, or an admin standing in. */
  scoredByName: z.string().nullable(),
  employeeComment: z.string().nullable(),
  commentedAt: z.string().nullable(),
  available: z.array(z.enum(spotCheckEvents)),
})
export type SpotCheckDetail = z.infer<typeof spotCheckDetailSchema>

export const roundAllocationSchema = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  /** People who could be drawn after skipping the recently checked. */
  eligible: z.number().int(),
  sampled: z.number().int(),
})
export type RoundAllocation = z.infer<typeof roundAllocationSchema>

export const roundSummarySchema = z.object({
  id: z.string(),
  createdBy: z.string(),
  createdByName: z.string(),
  departmentIds: z.array(z.string()),
  departmentNames: z.array(z.string()),
  /** Asked for; the sample is smaller when fewer people were eligible. */
  size: z.number().int(),
  sampledCount: z.number().int(),
  excludeWithinMonths: z.number().int(),
  force: z.boolean(),
  seed: z.string(),
  month: z.string(),
  createdAt: z.string(),
  scoredCount: z.number().int(),
})
export type RoundSummary = z.infer<typeof roundSummarySchema>

export const roundDetailSchema = roundSummarySchema.extend({
  /** People in service in the departments when the round was drawn, the creator left out. */
  candidateCount: z.number().int(),
  eligibleCount: z.number().int(),
  /** Skipped as checked within `excludeWithinMonths`. */
  excludedCount: z.number().int(),
  allocation: z.array(roundAllocationSchema),
  /**
   * Drawing again from the recorded candidates, seed and settings gives exactly the recorded
   * sample, and the round's checks are exactly those people: nobody was added or dropped.
   */
  reproducible: z.boolean(),
  /** The checks the caller may see: heads their department's, admins and the creator all. */
  checks: z.array(spotCheckSummarySchema),
})
export type RoundDetail = z.infer<typeof roundDetailSchema>

export const listRoundsInput = pageInputSchema
  .extend({
    /** Rounds covering this department; heads may only name their own. */
    departmentId: idSchema.optional(),
  })
  .strict()
export const listRoundsOutput = pageOf(roundSummarySchema)

export const spotCheckScopes = ['toScore', 'department', 'all'] as const
export const spotCheckScopeSchema = z.enum(spotCheckScopes)
export type SpotCheckScope = z.infer<typeof spotCheckScopeSchema>

export const listSpotChecksInput = pageInputSchema
  .extend({
    /** toScore: pending checks the caller scores; department: a head's own (admins: any, by departmentId); all: admins. */
    scope: spotCheckScopeSchema,
    status: spotCheckStatusSchema.optional(),
    departmentId: idSchema.optional(),
    /** Checks of the rounds drawn in this month. */
    roundMonth: monthSchema.optional(),
    /** Part of the person's name. */
    keyword: z.string().trim().max(32, '关键词不能超过32个字').optional(),
  })
  .strict()
export const listSpotChecksOutput = pageOf(spotCheckSummarySchema)

export const listMySpotChecksInput = pageInputSchema.strict()
export const listMySpotChecksOutput = pageOf(spotCheckSummarySchema)

/** Actions of this domain, merged into the one list in ./actions.ts. */
export const spotCheckActions = {
  'spotCheck.startRound': spec({
    fn: 'api',
    input: startRoundInput,
    output: roundDetailSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary:
      'Draw a spot-check sample (heads: their department; admins: chosen or all departments), stratified by department, skipping people checked within K months unless forced, from a recorded seed; one pending check per person, scored by the creator.',
  }),
  'spotCheck.getRound': spec({
    fn: 'api',
    input: roundIdInput,
    output: roundDetailSchema,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'A round with its seed, settings and allocation, whether drawing again reproduces it, and the checks the caller may see.',
  }),
  'spotCheck.listRounds': spec({
    fn: 'api',
    input: listRoundsInput,
    output: listRoundsOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'Rounds newest first: heads those covering their department, admins all or one department’s.',
  }),
  'spotCheck.get': spec({
    fn: 'api',
    input: spotCheckIdInput,
    output: spotCheckDetailSchema,
    audience: bound,
    writes: false,
    summary: 'One check with its score, notes and screenshots: for the person once scored, their head, the checker and admins.',
  }),
  'spotCheck.list': spec({
    fn: 'api',
    input: listSpotChecksInput,
    output: listSpotChecksOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'Checks waiting for the caller’s scoring, a department’s (heads: their own) or everyone’s (admins), searchable by name.',
  }),
  'spotCheck.listMine': spec({
    fn: 'api',
    input: listMySpotChecksInput,
    output: listMySpotChecksOutput,
    audience: bound,
    writes: false,
    summary: 'The caller’s own scored checks, newest first.',
  }),
  'spotCheck.score': spec({
    fn: 'api',
    input: scoreSpotCheckInput,
    output: spotCheckDetailSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'The checker (or an admin) scores a pending check once: first reply minutes observed, a 0–5 rubric, notes and screenshots; the person is told.',
  }),
  'spotCheck.comment': spec({
    fn: 'api',
    input: commentSpotCheckInput,
    output: spotCheckDetailSchema,
    audience: bound,
    writes: true,
    summary: 'The person answers their scored check, once.',
  }),
} as const
