import { addDays, type PolicyAck, type PolicyDocument, type PolicyQuiz, type PolicyVersionSummary } from '../../../types/contract'
import type { Database } from '../core/sdk-types'

export const POLICY_VERSIONS = 'policy_versions'
export const POLICY_ACKS = 'policy_acks'

export interface PolicyVersionDoc {
  _id: string
  status: 'draft' | 'published'
  /** Assigned at publication, one more than the latest; null while a draft. */
  number: number | null
  document: PolicyDocument
  quiz: PolicyQuiz
  changeSummary: string
  effectiveFrom: string | null
  ackWithinDays: number
  /** Bumped by every save, so an editor saving over a newer save is refused. */
  revision: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
  publishedBy: string | null
  publishedByName: string | null
}

/** Everything but the text: lists and the in-force lookup never carry whole documents. */
export const VERSION_HEADER_FIELDS = {
  status: true,
  number: true,
  'document.title': true,
  changeSummary: true,
  effectiveFrom: true,
  ackWithinDays: true,
  revision: true,
  createdBy: true,
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
  publishedBy: true,
  publishedByName: true,
  sectionCount: true,
} as const

export type PolicyVersionHeader = Omit<PolicyVersionDoc, 'document' | 'quiz'> & { document: { title: string }; sectionCount: number }

export interface PolicyAckDoc {
  _id: string
  versionId: string
  versionNumber: number
  personId: string
  departmentId: string
  /** Null until accepted: the document exists earlier to count wrong quiz attempts and reminders. */
  acknowledgedAt: Date | null
  quizAsked: number
  quizFailedAttempts: number
  lastRemindedAt: Date | null
}

export const DEFAULT_ACK_WITHIN_DAYS = 7

/** One acknowledgement per person per version: the id says which, so a second tap cannot add another. */
export function policyAckId(versionId: string, personId: string): string {
  return `ack-${versionId}-${personId}`
}

export function sectionCount(doc: PolicyDocument): number {
  return doc.chapters.reduce((n, c) => n + c.sections.length, 0)
}

export function ackDueOn(version: { effectiveFrom: string | null; ackWithinDays: number }): string {
  return addDays(version.effectiveFrom ?? '9999-12-31', version.ackWithinDays)
}

function inForceQuery<T>(db: Database, today: string) {
  const _ = db.command
  return db.collection<T>(POLICY_VERSIONS).where({ status: 'published', effectiveFrom: _.lte(today) }).orderBy('number', 'desc').limit(1)
}

/** The published version with the latest effective date on or before `today`, without its text. */
export async function loadVersionInForce(db: Database, today: string): Promise<PolicyVersionHeader | null> {
  const { data } = await inForceQuery<PolicyVersionHeader>(db, today).field(VERSION_HEADER_FIELDS).get()
  return data[0] ?? null
}

/** The same version with its text and quiz, for callers that need them: one read instead of two. */
export async function loadVersionInForceWithText(db: Database, today: string): Promise<PolicyVersionDoc | null> {
  const { data } = await inForceQuery<PolicyVersionDoc>(db, today).get()
  return data[0] ?? null
}

export async function loadUpcomingVersion(db: Database, today: string): Promise<PolicyVersionHeader | null> {
  const _ = db.command
  const { data } = await db
    .collection<PolicyVersionHeader>(POLICY_VERSIONS)
    .where({ status: 'published', effectiveFrom: _.gt(today) })
    .orderBy('number', 'desc')
    .field(VERSION_HEADER_FIELDS)
    .limit(1)
    .get()
  return data[0] ?? null
}

export async function loadVersion(db: Database, id: string): Promise<PolicyVersionDoc | null> {
  const { data } = await db.collection<PolicyVersionDoc>(POLICY_VERSIONS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

export async function loadAck(db: Database, versionId: string, personId: string): Promise<PolicyAckDoc | null> {
  const { data } = await db.collection<PolicyAckDoc>(POLICY_ACKS).where({ _id: policyAckId(versionId, personId) }).limit(1).get()
  return data[0] ?? null
}

export function toPolicyAck(doc: PolicyAckDoc): PolicyAck | null {
  if (!doc.acknowledgedAt) return null
  return {
    versionId: doc.versionId,
    versionNumber: doc.versionNumber,
    acknowledgedAt: doc.acknowledgedAt.toISOString(),
    quizAsked: doc.quizAsked,
    quizFailedAttempts: doc.quizFailedAttempts,
  }
}

export function toVersionSummary(doc: PolicyVersionHeader | PolicyVersionDoc, inForceId: string | null, today: string): PolicyVersionSummary {
  return {
    id: doc._id,
    status: doc.status,
    number: doc.number,
    title: doc.document.title,
    changeSummary: doc.changeSummary,
    effectiveFrom: doc.effectiveFrom,
    ackWithinDays: doc.ackWithinDays,
    publishedAt: doc.publishedAt ? doc.publishedAt.toISOString() : null,
    publishedByName: doc.publishedByName,
    inForce: doc._id === inForceId,
    upcoming: doc.status === 'published' && doc.effectiveFrom !== null && doc.effectiveFrom > today,
    revision: doc.revision,
    updatedAt: doc.updatedAt.toISOString(),
    sectionCount: 'sectionCount' in doc && typeof doc.sectionCount === 'number' ? doc.sectionCount : sectionCount(doc.document as PolicyDocument),
  }
}
