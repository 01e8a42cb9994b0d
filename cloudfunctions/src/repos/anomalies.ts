import type { AnomalyDetail, AnomalyEvent, AnomalyStatus, AnomalySummary, AnomalyType, MeasureType } from '../../../types/contract'

export const ANOMALIES = 'anomalies'

export interface StoredMeasure {
  type: MeasureType
  note: string | null
  at: Date
  actorId: string
  actorName: string
}

export interface AnomalyDoc {
  _id: string
  reporterId: string
  reporterName: string
  departmentId: string
  accountId: string | null
  accountWechatId: string | null
  type: AnomalyType
  status: AnomalyStatus
  description: string
  screenshots: string[]
  occurredAt: Date
  reportedAt: Date
  acknowledgedAt: Date | null
  acknowledgedBy: string | null
  resolvedAt: Date | null
  resolution: string | null
  measures: StoredMeasure[]
  updatedAt: Date
}

const minutesBetween = (from: Date, to: Date | null) => (to ? Math.round((to.getTime() - from.getTime()) / 60_000) : null)

export function toAnomalySummary(doc: AnomalyDoc, departmentName: string): AnomalySummary {
  return {
    id: doc._id,
    reporterId: doc.reporterId,
    reporterName: doc.reporterName,
    departmentId: doc.departmentId,
    departmentName,
    type: doc.type,
    status: doc.status,
    occurredAt: doc.occurredAt.toISOString(),
    reportedAt: doc.reportedAt.toISOString(),
    accountWechatId: doc.accountWechatId,
  }
}

export function toAnomalyDetail(doc: AnomalyDoc, departmentName: string, accountStatus: string | null, available: AnomalyEvent[]): AnomalyDetail {
  return {
    ...toAnomalySummary(doc, departmentName),
    description: doc.description,
    screenshots: doc.screenshots,
    accountId: doc.accountId,
    accountStatus,
    acknowledgedAt: doc.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: doc.acknowledgedBy,
    resolvedAt: doc.resolvedAt?.toISOString() ?? null,
    resolution: doc.resolution,
    measures: doc.measures.map((m) => ({ type: m.type, note: m.note, at: m.at.toISOString(), actorName: m.actorName })),
    minutesToAcknowledge: minutesBetween(doc.reportedAt, doc.acknowledgedAt),
    minutesToResolve: minutesBetween(doc.reportedAt, doc.resolvedAt),
    available,
  }
}
