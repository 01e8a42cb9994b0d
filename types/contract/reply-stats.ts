import { z } from 'zod'
import { spec } from './action-spec'
import { pageInputSchema, pageOf } from './common'
import { rosterRowErrorSchema } from './roster'
import { monthSchema } from './security'

/**
 * Where a company also runs WeCom, its per-member contact statistics (first-reply time,
 * share of chats replied to) are exported as CSV and imported here, matched by mobile.
 * They feed the reply-timeliness indicator of the month they describe.
 */
export const REPLY_STATS_CSV_MAX_CHARS = 90_000
export const MAX_REPLY_STATS_ROWS = 2000

export const importReplyStatsInput = z
  .object({
    month: monthSchema,
    csv: z.string().min(1, '请粘贴或上传统计表').max(REPLY_STATS_CSV_MAX_CHARS, '统计表过大，请分批导入'),
    /** false = check and report only; true = also write, when every row is valid. */
    commit: z.boolean(),
  })
  .strict()

export const importReplyStatsOutput = z.object({
  month: monthSchema,
  rows: z.number().int(),
  errors: z.array(rosterRowErrorSchema),
  committed: z.boolean(),
  written: z.number().int(),
})
export type ImportReplyStatsResult = z.infer<typeof importReplyStatsOutput>

export const replyStatRowSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  departmentName: z.string(),
  averageFirstReplyMinutes: z.number().nullable(),
  /** 0–1. */
  replyRate: z.number().nullable(),
  importedAt: z.string(),
})
export const listReplyStatsInput = pageInputSchema.extend({ month: monthSchema }).strict()
export const listReplyStatsOutput = pageOf(replyStatRowSchema)

export const replyStatActions = {
  'replyStats.import': spec({
    fn: 'api',
    input: importReplyStatsInput,
    output: importReplyStatsOutput,
    audience: ['admin'],
    writes: true,
    summary: 'Check, then import, a month of WeCom contact statistics (mobile, average first-reply minutes, reply rate); nothing is written unless every row is valid, and importing the same file again changes nothing.',
  }),
  'replyStats.list': spec({
    fn: 'api',
    input: listReplyStatsInput,
    output: listReplyStatsOutput,
    audience: ['admin'],
    writes: false,
    summary: 'The imported statistics of a month, by person.',
  }),
} as const
