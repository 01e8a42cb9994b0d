import * as calendar from './calendar'
import {
  addWorkingMinutes,
  defaultWorkingTimeSettings,
  formatWorkingDuration,
  isWorkingDay,
  nextWorkingInstant,
  workingMinutesBetween,
  workingTimeSettingsSchema,
  type WorkingTimeSettings,
} from './working-time'

/** A Shanghai wall-clock time, 'YYYY-MM-DD HH:mm' or 'YYYY-MM-DD HH:mm:ss'. */
function sh(local: string): Date {
  const withSeconds = local.length === 16 ? `${local}:00` : local
  const d = new Date(`${withSeconds.replace(' ', 'T')}+08:00`)
  if (Number.isNaN(d.getTime())) throw new Error(`bad test time ${local}`)
  return d
}

/** The Shanghai wall-clock reading of an instant; seconds and milliseconds only when not zero, so equality stays exact. */
function local(d: Date): string {
  const iso = new Date(d.getTime() + 8 * 60 * 60 * 1000).toISOString()
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
  return iso.endsWith(':00.000Z') ? text : `${text}${iso.slice(16, 23)}`
}

const D = defaultWorkingTimeSettings

function settings(overrides: Partial<WorkingTimeSettings>): WorkingTimeSettings {
  return workingTimeSettingsSchema.parse({ ...D, ...overrides })
}

const newYear = settings({ holidays: ['2026-12-31', '2027-01-01'] })
const springFestival = settings({
  holidays: ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  extraWorkdays: ['2027-02-06', '2027-02-20'],
})
const longDay = settings({ periods: [{ start: '08:00', end: '20:00' }] })
const nightShift = settings({ periods: [{ start: '20:00', end: '24:00' }] })
const touching = settings({
  periods: [
    { start: '09:00', end: '12:00' },
    { start: '12:00', end: '18:00' },
  ],
})
const threeShifts = settings({
  workdays: [2, 4, 6],
  periods: [
    { start: '00:00', end: '02:00' },
    { start: '10:00', end: '11:15' },
    { start: '22:45', end: '24:00' },
  ],
  holidays: ['2027-02-11'],
  extraWorkdays: ['2027-02-14'],
})

describe('test helpers', () => {
  it('read times as Shanghai wall-clock times', () => {
    expect(sh('2026-12-01 00:30').toISOString()).toBe('2026-11-30T16:30:00.000Z')
    expect(local(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01 00:30')
    expect(local(new Date('2026-11-30T16:30:05.250Z'))).toBe('2026-12-01 00:30:05.250')
  })

  it('use the real weekdays of the dates in these tests', () => {
    const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()
    expect(weekday('2026-11-27')).toBe(5)
    expect(weekday('2026-11-30')).toBe(1)
    expect(weekday('2026-12-30')).toBe(3)
    expect(weekday('2026-12-31')).toBe(4)
    expect(weekday('2027-01-01')).toBe(5)
    expect(weekday('2027-01-04')).toBe(1)
    expect(weekday('2027-02-06')).toBe(6)
    expect(weekday('2027-02-20')).toBe(6)
    expect(weekday('2027-11-26')).toBe(5)
  })
})

describe('workingTimeSettingsSchema', () => {
  function messages(input: unknown): string[] {
    const result = workingTimeSettingsSchema.safeParse(input)
    return result.success ? [] : result.error.issues.map((i) => i.message)
  }

  it('accepts the defaults unchanged', () => {
    expect(workingTimeSettingsSchema.parse(D)).toEqual(D)
    expect(D.workdays).toEqual([1, 2, 3, 4, 5])
    expect(D.periods).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ])
  })

  it('accepts a period running to 24:00, touching periods, and 00:00 starts', () => {
    expect(messages({ ...D, periods: [{ start: '00:00', end: '24:00' }] })).toEqual([])
    expect(messages(touching)).toEqual([])
    expect(messages(threeShifts)).toEqual([])
  })

  it('accepts four periods and every weekday', () => {
    const periods = ['00:00', '06:00', '12:00', '18:00'].map((start, i) => ({ start, end: ['05:00', '11:00', '17:00', '23:59'][i] }))
    expect(messages({ ...D, workdays: [7, 6, 5, 4, 3, 2, 1], periods })).toEqual([])
  })

  it('rejects overlapping or out-of-order periods', () => {
    const overlap = [
      { start: '09:00', end: '12:00' },
      { start: '11:59', end: '13:00' },
    ]
    expect(messages({ ...D, periods: overlap })).toEqual(['工作时间段须按先后排列且不重叠'])
    expect(messages({ ...D, periods: [...D.periods].reverse() })).toEqual(['工作时间段须按先后排列且不重叠'])
  })

  it('rejects a period that does not start before it ends', () => {
    expect(messages({ ...D, periods: [{ start: '18:00', end: '09:00' }] })).toEqual(['每段工作时间的开始须早于结束'])
    expect(messages({ ...D, periods: [{ start: '09:00', end: '09:00' }] })).toEqual(['每段工作时间的开始须早于结束'])
  })

  it.each([
    ['9:00', '12:00'],
    ['09:60', '12:00'],
    ['24:00', '24:00'],
    ['25:00', '26:00'],
    ['09:00', '24:01'],
    ['0900', '1200'],
    ['09:00 ', '12:00'],
    ['09:00:00', '12:00'],
  ])('rejects the time strings %j–%j', (start, end) => {
    const found = messages({ ...D, periods: [{ start, end }] })
    expect(found.some((m) => m.startsWith('时间格式须为HH:mm'))).toBe(true)
  })

  it('rejects no periods and more than four', () => {
    expect(messages({ ...D, periods: [] })).toEqual(['至少设置一段工作时间'])
    const five = ['01', '03', '05', '07', '09'].map((h) => ({ start: `${h}:00`, end: `${h}:30` }))
    expect(messages({ ...D, periods: five })).toEqual(['每天最多设置4段工作时间'])
  })

  it('rejects empty, repeated or impossible workdays', () => {
    expect(messages({ ...D, workdays: [] })).toEqual(['至少选择一个工作日'])
    expect(messages({ ...D, workdays: [1, 2, 2] })).toEqual(['工作日不能重复'])
    expect(messages({ ...D, workdays: [0] })).toEqual(['工作日须为1(周一)至7(周日)'])
    expect(messages({ ...D, workdays: [8] })).toEqual(['工作日须为1(周一)至7(周日)'])
    expect(messages({ ...D, workdays: [1.5] })).toEqual(['工作日须为1(周一)至7(周日)'])
  })

  it('rejects duplicate dates in either list', () => {
    expect(messages({ ...D, holidays: ['2027-01-01', '2027-01-01'] })).toEqual(['节假日不能重复'])
    expect(messages({ ...D, extraWorkdays: ['2027-02-06', '2027-02-06'] })).toEqual(['调休工作日不能重复'])
  })

  it('rejects a date that is both a holiday and a make-up workday, pointing at the make-up list', () => {
    const result = workingTimeSettingsSchema.safeParse({ ...D, holidays: ['2027-02-06'], extraWorkdays: ['2027-02-06'] })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(result.error.issues).toHaveLength(1)
    expect(result.error.issues[0].message).toBe('同一日期不能既是节假日又是调休工作日')
    expect(result.error.issues[0].path).toEqual(['extraWorkdays'])
  })

  it('rejects malformed dates and too many dates', () => {
    expect(messages({ ...D, holidays: ['2026/12/31'] })).toContain('日期格式须为YYYY-MM-DD')
    const days = (n: number) => Array.from({ length: n }, (_, i) => calendar.addDays('2027-01-01', i))
    expect(messages({ ...D, holidays: days(200) })).toEqual([])
    expect(messages({ ...D, holidays: days(201) })).toEqual(['节假日最多200个'])
    expect(messages({ ...D, extraWorkdays: days(100) })).toEqual([])
    expect(messages({ ...D, extraWorkdays: days(101) })).toEqual(['调休工作日最多100个'])
  })

  it('rejects unknown fields', () => {
    expect(messages({ ...D, timezone: 'UTC' })).toHaveLength(1)
    expect(messages({ ...D, periods: [{ start: '09:00', end: '12:00', name: '上午' }] })).toHaveLength(1)
  })
})

describe('isWorkingDay', () => {
  it('follows the weekdays by default', () => {
    expect(isWorkingDay('2026-11-27', D)).toBe(true)
    expect(isWorkingDay('2026-11-28', D)).toBe(false)
    expect(isWorkingDay('2026-11-29', D)).toBe(false)
    expect(isWorkingDay('2026-11-30', D)).toBe(true)
  })

  it('closes on a public holiday even when the weekday works', () => {
    expect(isWorkingDay('2026-12-31', newYear)).toBe(false)
    expect(isWorkingDay('2027-01-01', newYear)).toBe(false)
    expect(isWorkingDay('2026-12-30', newYear)).toBe(true)
  })

  it('opens on a make-up workday even when the weekday is off', () => {
    expect(isWorkingDay('2027-02-06', springFestival)).toBe(true)
    expect(isWorkingDay('2027-02-07', springFestival)).toBe(false)
    expect(isWorkingDay('2027-02-13', springFestival)).toBe(false)
  })

  it('lets a holiday win should a date ever be in both lists', () => {
    const both = { ...D, holidays: ['2027-02-06'], extraWorkdays: ['2027-02-06'] }
    expect(isWorkingDay('2027-02-06', both)).toBe(false)
  })

  it('honours custom workdays, Sunday being 7', () => {
    const weekend = settings({ workdays: [6, 7] })
    expect(isWorkingDay('2026-11-28', weekend)).toBe(true)
    expect(isWorkingDay('2026-11-29', weekend)).toBe(true)
    expect(isWorkingDay('2026-11-30', weekend)).toBe(false)
  })
})

describe('nextWorkingInstant', () => {
  it.each([
    ['inside a period', '2026-11-30 10:17', '2026-11-30 10:17'],
    ['at a period start', '2026-11-30 09:00', '2026-11-30 09:00'],
    ['before work', '2026-11-30 07:45', '2026-11-30 09:00'],
    ['at the morning end', '2026-11-30 12:00', '2026-11-30 13:30'],
    ['during lunch', '2026-11-30 12:45', '2026-11-30 13:30'],
    ['at the afternoon start', '2026-11-30 13:30', '2026-11-30 13:30'],
    ['one second before close', '2026-11-30 17:59:59', '2026-11-30 17:59:59.000'],
    ['at close', '2026-11-30 18:00', '2026-12-01 09:00'],
    ['late at night', '2026-11-30 23:59', '2026-12-01 09:00'],
    ['Friday evening', '2026-11-27 18:30', '2026-11-30 09:00'],
    ['Saturday', '2026-11-28 10:00', '2026-11-30 09:00'],
  ])('%s', (_, at, expected) => {
    expect(local(nextWorkingInstant(sh(at), D))).toBe(expected)
  })

  it('skips holidays and the weekend after them', () => {
    expect(local(nextWorkingInstant(sh('2026-12-30 18:00'), newYear))).toBe('2027-01-04 09:00')
    expect(local(nextWorkingInstant(sh('2026-12-31 10:00'), newYear))).toBe('2027-01-04 09:00')
  })

  it('stops on a make-up Saturday', () => {
    expect(local(nextWorkingInstant(sh('2027-02-05 19:00'), springFestival))).toBe('2027-02-06 09:00')
  })

  it('reasons in Shanghai days, not UTC days', () => {
    // 16:30 UTC on a Monday is already Tuesday 00:30 in Shanghai.
    expect(local(nextWorkingInstant(new Date('2026-11-30T16:30:00Z'), D))).toBe('2026-12-01 09:00')
    // 16:30 UTC on a Friday looks like working time in UTC but is Saturday night in Shanghai.
    expect(nextWorkingInstant(new Date('2026-11-27T16:30:00Z'), D).toISOString()).toBe('2026-11-30T01:00:00.000Z')
    // Midnight New Year's Day in Shanghai is 16:00 UTC on 31 December.
    expect(local(nextWorkingInstant(new Date('2026-12-31T16:00:00Z'), settings({ holidays: ['2027-01-01'] })))).toBe('2027-01-04 09:00')
    // 23:30 UTC on Sunday is Monday 07:30 in Shanghai.
    expect(local(nextWorkingInstant(new Date('2026-11-29T23:30:00Z'), D))).toBe('2026-11-30 09:00')
  })

  it('treats the instant a touching period ends as the next one starting', () => {
    expect(local(nextWorkingInstant(sh('2026-11-30 12:00'), touching))).toBe('2026-11-30 12:00')
  })

  it('works with a period running to midnight', () => {
    expect(local(nextWorkingInstant(sh('2026-11-30 23:59'), nightShift))).toBe('2026-11-30 23:59')
    expect(local(nextWorkingInstant(sh('2026-12-01 00:00'), nightShift))).toBe('2026-12-01 20:00')
  })

  it('rejects an invalid date', () => {
    expect(() => nextWorkingInstant(new Date('not a date'), D)).toThrow(RangeError)
  })
})

describe('addWorkingMinutes', () => {
  it.each([
    ['within one period', '2026-11-30 09:30', 90, '2026-11-30 11:00'],
    ['within the afternoon', '2026-11-30 14:00', 45, '2026-11-30 14:45'],
    ['across the lunch break', '2026-11-30 11:00', 120, '2026-11-30 14:30'],
    ['across the night', '2026-11-30 17:00', 120, '2026-12-01 10:00'],
    ['across the weekend', '2026-11-27 17:00', 120, '2026-11-30 10:00'],
    ['across night and lunch', '2026-11-30 17:30', 240, '2026-12-01 14:00'],
    ['before work', '2026-11-30 07:00', 30, '2026-11-30 09:30'],
    ['during lunch', '2026-11-30 12:30', 30, '2026-11-30 14:00'],
    ['after work', '2026-11-30 19:00', 30, '2026-12-01 09:30'],
    ['on a Saturday', '2026-11-28 10:00', 30, '2026-11-30 09:30'],
    ['on a Sunday evening', '2026-11-29 23:00', 30, '2026-11-30 09:30'],
    ['from exactly 12:00', '2026-11-30 12:00', 30, '2026-11-30 14:00'],
    ['from exactly 13:30', '2026-11-30 13:30', 30, '2026-11-30 14:00'],
    ['from exactly 18:00', '2026-11-30 18:00', 30, '2026-12-01 09:30'],
    ['from exactly 09:00', '2026-11-30 09:00', 1, '2026-11-30 09:01'],
    ['to exactly the morning end', '2026-11-30 11:00', 60, '2026-11-30 12:00'],
    ['a whole morning', '2026-11-30 09:00', 180, '2026-11-30 12:00'],
    ['one minute past the morning', '2026-11-30 09:00', 181, '2026-11-30 13:31'],
    ['to exactly close', '2026-11-30 13:30', 270, '2026-11-30 18:00'],
    ['a whole working day', '2026-11-30 09:00', 450, '2026-11-30 18:00'],
    ['a day and a minute', '2026-11-30 09:00', 451, '2026-12-01 09:01'],
    ['a day from mid-morning', '2026-11-30 10:00', 450, '2026-12-01 10:00'],
    ['a whole week', '2026-11-30 09:00', 2250, '2026-12-04 18:00'],
    ['a week and a minute', '2026-11-30 09:00', 2251, '2026-12-07 09:01'],
    ['a week from Friday 17:00', '2026-11-27 17:00', 2250, '2026-12-04 17:00'],
    ['ten working days from Wednesday 10:00', '2026-12-02 10:00', 4500, '2026-12-16 10:00'],
    ['a 52-week year', '2026-11-30 09:00', 2250 * 52, '2027-11-26 18:00'],
    ['a 52-week year from Friday close', '2026-11-27 18:00', 2250 * 52, '2027-11-26 18:00'],
    ['ten whole weeks after Friday 17:00', '2026-11-27 17:00', 60 + 2250 * 10, '2027-02-05 18:00'],
    ['ten weeks and a minute after Friday 17:00', '2026-11-27 17:00', 60 + 2250 * 10 + 1, '2027-02-08 09:01'],
  ])('%s: %s + %d min', (_, start, minutes, expected) => {
    expect(local(addWorkingMinutes(sh(start), minutes, D))).toBe(expected)
  })

  it('returns the next working instant for zero minutes', () => {
    expect(local(addWorkingMinutes(sh('2026-11-30 10:00'), 0, D))).toBe('2026-11-30 10:00')
    expect(local(addWorkingMinutes(sh('2026-11-30 12:00'), 0, D))).toBe('2026-11-30 13:30')
    expect(local(addWorkingMinutes(sh('2026-11-27 18:00'), 0, D))).toBe('2026-11-30 09:00')
    expect(local(addWorkingMinutes(sh('2026-12-31 10:00'), 0, newYear))).toBe('2027-01-04 09:00')
  })

  it('skips a midweek public holiday', () => {
    const newYearsEve = settings({ holidays: ['2026-12-31'] })
    expect(local(addWorkingMinutes(sh('2026-12-30 17:00'), 120, newYearsEve))).toBe('2027-01-01 10:00')
  })

  it('skips a holiday and the weekend together', () => {
    expect(local(addWorkingMinutes(sh('2026-12-30 17:00'), 120, newYear))).toBe('2027-01-04 10:00')
    expect(local(addWorkingMinutes(sh('2026-12-30 09:00'), 900, newYear))).toBe('2027-01-04 18:00')
    expect(local(addWorkingMinutes(sh('2026-12-30 09:00'), 901, newYear))).toBe('2027-01-05 09:01')
  })

  it('starts the clock after a holiday when started on one', () => {
    expect(local(addWorkingMinutes(sh('2026-12-31 10:00'), 30, newYear))).toBe('2027-01-04 09:30')
    expect(local(addWorkingMinutes(sh('2027-01-01 17:59'), 200, newYear))).toBe('2027-01-04 13:50')
  })

  it('counts a make-up Saturday and skips the festival week', () => {
    expect(local(addWorkingMinutes(sh('2027-02-05 17:00'), 120, springFestival))).toBe('2027-02-06 10:00')
    // Saturday 6th works; Sunday 7th and the festival week 8th–12th do not; Saturday 20th works again.
    expect(local(addWorkingMinutes(sh('2027-02-06 17:00'), 120, springFestival))).toBe('2027-02-15 10:00')
    expect(local(addWorkingMinutes(sh('2027-02-19 17:00'), 120, springFestival))).toBe('2027-02-20 10:00')
    expect(local(addWorkingMinutes(sh('2027-02-05 09:00'), 450 * 3, springFestival))).toBe('2027-02-15 18:00')
  })

  it('uses custom periods', () => {
    expect(local(addWorkingMinutes(sh('2026-11-30 19:00'), 120, longDay))).toBe('2026-12-01 09:00')
    expect(local(addWorkingMinutes(sh('2026-11-30 08:00'), 720, longDay))).toBe('2026-11-30 20:00')
    expect(local(addWorkingMinutes(sh('2026-11-30 12:00'), 60, longDay))).toBe('2026-11-30 13:00')
    expect(local(addWorkingMinutes(sh('2026-11-27 19:30'), 60, longDay))).toBe('2026-11-30 08:30')
  })

  it('lands on midnight when a period ending at 24:00 is used up exactly', () => {
    expect(local(addWorkingMinutes(sh('2026-11-30 23:00'), 60, nightShift))).toBe('2026-12-01 00:00')
    expect(local(addWorkingMinutes(sh('2026-11-30 23:00'), 90, nightShift))).toBe('2026-12-01 20:30')
    expect(local(addWorkingMinutes(sh('2026-11-27 23:00'), 90, nightShift))).toBe('2026-11-30 20:30')
  })

  it('crosses a touching boundary without a gap', () => {
    expect(local(addWorkingMinutes(sh('2026-11-30 11:00'), 60, touching))).toBe('2026-11-30 12:00')
    expect(local(addWorkingMinutes(sh('2026-11-30 11:00'), 61, touching))).toBe('2026-11-30 12:01')
  })

  it('reasons in Shanghai days across UTC midnight', () => {
    // Tuesday 00:30 in Shanghai: nothing counts until Tuesday 09:00.
    expect(local(addWorkingMinutes(new Date('2026-11-30T16:30:00Z'), 30, D))).toBe('2026-12-01 09:30')
    expect(addWorkingMinutes(new Date('2026-11-30T16:30:00Z'), 30, D).toISOString()).toBe('2026-12-01T01:30:00.000Z')
    // Monday 17:30 in Shanghai is 09:30 UTC; the deadline crosses Shanghai's night, not UTC's.
    expect(addWorkingMinutes(new Date('2026-11-30T09:30:00Z'), 60, D).toISOString()).toBe('2026-12-01T01:30:00.000Z')
  })

  it('keeps fractional minutes to the millisecond', () => {
    expect(local(addWorkingMinutes(sh('2026-11-30 10:00'), 0.5, D))).toBe('2026-11-30 10:00:30.000')
    expect(local(addWorkingMinutes(sh('2026-11-30 11:59'), 1.25, D))).toBe('2026-11-30 13:30:15.000')
    expect(local(addWorkingMinutes(sh('2026-11-30 10:00:30'), 1, D))).toBe('2026-11-30 10:01:30.000')
  })

  it('rejects negative or non-finite minutes and invalid dates', () => {
    expect(() => addWorkingMinutes(sh('2026-11-30 10:00'), -1, D)).toThrow(RangeError)
    expect(() => addWorkingMinutes(sh('2026-11-30 10:00'), Number.NaN, D)).toThrow(RangeError)
    expect(() => addWorkingMinutes(sh('2026-11-30 10:00'), Number.POSITIVE_INFINITY, D)).toThrow(RangeError)
    expect(() => addWorkingMinutes(new Date(Number.NaN), 10, D)).toThrow(RangeError)
  })
})

describe('settings without a reachable working day', () => {
  const mondays = Array.from({ length: 60 }, (_, i) => calendar.addDays('2026-11-30', 7 * i))
  const everyMondayOff = settings({ workdays: [1], holidays: mondays })

  it('throw rather than search forever', () => {
    expect(() => nextWorkingInstant(sh('2026-11-30 10:00'), everyMondayOff)).toThrow(/400天内没有任何工作日/)
    expect(() => addWorkingMinutes(sh('2026-11-30 10:00'), 30, everyMondayOff)).toThrow(/400天内没有任何工作日/)
    expect(() => addWorkingMinutes(sh('2026-11-30 10:00'), 0, everyMondayOff)).toThrow(/400天内没有任何工作日/)
  })

  it('throw once the working days run out part way through a deadline', () => {
    const lastMondayWorks = settings({ workdays: [1], holidays: mondays.slice(1) })
    expect(local(addWorkingMinutes(sh('2026-11-30 10:00'), 30, lastMondayWorks))).toBe('2026-11-30 10:30')
    expect(() => addWorkingMinutes(sh('2026-11-30 10:00'), 500, lastMondayWorks)).toThrow(/400天内没有任何工作日/)
  })

  it('throw even when every day is a holiday beyond what the schema allows', () => {
    const allDays = { ...D, workdays: [1, 2, 3, 4, 5, 6, 7], holidays: Array.from({ length: 450 }, (_, i) => calendar.addDays('2026-11-01', i)) }
    expect(() => nextWorkingInstant(sh('2026-11-30 10:00'), allDays)).toThrow(/400天内没有任何工作日/)
  })

  it('still find work after a long but finite closure', () => {
    const closedTwoHundredDays = settings({ workdays: [1, 2, 3, 4, 5, 6, 7], holidays: Array.from({ length: 200 }, (_, i) => calendar.addDays('2026-11-30', i)) })
    expect(local(nextWorkingInstant(sh('2026-11-30 10:00'), closedTwoHundredDays))).toBe('2027-06-18 09:00')
  })
})

describe('workingMinutesBetween', () => {
  it.each([
    ['within one period', '2026-11-30 09:30', '2026-11-30 11:00', 90],
    ['across lunch', '2026-11-30 11:00', '2026-11-30 14:00', 90],
    ['across the night', '2026-11-30 17:00', '2026-12-01 10:00', 120],
    ['across the weekend', '2026-11-27 17:00', '2026-11-30 10:00', 120],
    ['from before work', '2026-11-30 06:00', '2026-11-30 09:15', 15],
    ['from lunch to close', '2026-11-30 12:10', '2026-11-30 18:00', 270],
    ['both inside lunch', '2026-11-30 12:10', '2026-11-30 13:20', 0],
    ['over a weekend only', '2026-11-27 18:00', '2026-11-30 09:00', 0],
    ['a whole day, midnight to midnight', '2026-11-30 00:00', '2026-12-01 00:00', 450],
    ['a whole week', '2026-11-30 00:00', '2026-12-07 00:00', 2250],
    ['a 52-week year', '2026-11-30 09:00', '2027-11-26 18:00', 2250 * 52],
    ['a year and some days', '2026-11-26 10:00', '2027-12-01 11:00', 390 + 450 + 2250 * 52 + 450 * 2 + 120],
  ])('%s', (_, from, to, expected) => {
    expect(workingMinutesBetween(sh(from), sh(to), D)).toBe(expected)
  })

  it('leaves out holidays and counts make-up days', () => {
    expect(workingMinutesBetween(sh('2026-12-30 17:00'), sh('2027-01-04 10:00'), newYear)).toBe(120)
    expect(workingMinutesBetween(sh('2026-12-30 00:00'), sh('2027-01-06 00:00'), newYear)).toBe(450 * 3)
    expect(workingMinutesBetween(sh('2027-02-05 00:00'), sh('2027-02-22 00:00'), springFestival)).toBe(450 * 8)
  })

  it('uses custom periods', () => {
    expect(workingMinutesBetween(sh('2026-11-30 19:00'), sh('2026-12-01 09:00'), longDay)).toBe(120)
    expect(workingMinutesBetween(sh('2026-11-30 23:00'), sh('2026-12-01 00:00'), nightShift)).toBe(60)
    expect(workingMinutesBetween(sh('2026-11-30 00:00'), sh('2026-12-07 00:00'), nightShift)).toBe(240 * 5)
  })

  it('is 0 for empty and reversed spans', () => {
    expect(workingMinutesBetween(sh('2026-11-30 10:00'), sh('2026-11-30 10:00'), D)).toBe(0)
    expect(workingMinutesBetween(sh('2026-11-30 11:00'), sh('2026-11-30 10:00'), D)).toBe(0)
    expect(workingMinutesBetween(sh('2026-12-07 10:00'), sh('2026-11-30 10:00'), D)).toBe(0)
  })

  it('rounds partial minutes down', () => {
    expect(workingMinutesBetween(sh('2026-11-30 10:00'), sh('2026-11-30 10:00:59'), D)).toBe(0)
    expect(workingMinutesBetween(sh('2026-11-30 10:00:30'), sh('2026-11-30 10:02'), D)).toBe(1)
    expect(workingMinutesBetween(sh('2026-11-30 11:59:30'), sh('2026-11-30 13:30:30'), D)).toBe(1)
  })

  it('reasons in Shanghai days across UTC midnight', () => {
    // 16:00–17:00 UTC on Monday is Tuesday 00:00–01:00 in Shanghai: nobody works then.
    expect(workingMinutesBetween(new Date('2026-11-30T16:00:00Z'), new Date('2026-11-30T17:00:00Z'), D)).toBe(0)
    // 00:00–02:00 UTC on Tuesday is 08:00–10:00 in Shanghai: one hour of work.
    expect(workingMinutesBetween(new Date('2026-12-01T00:00:00Z'), new Date('2026-12-01T02:00:00Z'), D)).toBe(60)
  })

  it('rejects invalid dates', () => {
    expect(() => workingMinutesBetween(new Date(Number.NaN), sh('2026-11-30 10:00'), D)).toThrow(RangeError)
    expect(() => workingMinutesBetween(sh('2026-11-30 10:00'), new Date(Number.NaN), D)).toThrow(RangeError)
  })
})

describe('efficiency', () => {
  afterEach(() => jest.restoreAllMocks())

  it('walks days, not minutes, for ten working days around a holiday', () => {
    const step = jest.spyOn(calendar, 'addDays')
    expect(local(addWorkingMinutes(sh('2026-12-28 10:00'), 4500, newYear))).toBe('2027-01-13 10:00')
    expect(step.mock.calls.length).toBeLessThan(30)
    step.mockClear()
    expect(workingMinutesBetween(sh('2026-12-28 10:00'), sh('2027-01-13 10:00'), newYear)).toBe(4500)
    expect(step.mock.calls.length).toBeLessThan(30)
  })

  it('skips whole weeks once past the last special date', () => {
    const step = jest.spyOn(calendar, 'addDays')
    expect(local(addWorkingMinutes(sh('2026-11-30 09:00'), 2250 * 520, D))).toBe(local(sh(`${calendar.addDays('2026-11-30', 7 * 519 + 4)} 18:00`)))
    expect(workingMinutesBetween(sh('2026-11-30 00:00'), sh(`${calendar.addDays('2026-11-30', 7 * 520)} 00:00`), D)).toBe(2250 * 520)
    expect(step.mock.calls.length).toBeLessThan(40)
  })
})

/** Deterministic pseudo-random numbers (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const MINUTE = 60 * 1000

/** Whole-minute instants between two Shanghai dates. */
function randomInstant(next: () => number, from: string, days: number): Date {
  return new Date(sh(`${from} 00:00`).getTime() + Math.floor(next() * days * 24 * 60) * MINUTE)
}

/** The obvious, slow definition: is the minute starting at `t` working time? Day answers are memoised only to keep the suite quick. */
function isWorkingMinute(t: number, s: WorkingTimeSettings): boolean {
  const shifted = t + 8 * 60 * MINUTE
  const day = Math.floor(shifted / (24 * 60 * MINUTE))
  const key = `${day}`
  let works = dayCache.get(s)?.get(key)
  if (works === undefined) {
    works = isWorkingDay(calendar.shanghaiDate(new Date(t)), s)
    dayCache.set(s, (dayCache.get(s) ?? new Map()).set(key, works))
  }
  if (!works) return false
  const minute = (shifted - day * 24 * 60 * MINUTE) / MINUTE
  const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))
  return s.periods.some((p) => clock(p.start) <= minute && minute < clock(p.end))
}
const dayCache = new Map<WorkingTimeSettings, Map<string, boolean>>()

function referenceAdd(start: Date, minutes: number, s: WorkingTimeSettings): Date {
  let t = start.getTime()
  if (minutes === 0) {
    while (!isWorkingMinute(t, s)) t += MINUTE
    return new Date(t)
  }
  for (let counted = 0; ; t += MINUTE) {
    if (isWorkingMinute(t, s) && ++counted === minutes) return new Date(t + MINUTE)
  }
}

function referenceBetween(from: Date, to: Date, s: WorkingTimeSettings): number {
  let n = 0
  for (let t = from.getTime(); t < to.getTime(); t += MINUTE) if (isWorkingMinute(t, s)) n++
  return n
}

describe.each([
  ['default', D],
  ['New Year', newYear],
  ['Spring Festival', springFestival],
  ['one long day', longDay],
  ['night shift', nightShift],
  ['three shifts', threeShifts],
])('properties with %s settings', (_, s) => {
  it('agrees with a minute-by-minute count', () => {
    const next = random(7)
    for (let i = 0; i < 40; i++) {
      // Alternate between the New Year and Spring Festival windows so holidays and make-up days are crossed.
      const [from, days] = i % 2 === 0 ? ['2026-12-24', 14] : ['2027-01-28', 30]
      const start = randomInstant(next, from, days)
      const minutes = Math.floor(next() * 1500)
      const deadline = addWorkingMinutes(start, minutes, s)
      expect([local(start), minutes, local(deadline)]).toEqual([local(start), minutes, local(referenceAdd(start, minutes, s))])
      const to = randomInstant(next, from, days)
      expect([local(start), local(to), workingMinutesBetween(start, to, s)]).toEqual([local(start), local(to), referenceBetween(start, to, s)])
    }
  })

  it('inverts: the working time up to a deadline is the duration asked for', () => {
    const next = random(11)
    for (let i = 0; i < 200; i++) {
      const start = nextWorkingInstant(randomInstant(next, '2026-11-01', 400), s)
      const minutes = Math.floor(next() * 20000)
      expect([local(start), minutes, workingMinutesBetween(start, addWorkingMinutes(start, minutes, s), s)]).toEqual([local(start), minutes, minutes])
    }
  })

  it('inverts from non-working starts too, since the clock only starts at work', () => {
    const next = random(13)
    for (let i = 0; i < 200; i++) {
      const start = randomInstant(next, '2026-11-01', 400)
      const minutes = Math.floor(next() * 5000)
      expect(workingMinutesBetween(start, addWorkingMinutes(start, minutes, s), s)).toBe(minutes)
    }
  })

  it('is monotonic: more minutes never give an earlier deadline', () => {
    const next = random(17)
    for (let i = 0; i < 300; i++) {
      const start = randomInstant(next, '2026-11-01', 400)
      const a = Math.floor(next() * 3000)
      const b = a + Math.floor(next() * 3000)
      const early = addWorkingMinutes(start, a, s).getTime()
      const late = addWorkingMinutes(start, b, s).getTime()
      expect(early <= late).toBe(true)
      if (b > a) expect(early < late).toBe(true)
    }
  })

  it('is additive: a deadline in two steps equals one in a single step', () => {
    const next = random(19)
    for (let i = 0; i < 200; i++) {
      const start = randomInstant(next, '2026-11-01', 400)
      const a = Math.floor(next() * 3000)
      const b = 1 + Math.floor(next() * 3000)
      expect(local(addWorkingMinutes(addWorkingMinutes(start, a, s), b, s))).toBe(local(addWorkingMinutes(start, a + b, s)))
    }
  })

  it('counts elapsed time monotonically and never more than the wall clock', () => {
    const next = random(23)
    for (let i = 0; i < 200; i++) {
      const from = randomInstant(next, '2026-11-01', 400)
      const t1 = new Date(from.getTime() + Math.floor(next() * 20 * 24 * 60) * MINUTE)
      const t2 = new Date(t1.getTime() + Math.floor(next() * 20 * 24 * 60) * MINUTE)
      const m1 = workingMinutesBetween(from, t1, s)
      const m2 = workingMinutesBetween(from, t2, s)
      expect(m1 <= m2).toBe(true)
      expect(m1 <= (t1.getTime() - from.getTime()) / MINUTE).toBe(true)
      expect(m1 + workingMinutesBetween(t1, t2, s)).toBe(m2)
    }
  })
})

describe('formatWorkingDuration', () => {
  it.each([
    [0, '0分钟'],
    [1, '1分钟'],
    [30, '30分钟'],
    [59.9, '59分钟'],
    [60, '1小时'],
    [95, '1小时35分'],
    [120, '2小时'],
    [450, '7小时30分'],
    [2250, '37小时30分'],
    [-5, '0分钟'],
    [Number.NaN, '0分钟'],
  ])('%d → %s', (minutes, expected) => {
    expect(formatWorkingDuration(minutes)).toBe(expected)
  })
})
