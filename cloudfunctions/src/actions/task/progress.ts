import { shanghaiDate, type ActionInput, type TaskDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import type { ActionContext } from '../../core/context'
import { completedOnTime } from '../../domain/task'
import { changeTask } from './shared'

function noteOrNull(text: string | undefined): string | null {
  const trimmed = text?.trim()
  return trimmed ? trimmed : null
}

export async function updateTaskProgress(input: ActionInput<'task.updateProgress'>, ctx: ActionContext): Promise<TaskDetail> {
  return changeTask(ctx, input.id, 'update', (doc) => ({
    fields: { progress: input.progress },
    entry: { kind: 'progress', progress: input.progress, note: input.note, fromDueOn: null, toDueOn: null },
    audit: { before: { progress: doc.progress }, after: { progress: input.progress, note: input.note } },
  }))
}

/** Completion is what the assessment reads: when, and whether by the due date in Shanghai. */
export async function completeTask(input: ActionInput<'task.complete'>, ctx: ActionContext): Promise<TaskDetail> {
  const note = noteOrNull(input.note)
  return changeTask(ctx, input.id, 'complete', (doc, _next, now) => {
    const onTime = completedOnTime(doc.dueOn, now)
    return {
      fields: { progress: 100, doneAt: now, onTime },
      entry: { kind: 'complete', progress: 100, note, fromDueOn: null, toDueOn: null },
      audit: { before: { progress: doc.progress }, after: { progress: 100, doneAt: now.toISOString(), dueOn: doc.dueOn, onTime } },
    }
  })
}

export async function cancelTask(input: ActionInput<'task.cancel'>, ctx: ActionContext): Promise<TaskDetail> {
  const reason = noteOrNull(input.reason)
  return changeTask(ctx, input.id, 'cancel', (_doc, _next, now) => ({
    fields: { cancelledAt: now, cancelReason: reason },
    entry: { kind: 'cancel', progress: null, note: reason, fromDueOn: null, toDueOn: null },
    audit: { before: {}, after: { reason } },
  }))
}

export async function changeTaskDue(input: ActionInput<'task.changeDue'>, ctx: ActionContext): Promise<TaskDetail> {
  return changeTask(ctx, input.id, 'changeDue', (doc, _next, now) => {
    // Checked after the permission, so someone who may not touch the task learns nothing from it.
    if (input.dueOn < shanghaiDate(now)) refuse('DUE_DATE_PAST')
    if (input.dueOn === doc.dueOn) return null
    return {
      fields: { dueOn: input.dueOn },
      entry: { kind: 'due', progress: null, note: null, fromDueOn: doc.dueOn, toDueOn: input.dueOn },
      audit: { before: { dueOn: doc.dueOn }, after: { dueOn: input.dueOn } },
    }
  })
}
