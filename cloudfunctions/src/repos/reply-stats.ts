export const REPLY_STATS = 'reply_stats'

export interface ReplyStatDoc {
  _id: string
  month: string
  personId: string
  departmentId: string
  averageFirstReplyMinutes: number | null
  /** 0–1. */
  replyRate: number | null
  importedAt: Date
  importedBy: string
}

/** One row per person per month: importing the same month again replaces it. */
export function replyStatId(month: string, personId: string): string {
  return `reply-${month}-${personId}`
}
