/**
 * The arithmetic of the dashboard: month bounds, ages, medians, rates and score bands. The
 * handler reads counts from the database with aggregations; everything it derives from them
 * is here, without the database.
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000

/** The instants a Shanghai month starts at and the next one starts at. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [year, mon] = month.split('-').map(Number)
  return {
    start: new Date(Date.UTC(year, mon - 1, 1) - SHANGHAI_OFFSET_MS),
    end: new Date(Date.UTC(year, mon, 1) - SHANGHAI_OFFSET_MS),
  }
}

/** A month moved by whole months. */
export function addMonths(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number)
  const index = year * 12 + (mon - 1) + delta
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1))
}

/** Hours from `since` to `now`, one decimal, never negative. */
export function ageHours(since: Date, now: Date): number {
  return Math.max(0, Math.round((now.getTime() - since.getTime()) / HOUR_MS * 10) / 10)
}

/** The instant `hours` before `now`. */
export function hoursBefore(now: Date, hours: number): Date {
  return new Date(now.getTime() - hours * HOUR_MS)
}

/**
 * Where the median sits in a list of `count` sorted items: skip this many, take one (odd
 * count) or two (even count) and average them. Null for an empty list.
 */
export function medianWindow(count: number): { skip: number; take: 1 | 2 } | null {
  if (count <= 0) return null
  return count % 2 === 1 ? { skip: (count - 1) / 2, take: 1 } : { skip: count / 2 - 1, take: 2 }
}

/** The median of the values (sorted or not), null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** A share as a percent with one decimal; 100 where nothing is required, as the acknowledgement progress page shows it. */
export function rate(part: number, whole: number): number {
  return whole <= 0 ? 100 : Math.round((Math.min(part, whole) / whole) * 1000) / 10
}

/** An average to one decimal, null over nothing. */
export function average(sum: number, count: number): number | null {
  return count > 0 ? Math.round(Number(((sum / count) * 10).toPrecision(12))) / 10 : null
}

export interface ScoreBand {
  from: number
  /** Exclusive; null for the top band, which also holds 100 and anything above. */
  to: number | null
  label: string
}

/** Ten-point bands of an assessment total; the lowest also takes anything below 0. */
export const scoreBands: readonly ScoreBand[] = Array.from({ length: 10 }, (_, i) => ({
  from: i * 10,
  to: i === 9 ? null : (i + 1) * 10,
  label: i === 9 ? '90-100' : `${i * 10}-${i * 10 + 9}`,
}))

/** Which band a total falls in. */
export function bandIndex(total: number): number {
  return Math.min(9, Math.max(0, Math.floor(total / 10)))
}

/** The aggregation operators a band condition is built with (db.command.aggregate). */
export interface ComparisonOperators {
  gte(args: unknown[]): unknown
  lt(args: unknown[]): unknown
  and(args: unknown[]): unknown
}

/**
 * The aggregation condition for one band over `$field`: numeric comparisons (joined by `and`),
 * the shape the database runs as one SQL GROUP BY.
 */
export function bandCondition($: ComparisonOperators, band: ScoreBand, field: string): unknown {
  const parts: unknown[] = []
  if (band.from > 0) parts.push($.gte([field, band.from]))
  if (band.to !== null) parts.push($.lt([field, band.to]))
  return parts.length === 1 ? parts[0] : $.and(parts)
}

/** Aggregation rows `{ _id, ...sums }` as a map from the group key. */
export function rowsByKey<T extends Record<string, unknown>>(rows: readonly Record<string, unknown>[]): Map<string, T> {
  return new Map(rows.map((row) => [String(row._id), row as T]))
}

/** A number out of an aggregation row (sums come back as numbers, missing as undefined). */
export function num(value: unknown): number {
  const n = Number(value)
  return Number.isFinite(n) ? n : 0
}
