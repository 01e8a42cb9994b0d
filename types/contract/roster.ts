import { z } from 'zod'
import {
  cnMobileSchema,
  departmentNameSchema,
  emptySchema,
  idSchema,
  pageInputSchema,
  pageOf,
  roleSchema,
} from './common'

export const personStatusSchema = z.enum(['active', 'left'])

export const departmentSchema = z.object({
  id: idSchema,
  name: z.string(),
  headId: z.string().nullable(),
  headName: z.string().nullable(),
  staffCount: z.number().int(),
})
export type Department = z.infer<typeof departmentSchema>

/** A person as shown in lists: contact details masked. */
export const personSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  mobileMasked: z.string(),
  emailMasked: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  role: roleSchema,
  status: personStatusSchema,
  bound: z.boolean(),
})
export type PersonSummary = z.infer<typeof personSummarySchema>

export const whoamiOutput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('unbound') }),
  z.object({
    status: z.literal('bound'),
    person: personSummarySchema,
    /** The version in force when the caller has not acknowledged it: the app shows it before anything else. */
    policyToAcknowledge: z.object({ versionId: z.string(), number: z.number().int(), title: z.string(), dueOn: z.string(), overdue: z.boolean() }).nullable(),
  }),
])
export type Whoami = z.infer<typeof whoamiOutput>

export const bindByPhoneInput = z
  .object({
    /** The one-time code from `<Button openType="getPhoneNumber">`, exchanged on the server. */
    code: z.string().trim().min(1, '缺少手机号授权码').max(256),
  })
  .strict()

export const listDepartmentsInput = emptySchema
export const listDepartmentsOutput = z.object({ items: z.array(departmentSchema) })

export const addDepartmentInput = z.object({ name: departmentNameSchema }).strict()
export const addDepartmentOutput = departmentSchema

export const listPeopleInput = pageInputSchema
  .extend({
    departmentId: idSchema.optional(),
    keyword: z.string().trim().max(32).optional(),
    status: personStatusSchema.optional(),
  })
  .strict()
export const listPeopleOutput = pageOf(personSummarySchema)

/** Roster CSVs are pasted on a phone, so keep them well under WeChat's 100 KB payload limit. */
export const ROSTER_CSV_MAX_CHARS = 90_000

export const importRosterInput = z
  .object({
    csv: z.string().min(1, '请粘贴或上传花名册').max(ROSTER_CSV_MAX_CHARS, '花名册过大，请分批导入'),
    /** false = validate and report only; true = write everything or nothing. */
    commit: z.boolean(),
  })
  .strict()

export const rosterRowErrorSchema = z.object({
  line: z.number().int(),
  field: z.string(),
  message: z.string(),
})
export type RosterRowError = z.infer<typeof rosterRowErrorSchema>

export const importRosterOutput = z.object({
  rows: z.number().int(),
  errors: z.array(rosterRowErrorSchema),
  committed: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
})
export type ImportRosterResult = z.infer<typeof importRosterOutput>

export { cnMobileSchema }
