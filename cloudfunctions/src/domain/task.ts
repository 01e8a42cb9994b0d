import {
  activeTaskStatuses,
  daysBetween,
  shanghaiDate,
  type ErrorCode,
  type Role,
  type TaskEvent,
  type TaskStatus,
} from '../../../types/contract'

/** The rules of work coordination tasks, free of storage so they can be tested on their own. */

export function isActiveTask(status: TaskStatus): boolean {
  return (activeTaskStatuses as readonly TaskStatus[]).includes(status)
}

/** Still waiting for work after its due date, by the Shanghai calendar: a task due today is not late until tomorrow. */
export function isTaskOverdue(task: { status: TaskStatus; dueOn: string }, today: string): boolean {
  return isActiveTask(task.status) && today > task.dueOn
}

export function taskOverdueDays(task: { status: TaskStatus; dueOn: string }, today: string): number {
  return isTaskOverdue(task, today) ? daysBetween(task.dueOn, today) : 0
}

/** Done on or before the due date, as the office calendar in Shanghai reads the moment of completion. */
export function completedOnTime(dueOn: string, doneAt: Date): boolean {
  return shanghaiDate(doneAt) <= dueOn
}

/** How a to-do line words the time left: "已逾期2天", "今天到期", "明天到期". */
export function dueLabel(dueOn: string, today: string): string {
  const days = daysBetween(today, dueOn)
  if (days < 0) return `已逾期${-days}天`
  if (days === 0) return '今天到期'
  if (days === 1) return '明天到期'
  return `${dueOn}到期`
}

export interface AssigneeCandidate {
  id: string
  name: string
  departmentId: string
  status: 'active' | 'left'
}

export interface OwnerChoice {
  departmentId: string
  personId: string
}

export type AssignmentPlan =
  | { ok: true; departmentIds: string[]; owners: OwnerChoice[] }
  | { ok: false; refusal: Extract<ErrorCode, 'ASSIGNEE_INVALID' | 'TASK_OWNERS_INVALID'> }

/**
 * Checks who a task goes to. `found` are the roster entries read for `assigneeIds`; an id
 * with no entry, or someone who has left, cannot be given work. Departments come in the
 * order their first assignee was chosen. Across several departments each names exactly one
 * lead from among its own assignees; with one department a lead is optional.
 */
export function planAssignment(assigneeIds: readonly string[], found: readonly AssigneeCandidate[], owners: readonly OwnerChoice[]): AssignmentPlan {
  const byId = new Map(found.map((p) => [p.id, p]))
  const assignees: AssigneeCandidate[] = []
  for (const id of assigneeIds) {
    const person = byId.get(id)
    if (!person || person.status !== 'active') return { ok: false, refusal: 'ASSIGNEE_INVALID' }
    assignees.push(person)
  }
  const departmentIds = [...new Set(assignees.map((p) => p.departmentId))]
  const chosen = new Map<string, string>()
  for (const owner of owners) {
    const person = byId.get(owner.personId)
    const isAssigneeThere = assigneeIds.includes(owner.personId) && person?.departmentId === owner.departmentId
    if (!isAssigneeThere || chosen.has(owner.departmentId)) return { ok: false, refusal: 'TASK_OWNERS_INVALID' }
    chosen.set(owner.departmentId, owner.personId)
  }
  if (departmentIds.length > 1 && departmentIds.some((d) => !chosen.has(d))) return { ok: false, refusal: 'TASK_OWNERS_INVALID' }
  return { ok: true, departmentIds, owners: departmentIds.flatMap((d) => (chosen.has(d) ? [{ departmentId: d, personId: chosen.get(d)! }] : [])) }
}

export interface TaskViewer {
  id: string
  role: Role
  departmentId: string
}

export interface TaskParties {
  creatorId: string
  assigneeIds: readonly string[]
  departmentIds: readonly string[]
}

export interface TaskRelations {
  creator: boolean
  assignee: boolean
  /** Head of a department some assignee belongs to. */
  involvedHead: boolean
  admin: boolean
}

export function taskRelations(viewer: TaskViewer, task: TaskParties): TaskRelations {
  return {
    creator: viewer.id === task.creatorId,
    assignee: task.assigneeIds.includes(viewer.id),
    involvedHead: viewer.role === 'head' && task.departmentIds.includes(viewer.departmentId),
    admin: viewer.role === 'admin',
  }
}

export function canViewTask(relations: TaskRelations): boolean {
  return relations.creator || relations.assignee || relations.involvedHead || relations.admin
}

/**
 * Why someone who may not see a task is refused: a head is told it lies outside their
 * department; anyone else is not told it exists.
 */
export function invisibleRefusal(viewer: TaskViewer): Extract<ErrorCode, 'OUT_OF_SCOPE' | 'NOT_FOUND'> {
  return viewer.role === 'head' ? 'OUT_OF_SCOPE' : 'NOT_FOUND'
}

/** Assignees do the work; the creator decides what is asked and until when. */
function permitted(event: TaskEvent, relations: TaskRelations): boolean {
  return event === 'update' || event === 'complete' ? relations.assignee : relations.creator
}

export type TaskDecision = { ok: true; next: TaskStatus } | { ok: false; refusal: Extract<ErrorCode, 'OUT_OF_SCOPE' | 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID_STATE'> }

const nextStatus: Record<TaskEvent, (current: TaskStatus) => TaskStatus> = {
  // The first report of progress is what starts the work.
  update: () => 'in_progress',
  complete: () => 'done',
  cancel: () => 'cancelled',
  changeDue: (current) => current,
}

export function decideTask(viewer: TaskViewer, task: TaskParties & { status: TaskStatus }, event: TaskEvent): TaskDecision {
  const relations = taskRelations(viewer, task)
  if (!canViewTask(relations)) return { ok: false, refusal: invisibleRefusal(viewer) }
  if (!permitted(event, relations)) return { ok: false, refusal: 'FORBIDDEN' }
  if (!isActiveTask(task.status)) return { ok: false, refusal: 'INVALID_STATE' }
  return { ok: true, next: nextStatus[event](task.status) }
}

/** The buttons to show: only what would succeed now. */
export function availableTaskEvents(viewer: TaskViewer, task: TaskParties & { status: TaskStatus }): TaskEvent[] {
  return (['update', 'complete', 'cancel', 'changeDue'] as const).filter((event) => decideTask(viewer, task, event).ok)
}

/** Keeps the newest `limit` entries, oldest first. */
export function appendBounded<T>(list: readonly T[], entry: T, limit: number): T[] {
  const next = [...list, entry]
  return next.length > limit ? next.slice(next.length - limit) : next
}
