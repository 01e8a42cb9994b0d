import type { ActionInput, ChecklistItem, HandoverDetail, HandoverListStatus, HandoverSummary } from '@contract'
import { callAction } from './cloud'
import type { Page } from './accounts'

export type { HandoverDetail, HandoverSummary }

export function startHandover(accountId: string, leaving: boolean, reason: string): Promise<HandoverDetail> {
  return callAction('handover.start', { accountId, leaving, reason: reason.trim() })
}

export function getHandover(id: string): Promise<HandoverDetail> {
  return callAction('handover.get', { id })
}

export function designateReceiver(id: string, receiverId: string): Promise<HandoverDetail> {
  return callAction('handover.designate', { id, receiverId })
}

export function tickChecklist(id: string, item: ChecklistItem): Promise<HandoverDetail> {
  return callAction('handover.tick', { id, item })
}

export function closeHandover(id: string, outcome: 'transfer' | 'close'): Promise<HandoverDetail> {
  return callAction('handover.close', { id, outcome })
}

export function cancelHandover(id: string, comment: string): Promise<HandoverDetail> {
  return callAction('handover.cancel', { id, comment: comment.trim() })
}

export interface HandoversQuery {
  scope: 'mine' | 'handling'
  page: number
  pageSize: number
  status?: HandoverListStatus
  departmentId?: string
}

export function listHandovers(query: HandoversQuery): Promise<Page<HandoverSummary>> {
  const payload: ActionInput<'handover.list'> = { scope: query.scope, page: query.page, pageSize: query.pageSize }
  if (query.status) payload.status = query.status
  if (query.departmentId) payload.departmentId = query.departmentId
  return callAction('handover.list', payload)
}
