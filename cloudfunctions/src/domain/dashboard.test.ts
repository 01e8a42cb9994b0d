import { addMonths, ageHours, average, bandCondition, bandIndex, hoursBefore, median, medianWindow, monthBounds, monthsEndingWith, num, rate, rowsByKey, scoreBands } from './dashboard'

describe('months', () => {
  it('bounds a month at Shanghai midnight', () => {
    const { start, end } = monthBounds('2026-11')
    expect(start.toISOString()).toBe('2026-10-31T16:00:00.000Z')
    expect(end.toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(monthBounds('2026-12').end.toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })

  it('moves across years and lists the trend oldest first', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2026-12', 1)).toBe('2027-01')
    expect(addMonths('2026-03', -14)).toBe('2025-01')
    expect(monthsEndingWith('2026-03', 6)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'])
  })
})

describe('ages', () => {
  const now = new Date('2026-11-27T02:00:00Z')

  it('counts hours to one decimal and never below zero', () => {
    expect(ageHours(new Date('2026-11-26T02:00:00Z'), now)).toBe(24)
    expect(ageHours(new Date('2026-11-27T01:33:00Z'), now)).toBe(0.5)
    expect(ageHours(new Date('2026-11-27T03:00:00Z'), now)).toBe(0)
    expect(hoursBefore(now, 2).toISOString()).toBe('2026-11-27T00:00:00.000Z')
  })

  it('finds the median window in a sorted list of any length', () => {
    expect(medianWindow(0)).toBeNull()
    expect(medianWindow(1)).toEqual({ skip: 0, take: 1 })
    expect(medianWindow(4)).toEqual({ skip: 1, take: 2 })
    expect(medianWindow(5)).toEqual({ skip: 2, take: 1 })
    // The window picks what median() picks.
    for (const values of [[3], [1, 9], [5, 1, 4], [8, 2, 6, 4], [1, 2, 3, 4, 100]]) {
      const sorted = [...values].sort((a, b) => a - b)
      const w = medianWindow(sorted.length)!
      const picked = sorted.slice(w.skip, w.skip + w.take)
      expect(picked.reduce((a, b) => a + b, 0) / picked.length).toBe(median(values))
    }
    expect(median([])).toBeNull()
  })
})

describe('rates and averages', () => {
  it('gives a percent with one decimal, 100 where nobody is required, never above 100', () => {
    expect(rate(1, 3)).toBe(33.3)
    expect(rate(2, 3)).toBe(66.7)
    expect(rate(0, 0)).toBe(100)
    expect(rate(5, 4)).toBe(100)
  })

  it('averages to one decimal, null over nothing', () => {
    expect(average(250, 3)).toBe(83.3)
    expect(average(0.3 * 3, 3)).toBe(0.3)
    expect(average(10, 0)).toBeNull()
  })
})

describe('score bands', () => {
  it('has ten bands, the top one taking 100', () => {
    expect(scoreBands).toHaveLength(10)
    expect(scoreBands[0]).toEqual({ from: 0, to: 10, label: '0-9' })
    expect(scoreBands[9]).toEqual({ from: 90, to: null, label: '90-100' })
    expect([0, 9.9, 10, 59.5, 89.9, 90, 100, -3, 104].map(bandIndex)).toEqual([0, 0, 1, 5, 8, 9, 9, 0, 9])
  })

  it('builds the comparison each band is counted with', () => {
    const $ = { gte: (a: unknown[]) => ({ $gte: a }), lt: (a: unknown[]) => ({ $lt: a }), and: (a: unknown[]) => ({ $and: a }) }
    expect(bandCondition($, scoreBands[0], '$total')).toEqual({ $lt: ['$total', 10] })
    expect(bandCondition($, scoreBands[4], '$total')).toEqual({ $and: [{ $gte: ['$total', 40] }, { $lt: ['$total', 50] }] })
    expect(bandCondition($, scoreBands[9], '$total')).toEqual({ $gte: ['$total', 90] })
  })
})

describe('aggregation rows', () => {
  it('keys rows by group and reads missing sums as 0', () => {
    const rows = rowsByKey([{ _id: 'dept-a', n: 3 }, { _id: null, n: 1 }])
    expect(num(rows.get('dept-a')?.n)).toBe(3)
    expect(num(rows.get('null')?.n)).toBe(1)
    expect(num(rows.get('dept-b')?.n)).toBe(0)
    expect(num('x')).toBe(0)
  })
})
