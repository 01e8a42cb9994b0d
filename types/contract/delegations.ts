import { z } from 'zod'
import { isoDateSchema } from './accounts'
import { idSchema, pageInputSchema, pageOf } from './common'

export const delegationStatuses = ['pending', 'approved', 'rejected', 'withdrawn', 'revoked', 'ended'] as const
export const delegationStatusSchema = z.enum(delegationStatuses)
export type DelegationStatus = z.infer<typeof delegationStatusSchema>
export const delegationStatusLabels: Record<DelegationStatus, string> = {
  pending: '待负责人审批',
  approved: '已批准',
  rejected: '已驳回',
  withdrawn: '已撤回',
  revoked: '已提前收回',
  ended: '已到期结束',
}

export const delegationEvents = ['approve', 'reject', 'withdraw', 'revoke', 'expire'] as const
export type DelegationEvent = (typeof delegationEvents)[number]

/** Longest period one approval covers; longer needs a new request. */
export const MAX_DELEGATION_DAYS = 90

export const requestDelegationInput = z
  .object({
    accountId: idSchema,
    delegateId: idSchema,
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    reason: z.string().trim().min(5, '请说明代操作原因（至少5个字）').max(300, '原因不能超过300个字'),
  })
  .strict()
  .refine((v) => v.endsOn >= v.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] })

export const delegationSummarySchema = z.object({
  id: idSchema,
  accountId: z.string(),
  accountWechatId: z.string(),
  holderId: z.string(),
  holderName: z.string(),
  delegateId: z.string(),
  delegateName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: delegationStatusSchema,
  /** Approved and today within the period (Asia/Shanghai). */
  inEffect: z.boolean(),
  requestedAt: z.string(),
})
export type DelegationSummary = z.infer<typeof delegationSummarySchema>

export const delegationDetailSchema = delegationSummarySchema.extend({
  reason: z.string(),
  timeline: z.array(
    z.object({ at: z.string(), actorName: z.string(), event: z.enum(['request', ...delegationEvents]), comment: z.string().nullable() }),
  ),
  available: z.array(z.enum(delegationEvents)),
})
export type DelegationDetail = z.infer<typeof delegationDetailSchema>

export const delegationIdInput = z.object({ id: idSchema }).strict()

export const reviewDelegationInput = z
  .object({ id: idSchema, decision: z.enum(['approve', 'reject']), comment: z.string().trim().max(200).optional() })
  .strict()
  .refine((v) => v.decision === 'approve' || (v.comment ?? '').length >= 2, { message: '驳回时请填写原因', path: ['comment'] })

export const revokeDelegationInput = z.object({ id: idSchema, comment: z.string().trim().max(200).optional() }).strict()

export const listDelegationsInput = pageInputSchema
  .extend({
    /** mine: as holder or delegate; pending: waiting for the caller's decision; all: everything the caller may see. */
    scope: z.enum(['mine', 'pending', 'all']),
    accountId: idSchema.optional(),
    status: delegationStatusSchema.optional(),
    /** Heads: their own department only (another is refused); admins: any. */
    departmentId: idSchema.optional(),
  })
  .strict()
export const listDelegationsOutput = pageOf(delegationSummarySchema)
