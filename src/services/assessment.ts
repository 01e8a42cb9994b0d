import type {
  ActionInput,
  ActionOutput,
  AppealRow,
  AssessmentResult,
  AssessmentRun,
  AssessmentRunOverview,
  EvidenceDetails,
  GradeDistribution,
  MyAssessment,
  ResultRow,
  ResultSort,
  ResultsExport,
} from '@contract'
import { callAction } from './cloud'

export type { AppealRow, AssessmentResult, AssessmentRun, AssessmentRunOverview, EvidenceDetails, GradeDistribution, MyAssessment, ResultRow, ResultSort, ResultsExport }

/** Compute a month that has ended, or preview the current one; an unfinished run of the month is resumed instead. */
export function runMonth(month: string): Promise<AssessmentRun> {
  return callAction('assessment.runMonth', { month })
}

/** A month's latest run (or one run by id) and whether the month is published; poll it while the run is `running`. */
export function getRun(target: { month: string } | { runId: string }): Promise<AssessmentRunOverview> {
  return callAction('assessment.getRun', 'runId' in target ? { runId: target.runId } : { month: target.month })
}

export function publishMonth(month: string): Promise<AssessmentRun> {
  return callAction('assessment.publishMonth', { month })
}

/** A published month's results as an Excel workbook in cloud storage; the link it returns expires. */
export function exportResults(month: string, departmentId?: string): Promise<ResultsExport> {
  return callAction('assessment.exportResults', departmentId ? { month, departmentId } : { month })
}

export interface ResultsQuery {
  month: string
  page: number
  pageSize: number
  sort?: ResultSort
  departmentId?: string
  keyword?: string
  grade?: string
}

export function listResults(query: ResultsQuery): Promise<ActionOutput<'assessment.listResults'>> {
  const payload: ActionInput<'assessment.listResults'> = { month: query.month, page: query.page, pageSize: query.pageSize, sort: query.sort ?? 'totalDesc' }
  if (query.departmentId) payload.departmentId = query.departmentId
  if (query.grade) payload.grade = query.grade
  // Only what narrows the list travels: an empty keyword would match everyone anyway.
  const keyword = query.keyword?.trim()
  if (keyword) payload.keyword = keyword.slice(0, 32)
  return callAction('assessment.listResults', payload)
}

export function getDistribution(month: string): Promise<GradeDistribution> {
  return callAction('assessment.distribution', { month })
}

/** The caller's result (default: the latest published month), or, for heads and admins, one of their people's. */
export function getMyAssessment(target: { month?: string; personId?: string } = {}): Promise<MyAssessment> {
  const payload: ActionInput<'assessment.getMine'> = {}
  if (target.month) payload.month = target.month
  if (target.personId) payload.personId = target.personId
  return callAction('assessment.getMine', payload)
}

export function appealResult(id: string, reason: string): Promise<AssessmentResult> {
  return callAction('assessment.appeal', { id, reason: reason.trim() })
}

export function upholdResult(id: string, comment: string): Promise<AssessmentResult> {
  return callAction('assessment.decideAppeal', { id, decision: 'uphold', comment: comment.trim() })
}

export function adjustResult(id: string, total: number, comment: string): Promise<AssessmentResult> {
  return callAction('assessment.decideAppeal', { id, decision: 'adjust', total, comment: comment.trim() })
}

/** Appeals waiting for an admin's decision, every month, oldest month first. */
export function listAppeals(page: number, pageSize: number, departmentId?: string): Promise<ActionOutput<'assessment.listAppeals'>> {
  return callAction('assessment.listAppeals', departmentId ? { page, pageSize, departmentId } : { page, pageSize })
}

const RESULT_ID = /^result-(\d{4}-\d{2})-(.+)$/
const MONTH = /^\d{4}-\d{2}$/

/**
 * What an assessment to-do (or a link) points at: the caller's own month (`2026-10`), or for
 * admins an appealed result (`result-2026-10-<personId>`), which getMyAssessment opens the same way.
 */
export function assessmentTarget(id: string | undefined): { month?: string; personId?: string } {
  if (!id) return {}
  const result = RESULT_ID.exec(id)
  if (result) return { month: result[1], personId: result[2] }
  return MONTH.test(id) ? { month: id } : {}
}
