import { nextFiring, parseCron } from './cron'

const at = (iso: string) => new Date(iso)

describe('7-field cron in UTC+8', () => {
  it('fires the monthly job at 02:00 Shanghai on the 1st, which is 18:00 UTC the day before', () => {
    const s = parseCron('0 0 2 1 * * *')
    expect(nextFiring(s, at('2026-11-27T10:00:00Z'))?.toISOString()).toBe('2026-11-30T18:00:00.000Z')
  })

  it('is strictly after the given instant', () => {
    const s = parseCron('0 0 2 1 * * *')
    expect(nextFiring(s, at('2026-11-30T18:00:00Z'))?.toISOString()).toBe('2026-12-31T18:00:00.000Z')
  })

  it('supports steps, ranges and lists', () => {
    const s = parseCron('*/15 5,35 9-10 * * * *')
    expect(nextFiring(s, at('2026-11-27T01:05:50Z'))?.toISOString()).toBe('2026-11-27T01:35:00.000Z')
    expect(nextFiring(s, at('2026-11-27T02:35:45Z'))?.toISOString()).toBe('2026-11-28T01:05:00.000Z')
  })

  it('matches weekdays by name and number, 7 meaning Sunday', () => {
    const mon = parseCron('0 30 9 * * MON *')
    // 2026-11-27 is a Friday; next Monday is 2026-11-30, 09:30 Shanghai = 01:30 UTC.
    expect(nextFiring(mon, at('2026-11-27T00:00:00Z'))?.toISOString()).toBe('2026-11-30T01:30:00.000Z')
    const sun = parseCron('0 0 12 * * 7 *')
    expect(nextFiring(sun, at('2026-11-27T00:00:00Z'))?.toISOString()).toBe('2026-11-29T04:00:00.000Z')
  })

  it('fires when either day-of-month or day-of-week matches if both are restricted', () => {
    const s = parseCron('0 0 8 15 * MON *')
    expect(nextFiring(s, at('2026-11-27T00:00:00Z'))?.toISOString()).toBe('2026-11-30T00:00:00.000Z')
  })

  it('skips months without the day', () => {
    const s = parseCron('0 0 0 31 * * *')
    expect(nextFiring(s, at('2027-01-31T00:00:00Z'))?.toISOString()).toBe('2027-03-30T16:00:00.000Z')
  })

  it('returns null when the year list is exhausted', () => {
    expect(nextFiring(parseCron('0 0 0 1 1 * 2020'), at('2026-01-01T00:00:00Z'))).toBeNull()
  })

  it('rejects malformed expressions', () => {
    expect(() => parseCron('0 0 2 1 * *')).toThrow(/7 cron fields/)
    expect(() => parseCron('0 61 2 1 * * *')).toThrow(/out of range/)
    expect(() => parseCron('0 x 2 1 * * *')).toThrow(/invalid cron value/)
    expect(() => parseCron('0 */0 2 1 * * *')).toThrow(/step/)
  })
})
