import {
  defaultMarketingTerms,
  marketingTermsSchema,
  type MarketingDetail,
  type MarketingEvent,
  type MarketingFlag,
  type MarketingPush,
  type MarketingStatus,
  type MarketingSummary,
  type MarketingTermsSettings,
} from '../../../types/contract'
import type { Database } from '../core/sdk-types'
import { SETTINGS } from './settings'

export const MARKETING_ITEMS = 'marketing_items'
export const MARKETING_PUSHES = 'marketing_pushes'
export const MARKETING_TERMS_ID = 'marketing-terms'

/** Lists show this much of the text. */
const PREVIEW_CHARS = 60

export interface MarketingItemDoc {
  _id: string
  title: string
  text: string
  images: string[]
  /** Computed once at submission; later term changes do not rewrite what the reviewer saw. */
  flags: MarketingFlag[]
  authorId: string
  authorName: string
  departmentId: string
  status: MarketingStatus
  submittedAt: Date
  reviewedAt: Date | null
  reviewerId: string | null
  reviewerName: string | null
  reviewComment: string | null
  withdrawnAt: Date | null
  pushCount: number
  lastPushedAt: Date | null
  updatedAt: Date
}

export interface PushGroupRef {
  id: string
  name: string
}

export interface MarketingPushDoc {
  _id: string
  itemId: string
  itemTitle: string
  byId: string
  byName: string
  /** The pusher's department, so a head sees their department's pushes. */
  departmentId: string
  at: Date
  customers: string[]
  groups: PushGroupRef[]
  count: number
  note: string | null
}

export interface TermsDoc {
  absolute: string[]
  promise: string[]
  exceptions: string[]
  updatedAt: Date
  updatedByName: string
}

export async function loadMarketingItem(db: Database, id: string): Promise<MarketingItemDoc | null> {
  const { data } = await db.collection<MarketingItemDoc>(MARKETING_ITEMS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

/** Lists an admin never saved fall back to the built-in ones. */
export async function loadMarketingTerms(db: Database): Promise<MarketingTermsSettings> {
  const { data } = await db.collection<TermsDoc>(SETTINGS).where({ _id: MARKETING_TERMS_ID }).limit(1).get()
  const stored = data[0]
  const parsed = marketingTermsSchema.safeParse({ absolute: stored?.absolute, promise: stored?.promise, exceptions: stored?.exceptions })
  if (!stored || !parsed.success) return { ...defaultMarketingTerms, updatedAt: null, updatedByName: null }
  return { ...parsed.data, updatedAt: stored.updatedAt.toISOString(), updatedByName: stored.updatedByName }
}

export function toMarketingSummary(doc: MarketingItemDoc, departmentName: string): MarketingSummary {
  const oneLine = doc.text.replace(/\s+/g, ' ')
  return {
    id: doc._id,
    title: doc.title,
    preview: oneLine.length > PREVIEW_CHARS ? `${oneLine.slice(0, PREVIEW_CHARS)}…` : oneLine,
    authorId: doc.authorId,
    authorName: doc.authorName,
    departmentId: doc.departmentId,
    departmentName,
    status: doc.status,
    flagCount: doc.flags.length,
    imageCount: doc.images.length,
    submittedAt: doc.submittedAt.toISOString(),
    reviewedAt: doc.reviewedAt?.toISOString() ?? null,
    pushCount: doc.pushCount,
  }
}

function timelineOf(doc: MarketingItemDoc): MarketingDetail['timeline'] {
  const entries: MarketingDetail['timeline'] = [{ at: doc.submittedAt.toISOString(), actorName: doc.authorName, event: 'submit', comment: null }]
  if (doc.reviewedAt && (doc.status === 'approved' || doc.status === 'rejected')) {
    entries.push({ at: doc.reviewedAt.toISOString(), actorName: doc.reviewerName ?? '', event: doc.status === 'approved' ? 'approve' : 'reject', comment: doc.reviewComment })
  }
  if (doc.withdrawnAt) entries.push({ at: doc.withdrawnAt.toISOString(), actorName: doc.authorName, event: 'withdraw', comment: null })
  return entries
}

export function toMarketingDetail(doc: MarketingItemDoc, departmentName: string, available: MarketingEvent[]): MarketingDetail {
  return {
    ...toMarketingSummary(doc, departmentName),
    text: doc.text,
    images: doc.images,
    flags: doc.flags,
    reviewerName: doc.reviewerName,
    reviewComment: doc.reviewComment,
    timeline: timelineOf(doc),
    available,
    canPush: doc.status === 'approved',
  }
}

export function toPush(doc: MarketingPushDoc, departmentName: string): MarketingPush {
  return {
    id: doc._id,
    itemId: doc.itemId,
    itemTitle: doc.itemTitle,
    byId: doc.byId,
    byName: doc.byName,
    departmentName,
    at: doc.at.toISOString(),
    customers: doc.customers,
    groups: doc.groups,
    count: doc.count,
    note: doc.note,
  }
}
