import { daysBetween, shanghaiDate } from './time'

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
})
