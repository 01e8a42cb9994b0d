import { shanghaiMonth } from '@contract/calendar'

/** `count` Shanghai months ending at `last`, oldest first. */
export function monthsEndingAt(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number)
  const out: string[] = []
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`)
  }
  return out
}

/** The month before the current Shanghai month: the latest one that can have been published. */
export function lastClosedMonth(now: Date = new Date()): string {
  return monthsEndingAt(shanghaiMonth(now), 2)[0]
}

export function monthLabel(month: string): string {
  const [year, m] = month.split('-')
  return `${year}年${Number(m)}月`
}

/** Just the month: six bars stay readable on a phone, and the switcher above names the year. */
export function shortMonthLabel(month: string): string {
  return `${Number(month.split('-')[1])}月`
}
