import { z } from 'zod'
import { bound, spec } from './action-spec'
import { isoDateSchema } from './accounts'
import { idSchema, pageInputSchema, pageOf } from './common'
import { monthSchema } from './security'

/**
 * Information management (五.一–二): each person keeps a register of where their important
 * material is backed up, and confirms once a month that they have sorted, cleaned up and
 * backed up what their business WeChat holds. Heads see their department, admins everyone;
 * the register and the confirmations are the evidence for the assessment's 信息管理 indicator.
 */
export const archiveCategories = ['contract', 'communication', 'project', 'notice', 'other'] as const
export const archiveCategorySchema = z.enum(archiveCategories, { errorMap: () => ({ message: '请选择资料类别' }) })
export type ArchiveCategory = z.infer<typeof archiveCategorySchema>
export const archiveCategoryLabels: Record<ArchiveCategory, string> = {
  contract: '合同文件',
  communication: '客户沟通记录',
  project: '项目资料',
  notice: '通知公告',
  other: '其他',
}

export const archiveLocations = ['local', 'cloud'] as const
export const archiveLocationSchema = z.enum(archiveLocations, { errorMap: () => ({ message: '请选择备份方式' }) })
export type ArchiveLocation = z.infer<typeof archiveLocationSchema>
export const archiveLocationLabels: Record<ArchiveLocation, string> = {
  local: '本地',
  cloud: '云端',
}

/** What the owner fills in; the form validates with these same fields as they are typed. */
export const archiveFieldsSchema = z.object({
  category: archiveCategorySchema,
  title: z.string().trim().min(1, '请填写资料名称').max(60, '资料名称不能超过60个字'),
  description: z.string().trim().max(300, '说明不能超过300个字').optional(),
  location: archiveLocationSchema,
  locationNote: z.string().trim().min(1, '请写明备份存放的位置').max(120, '备份位置不能超过120个字'),
  /** The day the backup was made; not later than today in Shanghai (the server checks). */
  backedUpOn: isoDateSchema,
  customerName: z.string().trim().max(40, '客户名称不能超过40个字').optional(),
})
export type ArchiveFields = z.infer<typeof archiveFieldsSchema>

export const createArchiveInput = archiveFieldsSchema.strict()
/** `revision` is the one the owner edited: a newer save in between is not silently overwritten. */
export const updateArchiveInput = archiveFieldsSchema.extend({ id: idSchema, revision: z.number().int().min(0) }).strict()
export const archiveIdInput = z.object({ id: idSchema }).strict()

export const archiveRecordSchema = z.object({
  id: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  category: archiveCategorySchema,
  title: z.string(),
  description: z.string().nullable(),
  location: archiveLocationSchema,
  locationNote: z.string(),
  backedUpOn: z.string(),
  customerName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: z.number().int(),
})
export type ArchiveRecord = z.infer<typeof archiveRecordSchema>

export const archiveDetailSchema = archiveRecordSchema.extend({
  /** Only the owner edits their register. */
  canEdit: z.boolean(),
  /** The owner, or an admin clearing up. */
  canDelete: z.boolean(),
})
export type ArchiveDetail = z.infer<typeof archiveDetailSchema>

export const deleteArchiveOutput = z.object({ id: z.string() })

export const archiveScopes = ['mine', 'department', 'all'] as const
export const archiveScopeSchema = z.enum(archiveScopes)
export type ArchiveScope = z.infer<typeof archiveScopeSchema>

export const listArchivesInput = pageInputSchema
  .extend({
    /** mine: the caller's own; department: a head's department (admins: any, default their own); all: admins. */
    scope: archiveScopeSchema.default('mine'),
    departmentId: idSchema.optional(),
    category: archiveCategorySchema.optional(),
    keyword: z.string().trim().max(32, '关键词不能超过32个字').optional(),
  })
  .strict()
export const listArchivesOutput = pageOf(archiveRecordSchema)

export const archiveSettingsSchema = z.object({
  /** The monthly confirmation is due by this day of the month. */
  confirmDueDay: z.number().int().min(1, '须在1-28日之间').max(28, '须在1-28日之间'),
})
export type ArchiveSettings = z.infer<typeof archiveSettingsSchema>
/** Late in the month, so the month's material is there to be sorted and backed up. */
export const defaultArchiveSettings: ArchiveSettings = { confirmDueDay: 25 }
export const updateArchiveSettingsInput = archiveSettingsSchema.strict()

export const ARCHIVE_NOTE_REQUIRED = '有未完成的事项，请在备注中说明原因'

export const monthlyAnswersSchema = z.object({
  classified: z.boolean(),
  cleaned: z.boolean(),
  backedUp: z.boolean(),
  note: z.string().trim().max(200, '备注不能超过200个字').optional(),
})
export type MonthlyAnswers = z.infer<typeof monthlyAnswersSchema>

/** Whether all three duties of the month were done. */
export function monthlyComplete(answers: Pick<MonthlyAnswers, 'classified' | 'cleaned' | 'backedUp'>): boolean {
  return answers.classified && answers.cleaned && answers.backedUp
}

/** A duty left undone needs its reason, so the confirmation stays honest rather than all-or-nothing. */
export const confirmMonthlyInput = monthlyAnswersSchema.strict().superRefine((answers, issue) => {
  if (!monthlyComplete(answers) && !answers.note) {
    issue.addIssue({ code: z.ZodIssueCode.custom, path: ['note'], message: ARCHIVE_NOTE_REQUIRED })
  }
})

export const monthlyConfirmationSchema = z.object({
  id: z.string(),
  personId: z.string(),
  month: monthSchema,
  classified: z.boolean(),
  cleaned: z.boolean(),
  backedUp: z.boolean(),
  complete: z.boolean(),
  note: z.string().nullable(),
  /** The first confirmation of the month; confirming again changes the answers, not this. */
  confirmedAt: z.string(),
  updatedAt: z.string(),
  /** First confirmed by the due date in force at the time. */
  onTime: z.boolean(),
})
export type MonthlyConfirmation = z.infer<typeof monthlyConfirmationSchema>

export const getMonthlyInput = z.object({ month: monthSchema.optional() }).strict()
export const getMonthlyOutput = z.object({
  month: monthSchema,
  dueOn: z.string(),
  dueDay: z.number().int(),
  overdue: z.boolean(),
  confirmation: monthlyConfirmationSchema.nullable(),
  /** Archive records the caller added in the month. */
  recordsThisMonth: z.number().int(),
  /** The caller's latest backup date on record, or null when they have none. */
  lastBackedUpOn: z.string().nullable(),
})
export type MonthlyOverview = z.infer<typeof getMonthlyOutput>

export const archiveCoverageInput = z.object({ month: monthSchema.optional(), departmentId: idSchema.optional() }).strict()
export const coverageCountsSchema = z.object({
  /** People in service. */
  staffCount: z.number().int(),
  confirmedCount: z.number().int(),
  /** Confirmed with a duty left undone. */
  incompleteCount: z.number().int(),
  /** Archive records added in the month. */
  recordsAdded: z.number().int(),
  /** People in service without a backup dated in the three months up to the month's end. */
  dormantCount: z.number().int(),
})
export type CoverageCounts = z.infer<typeof coverageCountsSchema>
export const departmentCoverageSchema = coverageCountsSchema.extend({ departmentId: z.string(), departmentName: z.string() })
export type DepartmentCoverage = z.infer<typeof departmentCoverageSchema>
export const archiveCoverageOutput = z.object({
  month: monthSchema,
  dueOn: z.string(),
  dueDay: z.number().int(),
  /** The first day of the three months a backup must fall in not to count as dormant. */
  windowStart: z.string(),
  departments: z.array(departmentCoverageSchema),
  total: coverageCountsSchema,
})
export type ArchiveCoverage = z.infer<typeof archiveCoverageOutput>

export const confirmationFilters = ['unconfirmed', 'confirmed', 'incomplete', 'dormant'] as const
export const confirmationFilterSchema = z.enum(confirmationFilters)
export type ConfirmationFilter = z.infer<typeof confirmationFilterSchema>
export const listConfirmationsInput = pageInputSchema
  .extend({ month: monthSchema.optional(), departmentId: idSchema.optional(), status: confirmationFilterSchema.optional() })
  .strict()
export const confirmationRowSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  confirmed: z.boolean(),
  complete: z.boolean().nullable(),
  confirmedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  dormant: z.boolean(),
  lastBackedUpOn: z.string().nullable(),
})
export type ConfirmationRow = z.infer<typeof confirmationRowSchema>
export const listConfirmationsOutput = pageOf(confirmationRowSchema).extend({ month: monthSchema })

/** Actions of this domain, merged into the one list in ./actions.ts. */
export const archiveActions = {
  'archive.create': spec({
    fn: 'api',
    input: createArchiveInput,
    output: archiveDetailSchema,
    audience: bound,
    writes: true,
    summary: 'Register where an important piece of material is backed up; the caller owns the record.',
  }),
  'archive.update': spec({
    fn: 'api',
    input: updateArchiveInput,
    output: archiveDetailSchema,
    audience: bound,
    writes: true,
    summary: 'The owner corrects their archive record; refused if it changed since they opened it.',
  }),
  'archive.delete': spec({
    fn: 'api',
    input: archiveIdInput,
    output: deleteArchiveOutput,
    audience: bound,
    writes: true,
    summary: 'The owner or an admin deletes an archive record; the audit log keeps what it said.',
  }),
  'archive.get': spec({
    fn: 'api',
    input: archiveIdInput,
    output: archiveDetailSchema,
    audience: bound,
    writes: false,
    summary: 'One archive record, for its owner, their head and admins.',
  }),
  'archive.list': spec({
    fn: 'api',
    input: listArchivesInput,
    output: listArchivesOutput,
    audience: bound,
    writes: false,
    summary: 'Archive records: the caller’s own, a head’s department, or (admins) everyone’s; by category and keyword.',
  }),
  'archive.getMonthly': spec({
    fn: 'api',
    input: getMonthlyInput,
    output: getMonthlyOutput,
    audience: bound,
    writes: false,
    summary: 'The caller’s monthly information-management confirmation, its due date and their backup activity.',
  }),
  'archive.confirmMonthly': spec({
    fn: 'api',
    input: confirmMonthlyInput,
    output: monthlyConfirmationSchema,
    audience: bound,
    writes: true,
    summary: 'Confirm this month’s sorting, clean-up and backup; confirming again the same month updates the answers.',
  }),
  'archive.coverage': spec({
    fn: 'api',
    input: archiveCoverageInput,
    output: archiveCoverageOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'Per department: staff, confirmations, records added in the month and people without a recent backup; heads get their own.',
  }),
  'archive.listConfirmations': spec({
    fn: 'api',
    input: listConfirmationsInput,
    output: listConfirmationsOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'Who has and has not confirmed the month, and who has no recent backup; heads see their own department.',
  }),
  'archive.updateSettings': spec({
    fn: 'api',
    input: updateArchiveSettingsInput,
    output: archiveSettingsSchema,
    audience: ['admin'],
    writes: true,
    summary: 'Change the day of the month the confirmation is due by.',
  }),
} as const
