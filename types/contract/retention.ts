import { z } from 'zod'
import { bound, spec } from './action-spec'
import { emptySchema } from './common'

/**
 * Personal-data retention (docs/data-protection.md): once a person has left for longer than
 * the retention period, a daily job deletes or anonymizes their personal data, keeping what
 * the audit log and published assessments must keep. Employees can export their own data.
 */

/** Two years: the time labour-contract records are kept after a contract ends (劳动合同法 第五十条). */
export const DEFAULT_RETENTION_MONTHS = 24
export const MIN_RETENTION_MONTHS = 24
export const MAX_RETENTION_MONTHS = 120

/** The audit action of one run of the retention job. */
export const RETENTION_RUN_ACTION = 'retention.run'

export const retentionSettingsSchema = z
  .object({
    /** Months after leaving (counted in Shanghai calendar days) that a person's data is kept. */
    periodMonths: z
      .number()
      .int('请填写整数月数')
      .min(MIN_RETENTION_MONTHS, `保留期不能短于${MIN_RETENTION_MONTHS}个月`)
      .max(MAX_RETENTION_MONTHS, `保留期不能长于${MAX_RETENTION_MONTHS}个月`),
  })
  .strict()
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>
export const defaultRetentionSettings: RetentionSettings = { periodMonths: DEFAULT_RETENTION_MONTHS }

/** What one run did, as written to its audit entry. */
export const retentionRunSummarySchema = z.object({
  at: z.string(),
  periodMonths: z.number().int(),
  /** People whose data the run cleared (ids only: their names are gone). */
  personIds: z.array(z.string()),
  /** Expired people left for the next run (the run stops after a bounded batch). */
  remaining: z.number().int(),
  complete: z.boolean(),
  deleted: z.record(z.number().int()),
  anonymized: z.record(z.number().int()),
})
export type RetentionRunSummary = z.infer<typeof retentionRunSummarySchema>

export const retentionOverviewSchema = retentionSettingsSchema.extend({
  isDefault: z.boolean(),
  lastRun: retentionRunSummarySchema.nullable(),
})
export type RetentionOverview = z.infer<typeof retentionOverviewSchema>

/** The caller's own data, as a JSON document to download. */
export const exportMyDataOutput = z.object({
  fileName: z.string(),
  generatedAt: z.string(),
  /** Records per section, for the confirmation shown after export. */
  counts: z.record(z.number().int()),
  document: z.record(z.unknown()),
})
export type MyDataExport = z.infer<typeof exportMyDataOutput>

/** Actions of this domain, merged into the one list in ./actions.ts. */
export const retentionActions = {
  'retention.getSettings': spec({
    fn: 'api',
    input: emptySchema,
    output: retentionOverviewSchema,
    audience: ['admin'],
    writes: false,
    summary: 'The retention period for people who left, and what the last retention run did.',
  }),
  'retention.updateSettings': spec({
    fn: 'api',
    input: retentionSettingsSchema,
    output: retentionOverviewSchema,
    audience: ['admin'],
    writes: true,
    summary: 'Change the retention period (months after leaving before personal data is deleted or anonymized).',
  }),
  'me.exportData': spec({
    fn: 'api',
    input: emptySchema,
    output: exportMyDataOutput,
    audience: bound,
    writes: true,
    summary: 'Everything the product stores about the caller, as one JSON document; the export is audited.',
  }),
} as const
