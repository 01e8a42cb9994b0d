import { GROUP_REVIEW_MONTHS, type GroupFlag, type GroupStatus } from '../../../types/contract'

/** What the flags are judged from; dates are Shanghai calendar dates. */
export interface GroupFlagFacts {
  status: GroupStatus
  purpose: string | null
  /** The day the group was registered. */
  createdOn: string
  /** The day of the latest review, or null before the first. */
  lastReviewedOn: string | null
  lastReviewStillNeeded: boolean | null
  lastReviewMembersRelevant: boolean | null
}

/**
 * The same day some months later; a day the later month lacks becomes its last day, so a group
 * reviewed on 30 November is next due on 28 (or 29) February rather than in March.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

/** A new group counts from its registration, a reviewed one from its latest review. */
export function groupReviewDueOn(createdOn: string, lastReviewedOn: string | null): string {
  return addMonths(lastReviewedOn ?? createdOn, GROUP_REVIEW_MONTHS)
}

/**
 * What needs attention about a group today. A dissolved group needs none. The review is late
 * from the day after it fell due: reviewed on the due day is still within three months.
 */
export function flagsOfGroup(group: GroupFlagFacts, today: string): GroupFlag[] {
  if (group.status !== 'active') return []
  const flags: GroupFlag[] = []
  if (!group.purpose || group.purpose.trim().length === 0) flags.push('no_purpose')
  if (today > groupReviewDueOn(group.createdOn, group.lastReviewedOn)) flags.push('review_overdue')
  if (group.lastReviewStillNeeded === false) flags.push('not_needed')
  if (group.lastReviewMembersRelevant === false) flags.push('members_irrelevant')
  return flags
}
