import { z } from 'zod'
import { cnMobileSchema, emailSchema, idSchema, pageInputSchema, pageOf, personNameSchema } from './common'

/** WeChat IDs: 6–20 characters, starting with a letter; letters, digits, '_' and '-'. */
export const wechatIdSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][-_a-zA-Z0-9]{5,19}$/, '微信号须以字母开头，由6-20位字母、数字、下划线或减号组成')

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为YYYY-MM-DD')
  // Date.parse rolls 2026-02-30 over to March; only a date that reads back the same exists.
  .refine((s) => {
    const parsed = Date.parse(`${s}T00:00:00Z`)
    return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === s
  }, '日期不存在')

export const applicationStatuses = ['pending_head', 'pending_admin', 'activated', 'rejected', 'withdrawn'] as const
export const applicationStatusSchema = z.enum(applicationStatuses)
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  pending_head: '待负责人审批',
  pending_admin: '待行政部开通',
  activated: '已开通',
  rejected: '已驳回',
  withdrawn: '已撤回',
}

export const applicationEvents = ['headApprove', 'headReject', 'activate', 'adminReject', 'withdraw'] as const
export const applicationEventSchema = z.enum(applicationEvents)
export type ApplicationEvent = z.infer<typeof applicationEventSchema>

export const timelineEventSchema = z.enum(['submit', ...applicationEvents])
export const timelineEventLabels: Record<z.infer<typeof timelineEventSchema>, string> = {
  submit: '提交申请',
  headApprove: '负责人同意',
  headReject: '负责人驳回',
  activate: '行政部开通',
  adminReject: '行政部驳回',
  withdraw: '申请人撤回',
}

export const timelineEntrySchema = z.object({
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  event: timelineEventSchema,
  comment: z.string().nullable(),
})
export type TimelineEntry = z.infer<typeof timelineEntrySchema>

export const applicationSummarySchema = z.object({
  id: idSchema,
  applicantId: z.string(),
  applicantName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  status: applicationStatusSchema,
  purpose: z.string(),
  submittedAt: z.string(),
  updatedAt: z.string(),
})
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>

/** Shown only to the applicant, the deciding head and admins, so contacts are in full. */
export const applicationDetailSchema = applicationSummarySchema.extend({
  realName: z.string(),
  mobile: z.string(),
  email: z.string(),
  contactChangeReason: z.string().nullable(),
  intendedWechatId: z.string().nullable(),
  timeline: z.array(timelineEntrySchema),
  account: z.object({ id: z.string(), wechatId: z.string() }).nullable(),
  /** What the caller can do with it now. */
  available: z.array(applicationEventSchema),
})
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>

export const PURPOSE_MIN = 5
/** A reason is needed whenever contacts differ from the roster; this is its least length. */
export const CONTACT_REASON_MIN = 2

export const submitApplicationInput = z
  .object({
    realName: personNameSchema,
    mobile: cnMobileSchema,
    email: emailSchema,
    /** Required when mobile or email differ from the roster. */
    contactChangeReason: z.string().trim().max(200, '原因不能超过200个字').optional(),
    purpose: z.string().trim().min(PURPOSE_MIN, `请说明开通用途（至少${PURPOSE_MIN}个字）`).max(500, '用途不能超过500个字'),
    intendedWechatId: wechatIdSchema.optional(),
  })
  .strict()
export type SubmitApplicationInput = z.infer<typeof submitApplicationInput>

export const applicationIdInput = z.object({ id: idSchema }).strict()

export const reviewApplicationInput = z
  .object({
    id: idSchema,
    decision: z.enum(['approve', 'reject']),
    comment: z.string().trim().max(200, '意见不能超过200个字').optional(),
  })
  .strict()
  .refine((v) => v.decision === 'approve' || (v.comment ?? '').length >= 2, { message: '驳回时请填写原因', path: ['comment'] })

export const activateApplicationInput = z
  .object({
    id: idSchema,
    wechatId: wechatIdSchema,
    boundPhone: cnMobileSchema,
    activatedOn: isoDateSchema,
  })
  .strict()

export const declineActivationInput = z
  .object({ id: idSchema, comment: z.string().trim().min(2, '请填写驳回原因').max(200, '原因不能超过200个字') })
  .strict()

/** A status to list, or `open`: waiting for the head's or the admins' decision. */
export const applicationListStatusSchema = z.enum([...applicationStatuses, 'open'])
export type ApplicationListStatus = z.infer<typeof applicationListStatusSchema>

export const listApplicationsInput = pageInputSchema
  .extend({
    /**
     * mine: the caller's own; pending: what waits for the caller's decision; all: admins only;
     * department: a head's department, or for admins every department (or `departmentId`).
     */
    scope: z.enum(['mine', 'pending', 'all', 'department']),
    status: applicationListStatusSchema.optional(),
    /** Heads: their own department only (another is refused); admins: any. */
    departmentId: idSchema.optional(),
  })
  .strict()
export const listApplicationsOutput = pageOf(applicationSummarySchema)

export const accountStatuses = ['active', 'delegated', 'handing_over', 'suspended', 'closed'] as const
export const accountStatusSchema = z.enum(accountStatuses)
export type AccountStatus = z.infer<typeof accountStatusSchema>
export const accountStatusLabels: Record<AccountStatus, string> = {
  active: '正常',
  delegated: '代操作中',
  handing_over: '交接中',
  suspended: '已停用',
  closed: '已注销',
}

export const accountSummarySchema = z.object({
  id: idSchema,
  wechatId: z.string(),
  holderId: z.string(),
  holderName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  status: accountStatusSchema,
  boundPhoneMasked: z.string(),
  activatedOn: z.string(),
  /** The delegation in effect today, if any. */
  delegation: z.object({ id: z.string(), delegateName: z.string(), endsOn: z.string() }).nullable(),
})
export type AccountSummary = z.infer<typeof accountSummarySchema>

export const accountIdInput = z.object({ id: idSchema }).strict()

export const listAccountsInput = pageInputSchema
  .extend({
    keyword: z.string().trim().max(32).optional(),
    status: accountStatusSchema.optional(),
    departmentId: idSchema.optional(),
  })
  .strict()
export const listAccountsOutput = pageOf(accountSummarySchema)

/** One line of a to-do list; `kind` + `id` open the record. */
export const todoItemSchema = z.object({
  kind: z.enum(['application', 'anomaly', 'delegation', 'handover', 'selfcheck', 'notice', 'policy', 'customer', 'marketing', 'task', 'archive', 'spotcheck', 'violation', 'assessment']),
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  statusLabel: z.string(),
  since: z.string(),
})
export type TodoItem = z.infer<typeof todoItemSchema>

export const listTodosOutput = z.object({
  /** Waiting for the caller's decision (审批待办). */
  approvals: z.array(todoItemSchema),
  /** The caller's own open requests (我的待办). */
  mine: z.array(todoItemSchema),
})
export type Todos = z.infer<typeof listTodosOutput>
