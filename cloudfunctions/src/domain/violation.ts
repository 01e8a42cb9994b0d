import {
  addDays,
  VIOLATION_APPEAL_WINDOW_DAYS,
  defaultViolationPoints,
  locateSection,
  sectionNumber,
  shanghaiDate,
  violationEvents,
  violationStands,
  violationStatuses,
  type ViolationClauseOption,
  type ErrorCode,
  type PolicyDocument,
  type ViolationCategory,
  type ViolationClause,
  type ViolationEvent,
  type ViolationSeverity,
  type ViolationStatus,
} from '../../../types/contract'
import { defineWorkflow, type Refusal, type Relation } from './workflow/workflow'

/** The rules of violations and appeals (六.三.2), free of storage so they can be tested on their own. */

/**
 * Only the person appeals, only admins decide, and nobody decides their own appeal. Heads
 * record and look, but an appeal is against them too, so they do not judge it.
 */
export const violationFlow = defineWorkflow(violationStatuses, violationEvents, [
  { from: 'recorded', event: 'appeal', by: ['owner'], to: 'appealed' },
  { from: 'appealed', event: 'uphold', by: ['admin'], to: 'upheld', notByOwner: true },
  { from: 'appealed', event: 'overturn', by: ['admin'], to: 'overturned', notByOwner: true },
])

export type ViolationRefusal = Refusal | Extract<ErrorCode, 'ALREADY_APPEALED' | 'APPEAL_WINDOW_CLOSED'>
export type ViolationDecision = { ok: true; next: ViolationStatus } | { ok: false; refusal: ViolationRefusal }

/** The last Shanghai day an appeal is accepted: the window counts whole days from the day of recording. */
export function appealDeadline(recordedAt: Date): string {
  return addDays(shanghaiDate(recordedAt), VIOLATION_APPEAL_WINDOW_DAYS)
}

export interface ViolationState {
  status: ViolationStatus
  recordedAt: Date
}

/**
 * The table's answer, sharpened for appeals: leaving 'recorded' is only ever by appealing,
 * so any other state means the one appeal has been used; and the window is checked last,
 * so a late second appeal still hears it was already made.
 */
export function decideViolation(doc: ViolationState, event: ViolationEvent, relations: readonly Relation[], now: Date): ViolationDecision {
  const decision = violationFlow.decide(doc.status, event, relations)
  if (event !== 'appeal') return decision
  if (!decision.ok) return decision.refusal === 'INVALID_STATE' ? { ok: false, refusal: 'ALREADY_APPEALED' } : decision
  if (shanghaiDate(now) > appealDeadline(doc.recordedAt)) return { ok: false, refusal: 'APPEAL_WINDOW_CLOSED' }
  return decision
}

export function availableViolationEvents(doc: ViolationState, relations: readonly Relation[], now: Date): ViolationEvent[] {
  return violationEvents.filter((event) => decideViolation(doc, event, relations, now).ok)
}

/**
 * Who may record a violation against a person: their department's head or an admin, never
 * against themself. A head of another department is told the person is outside their scope.
 */
export function recordRefusal(relations: readonly Relation[]): Extract<ErrorCode, 'FORBIDDEN' | 'OUT_OF_SCOPE'> | null {
  if (relations.includes('owner')) return 'FORBIDDEN'
  if (relations.includes('ownHead') || relations.includes('admin')) return null
  return relations.includes('otherHead') ? 'OUT_OF_SCOPE' : 'FORBIDDEN'
}

export function pointsFor(severity: ViolationSeverity, points: number | undefined): number {
  return points ?? defaultViolationPoints[severity]
}

/**
 * The cited section as it reads in the version cited. The label is frozen on the record: a
 * later version may renumber the section, but the record keeps what the person broke.
 */
export function citeSection(document: PolicyDocument, version: { id: string; number: number }, sectionKey: string): ViolationClause | null {
  const found = locateSection(document, sectionKey)
  if (!found) return null
  return {
    versionId: version.id,
    versionNumber: version.number,
    chapterKey: found.chapter.key,
    sectionKey: found.section.key,
    label: `第${version.number}版 ${sectionNumber(found.chapterIndex, found.sectionIndex)} ${found.section.heading}`,
  }
}

/** Every section of a version, in reading order, for the clause picker. */
export function clauseOptions(document: PolicyDocument): ViolationClauseOption[] {
  return document.chapters.flatMap((chapter, chapterIndex) =>
    chapter.sections.map((section, sectionIndex) => ({
      chapterKey: chapter.key,
      chapterTitle: chapter.title,
      sectionKey: section.key,
      label: `${sectionNumber(chapterIndex, sectionIndex)} ${section.heading}`,
    })),
  )
}

/** The assessment's violation evidence for one person and month: what stands, its points, and how much concerns confidentiality. */
export function violationEvidence(violations: ReadonlyArray<{ status: ViolationStatus; points: number; category: ViolationCategory }>): {
  count: number
  points: number
  confidentiality: number
} {
  const standing = violations.filter((v) => violationStands(v.status))
  return {
    count: standing.length,
    points: standing.reduce((sum, v) => sum + v.points, 0),
    confidentiality: standing.filter((v) => v.category === 'confidentiality').length,
  }
}
