import { addDays } from '../../../types/contract'
import { cast } from '../../support/company'
import { must, OK, type MatrixWorld, type Row } from './matrix'

/**
 * The record is a task the employee handed to themself and a colleague: they are its creator
 * and an assignee, their head sees it as their department's, the other head does not.
 */
export function taskRows(world: MatrixWorld): Row[] {
  const brief = { title: '整理重点客户名单', details: '按成交额排序', dueOn: world.today }
  const task = async (): Promise<string> => {
    const { id } = await must<{ id: string }>(world.as(cast.eastEmployee)('task.create', { ...brief, assigneeIds: [cast.eastEmployee, cast.eastColleague] }))
    return id
  }
  return [
    { action: 'task.create', setup: async () => null, payload: () => ({ ...brief, assigneeIds: [cast.eastColleague] }), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
    { action: 'task.get', setup: task, payload: (id) => ({ id }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'task.list', setup: task, payload: () => ({ scope: 'department', departmentId: 'dept-sales-east' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'task.updateProgress', setup: task, payload: (id) => ({ id, progress: 40, note: '已导出数据' }), expect: { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN' } },
    { action: 'task.complete', setup: task, payload: (id) => ({ id }), expect: { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN' } },
    { action: 'task.cancel', setup: task, payload: (id) => ({ id, reason: '需求取消' }), expect: { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN' } },
    { action: 'task.changeDue', setup: task, payload: (id) => ({ id, dueOn: addDays(world.today, 3) }), expect: { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN' } },
    { action: 'task.listAssignable', setup: async () => null, payload: () => ({ keyword: '张' }), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  ]
}
