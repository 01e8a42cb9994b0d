import dayjs from 'dayjs'
import type { ActionInput, ActionOutput, Rubric, RoundDetail, RoundSummary, SpotCheckDetail, SpotCheckScope, SpotCheckStatus, SpotCheckSummary } from '@contract'
import { callAction, uploadToStorage, type PickedFile } from './cloud'

export type { RoundDetail, RoundSummary, SpotCheckDetail, SpotCheckSummary }

export interface RoundSettings {
  /** Admins only; left out, every department. */
  departmentIds?: string[]
  size: number
  excludeWithinMonths: number
  force: boolean
}

export function startRound(settings: RoundSettings): Promise<RoundDetail> {
  const payload: ActionInput<'spotCheck.startRound'> = { size: settings.size, excludeWithinMonths: settings.excludeWithinMonths, force: settings.force }
  if (settings.departmentIds && settings.departmentIds.length > 0) payload.departmentIds = settings.departmentIds
  return callAction('spotCheck.startRound', payload)
}

export function getRound(id: string): Promise<RoundDetail> {
  return callAction('spotCheck.getRound', { id })
}

export function listRounds(query: { page: number; pageSize: number }): Promise<ActionOutput<'spotCheck.listRounds'>> {
  return callAction('spotCheck.listRounds', { page: query.page, pageSize: query.pageSize })
}

export function getSpotCheck(id: string): Promise<SpotCheckDetail> {
  return callAction('spotCheck.get', { id })
}

export interface SpotChecksQuery {
  scope: SpotCheckScope
  page: number
  pageSize: number
  status?: SpotCheckStatus
  keyword?: string
  departmentId?: string
  roundMonth?: string
}

export function listSpotChecks(query: SpotChecksQuery): Promise<ActionOutput<'spotCheck.list'>> {
  const payload: ActionInput<'spotCheck.list'> = { scope: query.scope, page: query.page, pageSize: query.pageSize }
  if (query.status) payload.status = query.status
  if (query.departmentId) payload.departmentId = query.departmentId
  if (query.roundMonth) payload.roundMonth = query.roundMonth
  // Only what narrows the list travels: an empty keyword would match everyone anyway.
  const keyword = query.keyword?.trim()
  if (keyword) payload.keyword = keyword.slice(0, 32)
  return callAction('spotCheck.list', payload)
}

export function listMySpotChecks(query: { page: number; pageSize: number }): Promise<ActionOutput<'spotCheck.listMine'>> {
  return callAction('spotCheck.listMine', { page: query.page, pageSize: query.pageSize })
}

export interface SpotCheckScore {
  firstReplyMinutes: number | null
  rubric: Rubric
  notes: string
  screenshots: string[]
}

export function scoreSpotCheck(id: string, score: SpotCheckScore): Promise<SpotCheckDetail> {
  return callAction('spotCheck.score', { id, firstReplyMinutes: score.firstReplyMinutes, rubric: score.rubric, notes: score.notes.trim(), screenshots: score.screenshots })
}

export function commentSpotCheck(id: string, comment: string): Promise<SpotCheckDetail> {
  return callAction('spotCheck.comment', { id, comment: comment.trim() })
}

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' }

/**
 * Conversation screenshots get their own folder, apart from anomaly reports; keys are unique
 * per upload and say nothing about whom the check was of, since storage links can be forwarded.
 */
export function uploadSpotCheckScreenshot(file: PickedFile, now: Date = new Date()): Promise<string> {
  const fromPath = /\.(png|jpe?g|gif|webp)(?:$|\?)/i.exec(file.path)?.[1]?.toLowerCase()
  const ext = (file.type && EXTENSIONS[file.type]) || fromPath || 'jpg'
  const random = Math.random().toString(36).slice(2, 10)
  return uploadToStorage(`spot-checks/${dayjs(now).format('YYYYMM')}/${now.getTime()}-${random}.${ext}`, file)
}
