import { shanghaiDate, shanghaiMonth } from '../../../types/contract'
import { monthEnd, shiftMonth } from '../domain/archive'

/**
 * A Shanghai month as the job reads records: instants for timestamps (sentAt), calendar
 * dates for date labels (dueOn, on). Both bounds come from +08:00, so a notice sent at
 * 2026-10-31T16:30Z (00:30 on 1 November in Shanghai) belongs to November.
 */
export interface MonthWindow {
  month: string
  /** 00:00 Shanghai on the 1st. */
  start: Date
  /** 00:00 Shanghai on the 1st of the next month (exclusive). */
  end: Date
  firstDay: string
  lastDay: string
}

export function monthWindow(month: string): MonthWindow {
  const next = shiftMonth(month, 1)
  return {
    month,
    start: new Date(`${month}-01T00:00:00+08:00`),
    end: new Date(`${next}-01T00:00:00+08:00`),
    firstDay: `${month}-01`,
    lastDay: monthEnd(month),
  }
}

/** The month the timer assesses: the one before `now`'s Shanghai month. */
export function previousMonth(now: Date): string {
  return shiftMonth(shanghaiMonth(now), -1)
}

/** Months that have begun can be computed: ended ones for real, the current one as a preview. */
export function assessable(month: string, now: Date): boolean {
  return month <= shanghaiMonth(now)
}

/**
 * How a run judges what is still open. A month computed after it ended judges everything as
 * it stood at the month's end; a preview of the current month judges as of its own start, so
 * what is due later this month is neither counted nor held against anyone yet.
 */
export interface Judgement {
  window: MonthWindow
  preview: boolean
  /** The earlier of the month's end and the run's asOf. */
  judgedAt: Date
  /** Open follow-ups and tasks due before this date are overdue; later ones are not counted yet. */
  cutoffDate: string
  /** The day whose policy version must have been acknowledged. */
  policyDay: string
}

export function judgement(month: string, asOf: Date): Judgement {
  const window = monthWindow(month)
  const preview = asOf.getTime() < window.end.getTime()
  const judgedAt = preview ? asOf : window.end
  return {
    window,
    preview,
    judgedAt,
    cutoffDate: preview ? shanghaiDate(asOf) : `${shiftMonth(month, 1)}-01`,
    policyDay: preview ? shanghaiDate(asOf) : window.lastDay,
  }
}

/** The six months ending with `month`, oldest first. */
export function trendMonths(month: string, count = 6): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(month, i - count + 1))
}
