import type { ActionInput, AnomalyDetail, AnomalyListStatus, AnomalySummary, AnomalyType, MeasureType } from '@contract'
import { callAction } from './cloud'
import type { Page } from './accounts'

export type { AnomalyDetail, AnomalySummary }

export interface AnomalyReport {
  type: AnomalyType
  /** ISO instant with offset. */
  occurredAt: string
  description: string
  screenshots: string[]
  accountId?: string
}

export function reportAnomaly(report: AnomalyReport): Promise<AnomalyDetail> {
  const payload: ActionInput<'anomaly.report'> = {
    type: report.type,
    occurredAt: report.occurredAt,
    description: report.description.trim(),
    screenshots: report.screenshots,
  }
  if (report.accountId) payload.accountId = report.accountId
  return callAction('anomaly.report', payload)
}

export function getAnomaly(id: string): Promise<AnomalyDetail> {
  return callAction('anomaly.get', { id })
}

export function acknowledgeAnomaly(id: string): Promise<AnomalyDetail> {
  return callAction('anomaly.acknowledge', { id })
}

export function recordMeasure(id: string, type: MeasureType, note: string): Promise<AnomalyDetail> {
  const trimmed = note.trim()
  return callAction('anomaly.recordMeasure', { id, type, ...(trimmed ? { note: trimmed } : {}) })
}

export function resolveAnomaly(id: string, resolution: string): Promise<AnomalyDetail> {
  return callAction('anomaly.resolve', { id, resolution: resolution.trim() })
}

export interface AnomaliesQuery {
  scope: 'mine' | 'handling'
  page: number
  pageSize: number
  status?: AnomalyListStatus
  type?: AnomalyType
  departmentId?: string
}

export function listAnomalies(query: AnomaliesQuery): Promise<Page<AnomalySummary>> {
  const payload: ActionInput<'anomaly.list'> = { scope: query.scope, page: query.page, pageSize: query.pageSize }
  if (query.status) payload.status = query.status
  if (query.type) payload.type = query.type
  if (query.departmentId) payload.departmentId = query.departmentId
  return callAction('anomaly.list', payload)
}
