import { activeTaskStatuses, addDays, shanghaiDate, type TodoItem } from '../../../../types/contract'
import { requirePerson, type ActionContext } from '../../core/context'
import { dueLabel, isTaskOverdue } from '../../domain/task'
import { TASKS, type TaskDoc } from '../../repos/tasks'

/** A to-do list longer than this is a backlog; the task list has the rest. */
const TODO_LIMIT = 50

function item(doc: TaskDoc, today: string, subtitle: string): TodoItem {
  const overdue = isTaskOverdue(doc, today)
  return {
    kind: 'task',
    id: doc._id,
    title: `任务：${doc.title}（${dueLabel(doc.dueOn, today)}）`,
    subtitle,
    statusLabel: overdue ? '已逾期' : '即将到期',
    since: doc.updatedAt.toISOString(),
  }
}

/**
 * The caller's task to-dos, derived from the tasks on every read: their own unfinished
 * tasks due by tomorrow or already late, and for heads, their department's late ones
 * (without repeating tasks already listed as the head's own). Most pressing first.
 */
export async function taskTodos(ctx: ActionContext): Promise<TodoItem[]> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now())
  const active = _.in([...activeTaskStatuses])
  const fields = { title: true, status: true, dueOn: true, creatorName: true, assignees: true, updatedAt: true }
  const [mine, department] = await Promise.all([
    ctx.db
      .collection<TaskDoc>(TASKS)
      .where({ assigneeIds: me._id, status: active, dueOn: _.lte(addDays(today, 1)) })
      .field(fields)
      .orderBy('dueOn', 'asc')
      .limit(TODO_LIMIT)
      .get(),
    me.role === 'head'
      ? ctx.db
          .collection<TaskDoc>(TASKS)
          .where({ departmentIds: me.departmentId, status: active, dueOn: _.lt(today) })
          .field(fields)
          .orderBy('dueOn', 'asc')
          .limit(TODO_LIMIT)
          .get()
      : Promise.resolve({ data: [] as TaskDoc[] }),
  ])
  const listed = new Set(mine.data.map((d) => d._id))
  return [
    ...mine.data.map((d) => item(d, today, `${d.creatorName}分派 · 截止 ${d.dueOn}`)),
    ...department.data
      .filter((d) => !listed.has(d._id))
      .map((d) => {
        const names = d.assignees.filter((a) => a.departmentId === me.departmentId).map((a) => a.name)
        return item(d, today, `本部门执行人：${names.join('、')} · 截止 ${d.dueOn}`)
      }),
  ]
}
