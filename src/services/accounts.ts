import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type {
  AccountStatus,
  AccountSummary,
  ActionInput,
  ApplicationDetail,
  ApplicationListStatus,
  ApplicationSummary,
  SubmitApplicationInput,
  Todos,
} from '@contract'
import { addDays, daysBetween, shanghaiDate, shanghaiMonth as shanghaiMonthOf } from '@contract/calendar'
import { callAction, isCloudError } from './cloud'

export type { AccountSummary, ApplicationDetail, ApplicationSummary, Todos }

dayjs.extend(utc)

/** Asia/Shanghai has had no daylight saving since 1991, so a fixed offset is exact and needs no Intl time-zone data, which some mini program runtimes lack. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60

/** `YYYY-MM-DD HH:mm` as a clock in China shows it, whatever the phone's own time zone. */
export function formatShanghaiTime(iso: string): string {
  const time = dayjs(iso)
  return time.isValid() ? time.utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm') : ''
}

/** Today's date in China, for date fields that default to today. */
export function shanghaiToday(now: Date = new Date()): string {
  return shanghaiDate(now)
}

/** The wall clock in China now, as the date and `HH:mm` pickers show it. */
export function shanghaiClock(now: Date = new Date()): { date: string; time: string } {
  const local = dayjs(now).utcOffset(SHANGHAI_OFFSET_MINUTES)
  return { date: local.format('YYYY-MM-DD'), time: local.format('HH:mm') }
}

/** The instant a Shanghai date and `HH:mm` name, as ISO 8601 with the +08:00 offset. */
export function shanghaiInstant(date: string, time: string): string {
  return `${date}T${time}:00+08:00`
}

export { addDays, daysBetween }

/** This month in China, `YYYY-MM`. */
export function shanghaiMonth(now: Date = new Date()): string {
  return shanghaiMonthOf(now)
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export function submitApplication(input: SubmitApplicationInput): Promise<ApplicationDetail> {
  return callAction('account.submitApplication', input)
}

export function getApplication(id: string): Promise<ApplicationDetail> {
  return callAction('account.getApplication', { id })
}

export function withdrawApplication(id: string): Promise<ApplicationDetail> {
  return callAction('account.withdrawApplication', { id })
}

export function reviewApplication(id: string, decision: 'approve' | 'reject', comment: string): Promise<ApplicationDetail> {
  const trimmed = comment.trim()
  return callAction('account.reviewApplication', { id, decision, ...(trimmed ? { comment: trimmed } : {}) })
}

export interface Activation {
  wechatId: string
  boundPhone: string
  activatedOn: string
}

export function activateApplication(id: string, activation: Activation): Promise<ApplicationDetail> {
  return callAction('account.activateApplication', {
    id,
    wechatId: activation.wechatId.trim(),
    boundPhone: activation.boundPhone.trim(),
    activatedOn: activation.activatedOn,
  })
}

export function declineActivation(id: string, comment: string): Promise<ApplicationDetail> {
  return callAction('account.declineActivation', { id, comment: comment.trim() })
}

export interface ApplicationsQuery {
  scope: 'mine' | 'pending' | 'all' | 'department'
  page: number
  pageSize: number
  status?: ApplicationListStatus
  departmentId?: string
}

export function listApplications(query: ApplicationsQuery): Promise<Page<ApplicationSummary>> {
  const payload: ActionInput<'account.listApplications'> = { scope: query.scope, page: query.page, pageSize: query.pageSize }
  if (query.status) payload.status = query.status
  if (query.departmentId) payload.departmentId = query.departmentId
  return callAction('account.listApplications', payload)
}

export interface AccountsQuery {
  page: number
  pageSize: number
  keyword?: string
  status?: AccountStatus
  departmentId?: string
}

export function listAccounts(query: AccountsQuery): Promise<Page<AccountSummary>> {
  const payload: ActionInput<'account.listAccounts'> = { page: query.page, pageSize: query.pageSize }
  const keyword = query.keyword?.trim()
  // Empty filters would be refused or match nothing, so only what narrows the list travels.
  if (keyword) payload.keyword = keyword.slice(0, 32)
  if (query.status) payload.status = query.status
  if (query.departmentId) payload.departmentId = query.departmentId
  return callAction('account.listAccounts', payload)
}

export function getAccount(id: string): Promise<AccountSummary> {
  return callAction('account.get', { id })
}

export function listTodos(): Promise<Todos> {
  return callAction('todo.list', {})
}

/** Whether a write failed because the record moved on under the caller (someone else decided first). */
export function isStale(err: unknown): boolean {
  return isCloudError(err) && (err.code === 'CONFLICT' || err.code === 'INVALID_STATE')
}

export function hasCode(err: unknown, ...codes: string[]): boolean {
  return isCloudError(err) && codes.includes(err.code)
}

/**
 * The field messages of a BAD_INPUT refusal, keyed by the input field they concern, so a form
 * can show the server's word next to the right control.
 */
export function fieldIssues(err: unknown): Record<string, string> {
  if (!isCloudError(err) || err.code !== 'BAD_INPUT') return {}
  const details = typeof err.details === 'object' && err.details !== null ? (err.details as { issues?: unknown }) : {}
  const issues = Array.isArray(details.issues) ? details.issues : []
  const out: Record<string, string> = {}
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue
    const { path, message } = issue as { path?: unknown; message?: unknown }
    if (typeof path !== 'string' || typeof message !== 'string') continue
    const field = path.split('.')[0] ?? ''
    if (field && !(field in out)) out[field] = message
  }
  return out
}
