import { z } from 'zod'
import { isoDateSchema } from './accounts'
import { idSchema, pageInputSchema, pageOf } from './common'

/** A calendar month in Asia/Shanghai, e.g. 2026-11. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式须为YYYY-MM')

export const securitySettingsSchema = z.object({
  /** 二.三.2: the login password must have been changed within this many days. */
  passwordMaxAgeDays: z.number().int().min(30, '不能少于30天').max(365, '不能超过365天'),
  /** The monthly self-check is due by this day of the month. */
  selfCheckDueDay: z.number().int().min(1, '须在1-28日之间').max(28, '须在1-28日之间'),
})
export type SecuritySettings = z.infer<typeof securitySettingsSchema>
export const defaultSecuritySettings: SecuritySettings = { passwordMaxAgeDays: 90, selfCheckDueDay: 10 }

export const selfCheckAnswersSchema = z.object({
  paymentPasswordStrong: z.boolean(),
  passwordChangedOn: isoDateSchema,
  securityVerificationOn: z.boolean(),
  noUnknownLinks: z.boolean(),
  note: z.string().trim().max(300, '说明不能超过300个字').optional(),
})

export const submitSelfCheckInput = selfCheckAnswersSchema.strict()

export const selfCheckSchema = z.object({
  id: z.string(),
  personId: z.string(),
  month: monthSchema,
  paymentPasswordStrong: z.boolean(),
  passwordChangedOn: z.string(),
  securityVerificationOn: z.boolean(),
  noUnknownLinks: z.boolean(),
  note: z.string().nullable(),
  /** Everything in order, including the password age on the day of the check. */
  passed: z.boolean(),
  issues: z.array(z.string()),
  submittedAt: z.string(),
})
export type SelfCheck = z.infer<typeof selfCheckSchema>

export const getSelfCheckInput = z.object({ month: monthSchema.optional() }).strict()
export const getSelfCheckOutput = z.object({
  month: monthSchema,
  dueOn: z.string(),
  overdue: z.boolean(),
  record: selfCheckSchema.nullable(),
  /** Days since the password was last changed, from the latest self-check, or null if never reported. */
  passwordAgeDays: z.number().int().nullable(),
  passwordTooOld: z.boolean(),
  settings: securitySettingsSchema,
})
export type SelfCheckOverview = z.infer<typeof getSelfCheckOutput>

export const listSelfChecksInput = pageInputSchema
  .extend({ month: monthSchema.optional(), departmentId: idSchema.optional(), done: z.boolean().optional() })
  .strict()
export const selfCheckRowSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  departmentName: z.string(),
  done: z.boolean(),
  passed: z.boolean().nullable(),
  submittedAt: z.string().nullable(),
})
export const listSelfChecksOutput = pageOf(selfCheckRowSchema).extend({
  month: monthSchema,
  doneCount: z.number().int(),
  staffCount: z.number().int(),
})

export const updateSecuritySettingsInput = securitySettingsSchema.strict()
