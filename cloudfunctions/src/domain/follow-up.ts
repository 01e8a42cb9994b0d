import { addDays, daysBetween, shanghaiDate, FOLLOW_UP_MAX_DAYS_AHEAD, type FollowUpState, type FollowUpStatus } from '../../../types/contract'

/**
 * What a follow-up means on a given day. Due dates are Shanghai calendar dates and so is
 * "today": a follow-up due on the 30th is still on time at 23:59 Shanghai time, which is
 * 15:59 UTC, and late from 16:00 UTC on.
 */
export interface FollowUpFacts {
  dueOn: string
  status: FollowUpStatus
  doneAt: Date | null
}

/** Done on or before the due date, judged by the Shanghai date it was done. */
export function doneOnTime(dueOn: string, doneAt: Date): boolean {
  return shanghaiDate(doneAt) <= dueOn
}

export function followUpState(facts: FollowUpFacts, today: string): FollowUpState {
  switch (facts.status) {
    case 'cancelled':
      return 'cancelled'
    case 'done':
      // A done record without its time cannot prove it was on time.
      return facts.doneAt && doneOnTime(facts.dueOn, facts.doneAt) ? 'done_on_time' : 'done_late'
    case 'planned':
      if (facts.dueOn === today) return 'due_today'
      return facts.dueOn < today ? 'overdue' : 'planned'
  }
}

/** Whole days an open follow-up is past its due date; 0 when it is not. */
export function daysOverdue(facts: FollowUpFacts, today: string): number {
  return facts.status === 'planned' ? Math.max(0, daysBetween(facts.dueOn, today)) : 0
}

/** A plan is for today or a later day, and not more than a year ahead. */
export function dueDateAllowed(dueOn: string, today: string): boolean {
  return dueOn >= today && dueOn <= addDays(today, FOLLOW_UP_MAX_DAYS_AHEAD)
}

/** The to-do line for a customer whose earliest open follow-up is due today or earlier. */
export function followUpTodoTitle(customerName: string, dueOn: string, today: string): string {
  const late = daysBetween(dueOn, today)
  return late <= 0 ? `跟进客户：${customerName}（今天到期）` : `跟进客户：${customerName}（已逾期${late}天）`
}

/** The earliest of the open follow-ups' due dates, or null when none is open. */
export function earliestDue(dueDates: readonly string[]): string | null {
  return dueDates.reduce<string | null>((earliest, d) => (earliest === null || d < earliest ? d : earliest), null)
}

/** Average satisfaction to one decimal; null without feedback. */
export function averageSatisfaction(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 10) / 10 : null
}
