import { z } from 'zod'
import { isoDateSchema } from './accounts'
import { addDays, daysBetween, shanghaiDate } from './calendar'

/**
 * Working-time arithmetic for deadlines such as "reply within 4 working hours". Calendar
 * reasoning happens in Shanghai local time (fixed UTC+8, see ./calendar), instants are plain
 * UTC `Date`s, so the phone and the cloud functions compute the same deadline whatever zone
 * they run in. Pure and free of Node-only APIs because both sides import it.
 */

const MINUTE_MS = 60 * 1000
const DAY_MS = 24 * 60 * MINUTE_MS
const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE_MS

/**
 * Holidays are finite, so a run of days off longer than this can only come from a
 * misconfiguration; failing loudly beats looping until the end of time.
 */
export const WORKING_DAY_SEARCH_DAYS = 400

// Zero-padded 'HH:mm' strings order the same way as the times they name, so plain string
// comparison is enough in the refinements below.
const clockSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, '时间格式须为HH:mm，如09:00')
// A period may run to midnight; '24:00' is only meaningful as an end.
const clockEndSchema = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, '时间格式须为HH:mm，如18:00')

export const workingPeriodSchema = z
  .object({ start: clockSchema, end: clockEndSchema })
  .strict()
  .refine((p) => p.start < p.end, { message: '每段工作时间的开始须早于结束', path: ['end'] })
export type WorkingPeriod = z.infer<typeof workingPeriodSchema>

function unique(values: readonly unknown[]): boolean {
  return new Set(values).size === values.length
}

const WEEKDAY_MESSAGE = '工作日须为1(周一)至7(周日)'

export const workingTimeSettingsSchema = z
  .object({
    workdays: z
      .array(z.number().int(WEEKDAY_MESSAGE).min(1, WEEKDAY_MESSAGE).max(7, WEEKDAY_MESSAGE))
      .min(1, '至少选择一个工作日')
      .refine(unique, '工作日不能重复'),
    periods: z
      .array(workingPeriodSchema)
      .min(1, '至少设置一段工作时间')
      .max(4, '每天最多设置4段工作时间')
      // Touching periods (…–12:00, 12:00–…) do not overlap, so they are allowed.
      .refine((ps) => ps.every((p, i) => i === 0 || ps[i - 1].end <= p.start), '工作时间段须按先后排列且不重叠'),
    holidays: z.array(isoDateSchema).max(200, '节假日最多200个').refine(unique, '节假日不能重复'),
    extraWorkdays: z.array(isoDateSchema).max(100, '调休工作日最多100个').refine(unique, '调休工作日不能重复'),
  })
  .strict()
  .refine((s) => !s.extraWorkdays.some((d) => s.holidays.includes(d)), {
    message: '同一日期不能既是节假日又是调休工作日',
    path: ['extraWorkdays'],
  })
export type WorkingTimeSettings = z.infer<typeof workingTimeSettingsSchema>

export const defaultWorkingTimeSettings: WorkingTimeSettings = {
  workdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ],
  holidays: [],
  extraWorkdays: [],
}

/** 1 = Monday … 7 = Sunday, as people and the settings screen count. */
function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7
}

interface Plan {
  /** Working periods as milliseconds since Shanghai midnight. */
  periods: Array<[number, number]>
  daily: number
  weekly: number
  /** After this date the calendar repeats weekly, so whole weeks can be skipped; '' when there is none. */
  lastSpecial: string
  working: (date: string) => boolean
}

function clockMs(hhmm: string): number {
  return (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * MINUTE_MS
}

function plan(s: WorkingTimeSettings): Plan {
  const holidays = new Set(s.holidays)
  const extra = new Set(s.extraWorkdays)
  const workdays = new Set(s.workdays)
  const periods = s.periods.map((p): [number, number] => [clockMs(p.start), clockMs(p.end)])
  const daily = periods.reduce((sum, [a, b]) => sum + b - a, 0)
  const lastSpecial = [...s.holidays, ...s.extraWorkdays].reduce((max, d) => (d > max ? d : max), '')
  // A public holiday closes the office even on a weekday; a make-up day opens it on a weekend.
  const working = (date: string) => !holidays.has(date) && (extra.has(date) || workdays.has(isoWeekday(date)))
  return { periods, daily, weekly: daily * workdays.size, lastSpecial, working }
}

/** Whether the office works on a Shanghai calendar date at all, whatever the hour. */
export function isWorkingDay(date: string, s: WorkingTimeSettings): boolean {
  return plan(s).working(date)
}

function timeOf(instant: Date, name: string): number {
  const t = instant.getTime()
  if (Number.isNaN(t)) throw new RangeError(`${name} is not a valid date`)
  return t
}

/** Milliseconds since Shanghai midnight. */
function msOfDay(t: number): number {
  return (((t + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS
}

function instantAt(date: string, ms: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS + ms)
}

function noWorkingDay(): Error {
  return new Error(`工作时间设置有误：${WORKING_DAY_SEARCH_DAYS}天内没有任何工作日，请检查节假日设置`)
}

/**
 * The first instant at or after `at` that is working time. A period's end is not working
 * time (periods are half-open), so 12:00 with a 09:00–12:00 morning moves on to the afternoon.
 * Throws when no working day lies within {@link WORKING_DAY_SEARCH_DAYS} days.
 */
export function nextWorkingInstant(at: Date, s: WorkingTimeSettings): Date {
  const p = plan(s)
  const t = timeOf(at, 'at')
  let date = shanghaiDate(new Date(t))
  let pos = msOfDay(t)
  for (let day = 0; day <= WORKING_DAY_SEARCH_DAYS; day++, date = addDays(date, 1), pos = 0) {
    if (!p.working(date)) continue
    for (const [a, b] of p.periods) if (pos < b) return instantAt(date, Math.max(pos, a))
  }
  throw noWorkingDay()
}

/**
 * The deadline `minutes` of working time after `start`; the clock starts at the next working
 * instant when `start` is outside working time. Zero minutes therefore yields that next working
 * instant, so a zero-length deadline never falls at night or on a holiday. A deadline that uses
 * up a period exactly stays at the period's end: 11:00 plus 60 minutes is 12:00, not 13:30.
 * Fractional minutes are honoured to the millisecond; negative or non-finite ones throw.
 */
export function addWorkingMinutes(start: Date, minutes: number, s: WorkingTimeSettings): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a non-negative finite number')
  const first = nextWorkingInstant(start, s)
  let remaining = Math.round(minutes * MINUTE_MS)
  if (remaining === 0) return first
  const p = plan(s)
  let date = shanghaiDate(first)
  let pos = msOfDay(first.getTime())
  for (let idle = 0; ; date = addDays(date, 1), pos = 0) {
    if (pos === 0 && date > p.lastSpecial && remaining > p.weekly) {
      // Keep the last (partial or exactly full) week for the day walk, so the deadline lands
      // inside it rather than one week too late.
      const weeks = Math.ceil(remaining / p.weekly) - 1
      remaining -= weeks * p.weekly
      date = addDays(date, weeks * 7)
    }
    if (!p.working(date)) {
      if (++idle > WORKING_DAY_SEARCH_DAYS) throw noWorkingDay()
      continue
    }
    idle = 0
    if (pos === 0 && remaining > p.daily) {
      remaining -= p.daily
      continue
    }
    for (const [a, b] of p.periods) {
      if (b <= pos) continue
      const from = Math.max(pos, a)
      if (remaining <= b - from) return instantAt(date, from + remaining)
      remaining -= b - from
    }
  }
}

/**
 * Working time elapsed from `from` to `to`, in whole minutes rounded down so that a deadline
 * counts as reached only once its last minute has fully passed. 0 when `to` is not after `from`.
 */
export function workingMinutesBetween(from: Date, to: Date, s: WorkingTimeSettings): number {
  const start = timeOf(from, 'from')
  const end = timeOf(to, 'to')
  if (end <= start) return 0
  const p = plan(s)
  const endDate = shanghaiDate(to)
  const endPos = msOfDay(end)
  let date = shanghaiDate(from)
  let pos = msOfDay(start)
  let total = 0
  for (; date <= endDate; date = addDays(date, 1), pos = 0) {
    if (pos === 0 && date > p.lastSpecial) {
      // Only days strictly before `to`'s date are skipped, so every skipped day counts in full.
      const weeks = Math.floor(daysBetween(date, endDate) / 7)
      total += weeks * p.weekly
      date = addDays(date, weeks * 7)
    }
    if (!p.working(date)) continue
    const limit = date === endDate ? endPos : DAY_MS
    for (const [a, b] of p.periods) total += Math.max(0, Math.min(b, limit) - Math.max(a, pos))
  }
  return Math.floor(total / MINUTE_MS)
}

/**
 * A working duration as shown in the UI: 95 → '1小时35分', 120 → '2小时', 30 → '30分钟'.
 * Hours are not folded into days because a working day's length depends on the settings.
 * Fractions round down; negative input reads '0分钟' since elapsed working time cannot be negative.
 */
export function formatWorkingDuration(minutes: number): string {
  const whole = Number.isFinite(minutes) ? Math.max(0, Math.floor(minutes)) : 0
  const hours = Math.floor(whole / 60)
  const rest = whole % 60
  if (hours === 0) return `${rest}分钟`
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分`
}
