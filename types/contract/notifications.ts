import { z } from 'zod'

/**
 * Subscribe-message templates the product sends. WeChat gives one message per consent
 * (one-time subscription), so consent is asked on the tap that makes a message likely
 * and counted per person; the in-app to-do list stays the channel that never misses.
 */
export const messageTemplates = ['approvalRequest', 'approvalResult', 'anomalyReported', 'workNotice', 'policyReminder'] as const
export const messageTemplateSchema = z.enum(messageTemplates)
export type MessageTemplate = z.infer<typeof messageTemplateSchema>

export const messageTemplateLabels: Record<MessageTemplate, string> = {
  approvalRequest: '有新的待审批事项',
  approvalResult: '申请有了结果',
  anomalyReported: '员工报告账号异常',
  workNotice: '收到需要确认的工作通知',
  policyReminder: '请阅读并确认现行管理制度',
}

export const recordConsentInput = z
  .object({
    /** Templates the person accepted in `wx.requestSubscribeMessage` (answers of 'accept'). */
    accepted: z.array(messageTemplateSchema).max(messageTemplates.length),
  })
  .strict()

export const consentQuotaSchema = z.object({
  quota: z.record(messageTemplateSchema, z.number().int()),
  /** Template ids to pass to wx.requestSubscribeMessage, as configured for this environment. */
  templateIds: z.record(messageTemplateSchema, z.string()),
})
export type ConsentQuota = z.infer<typeof consentQuotaSchema>
