import dayjs from 'dayjs'
import type {
  ActionInput,
  ActionOutput,
  MarketingDetail,
  MarketingPush,
  MarketingStatus,
  MarketingSummary,
  MarketingTerms,
  MarketingTermsSettings,
  SubmitMarketingInput,
} from '@contract'
import { callAction, uploadToStorage, type PickedFile } from './cloud'
import type { Page } from './accounts'

export type { MarketingDetail, MarketingPush, MarketingSummary, MarketingTermsSettings }

export function submitMarketing(input: SubmitMarketingInput): Promise<MarketingDetail> {
  return callAction('marketing.submit', { title: input.title.trim(), text: input.text.trim(), images: input.images })
}

export function withdrawMarketing(id: string): Promise<MarketingDetail> {
  return callAction('marketing.withdraw', { id })
}

export function reviewMarketing(id: string, decision: 'approve' | 'reject', comment: string): Promise<MarketingDetail> {
  const trimmed = comment.trim()
  return callAction('marketing.review', { id, decision, ...(trimmed ? { comment: trimmed } : {}) })
}

export function getMarketing(id: string): Promise<MarketingDetail> {
  return callAction('marketing.get', { id })
}

export interface MarketingQuery {
  scope: 'mine' | 'review' | 'library'
  page: number
  pageSize: number
  status?: MarketingStatus
  keyword?: string
  departmentId?: string
}

export function listMarketing(query: MarketingQuery): Promise<Page<MarketingSummary>> {
  const payload: ActionInput<'marketing.list'> = { scope: query.scope, page: query.page, pageSize: query.pageSize }
  if (query.status) payload.status = query.status
  if (query.departmentId) payload.departmentId = query.departmentId
  // The contract keeps keywords to a title's length; an empty one would only narrow to nothing.
  const keyword = query.keyword?.trim()
  if (keyword) payload.keyword = keyword.slice(0, 40)
  return callAction('marketing.list', payload)
}

export interface PushRecord {
  itemId: string
  customers: string[]
  groupIds: string[]
  /** Empty: the server counts the customers and the groups' members. */
  count: number | null
  note: string
}

export function recordPush(record: PushRecord): Promise<MarketingPush> {
  const note = record.note.trim()
  return callAction('marketing.recordPush', {
    itemId: record.itemId,
    customers: record.customers,
    groupIds: record.groupIds,
    ...(record.count === null ? {} : { count: record.count }),
    ...(note ? { note } : {}),
  })
}

export function listPushes(query: { itemId?: string; page: number; pageSize: number }): Promise<ActionOutput<'marketing.listPushes'>> {
  return callAction('marketing.listPushes', query)
}

export function getMarketingTerms(): Promise<MarketingTermsSettings> {
  return callAction('marketing.getTerms', {})
}

export function updateMarketingTerms(terms: MarketingTerms): Promise<MarketingTermsSettings> {
  return callAction('marketing.updateTerms', { absolute: terms.absolute, promise: terms.promise, exceptions: terms.exceptions })
}

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' }

function extensionOf(file: PickedFile): string {
  if (file.type && EXTENSIONS[file.type]) return EXTENSIONS[file.type] as string
  const ext = /\.([a-zA-Z0-9]{2,5})(?:$|\?)/.exec(file.path)?.[1]?.toLowerCase()
  return ext && ['png', 'jpg', 'jpeg', 'gif', 'webp'].includes(ext) ? ext : 'jpg'
}

/** Keys are unique per upload and name no person: approved images get forwarded to customers. */
export function uploadMarketingImage(file: PickedFile, now: Date = new Date()): Promise<string> {
  const random = Math.random().toString(36).slice(2, 10)
  return uploadToStorage(`marketing/${dayjs(now).format('YYYYMM')}/${now.getTime()}-${random}.${extensionOf(file)}`, file)
}
