import { z } from 'zod'
import { bound, spec } from './action-spec'
import { isoDateSchema } from './accounts'
import { idSchema, pageInputSchema, pageOf } from './common'

/**
 * Work coordination: anyone hands a task to colleagues in any department, with a due date
 * (Shanghai calendar). Assignees report progress and complete it; whether it was done by the
 * due date is evidence for the assessment's work-application indicator. A task spanning
 * departments names one lead per department, so each side knows who answers for its part.
 */
export const taskStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const
export const taskStatusSchema = z.enum(taskStatuses)
export type TaskStatus = z.infer<typeof taskStatusSchema>

export const taskStatusLabels: Record<TaskStatus, string> = {
  open: '待开始',
  in_progress: '进行中',
  done: '已完成',
  cancelled: '已取消',
}

/** Statuses in which a task still waits for work (and can fall overdue). */
export const activeTaskStatuses = ['open', 'in_progress'] as const satisfies readonly TaskStatus[]

export const MAX_TASK_ASSIGNEES = 20
/** The task keeps its latest history entries; the audit log keeps every one. */
export const TASK_HISTORY_LIMIT = 50

export const taskTitleSchema = z.string().trim().min(1, '任务标题不能为空').max(40, '任务标题不能超过40个字')
export const taskDetailsSchema = z.string().trim().max(1000, '任务说明不能超过1000个字')
export const taskNoteSchema = z.string().trim().min(1, '请写明进展').max(300, '进展说明不能超过300个字')
const optionalNoteSchema = z.string().trim().max(300, '说明不能超过300个字')
export const taskProgressSchema = z
  .number({ invalid_type_error: '进度须为0-100的整数' })
  .int('进度须为0-100的整数')
  .min(0, '进度须为0-100的整数')
  .max(100, '进度须为0-100的整数')

export const taskOwnerInputSchema = z.object({ departmentId: idSchema, personId: idSchema }).strict()

export const createTaskInput = z
  .object({
    title: taskTitleSchema,
    details: taskDetailsSchema.default(''),
    assigneeIds: z
      .array(idSchema)
      .min(1, '请选择执行人')
      .max(MAX_TASK_ASSIGNEES, `执行人最多${MAX_TASK_ASSIGNEES}人`)
      .refine((ids) => new Set(ids).size === ids.length, '执行人不能重复'),
    /** Today or later, checked against the Shanghai date on the server. */
    dueOn: isoDateSchema,
    /** One lead per department involved; required when the assignees span several departments. */
    owners: z.array(taskOwnerInputSchema).max(MAX_TASK_ASSIGNEES).default([]),
  })
  .strict()
export type CreateTaskInput = z.input<typeof createTaskInput>

export const taskIdInput = z.object({ id: idSchema }).strict()

export const updateTaskProgressInput = z.object({ id: idSchema, progress: taskProgressSchema, note: taskNoteSchema }).strict()

export const completeTaskInput = z.object({ id: idSchema, note: optionalNoteSchema.optional() }).strict()

export const cancelTaskInput = z.object({ id: idSchema, reason: optionalNoteSchema.optional() }).strict()

export const changeTaskDueInput = z.object({ id: idSchema, dueOn: isoDateSchema }).strict()

export const taskEvents = ['update', 'complete', 'cancel', 'changeDue'] as const
export const taskEventSchema = z.enum(taskEvents)
export type TaskEvent = z.infer<typeof taskEventSchema>

export const taskHistoryKinds = ['create', 'progress', 'due', 'complete', 'cancel'] as const
export const taskHistoryKindSchema = z.enum(taskHistoryKinds)
export type TaskHistoryKind = z.infer<typeof taskHistoryKindSchema>

export const taskHistoryLabels: Record<TaskHistoryKind, string> = {
  create: '分派任务',
  progress: '更新进度',
  due: '调整截止日期',
  complete: '完成任务',
  cancel: '取消任务',
}

export const taskAssigneeSchema = z.object({
  personId: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  /** The lead for their department on a cross-department task. */
  isOwner: z.boolean(),
})
export type TaskAssignee = z.infer<typeof taskAssigneeSchema>

export const taskHistoryEntrySchema = z.object({
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  kind: taskHistoryKindSchema,
  /** The progress reported (progress, complete). */
  progress: z.number().int().nullable(),
  note: z.string().nullable(),
  /** The due date before and after (due). */
  fromDueOn: z.string().nullable(),
  toDueOn: z.string().nullable(),
})
export type TaskHistoryEntry = z.infer<typeof taskHistoryEntrySchema>

export const taskSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: taskStatusSchema,
  progress: z.number().int(),
  dueOn: z.string(),
  /** Still open or in progress after the due date (Shanghai date). */
  overdue: z.boolean(),
  /** Whole days past the due date; 0 unless overdue. */
  overdueDays: z.number().int(),
  creatorId: z.string(),
  creatorName: z.string(),
  assignees: z.array(taskAssigneeSchema),
  departmentIds: z.array(z.string()),
  doneAt: z.string().nullable(),
  /** Completed on or before the due date; null until completed. */
  onTime: z.boolean().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TaskSummary = z.infer<typeof taskSummarySchema>

export const taskDetailSchema = taskSummarySchema.extend({
  details: z.string(),
  /** Whether the assignees span several departments, each with its lead. */
  crossDepartment: z.boolean(),
  /** Newest last; at most TASK_HISTORY_LIMIT entries. */
  history: z.array(taskHistoryEntrySchema),
  /** How many entries there have been, including any no longer kept on the task. */
  historyCount: z.number().int(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  revision: z.number().int(),
  /** What the caller can do with it now. */
  available: z.array(taskEventSchema),
})
export type TaskDetail = z.infer<typeof taskDetailSchema>

export const taskScopes = ['assigned', 'created', 'department', 'all'] as const
export const taskScopeSchema = z.enum(taskScopes)
export type TaskScope = z.infer<typeof taskScopeSchema>

export const taskFilters = ['active', 'overdue', 'done', 'cancelled', 'all'] as const
export const taskFilterSchema = z.enum(taskFilters)
export type TaskFilter = z.infer<typeof taskFilterSchema>

export const listTasksInput = pageInputSchema
  .extend({
    /** assigned: to me; created: by me; department: involving a department (heads their own, admins any); all: admins. */
    scope: taskScopeSchema,
    filter: taskFilterSchema.default('active'),
    keyword: z.string().trim().max(40, '关键词不能超过40个字').optional(),
    /** For the department scope; heads may only name their own. */
    departmentId: idSchema.optional(),
  })
  .strict()
export const listTasksOutput = pageOf(taskSummarySchema).extend({
  /** Overdue tasks in the same scope, whatever the filter, for the 逾期 chip. */
  overdueCount: z.number().int(),
})

export const listTaskAssignableInput = pageInputSchema
  .extend({
    keyword: z.string().trim().max(32, '关键词不能超过32个字').optional(),
    departmentId: idSchema.optional(),
  })
  .strict()
/** A colleague to hand a task to: name and department only, no contacts. */
export const taskCandidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
})
export type TaskCandidate = z.infer<typeof taskCandidateSchema>
export const listTaskAssignableOutput = pageOf(taskCandidateSchema)

/** Actions of this domain, merged into the one list in ./actions.ts. */
export const taskActions = {
  'task.create': spec({
    fn: 'api',
    input: createTaskInput,
    output: taskDetailSchema,
    audience: bound,
    writes: true,
    summary: 'Hand a task to 1–20 colleagues in service in any department, due today or later; a cross-department task names a lead per department.',
  }),
  'task.get': spec({
    fn: 'api',
    input: taskIdInput,
    output: taskDetailSchema,
    audience: bound,
    writes: false,
    summary: 'One task with its progress history, for its creator, assignees, heads of the departments involved and admins.',
  }),
  'task.list': spec({
    fn: 'api',
    input: listTasksInput,
    output: listTasksOutput,
    audience: bound,
    writes: false,
    summary: 'Tasks assigned to or created by the caller, a department’s (heads: their own; admins: any) or all (admins), filterable to the overdue.',
  }),
  'task.updateProgress': spec({
    fn: 'api',
    input: updateTaskProgressInput,
    output: taskDetailSchema,
    audience: bound,
    writes: true,
    summary: 'An assignee reports progress (0–100) with a note; the first report starts the task.',
  }),
  'task.complete': spec({
    fn: 'api',
    input: completeTaskInput,
    output: taskDetailSchema,
    audience: bound,
    writes: true,
    summary: 'An assignee completes the task; records when and whether it was on or before the due date.',
  }),
  'task.cancel': spec({
    fn: 'api',
    input: cancelTaskInput,
    output: taskDetailSchema,
    audience: bound,
    writes: true,
    summary: 'The creator cancels a task that is not finished.',
  }),
  'task.changeDue': spec({
    fn: 'api',
    input: changeTaskDueInput,
    output: taskDetailSchema,
    audience: bound,
    writes: true,
    summary: 'The creator moves the due date of an unfinished task (today or later).',
  }),
  'task.listAssignable': spec({
    fn: 'api',
    input: listTaskAssignableInput,
    output: listTaskAssignableOutput,
    audience: bound,
    writes: false,
    summary: 'Colleagues in service in every department, by name and department only, to hand a task to.',
  }),
} as const
