import { z } from 'zod'
import { idSchema, pageInputSchema, pageOf } from './common'

export const handoverStatuses = ['designating', 'in_progress', 'closed', 'cancelled'] as const
export const handoverStatusSchema = z.enum(handoverStatuses)
export type HandoverStatus = z.infer<typeof handoverStatusSchema>
export const handoverStatusLabels: Record<HandoverStatus, string> = {
  designating: '待指定接收人',
  in_progress: '交接中',
  closed: '已完成',
  cancelled: '已取消',
}

export const handoverEvents = ['designate', 'tick', 'close', 'cancel'] as const
export type HandoverEvent = (typeof handoverEvents)[number]

/** Who ticks each item: the leaver does what only they can do in WeChat; the administration resets the password; the receiver confirms receipt. */
export const checklistItems = ['customers_transferred', 'personal_unbound', 'personal_info_cleared', 'password_changed', 'receipt_confirmed'] as const
export const checklistItemSchema = z.enum(checklistItems)
export type ChecklistItem = z.infer<typeof checklistItemSchema>
export const checklistResponsible: Record<ChecklistItem, 'holder' | 'admin' | 'receiver'> = {
  customers_transferred: 'holder',
  personal_unbound: 'holder',
  personal_info_cleared: 'holder',
  password_changed: 'admin',
  receipt_confirmed: 'receiver',
}
export const checklistLabels: Record<ChecklistItem, string> = {
  customers_transferred: '客户和业务群已在微信中转交给接收人',
  personal_unbound: '个人手机号、银行卡已解绑',
  personal_info_cleared: '个人信息和聊天中的私人内容已清理',
  password_changed: '登录密码已由行政部修改',
  receipt_confirmed: '接收人确认已收到账号和客户',
}

export const handoverOutcomeSchema = z.enum(['transfer', 'close'])

export const startHandoverInput = z
  .object({
    accountId: idSchema,
    /** The holder is leaving the company: their roster entry is marked as left when the handover closes. */
    leaving: z.boolean(),
    reason: z.string().trim().min(2, '请填写交接原因').max(300, '原因不能超过300个字'),
  })
  .strict()

export const designateReceiverInput = z.object({ id: idSchema, receiverId: idSchema }).strict()
export const tickChecklistInput = z.object({ id: idSchema, item: checklistItemSchema }).strict()
export const closeHandoverInput = z.object({ id: idSchema, outcome: handoverOutcomeSchema }).strict()
export const cancelHandoverInput = z.object({ id: idSchema, comment: z.string().trim().min(2, '请填写取消原因').max(200) }).strict()
export const handoverIdInput = z.object({ id: idSchema }).strict()

export const handoverSummarySchema = z.object({
  id: idSchema,
  accountId: z.string(),
  accountWechatId: z.string(),
  holderId: z.string(),
  holderName: z.string(),
  receiverId: z.string().nullable(),
  receiverName: z.string().nullable(),
  departmentId: z.string(),
  departmentName: z.string(),
  leaving: z.boolean(),
  status: handoverStatusSchema,
  startedAt: z.string(),
  done: z.number().int(),
  total: z.number().int(),
})
export type HandoverSummary = z.infer<typeof handoverSummarySchema>

export const handoverDetailSchema = handoverSummarySchema.extend({
  reason: z.string(),
  startedByName: z.string(),
  checklist: z.array(
    z.object({
      item: checklistItemSchema,
      responsible: z.enum(['holder', 'admin', 'receiver']),
      doneAt: z.string().nullable(),
      doneByName: z.string().nullable(),
      /** The caller may tick it now. */
      canTick: z.boolean(),
    }),
  ),
  outcome: handoverOutcomeSchema.nullable(),
  closedAt: z.string().nullable(),
  available: z.array(z.enum(handoverEvents)),
})
export type HandoverDetail = z.infer<typeof handoverDetailSchema>

/** A status to list, or `unfinished`: waiting for a receiver or being handed over. */
export const handoverListStatusSchema = z.enum([...handoverStatuses, 'unfinished'])
export type HandoverListStatus = z.infer<typeof handoverListStatusSchema>

export const listHandoversInput = pageInputSchema
  .extend({
    scope: z.enum(['mine', 'handling']),
    status: handoverListStatusSchema.optional(),
    /** Heads: their own department only (another is refused); admins: any. */
    departmentId: idSchema.optional(),
  })
  .strict()
export const listHandoversOutput = pageOf(handoverSummarySchema)
