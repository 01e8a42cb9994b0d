import type {
  Adjustment,
  Appeal,
  AppealRow,
  AppealStatus,
  AssessmentResult,
  AssessmentRules,
  AssessmentRun,
  AssessmentRunStatus,
  AssessmentRunTrigger,
  Evidence,
  ResultRow,
  Score,
} from '../../../types/contract'
import type { Database } from '../core/sdk-types'

export const ASSESSMENT_RUNS = 'assessment_runs'
export const ASSESSMENT_RESULTS = 'assessment_results'
/** The cloud function that runs the monthly job (cloudfunctions/src/functions/assessment). */
export const ASSESSMENT_FUNCTION = 'assessment'

/** A running run with no progress for this long has most likely lost its invocation. */
export const STALLED_AFTER_MS = 3 * 60_000

/**
 * One computation of a month. The rules are copied onto it when it starts, and `asOf` is the
 * moment every pending item is judged at, so each chunk of the run — first try or resumed
 * after a crash — computes exactly what an uninterrupted run would have.
 */
export interface RunDoc {
  _id: string
  month: string
  status: AssessmentRunStatus
  trigger: AssessmentRunTrigger
  /** asOf fell before the month's end. */
  preview: boolean
  ruleVersion: number
  rules: AssessmentRules
  asOf: Date
  /** People in scope at the start, for the progress bar; the run itself reads them chunk by chunk. */
  staffCount: number
  processed: number
  /** The last person (in `_id` order) whose result is written and counted; null before the first chunk. */
  cursor: string | null
  /** Failed invocations in a row; reset by progress. */
  attempts: number
  lastError: string | null
  startedAt: Date
  startedById: string | null
  startedByName: string | null
  updatedAt: Date
  finishedAt: Date | null
  publishedAt: Date | null
  publishedById: string | null
  publishedByName: string | null
}

export interface StoredAppeal {
  reason: string
  appealedAt: Date
  status: AppealStatus
  decidedAt: Date | null
  decidedById: string | null
  decidedByName: string | null
  comment: string | null
}

export interface StoredAdjustment {
  total: number
  grade: string
  comment: string
  adjustedAt: Date
  adjustedById: string
  adjustedByName: string
}

/**
 * One person's month. Written whole by the run (`set`, so computing again replaces it with the
 * same document); after publication only `appeal`, `adjustment` and the effective
 * `total`/`grade` change, and `score` keeps what was computed.
 */
export interface ResultDoc {
  _id: string
  month: string
  personId: string
  personName: string
  departmentId: string
  runId: string
  ruleVersion: number
  evidence: Evidence
  score: Score
  /** The run's asOf. */
  computedAt: Date
  /** Effective total and grade: the adjustment's when there is one. Indexed with month for ranking. */
  total: number
  grade: string
  appeal: StoredAppeal | null
  /** `appeal.status` kept at the top level, where it can be indexed: admins' to-do list asks for every pending one. */
  appealStatus: AppealStatus | null
  adjustment: StoredAdjustment | null
}

export function resultId(month: string, personId: string): string {
  return `result-${month}-${personId}`
}

export async function loadRun(db: Database, id: string): Promise<RunDoc | null> {
  const { data } = await db.collection<RunDoc>(ASSESSMENT_RUNS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

/** The month's most recently started run, or null when it was never computed. */
export async function latestRun(db: Database, month: string): Promise<RunDoc | null> {
  const { data } = await db.collection<RunDoc>(ASSESSMENT_RUNS).where({ month }).orderBy('startedAt', 'desc').orderBy('_id', 'desc').limit(1).get()
  return data[0] ?? null
}

/** The run that published the month, or null while it is not published. */
export async function publishedRun(db: Database, month: string): Promise<RunDoc | null> {
  const { data } = await db.collection<RunDoc>(ASSESSMENT_RUNS).where({ month, publishedAt: db.command.neq(null) }).limit(1).get()
  return data[0] ?? null
}

/** Which of these months are published, with when. */
export async function publishedMonths(db: Database, months: string[]): Promise<Map<string, Date>> {
  if (months.length === 0) return new Map()
  const { data } = await db
    .collection<Pick<RunDoc, '_id' | 'month' | 'publishedAt'>>(ASSESSMENT_RUNS)
    .where({ month: db.command.in(months), publishedAt: db.command.neq(null) })
    .field({ month: true, publishedAt: true })
    .limit(months.length)
    .get()
  return new Map(data.map((r) => [r.month, r.publishedAt as Date]))
}

export async function loadResult(db: Database, id: string): Promise<ResultDoc | null> {
  const { data } = await db.collection<ResultDoc>(ASSESSMENT_RESULTS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function toRunSummary(doc: RunDoc, now: Date): AssessmentRun {
  return {
    id: doc._id,
    month: doc.month,
    status: doc.status,
    trigger: doc.trigger,
    preview: doc.preview,
    ruleVersion: doc.ruleVersion,
    staffCount: doc.staffCount,
    processed: doc.processed,
    startedAt: doc.startedAt.toISOString(),
    startedByName: doc.startedByName,
    finishedAt: iso(doc.finishedAt),
    publishedAt: iso(doc.publishedAt),
    publishedByName: doc.publishedByName,
    stalled: doc.status === 'running' && now.getTime() - doc.updatedAt.getTime() > STALLED_AFTER_MS,
    lastError: doc.lastError,
  }
}

function toAppeal(a: StoredAppeal): Appeal {
  return {
    reason: a.reason,
    appealedAt: a.appealedAt.toISOString(),
    status: a.status,
    decidedAt: iso(a.decidedAt),
    decidedByName: a.decidedByName,
    comment: a.comment,
  }
}

function toAdjustment(a: StoredAdjustment): Adjustment {
  return { total: a.total, grade: a.grade, comment: a.comment, adjustedAt: a.adjustedAt.toISOString(), adjustedByName: a.adjustedByName }
}

export function toResult(doc: ResultDoc, departmentName: string, view: { published: boolean; canAppeal: boolean }): AssessmentResult {
  return {
    id: doc._id,
    month: doc.month,
    personId: doc.personId,
    personName: doc.personName,
    departmentId: doc.departmentId,
    departmentName,
    runId: doc.runId,
    ruleVersion: doc.ruleVersion,
    evidence: doc.evidence,
    score: doc.score,
    computedAt: doc.computedAt.toISOString(),
    total: doc.total,
    grade: doc.grade,
    appeal: doc.appeal ? toAppeal(doc.appeal) : null,
    adjustment: doc.adjustment ? toAdjustment(doc.adjustment) : null,
    published: view.published,
    canAppeal: view.canAppeal,
  }
}

export function toResultRow(doc: ResultDoc, departmentName: string): ResultRow {
  return {
    id: doc._id,
    personId: doc.personId,
    personName: doc.personName,
    departmentId: doc.departmentId,
    departmentName,
    total: doc.total,
    grade: doc.grade,
    computedTotal: doc.score.total,
    appealStatus: doc.appealStatus,
    insufficientCount: doc.score.indicators.filter((i) => i.insufficient).length,
  }
}

/** A result in the appeals queue; only called for results with an appeal. */
export function toAppealRow(doc: ResultDoc, departmentName: string): AppealRow {
  return {
    id: doc._id,
    month: doc.month,
    personId: doc.personId,
    personName: doc.personName,
    departmentId: doc.departmentId,
    departmentName,
    total: doc.total,
    grade: doc.grade,
    reason: doc.appeal?.reason ?? '',
    appealedAt: (doc.appeal?.appealedAt ?? doc.computedAt).toISOString(),
  }
}
