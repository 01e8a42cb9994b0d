import type { DashboardDrill } from '../../../../types/contract'

/**
 * The list pages figures drill into, and which query parameters each page reads today. A drill
 * is exact only when its page reads every parameter it is given and lists exactly the records
 * counted; a `wider` page lists more than any figure counts (e.g. only what waits for the
 * caller), so it never is. Lists that leave out the caller's own records (an admin's own appeal,
 * a head's own report) may show one fewer than the figure.
 */
export const drillPages = {
  accounts: { page: '/packages/account/accounts/index', reads: ['status', 'departmentId'] as string[], wider: false },
  /** A department's applications (heads: their own; admins: all or one), filtered by status. */
  applications: { page: '/packages/account/applications/index', reads: ['status', 'departmentId'], wider: false },
  delegations: { page: '/packages/account/delegations/index', reads: ['scope', 'status', 'departmentId'], wider: false },
  handovers: { page: '/packages/account/handovers/index', reads: ['scope', 'status', 'departmentId'], wider: false },
  /** What waits for review: a head's department, or for admins every department or one. */
  marketingReview: { page: '/packages/marketing/review/index', reads: ['departmentId'], wider: false },
  violations: { page: '/packages/supervision/violations/index', reads: ['scope', 'status', 'departmentId'], wider: false },
  /** The admin's month and the appeals waiting, of every month. */
  assessmentAdmin: { page: '/packages/assessment/admin/index', reads: ['tab', 'month', 'departmentId'], wider: false },
  /** A month's results (a head's department, or for admins any department or all), or the appeals waiting. */
  assessmentTeam: { page: '/packages/assessment/team/index', reads: ['month', 'departmentId', 'grade', 'appealStatus'], wider: false },
  anomalies: { page: '/packages/account/anomalies/index', reads: ['scope', 'status', 'type', 'departmentId'], wider: false },
  policyProgress: { page: '/packages/policy/progress/index', reads: ['versionId', 'departmentId', 'filter'], wider: false },
  /** Receipts past their deadline among the month's notices, across notices. */
  overdueNotices: { page: '/packages/notice/overdue/index', reads: ['month', 'departmentId'], wider: false },
  spotCheckRounds: { page: '/packages/supervision/spot-check-rounds/index', reads: ['tab', 'roundMonth', 'departmentId'], wider: false },
} as const

export type DrillPage = keyof typeof drillPages

/** A drill-down to a page with the query naming the records; empty values are left out. */
export function drill(to: DrillPage, query: Record<string, string | null | undefined>): DashboardDrill {
  const { page, reads, wider } = drillPages[to]
  const kept = Object.fromEntries(Object.entries(query).filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== ''))
  const exact = !wider && Object.keys(kept).every((key) => (reads as readonly string[]).includes(key))
  return { page, query: kept, exact }
}
