import type { ActionInput, Department, ImportRosterResult, PersonSummary, RosterRowError } from '@contract'
import { callAction, isCloudError } from './cloud'

export type { Department, PersonSummary, RosterRowError }

export async function listDepartments(): Promise<Department[]> {
  const { items } = await callAction('roster.listDepartments', {})
  return items
}

export function addDepartment(name: string): Promise<Department> {
  return callAction('roster.addDepartment', { name: name.trim() })
}

export interface PeopleQuery {
  page: number
  pageSize: number
  keyword?: string
  departmentId?: string
  status?: 'active' | 'left'
}

export interface PeoplePage {
  items: PersonSummary[]
  total: number
  page: number
  pageSize: number
}

export function listPeople(query: PeopleQuery): Promise<PeoplePage> {
  const payload: ActionInput<'roster.listPeople'> = { page: query.page, pageSize: query.pageSize }
  const keyword = query.keyword?.trim()
  // The contract rejects empty strings for ids and keeps keywords short, so send only what narrows the list.
  if (keyword) payload.keyword = keyword.slice(0, 32)
  if (query.departmentId) payload.departmentId = query.departmentId
  if (query.status) payload.status = query.status
  return callAction('roster.listPeople', payload)
}

/** What the roster import screen shows, whether the server accepted the file, only checked it, or refused it. */
export interface RosterReport {
  /** Data rows read from the file, when the server said; null when a refusal did not say. */
  rows: number | null
  errors: RosterRowError[]
  committed: boolean
  created: number
  updated: number
}

function isRowError(value: unknown): value is RosterRowError {
  if (typeof value !== 'object' || value === null) return false
  const row = value as Record<string, unknown>
  return typeof row.line === 'number' && typeof row.field === 'string' && typeof row.message === 'string'
}

function fromResult(result: ImportRosterResult): RosterReport {
  return { rows: result.rows, errors: result.errors, committed: result.committed, created: result.created, updated: result.updated }
}

/**
 * Checks (commit=false) or imports (commit=true) a roster CSV. A roster with row errors is
 * a report, not a failure: on ROSTER_INVALID the rows travel in the error's details.
 */
export async function importRoster(csv: string, commit: boolean): Promise<RosterReport> {
  try {
    return fromResult(await callAction('roster.import', { csv, commit }))
  } catch (err) {
    if (isCloudError(err) && err.code === 'ROSTER_INVALID') {
      const details = (typeof err.details === 'object' && err.details !== null ? err.details : {}) as Record<string, unknown>
      const errors = Array.isArray(details.errors) ? details.errors.filter(isRowError) : []
      const rows = typeof details.rows === 'number' ? details.rows : null
      if (errors.length > 0) return { rows, errors, committed: false, created: 0, updated: 0 }
    }
    throw err
  }
}
