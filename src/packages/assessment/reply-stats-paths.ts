/** The admins' import of WeCom contact statistics, which feed the reply-timeliness indicator. */
export const replyStatsPaths = {
  import: '/packages/assessment/reply-stats/index',
} as const

/** Opens the import on a month (YYYY-MM); the page reads it back from `month`. */
export function replyStatsImportUrl(month: string): string {
  return `${replyStatsPaths.import}?month=${encodeURIComponent(month)}`
}
