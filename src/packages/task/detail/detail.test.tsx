import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type PersonSummary, type TaskDetail } from '@contract'
import TaskDetailPage from './index'
import { addDays, shanghaiToday } from '@/services/accounts'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee, head } from '../../../../test/doubles/people'
import { assignee, historyEntry, taskDetail } from '../../../../test/doubles/tasks'
import { byId, errorText, pick, pickerOf, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

const actionIds = ['task-progress-form', 'task-update', 'task-complete', 'task-cancel', 'task-due-change']
const shownActions = () => actionIds.filter(shown)

function open(viewer: PersonSummary, detail: TaskDetail, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/task/detail/index', { id: detail.id })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'task.get': () => ok(detail),
    ...handlers,
  })
}

async function shows() {
  render(<TaskDetailPage />)
  await waitFor(() => byId('task-detail'))
}

renderPagesAsH5()

describe('task detail', () => {
  it('shows what is asked, of whom, by when, how far it is and what happened so far', async () => {
    open(
      head,
      taskDetail({
        status: 'in_progress',
        progress: 40,
        overdue: true,
        overdueDays: 2,
        crossDepartment: true,
        assignees: [assignee({ isOwner: true }), assignee({ personId: 'p-sun', name: '孙八', departmentId: 'd-service', departmentName: '客服部', isOwner: true }), assignee({ personId: 'p-zhou', name: '周九', departmentId: 'd-service', departmentName: '客服部' })],
        history: [
          historyEntry(),
          historyEntry({ at: '2026-03-03T06:00:00.000Z', actorId: 'p-zhang', actorName: '张三', kind: 'progress', progress: 40, note: '已导出成交数据', toDueOn: null }),
          historyEntry({ at: '2026-03-04T01:00:00.000Z', kind: 'due', fromDueOn: '2026-03-05', toDueOn: '2026-03-06' }),
        ],
        historyCount: 3,
        available: [],
      }),
    )
    await shows()
    expect(byId('task-detail-title').textContent).toBe('整理重点客户名单')
    expect(byId('task-detail-status').textContent).toBe('逾期2天')
    expect(byId('task-detail-creator').textContent).toBe('李四分派 · 2026-03-02 10:00')
    expect(byId('task-detail-due').textContent).toBe('截止 2026-03-06，已逾期2天')
    expect(byId('task-detail-progress').textContent).toBe('40%')
    expect(byId('task-detail-details').textContent).toBe('按近三个月成交额排序，标注需要回访的客户。')
    expect(byId('task-detail-assignee-p-zhang').textContent).toBe('张三 · 销售部（牵头）')
    expect(byId('task-detail-assignee-p-sun').textContent).toBe('孙八 · 客服部（牵头）')
    expect(byId('task-detail-assignee-p-zhou').textContent).toBe('周九 · 客服部')
    expect(byId('timeline-0').textContent).toContain('分派任务')
    expect(byId('timeline-1').textContent).toContain('更新进度至 40%')
    expect(byId('timeline-1').textContent).toContain('已导出成交数据')
    expect(byId('timeline-1').textContent).toContain('2026-03-03 14:00')
    expect(byId('timeline-2').textContent).toContain('2026-03-05 → 2026-03-06')
    expect(shown('task-history-more')).toBe(false)
    // Heads may look at their department's tasks but the work is the assignees'.
    expect(shownActions()).toEqual([])
  })

  it('says when only the latest entries are kept', async () => {
    open(employee, taskDetail({ historyCount: 60 }))
    await shows()
    expect(byId('task-history-more').textContent).toBe('共 60 条，显示最近 1 条')
  })

  it('lets an assignee report progress with a note, checked as typed', async () => {
    const updated = taskDetail({
      status: 'in_progress',
      progress: 60,
      revision: 1,
      historyCount: 2,
      history: [historyEntry(), historyEntry({ actorName: '张三', kind: 'progress', progress: 60, note: '名单核对了一半' })],
    })
    const calls = open(employee, taskDetail(), { 'task.updateProgress': () => ok(updated) })
    await shows()
    expect(shownActions()).toEqual(['task-progress-form', 'task-update', 'task-complete'])
    fireEvent.click(byId('task-update'))
    expect(errorText('task-note')).toBe('请写明进展')
    expect(errorText('task-progress')).toBeNull()
    type('task-progress', '120')
    expect(errorText('task-progress')).toBe('进度须为0-100的整数')
    type('task-progress', '')
    expect(errorText('task-progress')).toBe('进度须为0-100的整数')
    fireEvent.click(byId('task-update'))
    expect(calls.callsTo('task.updateProgress')).toHaveLength(0)

    type('task-progress', '60')
    type('task-note', '  名单核对了一半 ')
    expect(errorText('task-progress')).toBeNull()
    expect(errorText('task-note')).toBeNull()
    fireEvent.click(byId('task-update'))
    await waitFor(() => expect(byId('task-detail-progress').textContent).toBe('60%'))
    expect(calls.callsTo('task.updateProgress')[0]?.payload).toEqual({ id: 't-1', progress: 60, note: '名单核对了一半' })
    expect(byId('task-detail-status').textContent).toBe('进行中')
    expect(byId('timeline-1').textContent).toContain('名单核对了一半')
    // The form starts over from the task as it now is.
    expect((byId('task-note').querySelector('textarea') as HTMLTextAreaElement).value).toBe('')
    expect((byId('task-progress').querySelector('input') as HTMLInputElement).value).toBe('60')
  })

  it('reloads and says so when someone else got there first', async () => {
    let current = taskDetail()
    open(employee, current, {
      'task.get': () => ok(current),
      'task.updateProgress': () => {
        current = taskDetail({ status: 'done', progress: 100, doneAt: '2026-03-05T08:00:00.000Z', onTime: true, available: [] })
        return fail('INVALID_STATE', errorMessages.INVALID_STATE)
      },
    })
    await shows()
    type('task-progress', '50')
    type('task-note', '进展')
    fireEvent.click(byId('task-update'))
    await waitFor(() => expect(byId('task-notice').textContent).toBe('任务已被他人更新，已为你刷新为最新状态'))
    await waitFor(() => expect(byId('task-detail-verdict').textContent).toBe('2026-03-05 16:00 完成 · 按时完成'))
    expect(shownActions()).toEqual([])
  })

  it('completes after a confirmation, and not without one', async () => {
    const calls = open(employee, taskDetail(), {
      'task.complete': () => ok(taskDetail({ status: 'done', progress: 100, doneAt: '2026-03-07T02:00:00.000Z', onTime: false, available: [] })),
    })
    await shows()
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(byId('task-complete'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(calls.callsTo('task.complete')).toHaveLength(0)

    fireEvent.click(byId('task-complete'))
    await waitFor(() => expect(byId('task-detail-verdict').textContent).toBe('2026-03-07 10:00 完成 · 逾期完成'))
    expect(calls.callsTo('task.complete')[0]?.payload).toEqual({ id: 't-1' })
    expect(byId('task-detail-status').textContent).toBe('已完成')
  })

  it('lets the creator cancel with a reason, or move the due date', async () => {
    const mine = taskDetail({ available: ['cancel', 'changeDue'] })
    const calls = open(head, mine, {
      'task.changeDue': ({ dueOn }) => ok({ ...mine, dueOn, revision: 1 }),
      'task.cancel': () => ok(taskDetail({ status: 'cancelled', cancelledAt: '2026-03-03T02:00:00.000Z', cancelReason: '客户取消了需求', available: [] })),
    })
    await shows()
    expect(shownActions()).toEqual(['task-cancel', 'task-due-change'])
    const today = shanghaiToday()
    expect(pickerOf('task-due-change')).toMatchObject({ value: '2026-03-06', start: today })
    const later = addDays(today, 7)
    pick('task-due-change', later)
    await waitFor(() => expect(byId('task-detail-due').textContent).toBe(`截止 ${later}`))
    expect(calls.callsTo('task.changeDue')[0]?.payload).toEqual({ id: 't-1', dueOn: later })

    fireEvent.click(byId('task-cancel'))
    type('task-cancel-reason', '客户取消了需求')
    fireEvent.click(byId('task-cancel-confirm'))
    await waitFor(() => expect(byId('task-detail-cancelled').textContent).toBe('已于 2026-03-03 10:00 取消：客户取消了需求'))
    expect(calls.callsTo('task.cancel')[0]?.payload).toEqual({ id: 't-1', reason: '客户取消了需求' })
    expect(shown('task-detail-progress')).toBe(false)
    expect(shownActions()).toEqual([])
  })

  it('shows why a task cannot be opened', async () => {
    open(employee, taskDetail(), { 'task.get': () => fail('NOT_FOUND', errorMessages.NOT_FOUND) })
    render(<TaskDetailPage />)
    await waitFor(() => expect(byId('task-error').textContent).toContain(errorMessages.NOT_FOUND))
  })
})
