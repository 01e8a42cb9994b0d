import type { ConfirmationFilter, CoverageCounts, DepartmentCoverage, ErrorCode, Role } from '../../../types/contract'

export interface ArchiveActor {
  id: string
  role: Role
  departmentId: string
}

export interface ArchiveAccess {
  /** null when the caller may see the record; otherwise the refusal they get. */
  refusal: Extract<ErrorCode, 'FORBIDDEN' | 'OUT_OF_SCOPE'> | null
  canEdit: boolean
  canDelete: boolean
}

/**
 * Who may do what with an archive record: the owner everything, their department's head may
 * look, an admin may look and delete (clearing up after someone who left) but never rewrite
 * what another person registered.
 */
export function archiveAccess(actor: ArchiveActor, record: { ownerId: string; departmentId: string }): ArchiveAccess {
  const owner = actor.id === record.ownerId
  const admin = actor.role === 'admin'
  const ownHead = actor.role === 'head' && actor.departmentId === record.departmentId
  const refusal = owner || admin || ownHead ? null : actor.role === 'head' ? 'OUT_OF_SCOPE' : 'FORBIDDEN'
  return { refusal, canEdit: owner, canDelete: owner || admin }
}

export function confirmationDueOn(month: string, dueDay: number): string {
  return `${month}-${String(dueDay).padStart(2, '0')}`
}

/** A month moved by whole months: shiftMonth('2026-01', -2) is '2025-11'. */
export function shiftMonth(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  const index = year * 12 + (mon - 1) + delta
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The last calendar day of a month. */
export function monthEnd(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  const days = new Date(Date.UTC(year, mon, 0)).getUTCDate()
  return `${month}-${String(days)}`
}

/**
 * The backup dates that keep someone off the "no recent backup" list for a month: the month
 * and the two before it, whole calendar months so the answer does not drift within the month.
 */
export function recentWindow(month: string): { start: string; end: string } {
  return { start: `${shiftMonth(month, -2)}-01`, end: monthEnd(month) }
}

export interface StaffMember {
  id: string
  departmentId: string
}

export interface ConfirmationFact {
  personId: string
  complete: boolean
}

function countsFor(staff: StaffMember[], confirmed: Map<string, ConfirmationFact>, recentOwners: Set<string>, recordsAdded: number): CoverageCounts {
  let confirmedCount = 0
  let incompleteCount = 0
  let dormantCount = 0
  for (const person of staff) {
    const confirmation = confirmed.get(person.id)
    if (confirmation) {
      confirmedCount += 1
      if (!confirmation.complete) incompleteCount += 1
    }
    if (!recentOwners.has(person.id)) dormantCount += 1
  }
  return { staffCount: staff.length, confirmedCount, incompleteCount, recordsAdded, dormantCount }
}

/**
 * Coverage per department, in the order given. Staff are counted in the department they are in
 * now; a confirmation counts for its person wherever they were when they made it.
 */
export function summarizeCoverage(
  departments: Array<{ id: string; name: string }>,
  staff: StaffMember[],
  confirmations: ConfirmationFact[],
  recentOwners: Set<string>,
  addedByDepartment: Map<string, number>,
): { departments: DepartmentCoverage[]; total: CoverageCounts } {
  const confirmed = new Map(confirmations.map((c) => [c.personId, c]))
  const rows = departments.map((d) => ({
    departmentId: d.id,
    departmentName: d.name,
    ...countsFor(
      staff.filter((p) => p.departmentId === d.id),
      confirmed,
      recentOwners,
      addedByDepartment.get(d.id) ?? 0,
    ),
  }))
  const total = countsFor(staff, confirmed, recentOwners, rows.reduce((n, r) => n + r.recordsAdded, 0))
  return { departments: rows, total }
}

/** Whether a person's line belongs under a filter of the drill-down list. */
export function matchesFilter(filter: ConfirmationFilter | undefined, confirmation: ConfirmationFact | undefined, dormant: boolean): boolean {
  switch (filter) {
    case 'unconfirmed':
      return !confirmation
    case 'confirmed':
      return Boolean(confirmation)
    case 'incomplete':
      return Boolean(confirmation && !confirmation.complete)
    case 'dormant':
      return dormant
    default:
      return true
  }
}
