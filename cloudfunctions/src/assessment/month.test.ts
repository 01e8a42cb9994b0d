import { assessable, judgement, monthWindow, previousMonth, trendMonths } from './month'

describe('monthWindow', () => {
  it('bounds a month at midnight Shanghai time', () => {
    expect(monthWindow('2026-11')).toEqual({
      month: '2026-11',
      start: new Date('2026-10-31T16:00:00Z'),
      end: new Date('2026-11-30T16:00:00Z'),
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
    })
  })

  it('crosses the year and knows February', () => {
    expect(monthWindow('2026-12').end).toEqual(new Date('2026-12-31T16:00:00Z'))
    expect(monthWindow('2028-02').lastDay).toBe('2028-02-29')
  })
})

describe('previousMonth', () => {
  it('is the Shanghai month before, even when UTC is still in the old month', () => {
    // 2026-11-30T18:00Z is 02:00 on 1 December in Shanghai: the timer then assesses November.
    expect(previousMonth(new Date('2026-11-30T18:00:00Z'))).toBe('2026-11')
    expect(previousMonth(new Date('2026-11-30T15:59:00Z'))).toBe('2026-10')
    expect(previousMonth(new Date('2027-01-01T02:00:00+08:00'))).toBe('2026-12')
  })
})

describe('assessable', () => {
  const now = new Date('2026-11-27T10:00:00+08:00')
  it('takes past months and the current one, not the future', () => {
    expect(assessable('2026-10', now)).toBe(true)
    expect(assessable('2026-11', now)).toBe(true)
    expect(assessable('2026-12', now)).toBe(false)
  })
})

describe('judgement', () => {
  it('judges an ended month at its end, whenever the run starts', () => {
    const j = judgement('2026-10', new Date('2026-11-20T10:00:00+08:00'))
    expect(j.preview).toBe(false)
    expect(j.judgedAt).toEqual(new Date('2026-10-31T16:00:00Z'))
    expect(j.cutoffDate).toBe('2026-11-01')
    expect(j.policyDay).toBe('2026-10-31')
  })

  it('judges a preview at its own start', () => {
    const asOf = new Date('2026-11-27T10:00:00+08:00')
    const j = judgement('2026-11', asOf)
    expect(j.preview).toBe(true)
    expect(j.judgedAt).toEqual(asOf)
    expect(j.cutoffDate).toBe('2026-11-27')
    expect(j.policyDay).toBe('2026-11-27')
  })

  it('is no preview from the first instant of the next month', () => {
    expect(judgement('2026-11', new Date('2026-12-01T00:00:00+08:00')).preview).toBe(false)
    expect(judgement('2026-11', new Date('2026-11-30T23:59:59+08:00')).preview).toBe(true)
  })
})

describe('trendMonths', () => {
  it('lists six months oldest first across a year', () => {
    expect(trendMonths('2027-02')).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02'])
  })
})
