import {
  archiveSettingsSchema,
  defaultArchiveSettings,
  type ArchiveCategory,
  type ArchiveLocation,
  type ArchiveRecord,
  type ArchiveSettings,
  type MonthlyConfirmation,
} from '../../../types/contract'
import type { Database } from '../core/sdk-types'
import { SETTINGS } from './settings'

export const ARCHIVE_RECORDS = 'archive_records'
export const ARCHIVE_CONFIRMATIONS = 'archive_confirmations'
export const ARCHIVE_SETTINGS_ID = 'archive'

export interface ArchiveRecordDoc {
  _id: string
  ownerId: string
  /** Kept on the record so department lists and searches need no join. */
  ownerName: string
  departmentId: string
  category: ArchiveCategory
  title: string
  description: string | null
  location: ArchiveLocation
  locationNote: string
  backedUpOn: string
  customerName: string | null
  createdAt: Date
  /** Shanghai month of createdAt: "added this month" is an equality match, not a date range. */
  createdMonth: string
  updatedAt: Date
  /** Bumped on every save; edits compare-and-set on it. */
  revision: number
}

export interface ArchiveConfirmationDoc {
  _id: string
  personId: string
  departmentId: string
  month: string
  classified: boolean
  cleaned: boolean
  backedUp: boolean
  complete: boolean
  note: string | null
  confirmedAt: Date
  updatedAt: Date
  onTime: boolean
}

/** One confirmation per person per month: the id says which, so confirming twice updates rather than duplicates. */
export function confirmationId(personId: string, month: string): string {
  return `archive-${personId}-${month}`
}

export async function loadArchiveRecord(db: Database, id: string): Promise<ArchiveRecordDoc | null> {
  const { data } = await db.collection<ArchiveRecordDoc>(ARCHIVE_RECORDS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

export async function loadConfirmation(db: Database, personId: string, month: string): Promise<ArchiveConfirmationDoc | null> {
  const { data } = await db.collection<ArchiveConfirmationDoc>(ARCHIVE_CONFIRMATIONS).where({ _id: confirmationId(personId, month) }).limit(1).get()
  return data[0] ?? null
}

/** Settings an admin never touched fall back to the documented default. */
export async function loadArchiveSettings(db: Database): Promise<ArchiveSettings> {
  const { data } = await db.collection(SETTINGS).where({ _id: ARCHIVE_SETTINGS_ID }).limit(1).get()
  const stored = data[0] ?? {}
  const parsed = archiveSettingsSchema.safeParse({ confirmDueDay: stored.confirmDueDay })
  return parsed.success ? parsed.data : defaultArchiveSettings
}

export function toArchiveRecord(doc: ArchiveRecordDoc, departmentName: string): ArchiveRecord {
  return {
    id: doc._id,
    ownerId: doc.ownerId,
    ownerName: doc.ownerName,
    departmentId: doc.departmentId,
    departmentName,
    category: doc.category,
    title: doc.title,
    description: doc.description,
    location: doc.location,
    locationNote: doc.locationNote,
    backedUpOn: doc.backedUpOn,
    customerName: doc.customerName,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    revision: doc.revision,
  }
}

/** What the audit log keeps of a record, enough to say what a deleted one was. */
export function archiveSnapshot(doc: ArchiveRecordDoc) {
  return {
    ownerId: doc.ownerId,
    ownerName: doc.ownerName,
    departmentId: doc.departmentId,
    category: doc.category,
    title: doc.title,
    description: doc.description,
    location: doc.location,
    locationNote: doc.locationNote,
    backedUpOn: doc.backedUpOn,
    customerName: doc.customerName,
    createdAt: doc.createdAt.toISOString(),
    revision: doc.revision,
  }
}

export function toMonthlyConfirmation(doc: ArchiveConfirmationDoc): MonthlyConfirmation {
  return {
    id: doc._id,
    personId: doc.personId,
    month: doc.month,
    classified: doc.classified,
    cleaned: doc.cleaned,
    backedUp: doc.backedUp,
    complete: doc.complete,
    note: doc.note,
    confirmedAt: doc.confirmedAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    onTime: doc.onTime,
  }
}
