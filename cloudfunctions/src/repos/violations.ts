import {
  violationStands,
  type ViolationCategory,
  type ViolationClause,
  type ViolationDetail,
  type ViolationEvent,
  type ViolationHistoryEntry,
  type ViolationSeverity,
  type ViolationStatus,
  type ViolationSummary,
} from '../../../types/contract'
import type { Database } from '../core/sdk-types'
import { appealDeadline } from '../domain/violation'
import { readAll } from './read-all'

export const VIOLATIONS = 'violations'

/**
 * A violation as stored. `personId`, `departmentId`, `month`, `occurredOn`, `clause`,
 * `category`, `severity`, `points`, `penalty` and `status` are read by the monthly
 * assessment: keep their names and meaning.
 */
export interface ViolationDoc {
  _id: string
  personId: string
  personName: string
  /** The person's department when recorded; the record stays there if they move. */
  departmentId: string
  /** Shanghai YYYY-MM of occurredOn. */
  month: string
  occurredOn: string
  clause: ViolationClause
  category: ViolationCategory
  severity: ViolationSeverity
  points: number
  penalty: string
  description: string
  status: ViolationStatus
  recordedAt: Date
  recordedById: string
  recordedByName: string
  appealReason: string | null
  appealedAt: Date | null
  decidedAt: Date | null
  decidedById: string | null
  decidedByName: string | null
  decisionComment: string | null
  updatedAt: Date
}

export async function loadViolation(db: Database, id: string): Promise<ViolationDoc | null> {
  const { data } = await db.collection<ViolationDoc>(VIOLATIONS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

/** Fields the assessment needs of a month's violations. */
export type ViolationEvidenceDoc = Pick<ViolationDoc, '_id' | 'personId' | 'departmentId' | 'month' | 'status' | 'points' | 'category'>

/** Every violation dated in a month (optionally one person's), overturned ones included: the caller decides what stands. */
export function loadMonthViolations(db: Database, month: string, personId?: string): Promise<ViolationEvidenceDoc[]> {
  return readAll<ViolationEvidenceDoc>(db, VIOLATIONS, personId ? { personId, month } : { month }, {
    personId: true,
    departmentId: true,
    month: true,
    status: true,
    points: true,
    category: true,
  })
}

export function toViolationSummary(doc: ViolationDoc, departmentName: string): ViolationSummary {
  return {
    id: doc._id,
    personId: doc.personId,
    personName: doc.personName,
    departmentId: doc.departmentId,
    departmentName,
    month: doc.month,
    occurredOn: doc.occurredOn,
    clause: doc.clause,
    category: doc.category,
    severity: doc.severity,
    points: doc.points,
    penalty: doc.penalty,
    status: doc.status,
    stands: violationStands(doc.status),
    recordedAt: doc.recordedAt.toISOString(),
    recordedByName: doc.recordedByName,
    appealDeadline: appealDeadline(doc.recordedAt),
    appealedAt: doc.appealedAt?.toISOString() ?? null,
  }
}

/** The timeline is read off the record's own fields: each step happens at most once. */
function historyOf(doc: ViolationDoc): ViolationHistoryEntry[] {
  const history: ViolationHistoryEntry[] = [{ kind: 'record', at: doc.recordedAt.toISOString(), actorName: doc.recordedByName, note: doc.penalty }]
  if (doc.appealedAt) history.push({ kind: 'appeal', at: doc.appealedAt.toISOString(), actorName: doc.personName, note: doc.appealReason })
  if (doc.decidedAt && (doc.status === 'upheld' || doc.status === 'overturned')) {
    history.push({ kind: doc.status, at: doc.decidedAt.toISOString(), actorName: doc.decidedByName ?? '', note: doc.decisionComment })
  }
  return history
}

export function toViolationDetail(doc: ViolationDoc, departmentName: string, available: ViolationEvent[]): ViolationDetail {
  return {
    ...toViolationSummary(doc, departmentName),
    description: doc.description,
    appealReason: doc.appealReason,
    decidedAt: doc.decidedAt?.toISOString() ?? null,
    decidedByName: doc.decidedByName,
    decisionComment: doc.decisionComment,
    history: historyOf(doc),
    available,
  }
}
