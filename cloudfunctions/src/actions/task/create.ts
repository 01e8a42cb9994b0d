import { shanghaiDate, type ActionInput, type TaskDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import { planAssignment } from '../../domain/task'
import { notify } from '../../notify/notifier'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { TASKS, type TaskDoc } from '../../repos/tasks'
import { departmentNames, taskDetailFor } from './shared'

/**
 * Anyone in service may hand work to anyone in service, in any department: coordination
 * across departments is the point. Who answers for each department's part is named up front.
 */
export async function createTask(input: ActionInput<'task.create'>, ctx: ActionContext): Promise<TaskDetail> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  if (input.dueOn < shanghaiDate(now)) refuse('DUE_DATE_PAST')
  const ids = input.assigneeIds
  const { data: people } = await ctx.db
    .collection<PersonDoc>(PEOPLE)
    .where({ _id: ctx.db.command.in(ids) })
    .field({ name: true, departmentId: true, status: true })
    .limit(ids.length)
    .get()
  const plan = planAssignment(
    ids,
    people.map((p) => ({ id: p._id, name: p.name, departmentId: p.departmentId, status: p.status })),
    input.owners ?? [],
  )
  if (!plan.ok) refuse(plan.refusal)
  const byId = new Map(people.map((p) => [p._id, p]))
  const details = input.details ?? ''
  const doc: TaskDoc = {
    _id: newId('task', now),
    title: input.title,
    details,
    creatorId: me._id,
    creatorName: me.name,
    creatorDepartmentId: me.departmentId,
    assigneeIds: [...ids],
    assignees: ids.map((id) => ({ personId: id, name: byId.get(id)!.name, departmentId: byId.get(id)!.departmentId })),
    departmentIds: plan.departmentIds,
    owners: plan.owners,
    dueOn: input.dueOn,
    status: 'open',
    progress: 0,
    doneAt: null,
    onTime: null,
    cancelledAt: null,
    cancelReason: null,
    history: [{ at: now, actorId: me._id, actorName: me.name, kind: 'create', progress: null, note: null, fromDueOn: null, toDueOn: input.dueOn }],
    historyCount: 1,
    revision: 0,
    createdAt: now,
    updatedAt: now,
  }
  await ctx.db.collection(TASKS).add({ data: { ...doc } })
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: TASKS,
    targetId: doc._id,
    before: null,
    after: { title: doc.title, assigneeIds: doc.assigneeIds, departmentIds: doc.departmentIds, owners: doc.owners, dueOn: doc.dueOn },
  })
  await notify(ctx, ids, { template: 'workNotice', kind: 'task', recordId: doc._id, title: `新任务：${doc.title}`, detail: `${me.name}分派，${doc.dueOn}前完成` })
  return taskDetailFor(ctx, doc, await departmentNames(ctx))
}
