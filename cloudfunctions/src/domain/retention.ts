import { shanghaiDate } from '../../../types/contract'

/**
 * What the retention job does to the records of a person who left longer ago than the
 * retention period (docs/data-protection.md). Pure: the job (jobs/retention.ts) finds the
 * records and applies these plans with conditional writes.
 */

/** What an anonymized person's name becomes wherever it was copied onto a record. */
export const ANONYMIZED_NAME = '已离职人员'

/** Shanghai date `date` (YYYY-MM-DD) plus whole calendar months; the 31st of a shorter month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

/** The last Shanghai day a departed person's data is kept: the day they left plus the period. */
export function keptUntil(leftAt: Date, periodMonths: number): string {
  return addMonths(shanghaiDate(leftAt), periodMonths)
}

export interface DepartedPerson {
  _id: string
  status: string
  leftAt?: Date | null
  anonymizedAt?: Date | null
}

/**
 * Expired: left (with a recorded leaving time), not yet anonymized, and today in Shanghai is
 * after the last day kept. People without a leaving time are never expired: the job cannot
 * tell how long ago they left, so it leaves them to an admin.
 */
export function isExpired(person: DepartedPerson, periodMonths: number, now: Date): boolean {
  if (person.status !== 'left' || !(person.leftAt instanceof Date) || person.anonymizedAt) return false
  return keptUntil(person.leftAt, periodMonths) < shanghaiDate(now)
}

/**
 * A safe lower bound for the query: everyone who left before it may be expired, nobody who
 * left after it is (a month is at least 28 days). The exact test is `isExpired`.
 */
export function leftBefore(now: Date, periodMonths: number): Date {
  return new Date(now.getTime() - periodMonths * 28 * 86_400_000)
}

/** A name copied beside a person id on the same record: anonymized when the id is the departed person's. */
interface NamePair {
  id: string
  name: string
}

/** Entries of an array field (timelines, assignees) that name a person. */
interface NestedNames {
  array: string
  id: string
  name: string
}

/** Keyed entries (a handover's checklist ticks) that name a person. */
interface KeyedNames {
  map: string
  id: string
  name: string
}

export type RetentionRule =
  /** The record exists only because of the person and serves no purpose once they are gone. */
  | { collection: string; by: readonly string[]; action: 'delete' }
  /** A company record that stays: the person's name and contact details on it are replaced. */
  | {
      collection: string
      by: readonly string[]
      action: 'anonymize'
      names: readonly NamePair[]
      /** Fields that only describe the person, emptied when the record is theirs (the first `by` field matches). */
      clear?: Readonly<Record<string, unknown>>
      /** Fields removed altogether when the record is theirs. */
      unset?: readonly string[]
      nested?: readonly NestedNames[]
      keyed?: readonly KeyedNames[]
    }
  /** Assessment results: published ones are the record and stay as they are; unpublished ones go. */
  | { collection: string; by: readonly string[]; action: 'delete_unpublished' }

/**
 * Every collection that holds a departed person's data, and what happens to it. The people
 * record comes last: it is what marks the person as done, so a run cut short starts them over.
 * Collections not listed keep their records as they are (the audit log, notices sent,
 * policy versions, assessment runs and rule versions, spot-check rounds, departments, settings);
 * docs/data-protection.md explains why.
 */
export const RETENTION_RULES: readonly RetentionRule[] = [
  { collection: 'notice_receipts', by: ['personId'], action: 'delete' },
  { collection: 'policy_acks', by: ['personId'], action: 'delete' },
  { collection: 'self_checks', by: ['personId'], action: 'delete' },
  { collection: 'archive_confirmations', by: ['personId'], action: 'delete' },
  { collection: 'reply_stats', by: ['personId'], action: 'delete' },
  { collection: 'notifications', by: ['recipientId'], action: 'delete' },
  { collection: 'message_quota', by: ['personId'], action: 'delete' },
  { collection: 'assessment_results', by: ['personId'], action: 'delete_unpublished' },
  {
    collection: 'account_applications',
    by: ['applicantId'],
    action: 'anonymize',
    names: [{ id: 'applicantId', name: 'applicantName' }],
    clear: { realName: ANONYMIZED_NAME, mobile: '', email: '', contactChangeReason: null },
    nested: [{ array: 'timeline', id: 'actorId', name: 'actorName' }],
  },
  { collection: 'accounts', by: ['holderId'], action: 'anonymize', names: [{ id: 'holderId', name: 'holderName' }] },
  {
    collection: 'delegations',
    by: ['holderId', 'delegateId'],
    action: 'anonymize',
    names: [
      { id: 'holderId', name: 'holderName' },
      { id: 'delegateId', name: 'delegateName' },
    ],
    nested: [{ array: 'timeline', id: 'actorId', name: 'actorName' }],
  },
  {
    collection: 'handovers',
    by: ['holderId', 'receiverId'],
    action: 'anonymize',
    names: [
      { id: 'holderId', name: 'holderName' },
      { id: 'receiverId', name: 'receiverName' },
      { id: 'startedById', name: 'startedByName' },
    ],
    keyed: [{ map: 'checklist', id: 'byId', name: 'byName' }],
  },
  { collection: 'anomalies', by: ['reporterId'], action: 'anonymize', names: [{ id: 'reporterId', name: 'reporterName' }] },
  { collection: 'customers', by: ['addedById'], action: 'anonymize', names: [{ id: 'addedById', name: 'addedByName' }] },
  // Contacts and feedback are logged by the customer's owner at the time and stay with them.
  { collection: 'customer_contacts', by: ['ownerId'], action: 'anonymize', names: [{ id: 'ownerId', name: 'byName' }] },
  { collection: 'customer_feedback', by: ['ownerId'], action: 'anonymize', names: [{ id: 'ownerId', name: 'byName' }] },
  // Closed follow-ups stay with whoever closed them (open ones move with the customer).
  {
    collection: 'follow_ups',
    by: ['plannedById', 'ownerId'],
    action: 'anonymize',
    names: [
      { id: 'plannedById', name: 'plannedByName' },
      { id: 'ownerId', name: 'closedByName' },
    ],
  },
  { collection: 'archive_records', by: ['ownerId'], action: 'anonymize', names: [{ id: 'ownerId', name: 'ownerName' }] },
  {
    collection: 'business_groups',
    by: ['ownerId', 'createdById'],
    action: 'anonymize',
    names: [
      { id: 'ownerId', name: 'ownerName' },
      { id: 'createdById', name: 'createdByName' },
    ],
  },
  { collection: 'marketing_items', by: ['authorId'], action: 'anonymize', names: [{ id: 'authorId', name: 'authorName' }] },
  { collection: 'marketing_pushes', by: ['byId'], action: 'anonymize', names: [{ id: 'byId', name: 'byName' }] },
  { collection: 'tasks', by: ['assigneeIds'], action: 'anonymize', names: [], nested: [{ array: 'assignees', id: 'personId', name: 'name' }] },
  {
    collection: 'spot_checks',
    by: ['personId'],
    action: 'anonymize',
    names: [{ id: 'personId', name: 'personName' }],
    clear: { employeeComment: null },
  },
  {
    collection: 'violations',
    by: ['personId'],
    action: 'anonymize',
    names: [{ id: 'personId', name: 'personName' }],
    clear: { appealReason: null },
  },
  {
    collection: 'people',
    by: ['_id'],
    action: 'anonymize',
    names: [{ id: '_id', name: 'name' }],
    clear: { mobile: '', email: '' },
    unset: ['openid', 'openApplicationId'],
  },
]

export type DocPlan = { kind: 'delete' } | { kind: 'update'; set: Record<string, unknown>; unset: string[] } | null

type Doc = Record<string, unknown>

function refersTo(value: unknown, personId: string): boolean {
  return value === personId || (Array.isArray(value) && value.includes(personId))
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * What to do with one record found through one of the rule's `by` fields for a departed
 * person. Returns null when the record is already as it should be, so that running again
 * changes nothing.
 */
export function planDocument(rule: RetentionRule, doc: Doc, personId: string, publishedRunIds: ReadonlySet<string>): DocPlan {
  if (!rule.by.some((field) => refersTo(doc[field], personId))) return null
  if (rule.action === 'delete') return { kind: 'delete' }
  if (rule.action === 'delete_unpublished') return publishedRunIds.has(String(doc.runId)) ? null : { kind: 'delete' }
  const set: Record<string, unknown> = {}
  for (const pair of rule.names) {
    if (doc[pair.id] === personId && doc[pair.name] != null && doc[pair.name] !== ANONYMIZED_NAME) set[pair.name] = ANONYMIZED_NAME
  }
  const own = doc[rule.by[0]] === personId
  if (own) {
    for (const [field, value] of Object.entries(rule.clear ?? {})) {
      if (field in doc && !same(doc[field], value)) set[field] = value
    }
  }
  for (const nested of rule.nested ?? []) {
    const entries = doc[nested.array]
    if (!Array.isArray(entries)) continue
    let changed = false
    const next = entries.map((entry: Doc) => {
      if (entry?.[nested.id] !== personId || entry[nested.name] === ANONYMIZED_NAME) return entry
      changed = true
      return { ...entry, [nested.name]: ANONYMIZED_NAME }
    })
    if (changed) set[nested.array] = next
  }
  for (const keyed of rule.keyed ?? []) {
    const map = doc[keyed.map]
    if (!map || typeof map !== 'object') continue
    let changed = false
    const next: Doc = {}
    for (const [key, entry] of Object.entries(map as Record<string, Doc>)) {
      if (entry?.[keyed.id] === personId && entry[keyed.name] !== ANONYMIZED_NAME) {
        changed = true
        next[key] = { ...entry, [keyed.name]: ANONYMIZED_NAME }
      } else next[key] = entry
    }
    if (changed) set[keyed.map] = next
  }
  const unset = own ? (rule.unset ?? []).filter((field) => doc[field] !== undefined) : []
  return Object.keys(set).length > 0 || unset.length > 0 ? { kind: 'update', set, unset } : null
}

export interface RetentionCounts {
  deleted: Record<string, number>
  anonymized: Record<string, number>
}

export function emptyCounts(): RetentionCounts {
  return { deleted: {}, anonymized: {} }
}

export function countPlan(counts: RetentionCounts, collection: string, plan: DocPlan): void {
  if (!plan) return
  const bucket = plan.kind === 'delete' ? counts.deleted : counts.anonymized
  bucket[collection] = (bucket[collection] ?? 0) + 1
}
