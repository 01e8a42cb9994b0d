import type { ActionInput, DelegationDetail, DelegationStatus, DelegationSummary } from '@contract'
import { callAction } from './cloud'
import type { Page } from './accounts'

export type { DelegationDetail, DelegationSummary }

export interface DelegationRequest {
  accountId: string
  delegateId: string
  startsOn: string
  endsOn: string
  reason: string
}

export function requestDelegation(request: DelegationRequest): Promise<DelegationDetail> {
  return callAction('delegation.request', {
    accountId: request.accountId,
    delegateId: request.delegateId.trim(),
    startsOn: request.startsOn,
    endsOn: request.endsOn,
    reason: request.reason.trim(),
  })
}

export function getDelegation(id: string): Promise<DelegationDetail> {
  return callAction('delegation.get', { id })
}

export function reviewDelegation(id: string, decision: 'approve' | 'reject', comment: string): Promise<DelegationDetail> {
  const trimmed = comment.trim()
  return callAction('delegation.review', { id, decision, ...(trimmed ? { comment: trimmed } : {}) })
}

export function withdrawDelegation(id: string): Promise<DelegationDetail> {
  return callAction('delegation.withdraw', { id })
}

export function revokeDelegation(id: string, comment: string): Promise<DelegationDetail> {
  const trimmed = comment.trim()
  return callAction('delegation.revoke', { id, ...(trimmed ? { comment: trimmed } : {}) })
}

export interface DelegationsQuery {
  scope: 'mine' | 'pending' | 'all'
  page: number
  pageSize: number
  accountId?: string
  status?: DelegationStatus
  departmentId?: string
}

export function listDelegations(query: DelegationsQuery): Promise<Page<DelegationSummary>> {
  const payload: ActionInput<'delegation.list'> = { scope: query.scope, page: query.page, pageSize: query.pageSize }
  if (query.accountId) payload.accountId = query.accountId
  if (query.status) payload.status = query.status
  if (query.departmentId) payload.departmentId = query.departmentId
  return callAction('delegation.list', payload)
}
