import type {
  ActionInput,
  ActionOutput,
  ArchiveCategory,
  ArchiveCoverage,
  ArchiveDetail,
  ArchiveFields,
  ArchiveRecord,
  ArchiveScope,
  ArchiveSettings,
  ConfirmationFilter,
  ConfirmationRow,
  MonthlyConfirmation,
  MonthlyOverview,
} from '@contract'
import { callAction } from './cloud'

export type { ArchiveCoverage, ArchiveDetail, ArchiveFields, ArchiveRecord, ArchiveSettings, ConfirmationRow, MonthlyConfirmation, MonthlyOverview }

/** Optional text the form left empty is not sent, so the server stores it as absent. */
function withoutEmpty(fields: ArchiveFields): ArchiveFields {
  const description = fields.description?.trim()
  const customerName = fields.customerName?.trim()
  return {
    category: fields.category,
    title: fields.title,
    location: fields.location,
    locationNote: fields.locationNote,
    backedUpOn: fields.backedUpOn,
    ...(description ? { description } : {}),
    ...(customerName ? { customerName } : {}),
  }
}

export function createArchive(fields: ArchiveFields): Promise<ArchiveDetail> {
  return callAction('archive.create', withoutEmpty(fields))
}

export function updateArchive(id: string, revision: number, fields: ArchiveFields): Promise<ArchiveDetail> {
  return callAction('archive.update', { id, revision, ...withoutEmpty(fields) })
}

export function deleteArchive(id: string): Promise<ActionOutput<'archive.delete'>> {
  return callAction('archive.delete', { id })
}

export function getArchive(id: string): Promise<ArchiveDetail> {
  return callAction('archive.get', { id })
}

export interface ArchivesQuery {
  page: number
  pageSize: number
  scope: ArchiveScope
  category?: ArchiveCategory
  keyword?: string
}

export function listArchives(query: ArchivesQuery): Promise<ActionOutput<'archive.list'>> {
  const payload: ActionInput<'archive.list'> = { page: query.page, pageSize: query.pageSize, scope: query.scope }
  if (query.category) payload.category = query.category
  const keyword = query.keyword?.trim()
  if (keyword) payload.keyword = keyword
  return callAction('archive.list', payload)
}

export function getMonthly(month?: string): Promise<MonthlyOverview> {
  return callAction('archive.getMonthly', month ? { month } : {})
}

export interface MonthlyAnswers {
  classified: boolean
  cleaned: boolean
  backedUp: boolean
  note: string
}

export function confirmMonthly(answers: MonthlyAnswers): Promise<MonthlyConfirmation> {
  const note = answers.note.trim()
  return callAction('archive.confirmMonthly', { classified: answers.classified, cleaned: answers.cleaned, backedUp: answers.backedUp, ...(note ? { note } : {}) })
}

export function getCoverage(month?: string): Promise<ArchiveCoverage> {
  return callAction('archive.coverage', month ? { month } : {})
}

export interface ConfirmationsQuery {
  page: number
  pageSize: number
  month?: string
  departmentId?: string
  status?: ConfirmationFilter
}

export function listConfirmations(query: ConfirmationsQuery): Promise<ActionOutput<'archive.listConfirmations'>> {
  const payload: ActionInput<'archive.listConfirmations'> = { page: query.page, pageSize: query.pageSize }
  if (query.month) payload.month = query.month
  if (query.departmentId) payload.departmentId = query.departmentId
  if (query.status) payload.status = query.status
  return callAction('archive.listConfirmations', payload)
}

export function updateArchiveSettings(settings: ArchiveSettings): Promise<ArchiveSettings> {
  return callAction('archive.updateSettings', settings)
}
