import type {
  ActionInput,
  ActionOutput,
  RecordViolationInput,
  ViolationClauseOption,
  ViolationClauseOptions,
  ViolationDetail,
  ViolationScope,
  ViolationStatus,
  ViolationSummary,
} from '@contract'
import { callAction } from './cloud'

export type { RecordViolationInput, ViolationClauseOption, ViolationClauseOptions, ViolationDetail, ViolationScope, ViolationStatus, ViolationSummary }

export function recordViolation(input: ActionInput<'violation.record'>): Promise<ViolationDetail> {
  return callAction('violation.record', input)
}

/** The sections of the version in force, to cite one. */
export function listViolationClauses(): Promise<ViolationClauseOptions> {
  return callAction('violation.clauses', {})
}

export function getViolation(id: string): Promise<ViolationDetail> {
  return callAction('violation.get', { id })
}

export function appealViolation(id: string, reason: string): Promise<ViolationDetail> {
  return callAction('violation.appeal', { id, reason: reason.trim() })
}

export function upholdViolation(id: string, comment?: string): Promise<ViolationDetail> {
  const trimmed = comment?.trim()
  return callAction('violation.decide', { id, outcome: 'upheld', ...(trimmed ? { comment: trimmed } : {}) })
}

export function overturnViolation(id: string, comment: string): Promise<ViolationDetail> {
  return callAction('violation.decide', { id, outcome: 'overturned', comment: comment.trim() })
}

export interface ViolationsQuery {
  scope: ViolationScope
  page: number
  pageSize: number
  status?: ViolationStatus
  keyword?: string
  departmentId?: string
  month?: string
}

export function listViolations(query: ViolationsQuery): Promise<ActionOutput<'violation.list'>> {
  const payload: ActionInput<'violation.list'> = { scope: query.scope, page: query.page, pageSize: query.pageSize }
  // Only what narrows the list travels: an empty keyword would match everything anyway.
  const keyword = query.keyword?.trim()
  if (keyword) payload.keyword = keyword.slice(0, 32)
  if (query.status) payload.status = query.status
  if (query.departmentId) payload.departmentId = query.departmentId
  if (query.month) payload.month = query.month
  return callAction('violation.list', payload)
}
