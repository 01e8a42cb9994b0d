import {
  DEFAULT_SELF_INTRODUCTION,
  selfIntroductionTemplateSchema,
  type ContactChannel,
  type CustomerSource,
  type CustomerSummary,
  type CustomerTimelineEntry,
  type FollowUp,
  type FollowUpStatus,
  type SelfIntroduction,
} from '../../../types/contract'
import type { Database } from '../core/sdk-types'
import { maskMobile } from '../domain/mask'
import { daysOverdue, followUpState } from '../domain/follow-up'
import { PEOPLE, type PersonDoc } from './people'
import { SETTINGS } from './settings'

export const CUSTOMERS = 'customers'
export const CUSTOMER_CONTACTS = 'customer_contacts'
export const FOLLOW_UPS = 'follow_ups'
export const CUSTOMER_FEEDBACK = 'customer_feedback'
export const SELF_INTRODUCTION_ID = 'self-introduction'

/**
 * A customer file. The counters are kept by the same transaction that adds what they count,
 * so lists and the detail need no counting; what depends on today (overdue) is counted live.
 */
export interface CustomerDoc {
  _id: string
  name: string
  company: string | null
  phone: string | null
  source: CustomerSource
  tags: string[]
  /** Who keeps the file now; a handover moves it to the receiver, with their department. */
  ownerId: string
  departmentId: string
  addedById: string
  addedByName: string
  /** When the employee confirmed they introduced themself and the customer agreed. */
  consentAt: Date
  contactCount: number
  lastContactOn: string | null
  openFollowUps: number
  nextFollowUpOn: string | null
  followUpsOnTime: number
  followUpsLate: number
  feedbackCount: number
  satisfactionSum: number
  complaintCount: number
  createdAt: Date
  updatedAt: Date
}

/** History stays with the customer; `ownerId` and `departmentId` say who recorded it, and where, at the time. */
export interface ContactDoc {
  _id: string
  customerId: string
  ownerId: string
  departmentId: string
  byName: string
  on: string
  channel: ContactChannel
  summary: string
  nextStep: string | null
  createdAt: Date
}

export interface FollowUpDoc {
  _id: string
  customerId: string
  /** The customer's owner: open follow-ups move with the customer, closed ones stay with who closed them. */
  ownerId: string
  departmentId: string
  dueOn: string
  what: string
  status: FollowUpStatus
  plannedById: string
  plannedByName: string
  plannedAt: Date
  doneAt: Date | null
  cancelledAt: Date | null
  /** doneAt or cancelledAt, whichever happened: the timeline's order. */
  closedAt: Date | null
  closedByName: string | null
  onTime: boolean | null
  note: string | null
  updatedAt: Date
}

export interface FeedbackDoc {
  _id: string
  customerId: string
  ownerId: string
  departmentId: string
  byName: string
  on: string
  satisfaction: number
  complaint: boolean
  content: string | null
  createdAt: Date
}

export async function loadCustomer(db: Database, id: string): Promise<CustomerDoc | null> {
  const { data } = await db.collection<CustomerDoc>(CUSTOMERS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

export async function loadFollowUp(db: Database, id: string): Promise<FollowUpDoc | null> {
  const { data } = await db.collection<FollowUpDoc>(FOLLOW_UPS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

/** Names of the people a page mentions, in one read. */
export async function personNames(db: Database, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const { data } = await db
    .collection<PersonDoc>(PEOPLE)
    .where({ _id: db.command.in(unique) })
    .field({ name: true })
    .limit(unique.length)
    .get()
  return new Map(data.map((p) => [p._id, p.name]))
}

export async function customerNames(db: Database, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const { data } = await db
    .collection<CustomerDoc>(CUSTOMERS)
    .where({ _id: db.command.in(unique) })
    .field({ name: true })
    .limit(unique.length)
    .get()
  return new Map(data.map((c) => [c._id, c.name]))
}

export function toCustomerSummary(doc: CustomerDoc, ownerName: string, departmentName: string): CustomerSummary {
  return {
    id: doc._id,
    name: doc.name,
    company: doc.company,
    phoneMasked: doc.phone ? maskMobile(doc.phone) : null,
    source: doc.source,
    tags: doc.tags,
    ownerId: doc.ownerId,
    ownerName,
    departmentId: doc.departmentId,
    departmentName,
    lastContactOn: doc.lastContactOn,
    nextFollowUpOn: doc.nextFollowUpOn,
    complaintCount: doc.complaintCount,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  }
}

export function toFollowUp(doc: FollowUpDoc, today: string, names: { customer: string; owner: string; department: string }): FollowUp {
  return {
    id: doc._id,
    customerId: doc.customerId,
    customerName: names.customer,
    ownerId: doc.ownerId,
    ownerName: names.owner,
    departmentId: doc.departmentId,
    departmentName: names.department,
    dueOn: doc.dueOn,
    what: doc.what,
    status: doc.status,
    state: followUpState(doc, today),
    daysOverdue: daysOverdue(doc, today),
    plannedAt: doc.plannedAt.toISOString(),
    plannedByName: doc.plannedByName,
    doneAt: doc.doneAt ? doc.doneAt.toISOString() : null,
    cancelledAt: doc.cancelledAt ? doc.cancelledAt.toISOString() : null,
    closedByName: doc.closedByName,
    onTime: doc.onTime,
    note: doc.note,
  }
}

export function contactEntry(doc: ContactDoc): CustomerTimelineEntry {
  return {
    kind: 'contact',
    id: doc._id,
    on: doc.on,
    at: doc.createdAt.toISOString(),
    byName: doc.byName,
    channel: doc.channel,
    summary: doc.summary,
    nextStep: doc.nextStep,
  }
}

export function feedbackEntry(doc: FeedbackDoc): CustomerTimelineEntry {
  return {
    kind: 'feedback',
    id: doc._id,
    on: doc.on,
    at: doc.createdAt.toISOString(),
    byName: doc.byName,
    satisfaction: doc.satisfaction,
    complaint: doc.complaint,
    content: doc.content,
  }
}

/** Settings an admin never touched (or a stored template that no longer passes) fall back to the built-in wording. */
export async function loadSelfIntroduction(db: Database): Promise<SelfIntroduction> {
  const { data } = await db.collection(SETTINGS).where({ _id: SELF_INTRODUCTION_ID }).limit(1).get()
  const stored = data[0] as { template?: unknown; updatedAt?: Date; updatedByName?: string } | undefined
  const parsed = selfIntroductionTemplateSchema.safeParse(stored?.template)
  if (!stored || !parsed.success) return { template: DEFAULT_SELF_INTRODUCTION, isDefault: true, updatedAt: null, updatedByName: null }
  return {
    template: parsed.data,
    isDefault: false,
    updatedAt: stored.updatedAt instanceof Date ? stored.updatedAt.toISOString() : null,
    updatedByName: stored.updatedByName ?? null,
  }
}
