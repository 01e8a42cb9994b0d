import { addDays, daysBetween, shanghaiDate, shanghaiMonth } from './calendar'

describe('Shanghai dates', () => {
  it('turns over at midnight Shanghai, which is 16:00 UTC the day before', () => {
    expect(shanghaiDate(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30')
    expect(shanghaiDate(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01')
  })

  it('crosses a year end the same way', () => {
    expect(shanghaiDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01')
  })

  it('counts days between dates, across months and leap days', () => {
    expect(daysBetween('2026-11-27', '2026-11-27')).toBe(0)
    expect(daysBetween('2026-11-27', '2027-02-25')).toBe(90)
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2026-12-01', '2026-11-30')).toBe(-1)
  })

  it('moves dates by days and names Shanghai months', () => {
    expect(addDays('2026-11-27', 3)).toBe('2026-11-30')
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02')
    expect(addDays('2026-12-01', -1)).toBe('2026-11-30')
    expect(shanghaiMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12')
  })
})

describe('isoDateSchema', () => {
  it('accepts real dates and refuses ones that only parse by rolling over', async () => {
    const { isoDateSchema } = await import('./accounts')
    expect(isoDateSchema.safeParse('2028-02-29').success).toBe(true)
    expect(isoDateSchema.safeParse('2026-02-29').success).toBe(false)
    expect(isoDateSchema.safeParse('2026-02-30').success).toBe(false)
    expect(isoDateSchema.safeParse('2026-13-01').success).toBe(false)
    expect(isoDateSchema.safeParse('2026-1-01').success).toBe(false)
  })
})
