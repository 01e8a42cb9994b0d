import type { ActionInput, ActionOutput, TaskCandidate, TaskDetail, TaskFilter, TaskScope, TaskSummary } from '@contract'
import { callAction } from './cloud'

export type { TaskCandidate, TaskDetail, TaskFilter, TaskScope, TaskSummary }

export function createTask(input: ActionInput<'task.create'>): Promise<TaskDetail> {
  return callAction('task.create', input)
}

export function getTask(id: string): Promise<TaskDetail> {
  return callAction('task.get', { id })
}

export interface TasksQuery {
  scope: TaskScope
  filter: TaskFilter
  page: number
  pageSize: number
  keyword?: string
  departmentId?: string
}

export function listTasks(query: TasksQuery): Promise<ActionOutput<'task.list'>> {
  const payload: ActionInput<'task.list'> = { scope: query.scope, filter: query.filter, page: query.page, pageSize: query.pageSize }
  const keyword = query.keyword?.trim()
  // Only what narrows the list travels: an empty keyword would match everything anyway.
  if (keyword) payload.keyword = keyword.slice(0, 40)
  if (query.departmentId) payload.departmentId = query.departmentId
  return callAction('task.list', payload)
}

export function updateTaskProgress(id: string, progress: number, note: string): Promise<TaskDetail> {
  return callAction('task.updateProgress', { id, progress, note: note.trim() })
}

export function completeTask(id: string, note?: string): Promise<TaskDetail> {
  const trimmed = note?.trim()
  return callAction('task.complete', { id, ...(trimmed ? { note: trimmed } : {}) })
}

export function cancelTask(id: string, reason?: string): Promise<TaskDetail> {
  const trimmed = reason?.trim()
  return callAction('task.cancel', { id, ...(trimmed ? { reason: trimmed } : {}) })
}

export function changeTaskDue(id: string, dueOn: string): Promise<TaskDetail> {
  return callAction('task.changeDue', { id, dueOn })
}

export interface AssignableQuery {
  page: number
  pageSize: number
  keyword?: string
}

export function listAssignable(query: AssignableQuery): Promise<ActionOutput<'task.listAssignable'>> {
  const payload: ActionInput<'task.listAssignable'> = { page: query.page, pageSize: query.pageSize }
  const keyword = query.keyword?.trim()
  if (keyword) payload.keyword = keyword.slice(0, 32)
  return callAction('task.listAssignable', payload)
}
