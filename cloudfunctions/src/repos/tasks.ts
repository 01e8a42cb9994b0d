import type { TaskAssignee, TaskDetail, TaskEvent, TaskHistoryEntry, TaskHistoryKind, TaskStatus, TaskSummary } from '../../../types/contract'
import type { Database } from '../core/sdk-types'
import { isTaskOverdue, taskOverdueDays, type OwnerChoice } from '../domain/task'

export const TASKS = 'tasks'

export interface StoredAssignee {
  personId: string
  name: string
  departmentId: string
}

export interface StoredHistoryEntry {
  at: Date
  actorId: string
  actorName: string
  kind: TaskHistoryKind
  progress: number | null
  note: string | null
  fromDueOn: string | null
  toDueOn: string | null
}

/**
 * A task with its history on the same document: a report of progress and the status it moves
 * the task to are one compare-and-set on `revision`, so neither can be written without the
 * other and two reports at once cannot overwrite each other. The history keeps the latest
 * TASK_HISTORY_LIMIT entries; the audit log has every one.
 */
export interface TaskDoc {
  _id: string
  title: string
  details: string
  creatorId: string
  creatorName: string
  creatorDepartmentId: string
  /** Indexed with status and dueOn: "assigned to me". */
  assigneeIds: string[]
  /** Names as they were when the task was handed out, in the order chosen. */
  assignees: StoredAssignee[]
  /** The assignees' departments, indexed with status and dueOn: "my department's". */
  departmentIds: string[]
  owners: OwnerChoice[]
  /** Shanghai date, YYYY-MM-DD. */
  dueOn: string
  status: TaskStatus
  progress: number
  doneAt: Date | null
  onTime: boolean | null
  cancelledAt: Date | null
  cancelReason: string | null
  history: StoredHistoryEntry[]
  historyCount: number
  /** Bumped by every write; each write is conditional on the revision it read. */
  revision: number
  createdAt: Date
  updatedAt: Date
}

/** Reads by id without throwing on a missing one (doc(id).get() would). */
export async function loadTask(db: Database, id: string): Promise<TaskDoc | null> {
  const { data } = await db.collection<TaskDoc>(TASKS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

function toAssignees(doc: TaskDoc, departmentNames: ReadonlyMap<string, string>): TaskAssignee[] {
  const owners = new Set(doc.owners.map((o) => o.personId))
  return doc.assignees.map((a) => ({
    personId: a.personId,
    name: a.name,
    departmentId: a.departmentId,
    departmentName: departmentNames.get(a.departmentId) ?? '',
    isOwner: owners.has(a.personId),
  }))
}

export function toTaskSummary(doc: TaskDoc, departmentNames: ReadonlyMap<string, string>, today: string): TaskSummary {
  return {
    id: doc._id,
    title: doc.title,
    status: doc.status,
    progress: doc.progress,
    dueOn: doc.dueOn,
    overdue: isTaskOverdue(doc, today),
    overdueDays: taskOverdueDays(doc, today),
    creatorId: doc.creatorId,
    creatorName: doc.creatorName,
    assignees: toAssignees(doc, departmentNames),
    departmentIds: doc.departmentIds,
    doneAt: doc.doneAt ? doc.doneAt.toISOString() : null,
    onTime: doc.onTime,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  }
}

function toHistoryEntry(entry: StoredHistoryEntry): TaskHistoryEntry {
  return {
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    kind: entry.kind,
    progress: entry.progress,
    note: entry.note,
    fromDueOn: entry.fromDueOn,
    toDueOn: entry.toDueOn,
  }
}

export function toTaskDetail(doc: TaskDoc, departmentNames: ReadonlyMap<string, string>, today: string, available: TaskEvent[]): TaskDetail {
  return {
    ...toTaskSummary(doc, departmentNames, today),
    details: doc.details,
    crossDepartment: doc.departmentIds.length > 1,
    history: doc.history.map(toHistoryEntry),
    historyCount: doc.historyCount,
    cancelledAt: doc.cancelledAt ? doc.cancelledAt.toISOString() : null,
    cancelReason: doc.cancelReason,
    revision: doc.revision,
    available,
  }
}
