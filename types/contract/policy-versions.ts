import { z } from 'zod'
import { isoDateSchema } from './accounts'
import { idSchema, pageInputSchema, pageOf } from './common'
import { policyComparisonSchema } from './policy-compare'
import { policyDocumentSchema, policyQuizSchema, publicQuizQuestionSchema } from './policy'

/**
 * A version is a draft until an admin publishes it with an effective date; from that date
 * it is in force until a later version takes effect. Everyone in service acknowledges the
 * version in force, within `ackWithinDays` of it taking effect.
 */
export const policyVersionStatusSchema = z.enum(['draft', 'published'])

export const changeSummarySchema = z.string().trim().min(1, '请写明本版改动').max(300, '改动说明不能超过300个字')

export const policyVersionSummarySchema = z.object({
  id: z.string(),
  status: policyVersionStatusSchema,
  /** 1, 2, 3…; null while a draft. */
  number: z.number().int().nullable(),
  title: z.string(),
  changeSummary: z.string(),
  effectiveFrom: z.string().nullable(),
  ackWithinDays: z.number().int(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  /** Whether this is the version in force today (Shanghai date). */
  inForce: z.boolean(),
  /** Published but not yet effective. */
  upcoming: z.boolean(),
  revision: z.number().int(),
  updatedAt: z.string(),
  sectionCount: z.number().int(),
})
export type PolicyVersionSummary = z.infer<typeof policyVersionSummarySchema>

export const policyAckSchema = z.object({
  versionId: z.string(),
  versionNumber: z.number().int(),
  acknowledgedAt: z.string(),
  /** Questions asked and answered right on the accepted attempt; 0/0 when the version had no quiz. */
  quizAsked: z.number().int(),
  /** Attempts with a wrong answer before the accepted one. */
  quizFailedAttempts: z.number().int(),
})
export type PolicyAck = z.infer<typeof policyAckSchema>

export const getCurrentPolicyOutput = z.object({
  /** Null only before any version takes effect. */
  inForce: z
    .object({
      version: policyVersionSummarySchema,
      document: policyDocumentSchema,
      /** This reader's questions, the same each time they open this version. */
      questions: z.array(publicQuizQuestionSchema),
      /** The acknowledgement is due by this date. */
      dueOn: z.string(),
      overdue: z.boolean(),
      acknowledgement: policyAckSchema.nullable(),
    })
    .nullable(),
  upcoming: policyVersionSummarySchema.nullable(),
})
export type CurrentPolicy = z.infer<typeof getCurrentPolicyOutput>

export const acknowledgePolicyInput = z
  .object({
    versionId: idSchema,
    /** The reader scrolled to the end; the button is only offered then. */
    readToEnd: z.literal(true, { errorMap: () => ({ message: '请先读完全文' }) }),
    confirmed: z.literal(true, { errorMap: () => ({ message: '请勾选确认' }) }),
    answers: z.array(z.object({ questionKey: z.string().max(32), choice: z.number().int().min(0).max(3) }).strict()).max(5).default([]),
  })
  .strict()

export const wrongAnswerSchema = z.object({
  questionKey: z.string(),
  prompt: z.string(),
  sectionKey: z.string(),
  /** "3.2 添加客户" as numbered in the version being read. */
  sectionLabel: z.string(),
  clauses: z.array(z.string()),
})
export type WrongAnswer = z.infer<typeof wrongAnswerSchema>

export const acknowledgePolicyOutput = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('acknowledged'), acknowledgement: policyAckSchema }),
  z.object({ outcome: z.literal('retry'), wrong: z.array(wrongAnswerSchema) }),
])
export type AcknowledgePolicyResult = z.infer<typeof acknowledgePolicyOutput>

export const listPolicyVersionsInput = pageInputSchema.strict()
export const listPolicyVersionsOutput = pageOf(policyVersionSummarySchema)

export const getPolicyVersionInput = z.object({ versionId: idSchema, compare: z.boolean().default(false) }).strict()
export const getPolicyVersionOutput = z.object({
  version: policyVersionSummarySchema,
  document: policyDocumentSchema,
  /** Admins only: the full bank with answers, to edit a draft. */
  quiz: policyQuizSchema.nullable(),
  /** Against the version published before this one (for a draft: the latest published). */
  comparison: policyComparisonSchema.nullable(),
  previousNumber: z.number().int().nullable(),
})
export type PolicyVersionDetail = z.infer<typeof getPolicyVersionOutput>

/** Starts from the latest published version, or returns the draft already open. */
export const startPolicyDraftInput = z.object({}).strict()

export const savePolicyDraftInput = z
  .object({
    versionId: idSchema,
    /** The revision the editor loaded; a save over someone else's newer save is refused. */
    revision: z.number().int().min(0),
    document: policyDocumentSchema,
    quiz: policyQuizSchema,
    changeSummary: z.string().trim().max(300, '改动说明不能超过300个字'),
  })
  .strict()

export const publishPolicyInput = z
  .object({
    versionId: idSchema,
    revision: z.number().int().min(0),
    effectiveFrom: isoDateSchema,
    changeSummary: changeSummarySchema,
    ackWithinDays: z.number().int().min(1, '确认期限至少1天').max(60, '确认期限不能超过60天'),
  })
  .strict()

export const discardPolicyDraftInput = z.object({ versionId: idSchema, revision: z.number().int().min(0) }).strict()
export const discardPolicyDraftOutput = z.object({ discarded: z.literal(true) })

export const ackProgressInput = z.object({ versionId: idSchema.optional() }).strict()
export const departmentAckRowSchema = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  staffCount: z.number().int(),
  acknowledgedCount: z.number().int(),
  overdueCount: z.number().int(),
  /** 0–100, one decimal; 100 for a department without staff. */
  rate: z.number(),
})
export const ackProgressOutput = z.object({
  version: policyVersionSummarySchema.nullable(),
  dueOn: z.string().nullable(),
  departments: z.array(departmentAckRowSchema),
  staffCount: z.number().int(),
  acknowledgedCount: z.number().int(),
  overdueCount: z.number().int(),
  rate: z.number(),
})
export type AckProgress = z.infer<typeof ackProgressOutput>

export const ackStatusFilterSchema = z.enum(['all', 'acknowledged', 'pending', 'overdue'])
export const listAckStatusInput = pageInputSchema
  .extend({ versionId: idSchema.optional(), departmentId: idSchema.optional(), filter: ackStatusFilterSchema.default('all') })
  .strict()
export const ackStatusRowSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  departmentName: z.string(),
  acknowledgedAt: z.string().nullable(),
  quizFailedAttempts: z.number().int().nullable(),
  overdue: z.boolean(),
  lastRemindedAt: z.string().nullable(),
})
export type AckStatusRow = z.infer<typeof ackStatusRowSchema>
export const listAckStatusOutput = pageOf(ackStatusRowSchema)

export const remindPolicyInput = z.object({ versionId: idSchema, departmentId: idSchema.optional() }).strict()
export const remindPolicyOutput = z.object({
  /** People not yet acknowledged who got a reminder now. */
  reminded: z.number().int(),
  /** Already reminded today, so left alone. */
  skipped: z.number().int(),
})
