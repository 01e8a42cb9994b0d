import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonSummary } from '@contract'
import TaskListPage from './index'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { assignee, taskPage, taskSummary } from '../../../../test/doubles/tasks'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

const late = taskSummary({ id: 't-late', title: '逾期的名单', status: 'in_progress', progress: 40, overdue: true, overdueDays: 2, dueOn: '2026-03-04' })
const team = taskSummary({
  id: 't-team',
  title: '跨部门回访',
  assignees: [assignee(), assignee({ personId: 'p-a', name: '甲' }), assignee({ personId: 'p-b', name: '乙' }), assignee({ personId: 'p-c', name: '丙' })],
})

function open(viewer: PersonSummary, params: Record<string, string> = {}, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/task/list/index', params)
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'task.list': ({ page, pageSize }) => ok(taskPage([late, team], { page, pageSize, overdueCount: 1 })),
    ...handlers,
  })
}

renderPagesAsH5()

describe('task list', () => {
  it('opens on the unfinished tasks assigned to me, most pressing first, with what each row needs', async () => {
    const calls = open(employee)
    render(<TaskListPage />)
    await waitFor(() => byId('tasks-list'))
    expect(calls.callsTo('task.list')[0]?.payload).toEqual({ scope: 'assigned', filter: 'active', page: 1, pageSize: 20 })
    expect(shown('tasks-scope-assigned') && shown('tasks-scope-created')).toBe(true)
    expect(shown('tasks-scope-department') || shown('tasks-scope-all')).toBe(false)
    expect(byId('tasks-scope-assigned').className).toContain('active')
    expect(byId('tasks-filter-overdue').textContent).toBe('逾期（1）')
    expect(byId('tasks-total').textContent).toBe('共 2 项任务')
    expect(byId('task-t-late').textContent).toContain('逾期2天')
    expect(byId('task-t-late').textContent).toContain('截止 2026-03-04')
    expect(byId('task-t-late').textContent).toContain('40%')
    expect(byId('task-t-team').textContent).toContain('执行人：张三、甲、乙等4人')
    expect(byId('task-t-team').textContent).toContain('待开始')

    fireEvent.click(byId('task-t-late'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/task/detail/index?id=t-late' })
    fireEvent.click(byId('tasks-create'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/task/create/index' })
  })

  it('filters by scope, state and title', async () => {
    const calls = open(employee)
    render(<TaskListPage />)
    await waitFor(() => byId('tasks-list'))
    fireEvent.click(byId('tasks-scope-created'))
    await waitFor(() => expect(calls.callsTo('task.list').at(-1)?.payload).toEqual({ scope: 'created', filter: 'active', page: 1, pageSize: 20 }))
    fireEvent.click(byId('tasks-filter-overdue'))
    await waitFor(() => expect(calls.callsTo('task.list').at(-1)?.payload).toEqual({ scope: 'created', filter: 'overdue', page: 1, pageSize: 20 }))
    const search = byId('tasks-search').querySelector('input') as HTMLInputElement
    fireEvent.change(search, { target: { value: ' 名单 ' } })
    fireEvent.keyDown(search, { key: 'Enter' })
    await waitFor(() => expect(calls.callsTo('task.list').at(-1)?.payload).toEqual({ scope: 'created', filter: 'overdue', page: 1, pageSize: 20, keyword: '名单' }))
  })

  it('gives heads their department, opening on the scope and filter asked for', async () => {
    const calls = open(head, { scope: 'department', filter: 'overdue' })
    render(<TaskListPage />)
    await waitFor(() => byId('tasks-list'))
    expect(calls.callsTo('task.list')[0]?.payload).toMatchObject({ scope: 'department', filter: 'overdue' })
    expect(byId('tasks-scope-department').textContent).toBe('本部门')
    expect(byId('tasks-filter-overdue').className).toContain('active')
    expect(shown('tasks-scope-all')).toBe(false)
  })

  it('gives admins every task', async () => {
    const adminCalls = open(admin, { scope: 'all' })
    render(<TaskListPage />)
    await waitFor(() => byId('tasks-list'))
    expect(adminCalls.callsTo('task.list')[0]?.payload).toMatchObject({ scope: 'all', filter: 'active' })
    expect(byId('tasks-scope-all').textContent).toBe('全部')
    expect(shown('tasks-scope-department')).toBe(false)
  })

  it('keeps employees on their own lists whatever the link says', async () => {
    const calls = open(employee, { scope: 'all' })
    render(<TaskListPage />)
    await waitFor(() => byId('tasks-list'))
    expect(calls.callsTo('task.list')[0]?.payload).toMatchObject({ scope: 'assigned' })
  })

  it('loads the next page on request', async () => {
    const calls = open(employee, {}, {
      'task.list': ({ page, pageSize }) => ok(taskPage(page === 1 ? [late] : [team], { total: 2, page, pageSize })),
    })
    render(<TaskListPage />)
    await waitFor(() => byId('tasks-more'))
    fireEvent.click(byId('tasks-more'))
    await waitFor(() => byId('task-t-team'))
    expect(calls.callsTo('task.list')[1]?.payload).toMatchObject({ page: 2 })
    expect(shown('tasks-more')).toBe(false)
  })

  it('says when there is nothing to show', async () => {
    open(employee, {}, { 'task.list': ({ page, pageSize }) => ok(taskPage([], { page, pageSize })) })
    render(<TaskListPage />)
    await waitFor(() => expect(byId('tasks-empty').textContent).toContain('暂时没有分给你的任务'))
  })
})
