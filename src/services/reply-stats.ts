import type { ActionOutput, ImportReplyStatsResult } from '@contract'
import { callAction } from './cloud'

export type { ImportReplyStatsResult }
export type ReplyStatRow = ActionOutput<'replyStats.list'>['items'][number]

/**
 * Checks (commit=false) or imports (commit=true) a month of WeCom contact statistics. Row
 * errors come back in the answer, not as a refusal: nothing is written while any remain.
 */
export function importReplyStats(month: string, csv: string, commit: boolean): Promise<ImportReplyStatsResult> {
  return callAction('replyStats.import', { month, csv, commit })
}

export function listReplyStats(query: { month: string; page: number; pageSize: number }): Promise<ActionOutput<'replyStats.list'>> {
  return callAction('replyStats.list', { month: query.month, page: query.page, pageSize: query.pageSize })
}
