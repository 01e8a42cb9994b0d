import type { ActionInput, ActionOutput, AuditChange, AuditEntryView } from '@contract'
import { callAction } from './cloud'

export type { AuditChange, AuditEntryView }

export interface AuditQuery {
  page: number
  pageSize: number
  actorId?: string
  /** An exact action name or a prefix ("violation." / "violation"). */
  action?: string
  targetId?: string
  /** Shanghai dates, both included. */
  from?: string
  to?: string
}

export function searchAudit(query: AuditQuery): Promise<ActionOutput<'audit.search'>> {
  const payload: ActionInput<'audit.search'> = { page: query.page, pageSize: query.pageSize }
  // Only what narrows the search travels: the contract refuses empty strings.
  if (query.actorId) payload.actorId = query.actorId
  const action = query.action?.trim()
  if (action) payload.action = action
  const targetId = query.targetId?.trim()
  if (targetId) payload.targetId = targetId
  if (query.from) payload.from = query.from
  if (query.to) payload.to = query.to
  return callAction('audit.search', payload)
}
