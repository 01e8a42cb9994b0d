/**
 * Business dates follow Asia/Shanghai (UTC+8, no daylight saving), while cloud functions
 * run in UTC: a delegation "ending on the 30th" ends at midnight in Shanghai, not London.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** The Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** The Shanghai calendar month of an instant, as YYYY-MM. */
export function shanghaiMonth(instant: Date): string {
  return shanghaiDate(instant).slice(0, 7)
}
