import type { Rubric, RoundAllocation, RoundSummary, SpotCheckDetail, SpotCheckEvent, SpotCheckStatus, SpotCheckSummary } from '../../../types/contract'
import type { Database } from '../core/sdk-types'
import type { DepartmentAllocation, SampleCandidate } from '../domain/spot-check-sample'

export const SPOT_CHECK_ROUNDS = 'spot_check_rounds'
export const SPOT_CHECKS = 'spot_checks'

/**
 * A round keeps everything its sample was drawn from (the candidates as they stood, the
 * settings and the seed), so drawing again can show the sample was not chosen by hand.
 */
export interface RoundDoc {
  _id: string
  createdBy: string
  createdByName: string
  /** Indexed with createdAt: "rounds covering my department". */
  departmentIds: string[]
  size: number
  excludeWithinMonths: number
  force: boolean
  seed: string
  /** Shanghai YYYY-MM the sample was drawn in. */
  month: string
  /** The sample, in drawing order. */
  personIds: string[]
  candidates: SampleCandidate[]
  allocation: DepartmentAllocation[]
  eligibleCount: number
  excludedCount: number
  createdAt: Date
}

/**
 * One person's check. Fields other domains read (the monthly assessment): personId,
 * departmentId, status, month (of scoring), firstReplyMinutes, rubric, rubricPercent.
 */
export interface SpotCheckDoc {
  _id: string
  roundId: string
  personId: string
  personName: string
  departmentId: string
  checkerId: string
  checkerName: string
  status: SpotCheckStatus
  /** The round's month; `month` is the month of scoring and stays null until then. */
  roundMonth: string
  month: string | null
  scoredAt: Date | null
  scoredBy: string | null
  scoredByName: string | null
  /** Observed working minutes to the first reply; null when not observed. */
  firstReplyMinutes: number | null
  rubric: Rubric | null
  /** 0–100, one decimal: the rubric average ×20. */
  rubricPercent: number | null
  notes: string
  screenshots: string[]
  employeeComment: string | null
  commentedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

/** One id per person and round, so a round written again after a failure cannot check anyone twice. */
export function spotCheckId(roundId: string, personId: string): string {
  return `${roundId}-${personId}`
}

/** Reads by id without throwing on a missing one (doc(id).get() would). */
/** A check as a round creates it: waiting for its checker (the round's creator) to score it. */
export function pendingSpotCheck(round: Pick<RoundDoc, '_id' | 'month' | 'createdAt'>, person: { _id: string; name: string; departmentId: string }, checker: { _id: string; name: string }): SpotCheckDoc {
  return {
    _id: spotCheckId(round._id, person._id),
    roundId: round._id,
    personId: person._id,
    personName: person.name,
    departmentId: person.departmentId,
    checkerId: checker._id,
    checkerName: checker.name,
    status: 'pending',
    roundMonth: round.month,
    month: null,
    scoredAt: null,
    scoredBy: null,
    scoredByName: null,
    firstReplyMinutes: null,
    rubric: null,
    rubricPercent: null,
    notes: '',
    screenshots: [],
    employeeComment: null,
    commentedAt: null,
    createdAt: round.createdAt,
    updatedAt: round.createdAt,
  }
}

export async function loadSpotCheck(db: Database, id: string): Promise<SpotCheckDoc | null> {
  const { data } = await db.collection<SpotCheckDoc>(SPOT_CHECKS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

export async function loadRound(db: Database, id: string): Promise<RoundDoc | null> {
  const { data } = await db.collection<RoundDoc>(SPOT_CHECK_ROUNDS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

const iso = (date: Date | null) => (date ? date.toISOString() : null)

export function toSpotCheckSummary(doc: SpotCheckDoc, departmentName: string): SpotCheckSummary {
  return {
    id: doc._id,
    roundId: doc.roundId,
    personId: doc.personId,
    personName: doc.personName,
    departmentId: doc.departmentId,
    departmentName,
    checkerId: doc.checkerId,
    checkerName: doc.checkerName,
    status: doc.status,
    roundMonth: doc.roundMonth,
    month: doc.month,
    scoredAt: iso(doc.scoredAt),
    firstReplyMinutes: doc.firstReplyMinutes,
    rubricPercent: doc.rubricPercent,
    commented: doc.employeeComment !== null,
    createdAt: doc.createdAt.toISOString(),
  }
}

export function toSpotCheckDetail(doc: SpotCheckDoc, departmentName: string, available: SpotCheckEvent[]): SpotCheckDetail {
  return {
    ...toSpotCheckSummary(doc, departmentName),
    rubric: doc.rubric ? { clarity: doc.rubric.clarity, courtesy: doc.rubric.courtesy, infoHandling: doc.rubric.infoHandling } : null,
    notes: doc.notes,
    screenshots: doc.screenshots,
    scoredByName: doc.scoredByName,
    employeeComment: doc.employeeComment,
    commentedAt: iso(doc.commentedAt),
    available,
  }
}

export function toRoundSummary(doc: RoundDoc, departmentNames: ReadonlyMap<string, string>, scoredCount: number): RoundSummary {
  return {
    id: doc._id,
    createdBy: doc.createdBy,
    createdByName: doc.createdByName,
    departmentIds: doc.departmentIds,
    departmentNames: doc.departmentIds.map((id) => departmentNames.get(id) ?? ''),
    size: doc.size,
    sampledCount: doc.personIds.length,
    excludeWithinMonths: doc.excludeWithinMonths,
    force: doc.force,
    seed: doc.seed,
    month: doc.month,
    createdAt: doc.createdAt.toISOString(),
    scoredCount,
  }
}

export function toRoundAllocation(allocation: readonly DepartmentAllocation[], departmentNames: ReadonlyMap<string, string>): RoundAllocation[] {
  return allocation.map((a) => ({ departmentId: a.departmentId, departmentName: departmentNames.get(a.departmentId) ?? '', eligible: a.eligible, sampled: a.sampled }))
}
