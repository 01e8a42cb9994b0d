import { activeTaskStatuses, shanghaiDate, type ActionInput, type ActionOutput, type TaskDetail, type TaskFilter } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Database } from '../../core/sdk-types'
import { escapeRegExp } from '../../domain/text'
import { fetchPage } from '../../repos/paging'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { TASKS, toTaskSummary, type TaskDoc } from '../../repos/tasks'
import { departmentNames, loadVisibleTask, taskDetailFor } from './shared'

export async function getTask(input: ActionInput<'task.get'>, ctx: ActionContext): Promise<TaskDetail> {
  return taskDetailFor(ctx, await loadVisibleTask(ctx, input.id))
}

type Where = Record<string, unknown>

/** Whose tasks the list is about; the conditions name distinct fields, so they merge into one. */
function scopeCondition(me: PersonDoc, input: ActionInput<'task.list'>): Where {
  switch (input.scope) {
    case 'assigned':
      return { assigneeIds: me._id }
    case 'created':
      return { creatorId: me._id }
    case 'department': {
      if (me.role === 'employee') refuse('FORBIDDEN')
      if (me.role === 'head' && input.departmentId && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
      return { departmentIds: me.role === 'admin' ? (input.departmentId ?? me.departmentId) : me.departmentId }
    }
    case 'all':
      if (me.role !== 'admin') refuse('FORBIDDEN')
      return {}
  }
}

/** Overdue is derived from today's Shanghai date, the same rule the summaries apply one by one. */
function filterCondition(db: Database, filter: TaskFilter, today: string): Where {
  const _ = db.command
  const active = _.in([...activeTaskStatuses])
  switch (filter) {
    case 'active':
      return { status: active }
    case 'overdue':
      return { status: active, dueOn: _.lt(today) }
    case 'done':
      return { status: 'done' }
    case 'cancelled':
      return { status: 'cancelled' }
    case 'all':
      return {}
  }
}

/** Work still to do comes by due date, the most pressing first; finished work newest first. */
function orderOf(filter: TaskFilter): Array<[string, 'asc' | 'desc']> {
  if (filter === 'active' || filter === 'overdue') return [['dueOn', 'asc'], ['createdAt', 'asc']]
  if (filter === 'done') return [['doneAt', 'desc']]
  return [['createdAt', 'desc']]
}

export async function listTasks(input: ActionInput<'task.list'>, ctx: ActionContext): Promise<ActionOutput<'task.list'>> {
  const me = requirePerson(ctx)
  const today = shanghaiDate(ctx.now())
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  const filter = input.filter ?? 'active'
  const scope = scopeCondition(me, input)
  const keyword = input.keyword?.trim()
  const search: Where = keyword ? { title: ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' }) } : {}
  const where = { ...scope, ...search, ...filterCondition(ctx.db, filter, today) }
  const overdueWhere = { ...scope, ...search, ...filterCondition(ctx.db, 'overdue', today) }
  let query = ctx.db.collection<TaskDoc>(TASKS).where(where)
  for (const [field, direction] of orderOf(filter)) query = query.orderBy(field, direction)
  const [{ total }, { total: overdueCount }, { data }, names] = await Promise.all([
    ctx.db.collection(TASKS).where(where).count(),
    ctx.db.collection(TASKS).where(overdueWhere).count(),
    query.orderBy('_id', 'asc').skip((page - 1) * pageSize).limit(pageSize).get(),
    departmentNames(ctx),
  ])
  return { items: data.map((doc) => toTaskSummary(doc, names, today)), total, page, pageSize, overdueCount }
}

/**
 * Everyone in service, by name and department only: handing work across departments needs
 * to find people there, but not their contacts.
 */
export async function listTaskAssignable(input: ActionInput<'task.listAssignable'>, ctx: ActionContext): Promise<ActionOutput<'task.listAssignable'>> {
  const _ = ctx.db.command
  const where: Where = { status: 'active' }
  if (input.departmentId) where.departmentId = input.departmentId
  const keyword = input.keyword?.trim()
  const query = keyword ? _.and([where, { name: ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' }) }]) : where
  return fetchPage(ctx, PEOPLE, query, [['departmentId', 'asc'], ['name', 'asc']], input, (person: PersonDoc, departmentName) => ({
    id: person._id,
    name: person.name,
    departmentId: person.departmentId,
    departmentName,
  }))
}
