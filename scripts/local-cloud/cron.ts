/**
 * WeChat Cloud timer triggers use a 7-field cron: second minute hour day-of-month
 * month day-of-week year, evaluated in UTC+8. This module answers "when does it
 * fire next" as a pure function so the runtime's scheduler stays trivial.
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

interface FieldSpec {
  min: number
  max: number
}

const FIELDS: FieldSpec[] = [
  { min: 0, max: 59 }, // second
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12 }, // month
  { min: 0, max: 6 }, // day of week, 0 = Sunday (7 accepted as Sunday)
  { min: 1970, max: 2099 }, // year
]

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']

export interface CronSchedule {
  readonly source: string
  readonly sets: ReadonlyArray<ReadonlySet<number>>
  /** day-of-month and day-of-week both restricted: cron fires when either matches. */
  readonly domRestricted: boolean
  readonly dowRestricted: boolean
}

function parseValue(token: string, index: number): number {
  const upper = token.toUpperCase()
  if (index === 4 && MONTH_NAMES.includes(upper)) return MONTH_NAMES.indexOf(upper) + 1
  if (index === 5 && DAY_NAMES.includes(upper)) return DAY_NAMES.indexOf(upper)
  if (!/^\d+$/.test(token)) throw new Error(`invalid cron value "${token}"`)
  const value = Number(token)
  return index === 5 && value === 7 ? 0 : value
}

function parseField(text: string, index: number): { set: Set<number>; restricted: boolean } {
  const { min, max } = FIELDS[index]
  const set = new Set<number>()
  let restricted = true
  for (const part of text.split(',')) {
    const [rangePart, stepPart] = part.split('/')
    const step = stepPart === undefined ? 1 : Number(stepPart)
    if (!Number.isInteger(step) || step < 1) throw new Error(`invalid cron step in "${part}"`)
    let from: number
    let to: number
    if (rangePart === '*' || rangePart === '?') {
      from = min
      to = max
      if (stepPart === undefined) restricted = false
    } else if (rangePart.includes('-')) {
      const [a, b] = rangePart.split('-')
      from = parseValue(a, index)
      to = parseValue(b, index)
    } else {
      from = parseValue(rangePart, index)
      to = stepPart === undefined ? from : max
    }
    if (from < min || to > max || from > to) throw new Error(`cron value out of range in "${part}"`)
    for (let v = from; v <= to; v += step) set.add(v)
  }
  return { set, restricted }
}

export function parseCron(source: string): CronSchedule {
  const parts = source.trim().split(/\s+/)
  if (parts.length !== 7) throw new Error(`timer trigger needs 7 cron fields, got ${parts.length}: "${source}"`)
  const parsed = parts.map((p, i) => parseField(p, i))
  return {
    source,
    sets: parsed.map((p) => p.set),
    domRestricted: parsed[3].restricted,
    dowRestricted: parsed[5].restricted,
  }
}

function dayMatches(s: CronSchedule, day: number, weekday: number): boolean {
  const dom = s.sets[3].has(day)
  const dow = s.sets[5].has(weekday)
  if (s.domRestricted && s.dowRestricted) return dom || dow
  return dom && dow
}

/** The first firing time strictly after `after`, or null when none exists before 2100. */
export function nextFiring(schedule: CronSchedule, after: Date): Date | null {
  // Work on a Date whose UTC fields read as Shanghai wall-clock time.
  const wall = new Date(Math.floor((after.getTime() + SHANGHAI_OFFSET_MS) / 1000) * 1000 + 1000)
  const [seconds, minutes, hours, , months, , years] = schedule.sets
  for (let guard = 0; guard < 200_000; guard++) {
    const y = wall.getUTCFullYear()
    if (y > 2099) return null
    if (!years.has(y)) {
      wall.setUTCFullYear(y + 1, 0, 1)
      wall.setUTCHours(0, 0, 0, 0)
      continue
    }
    if (!months.has(wall.getUTCMonth() + 1)) {
      wall.setUTCMonth(wall.getUTCMonth() + 1, 1)
      wall.setUTCHours(0, 0, 0, 0)
      continue
    }
    if (!dayMatches(schedule, wall.getUTCDate(), wall.getUTCDay())) {
      wall.setUTCDate(wall.getUTCDate() + 1)
      wall.setUTCHours(0, 0, 0, 0)
      continue
    }
    if (!hours.has(wall.getUTCHours())) {
      wall.setUTCHours(wall.getUTCHours() + 1, 0, 0, 0)
      continue
    }
    if (!minutes.has(wall.getUTCMinutes())) {
      wall.setUTCMinutes(wall.getUTCMinutes() + 1, 0, 0)
      continue
    }
    if (!seconds.has(wall.getUTCSeconds())) {
      wall.setUTCSeconds(wall.getUTCSeconds() + 1, 0)
      continue
    }
    return new Date(wall.getTime() - SHANGHAI_OFFSET_MS)
  }
  return null
}
