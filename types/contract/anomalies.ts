import { z } from 'zod'
import { idSchema, pageInputSchema, pageOf } from './common'

export const anomalyTypes = ['stolen', 'login_restricted', 'fraud', 'malicious_link', 'lost_phone', 'other'] as const
export const anomalyTypeSchema = z.enum(anomalyTypes)
export type AnomalyType = z.infer<typeof anomalyTypeSchema>
export const anomalyTypeLabels: Record<AnomalyType, string> = {
  stolen: '账号被盗用',
  login_restricted: '登录受限',
  fraud: '疑似诈骗',
  malicious_link: '恶意链接或软件',
  lost_phone: '手机丢失',
  other: '其他',
}

export const anomalyStatuses = ['open', 'acknowledged', 'resolved'] as const
export const anomalyStatusSchema = z.enum(anomalyStatuses)
export type AnomalyStatus = z.infer<typeof anomalyStatusSchema>
export const anomalyStatusLabels: Record<AnomalyStatus, string> = {
  open: '待处理',
  acknowledged: '处理中',
  resolved: '已解决',
}

export const anomalyEvents = ['acknowledge', 'recordMeasure', 'resolve'] as const
export type AnomalyEvent = (typeof anomalyEvents)[number]

export const measureTypes = ['suspend_account', 'change_password', 'warn_customers', 'report_platform', 'other'] as const
export const measureTypeSchema = z.enum(measureTypes)
export type MeasureType = z.infer<typeof measureTypeSchema>
export const measureTypeLabels: Record<MeasureType, string> = {
  suspend_account: '停用账号',
  change_password: '修改密码',
  warn_customers: '提醒客户防范',
  report_platform: '向平台申诉或报案',
  other: '其他措施',
}

/** A cloud storage file id as WeChat returns it (`cloud://env.bucket/path`). */
export const fileIdSchema = z.string().regex(/^cloud:\/\/[\w.-]+\/[^\s]{1,512}$/, '附件标识不正确')

export const MAX_SCREENSHOTS = 6

export const reportAnomalyInput = z
  .object({
    accountId: idSchema.optional(),
    type: anomalyTypeSchema,
    /** When it happened, as an ISO instant; not in the future. */
    occurredAt: z.string().datetime({ offset: true, message: '发生时间格式不正确' }),
    description: z.string().trim().min(10, '请描述发生了什么（至少10个字）').max(1000, '描述不能超过1000个字'),
    screenshots: z.array(fileIdSchema).max(MAX_SCREENSHOTS, `截图最多${MAX_SCREENSHOTS}张`).default([]),
  })
  .strict()

export const measureSchema = z.object({
  type: measureTypeSchema,
  note: z.string().nullable(),
  at: z.string(),
  actorName: z.string(),
})

export const anomalySummarySchema = z.object({
  id: idSchema,
  reporterId: z.string(),
  reporterName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  type: anomalyTypeSchema,
  status: anomalyStatusSchema,
  occurredAt: z.string(),
  reportedAt: z.string(),
  accountWechatId: z.string().nullable(),
})
export type AnomalySummary = z.infer<typeof anomalySummarySchema>

export const anomalyDetailSchema = anomalySummarySchema.extend({
  description: z.string(),
  screenshots: z.array(z.string()),
  accountId: z.string().nullable(),
  accountStatus: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  measures: z.array(measureSchema),
  /** Minutes from report to acknowledgement and to resolution, once they happened. */
  minutesToAcknowledge: z.number().nullable(),
  minutesToResolve: z.number().nullable(),
  available: z.array(z.enum(anomalyEvents)),
})
export type AnomalyDetail = z.infer<typeof anomalyDetailSchema>

export const anomalyIdInput = z.object({ id: idSchema }).strict()

export const recordMeasureInput = z
  .object({ id: idSchema, type: measureTypeSchema, note: z.string().trim().max(300, '说明不能超过300个字').optional() })
  .strict()

export const resolveAnomalyInput = z
  .object({ id: idSchema, resolution: z.string().trim().min(2, '请填写处理结果').max(500, '处理结果不能超过500个字') })
  .strict()

/** A status to list, or `unresolved`: not yet resolved, whether acknowledged or not. */
export const anomalyListStatusSchema = z.enum([...anomalyStatuses, 'unresolved'])
export type AnomalyListStatus = z.infer<typeof anomalyListStatusSchema>

export const listAnomaliesInput = pageInputSchema
  .extend({
    /** mine: reported by the caller; handling: the caller's to handle (heads: department, admins: all). */
    scope: z.enum(['mine', 'handling']),
    status: anomalyListStatusSchema.optional(),
    type: anomalyTypeSchema.optional(),
    /** Heads: their own department only (another is refused); admins: any. */
    departmentId: idSchema.optional(),
  })
  .strict()
export const listAnomaliesOutput = pageOf(anomalySummarySchema)
