import { z } from 'zod'
import { spec } from './action-spec'
import { isoDateSchema } from './accounts'
import { idSchema, pageInputSchema, pageOf } from './common'

/**
 * The audit trail: every write leaves an entry (who, which action, which record, when, the
 * record before and after), and so does every read of a full phone number or email and every
 * export. Entries are only ever appended; admins search them here.
 */

/** The audit action of a read that returned a full phone number or email (not the masked form). */
export const CONTACT_READ_ACTION = 'contact.read'

/** Quick filters the admin screen offers; the field also takes any action name. */
export const auditActionShortcuts: ReadonlyArray<{ value: string; label: string }> = [
  { value: CONTACT_READ_ACTION, label: '查看完整联系方式' },
  { value: 'assessment.exportResults', label: '导出' },
  { value: 'roster.', label: '花名册' },
  { value: 'account.', label: '业务微信账号' },
  { value: 'violation.', label: '违规' },
]

/**
 * An exact action name ("violation.record"), or a prefix: ending in "." or "*" ("violation.",
 * "violation.*"), or a bare domain without a dot ("violation"), which means that domain's actions.
 */
export const auditActionFilterSchema = z
  .string()
  .trim()
  .min(1, '请填写操作名称')
  .max(64, '操作名称过长')
  .regex(/^[A-Za-z][\w.-]*\*?$/, '操作名称只能包含字母、数字和点，可用 * 结尾表示前缀')

/** How an action filter matches: the exact name, or every action starting with the prefix. */
export function auditActionMatch(filter: string): { kind: 'exact' | 'prefix'; value: string } {
  const value = filter.trim()
  if (value.endsWith('*')) return { kind: 'prefix', value: value.slice(0, -1) }
  if (value.endsWith('.')) return { kind: 'prefix', value }
  if (!value.includes('.')) return { kind: 'prefix', value: `${value}.` }
  return { kind: 'exact', value }
}

export const searchAuditInput = pageInputSchema
  .extend({
    /** Who acted (a person's id). */
    actorId: idSchema.optional(),
    action: auditActionFilterSchema.optional(),
    /** The record acted on: its collection and/or id. */
    targetCollection: z.string().trim().min(1).max(64, '集合名称过长').optional(),
    targetId: idSchema.optional(),
    /** Shanghai dates, both days included. */
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .strict()
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
export type SearchAuditInput = z.input<typeof searchAuditInput>

/** One field of the record as it was before and after, as short text; contacts masked. */
export const auditChangeSchema = z.object({
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
})
export type AuditChange = z.infer<typeof auditChangeSchema>

export const auditEntrySchema = z.object({
  id: z.string(),
  /** Null for scheduled jobs. */
  actorId: z.string().nullable(),
  /** "系统" for scheduled jobs. */
  actorName: z.string(),
  action: z.string(),
  targetCollection: z.string(),
  targetId: z.string(),
  at: z.string(),
  /** Top-level fields that differ (or appear on one side only), in the order first seen. */
  changes: z.array(auditChangeSchema),
  /** Some values were cut short; the stored entry keeps them in full. */
  truncated: z.boolean(),
})
export type AuditEntryView = z.infer<typeof auditEntrySchema>

export const searchAuditOutput = pageOf(auditEntrySchema)

/** Actions of this domain, merged into the one list in ./actions.ts. */
export const auditActions = {
  'audit.search': spec({
    fn: 'api',
    input: searchAuditInput,
    output: searchAuditOutput,
    audience: ['admin'],
    writes: false,
    summary: 'Search the audit trail by actor, action (exact or prefix), record and Shanghai date range, newest first; contacts in before/after are masked.',
  }),
} as const
