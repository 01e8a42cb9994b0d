import { z } from 'zod'
import { bound, spec } from './action-spec'
import { isoDateSchema } from './accounts'
import { emptySchema, idSchema, pageInputSchema, pageOf } from './common'
import { monthSchema } from './security'

/**
 * Violations of the policy (六.三.2): a head records one against someone of their own
 * department (an admin against anyone), citing a section of the version in force, with
 * points the monthly assessment deducts. The person may appeal once, within
 * VIOLATION_APPEAL_WINDOW_DAYS of the recording; an admin upholds it or overturns it, and an
 * overturned violation no longer counts.
 */

export const violationCategories = ['confidentiality', 'account', 'communication', 'marketing', 'other'] as const
export const violationCategorySchema = z.enum(violationCategories)
export type ViolationCategory = z.infer<typeof violationCategorySchema>
export const violationCategoryLabels: Record<ViolationCategory, string> = {
  confidentiality: '信息保密',
  account: '账号管理',
  communication: '沟通规范',
  marketing: '推广营销',
  other: '其他',
}

export const violationSeverities = ['minor', 'major', 'serious'] as const
export const violationSeveritySchema = z.enum(violationSeverities)
export type ViolationSeverity = z.infer<typeof violationSeveritySchema>
export const violationSeverityLabels: Record<ViolationSeverity, string> = {
  minor: '轻微',
  major: '较重',
  serious: '严重',
}

/** What each severity deducts unless the recorder adjusts it. */
export const defaultViolationPoints: Record<ViolationSeverity, number> = { minor: 2, major: 5, serious: 10 }
export const MAX_VIOLATION_POINTS = 30

export const violationStatuses = ['recorded', 'appealed', 'upheld', 'overturned'] as const
export const violationStatusSchema = z.enum(violationStatuses)
export type ViolationStatus = z.infer<typeof violationStatusSchema>
export const violationStatusLabels: Record<ViolationStatus, string> = {
  recorded: '已记录',
  appealed: '申诉中',
  upheld: '申诉未通过',
  overturned: '已撤销',
}

/** Everything but an overturned violation counts against the person. */
export function violationStands(status: ViolationStatus): boolean {
  return status !== 'overturned'
}

/** Calendar days (Shanghai) after the day of recording on which the person may still appeal. */
export const VIOLATION_APPEAL_WINDOW_DAYS = 15

export const violationEvents = ['appeal', 'uphold', 'overturn'] as const
export type ViolationEvent = (typeof violationEvents)[number]

/** Common measures offered as one-tap choices; the text stays free. */
export const commonViolationPenalties = ['口头警告', '书面警告', '通报批评'] as const

export const violationPointsSchema = z
  .number({ invalid_type_error: `扣分须为0-${MAX_VIOLATION_POINTS}的整数` })
  .int(`扣分须为0-${MAX_VIOLATION_POINTS}的整数`)
  .min(0, `扣分须为0-${MAX_VIOLATION_POINTS}的整数`)
  .max(MAX_VIOLATION_POINTS, `扣分须为0-${MAX_VIOLATION_POINTS}的整数`)
export const violationPenaltySchema = z.string().trim().min(1, '请填写处理措施').max(200, '处理措施不能超过200个字')
export const violationDescriptionSchema = z.string().trim().min(1, '请写明违规经过').max(500, '违规经过不能超过500个字')
export const violationAppealReasonSchema = z.string().trim().min(1, '请写明申诉理由').max(500, '申诉理由不能超过500个字')
export const violationDecisionCommentSchema = z.string().trim().max(300, '说明不能超过300个字')

export const recordViolationInput = z
  .object({
    personId: z.string().min(1, '请选择违规人员').max(64, '编号过长'),
    /** On or before today (Shanghai), checked on the server. */
    occurredOn: isoDateSchema,
    /** The version in force and one of its sections. */
    versionId: idSchema,
    sectionKey: z.string().trim().min(1, '请选择违反的制度条款').max(32, '条款编号过长'),
    category: violationCategorySchema,
    severity: violationSeveritySchema,
    /** Left out: the severity's default. */
    points: violationPointsSchema.optional(),
    penalty: violationPenaltySchema,
    description: violationDescriptionSchema,
  })
  .strict()
export type RecordViolationInput = z.input<typeof recordViolationInput>

export const violationIdInput = z.object({ id: idSchema }).strict()

export const appealViolationInput = z.object({ id: idSchema, reason: violationAppealReasonSchema }).strict()

/** Overturning says why; upholding may. */
export const decideViolationAppealInput = z.discriminatedUnion('outcome', [
  z.object({ id: idSchema, outcome: z.literal('upheld'), comment: violationDecisionCommentSchema.optional() }).strict(),
  z
    .object({ id: idSchema, outcome: z.literal('overturned'), comment: z.string().trim().min(2, '请写明撤销理由').max(300, '说明不能超过300个字') })
    .strict(),
])
export type DecideViolationAppealInput = z.input<typeof decideViolationAppealInput>

export const violationClauseSchema = z.object({
  versionId: z.string(),
  versionNumber: z.number().int(),
  chapterKey: z.string(),
  sectionKey: z.string(),
  /** "第2版 3.2 信息发布与回复", as numbered when recorded. */
  label: z.string(),
})
export type ViolationClause = z.infer<typeof violationClauseSchema>

export const violationSummarySchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  /** Shanghai YYYY-MM of occurredOn: the assessment month it counts in. */
  month: z.string(),
  occurredOn: z.string(),
  clause: violationClauseSchema,
  category: violationCategorySchema,
  severity: violationSeveritySchema,
  points: z.number(),
  penalty: z.string(),
  status: violationStatusSchema,
  /** Counts in the assessment (not overturned). */
  stands: z.boolean(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  /** The last day (Shanghai) an appeal is accepted. */
  appealDeadline: z.string(),
  appealedAt: z.string().nullable(),
})
export type ViolationSummary = z.infer<typeof violationSummarySchema>

export const violationHistoryKinds = ['record', 'appeal', 'upheld', 'overturned'] as const
export const violationHistoryLabels: Record<(typeof violationHistoryKinds)[number], string> = {
  record: '记录违规',
  appeal: '提出申诉',
  upheld: '维持原记录',
  overturned: '撤销记录',
}
export const violationHistoryEntrySchema = z.object({
  kind: z.enum(violationHistoryKinds),
  at: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
})
export type ViolationHistoryEntry = z.infer<typeof violationHistoryEntrySchema>

export const violationDetailSchema = violationSummarySchema.extend({
  description: z.string(),
  appealReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** Oldest first. */
  history: z.array(violationHistoryEntrySchema),
  /** What the caller can do with it now. */
  available: z.array(z.enum(violationEvents)),
})
export type ViolationDetail = z.infer<typeof violationDetailSchema>

export const violationScopes = ['mine', 'department', 'all', 'appeals'] as const
export const violationScopeSchema = z.enum(violationScopes)
export type ViolationScope = z.infer<typeof violationScopeSchema>

export const listViolationsInput = pageInputSchema
  .extend({
    /** mine: one's own; department: a head's department (admins: any, by departmentId); all: admins; appeals: admins, waiting for a decision. */
    scope: violationScopeSchema,
    status: violationStatusSchema.optional(),
    departmentId: idSchema.optional(),
    month: monthSchema.optional(),
    /** Part of the person's name. */
    keyword: z.string().trim().max(32).optional(),
  })
  .strict()
export const listViolationsOutput = pageOf(violationSummarySchema)

export const violationClauseOptionSchema = z.object({
  chapterKey: z.string(),
  chapterTitle: z.string(),
  sectionKey: z.string(),
  /** "3.2 信息发布与回复". */
  label: z.string(),
})
export type ViolationClauseOption = z.infer<typeof violationClauseOptionSchema>
export const listViolationClausesOutput = z.object({
  /** Null before any version takes effect: nothing can be cited yet. */
  version: z.object({ id: z.string(), number: z.number().int(), title: z.string() }).nullable(),
  sections: z.array(violationClauseOptionSchema),
})
export type ViolationClauseOptions = z.infer<typeof listViolationClausesOutput>

/** Actions of this domain, merged into the one list in ./actions.ts. */
export const violationActions = {
  'violation.record': spec({
    fn: 'api',
    input: recordViolationInput,
    output: violationDetailSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'Record a violation of a section of the version in force against someone of the head’s department (admins: anyone), with points and a measure; the person is told.',
  }),
  'violation.clauses': spec({
    fn: 'api',
    input: emptySchema,
    output: listViolationClausesOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'The sections of the version in force a violation can cite.',
  }),
  'violation.get': spec({
    fn: 'api',
    input: violationIdInput,
    output: violationDetailSchema,
    audience: bound,
    writes: false,
    summary: 'One violation with its timeline, for the person, their head and admins.',
  }),
  'violation.appeal': spec({
    fn: 'api',
    input: appealViolationInput,
    output: violationDetailSchema,
    audience: bound,
    writes: true,
    summary: `The person appeals once, with a reason, within ${VIOLATION_APPEAL_WINDOW_DAYS} days of the recording.`,
  }),
  'violation.decide': spec({
    fn: 'api',
    input: decideViolationAppealInput,
    output: violationDetailSchema,
    audience: ['admin'],
    writes: true,
    summary: 'An admin upholds an appealed violation or overturns it with a reason; nobody decides their own appeal.',
  }),
  'violation.list': spec({
    fn: 'api',
    input: listViolationsInput,
    output: listViolationsOutput,
    audience: bound,
    writes: false,
    summary: 'One’s own violations, a head’s department’s, everyone’s (admins), or the appeals waiting for an admin; newest first, appeals oldest first.',
  }),
} as const
