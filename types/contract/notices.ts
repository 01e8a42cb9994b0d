import { z } from 'zod'
import { idSchema, pageInputSchema, pageOf } from './common'
import { monthSchema } from './security'

/**
 * Work notices: an admin (anyone) or a head (their own department) tells people something
 * and may ask them to acknowledge within some working time. How long each person took, in
 * working minutes, is evidence for the monthly assessment's reply-timeliness indicator.
 */
export const noticeAudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('departments'), departmentIds: z.array(idSchema).min(1, '请选择部门').max(50) }).strict(),
  z.object({ kind: z.literal('people'), personIds: z.array(idSchema).min(1, '请选择接收人').max(200, '一次最多选择200人') }).strict(),
])
export type NoticeAudience = z.infer<typeof noticeAudienceSchema>

export const DEFAULT_ACK_WORKING_MINUTES = 120
export const ackWindowChoices = [60, 120, 240, 480] as const

export const sendNoticeInput = z
  .object({
    title: z.string().trim().min(1, '标题不能为空').max(40, '标题不能超过40个字'),
    body: z.string().trim().min(1, '内容不能为空').max(2000, '内容不能超过2000个字'),
    audience: noticeAudienceSchema,
    requireAck: z.boolean(),
    /** Working minutes from sending to the deadline; ignored when no acknowledgement is asked. */
    ackWithinWorkingMinutes: z.number().int().min(30, '确认时限至少30分钟').max(2400, '确认时限不能超过5个工作日').default(DEFAULT_ACK_WORKING_MINUTES),
  })
  .strict()

export const noticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  senderId: z.string(),
  senderName: z.string(),
  audienceLabel: z.string(),
  requireAck: z.boolean(),
  ackWithinWorkingMinutes: z.number().int().nullable(),
  deadlineAt: z.string().nullable(),
  sentAt: z.string(),
  recipientCount: z.number().int(),
  acknowledgedCount: z.number().int(),
  lateCount: z.number().int(),
  /** Not acknowledged and past the deadline now. */
  overdueCount: z.number().int(),
})
export type Notice = z.infer<typeof noticeSchema>

export const receiptSchema = z.object({
  noticeId: z.string(),
  title: z.string(),
  body: z.string(),
  senderName: z.string(),
  sentAt: z.string(),
  requireAck: z.boolean(),
  deadlineAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  /** Working minutes from sending to acknowledging. */
  workingMinutes: z.number().int().nullable(),
  onTime: z.boolean().nullable(),
  overdue: z.boolean(),
})
export type Receipt = z.infer<typeof receiptSchema>

export const listMyNoticesInput = pageInputSchema.extend({ pendingOnly: z.boolean().default(false) }).strict()
export const listMyNoticesOutput = pageOf(receiptSchema).extend({ pendingCount: z.number().int() })

export const noticeIdInput = z.object({ noticeId: idSchema }).strict()

export const getNoticeOutput = z.object({
  notice: noticeSchema,
  /** The caller's own receipt when they are a recipient. */
  receipt: receiptSchema.nullable(),
  /** Sender and admins see who acknowledged. */
  canSeeReceipts: z.boolean(),
})
export type NoticeDetail = z.infer<typeof getNoticeOutput>

export const listSentNoticesInput = pageInputSchema.strict()
export const listSentNoticesOutput = pageOf(noticeSchema)

export const receiptFilterSchema = z.enum(['all', 'onTime', 'late', 'pending', 'overdue'])
export const listReceiptsInput = pageInputSchema.extend({ noticeId: idSchema, filter: receiptFilterSchema.default('all') }).strict()
export const receiptRowSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  departmentName: z.string(),
  acknowledgedAt: z.string().nullable(),
  workingMinutes: z.number().int().nullable(),
  onTime: z.boolean().nullable(),
  overdue: z.boolean(),
})
export type ReceiptRow = z.infer<typeof receiptRowSchema>
export const listReceiptsOutput = pageOf(receiptRowSchema)

/**
 * Receipts past their deadline and still not acknowledged, among the notices sent in a month:
 * what the dashboard counts as overdue. Admins: any department or all; heads: their own.
 */
export const listOverdueReceiptsInput = pageInputSchema
  .extend({
    month: monthSchema,
    departmentId: idSchema.optional(),
  })
  .strict()
export const overdueReceiptRowSchema = z.object({
  noticeId: z.string(),
  noticeTitle: z.string(),
  personId: z.string(),
  personName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  sentAt: z.string(),
  deadlineAt: z.string(),
  /** Minutes from the deadline to now. */
  lateMinutes: z.number().int(),
})
export type OverdueReceiptRow = z.infer<typeof overdueReceiptRowSchema>
export const listOverdueReceiptsOutput = pageOf(overdueReceiptRowSchema)
