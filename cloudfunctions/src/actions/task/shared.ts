import { shanghaiDate, TASK_HISTORY_LIMIT, type TaskDetail, type TaskEvent, type TaskStatus } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { appendBounded, availableTaskEvents, canViewTask, decideTask, invisibleRefusal, taskRelations, type TaskViewer } from '../../domain/task'
import { loadDepartments } from '../../repos/departments'
import type { PersonDoc } from '../../repos/people'
import { loadTask, TASKS, toTaskDetail, type StoredHistoryEntry, type TaskDoc } from '../../repos/tasks'

export function viewerOf(me: PersonDoc): TaskViewer {
  return { id: me._id, role: me.role, departmentId: me.departmentId }
}

export async function departmentNames(ctx: ActionContext): Promise<Map<string, string>> {
  return new Map((await loadDepartments(ctx.db)).map((d) => [d._id, d.name]))
}

/** The task as the caller sees it, with the buttons that would work for them now. */
export async function taskDetailFor(ctx: ActionContext, doc: TaskDoc, names?: Map<string, string>): Promise<TaskDetail> {
  const me = requirePerson(ctx)
  return toTaskDetail(doc, names ?? (await departmentNames(ctx)), shanghaiDate(ctx.now()), availableTaskEvents(viewerOf(me), doc))
}

/** A task the caller may see, or the refusal that says they may not. */
export async function loadVisibleTask(ctx: ActionContext, id: string): Promise<TaskDoc> {
  const me = requirePerson(ctx)
  const doc = await loadTask(ctx.db, id)
  if (!doc) refuse('NOT_FOUND')
  if (!canViewTask(taskRelations(viewerOf(me), doc))) refuse(invisibleRefusal(viewerOf(me)))
  return doc
}

export interface TaskChange {
  /** Fields the event sets besides status, history and bookkeeping. */
  fields: Partial<Omit<TaskDoc, '_id' | 'status' | 'history' | 'historyCount' | 'revision' | 'updatedAt'>>
  entry: Omit<StoredHistoryEntry, 'at' | 'actorId' | 'actorName'>
  audit: { before: Record<string, unknown>; after: Record<string, unknown> }
}

/**
 * Someone else's write landing between our read and our write bumps the revision; we then
 * read again and re-decide, so two people reporting at the same moment both get recorded.
 */
const ATTEMPTS = 4

/**
 * One event on a task: decide it from the stored state, then write it conditionally on the
 * status and revision read. `build` may return null when the event would change nothing.
 */
export async function changeTask(
  ctx: ActionContext,
  id: string,
  event: TaskEvent,
  build: (doc: TaskDoc, next: TaskStatus, now: Date) => TaskChange | null,
): Promise<TaskDetail> {
  const me = requirePerson(ctx)
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const doc = await loadTask(ctx.db, id)
    if (!doc) refuse('NOT_FOUND')
    const decision = decideTask(viewerOf(me), doc, event)
    if (!decision.ok) refuse(decision.refusal)
    const now = ctx.now()
    const change = build(doc, decision.next, now)
    if (!change) return taskDetailFor(ctx, doc)
    const entry: StoredHistoryEntry = { at: now, actorId: me._id, actorName: me.name, ...change.entry }
    const written = {
      ...change.fields,
      status: decision.next,
      history: appendBounded(doc.history, entry, TASK_HISTORY_LIMIT),
      historyCount: doc.historyCount + 1,
      revision: doc.revision + 1,
      updatedAt: now,
    }
    const { stats } = await ctx.db
      .collection(TASKS)
      .where({ _id: doc._id, status: doc.status, revision: doc.revision })
      .update({ data: written })
    if (stats.updated !== 1) continue
    await writeAudit(ctx, {
      action: ctx.action,
      targetCollection: TASKS,
      targetId: doc._id,
      before: { status: doc.status, revision: doc.revision, ...change.audit.before },
      after: { status: decision.next, revision: written.revision, ...change.audit.after },
    })
    return taskDetailFor(ctx, { ...doc, ...written })
  }
  refuse('CONFLICT')
}
