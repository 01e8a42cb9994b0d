import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type TaskCandidate } from '@contract'
import TaskCreatePage from './index'
import { addDays, shanghaiToday } from '@/services/accounts'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee } from '../../../../test/doubles/people'
import { candidate, taskDetail } from '../../../../test/doubles/tasks'
import { byId, errorText, pick, pickerOf, renderPagesAsH5, shown, type } from '../../../../test/doubles/screen'

const people: TaskCandidate[] = [
  candidate({ id: 'p-zhao', name: '赵六' }),
  candidate({ id: 'p-qian', name: '钱七' }),
  candidate({ id: 'p-sun', name: '孙八', departmentId: 'd-service', departmentName: '客服部' }),
  candidate({ id: 'p-zhou', name: '周九', departmentId: 'd-service', departmentName: '客服部' }),
  candidate({ id: 'p-wu', name: '吴十', departmentId: 'd-admin', departmentName: '行政部' }),
  candidate({ id: 'p-zheng', name: '郑一', departmentId: 'd-service', departmentName: '客服部' }),
]

function backend(handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: employee, policyToAcknowledge: null }),
    'task.listAssignable': ({ page, pageSize, keyword }) => {
      const matches = people.filter((p) => !keyword || p.name.includes(keyword))
      return ok({ items: matches.slice((page - 1) * pageSize, page * pageSize), total: matches.length, page, pageSize })
    },
    'task.create': () => ok(taskDetail({ id: 't-9' })),
    ...handlers,
  })
}

async function openForm() {
  render(<TaskCreatePage />)
  await waitFor(() => byId('task-assignee-p-zhao'))
}

renderPagesAsH5()

describe('hand out a task', () => {
  it('checks what is filled in as it is typed, and sends nothing while something is wrong', async () => {
    const calls = backend()
    await openForm()
    expect(errorText('task-title')).toBeNull()
    fireEvent.click(byId('task-create'))
    expect(errorText('task-title')).toBe('任务标题不能为空')
    expect(errorText('task-assignees')).toBe('请选择执行人')
    expect(errorText('task-due')).toBeNull()
    expect(calls.callsTo('task.create')).toHaveLength(0)

    type('task-title', '   ')
    expect(errorText('task-title')).toBe('任务标题不能为空')
    type('task-title', '长'.repeat(41))
    expect(errorText('task-title')).toBe('任务标题不能超过40个字')
    type('task-title', '整理重点客户名单')
    expect(errorText('task-title')).toBeNull()

    fireEvent.click(byId('task-assignee-p-zhao'))
    expect(errorText('task-assignees')).toBeNull()
    expect(byId('task-assignee-count').textContent).toBe('已选 1 人，点姓名可移除')
    fireEvent.click(byId('task-assignee-chosen-p-zhao'))
    expect(errorText('task-assignees')).toBe('请选择执行人')
    expect(byId('task-assignee-p-zhao').className).not.toContain('selected')
  })

  it('proposes a due date three days out, no earlier than today', async () => {
    backend()
    await openForm()
    const today = shanghaiToday()
    expect(pickerOf('task-due')).toMatchObject({ value: addDays(today, 3), start: today })
    pick('task-due', addDays(today, -1))
    expect(errorText('task-due')).toBe(errorMessages.DUE_DATE_PAST)
    pick('task-due', today)
    expect(errorText('task-due')).toBeNull()
    expect(byId('task-due-value').textContent).toBe(today)
  })

  it('names a lead in each department when people from several are chosen, and sends the task', async () => {
    const calls = backend()
    await openForm()
    type('task-title', '  整理重点客户名单 ')
    type('task-details', '按成交额排序')
    fireEvent.click(byId('task-assignee-p-zhao'))
    expect(shown('task-owners')).toBe(false)
    fireEvent.click(byId('task-assignee-p-sun'))
    fireEvent.click(byId('task-assignee-p-zhou'))
    // Each department's first choice leads until someone else is tapped.
    expect(byId('task-owner-d-sales-p-zhao').className).toContain('active')
    expect(byId('task-owner-d-service-p-sun').className).toContain('active')
    expect(byId('task-owner-d-service-p-zhou').className).not.toContain('active')
    fireEvent.click(byId('task-owner-d-service-p-zhou'))
    expect(byId('task-owner-d-service-p-zhou').className).toContain('active')
    expect(byId('task-owner-d-service-p-sun').className).not.toContain('active')
    expect(errorText('task-owners')).toBeNull()

    const due = addDays(shanghaiToday(), 5)
    pick('task-due', due)
    fireEvent.click(byId('task-create'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/task/detail/index?id=t-9' }))
    expect(calls.callsTo('task.create')[0]?.payload).toEqual({
      title: '整理重点客户名单',
      details: '按成交额排序',
      assigneeIds: ['p-zhao', 'p-sun', 'p-zhou'],
      dueOn: due,
      owners: [
        { departmentId: 'd-sales', personId: 'p-zhao' },
        { departmentId: 'd-service', personId: 'p-zhou' },
      ],
    })
  })

  it('asks for a new lead when a department’s lead is taken off and several remain', async () => {
    const calls = backend()
    await openForm()
    type('task-title', '回访名单')
    for (const id of ['p-zhao', 'p-sun', 'p-zhou', 'p-zheng']) fireEvent.click(byId(`task-assignee-${id}`))
    expect(byId('task-owner-d-service-p-sun').className).toContain('active')
    fireEvent.click(byId('task-assignee-chosen-p-sun'))
    expect(shown('task-owner-d-service-p-sun')).toBe(false)
    expect(errorText('task-owners')).toBe('请为每个部门指定一名牵头人')
    fireEvent.click(byId('task-create'))
    expect(calls.callsTo('task.create')).toHaveLength(0)
    fireEvent.click(byId('task-owner-d-service-p-zheng'))
    expect(errorText('task-owners')).toBeNull()
    fireEvent.click(byId('task-create'))
    await waitFor(() => expect(calls.callsTo('task.create')).toHaveLength(1))
    expect(calls.callsTo('task.create')[0]?.payload).toMatchObject({
      assigneeIds: ['p-zhao', 'p-zhou', 'p-zheng'],
      owners: [
        { departmentId: 'd-sales', personId: 'p-zhao' },
        { departmentId: 'd-service', personId: 'p-zheng' },
      ],
    })
  })

  it('asks no lead for one department, and drops a department’s lead when its people are taken off', async () => {
    const calls = backend()
    await openForm()
    type('task-title', '回访名单')
    fireEvent.click(byId('task-assignee-p-zhao'))
    fireEvent.click(byId('task-assignee-p-sun'))
    fireEvent.click(byId('task-owner-d-service-p-sun'))
    fireEvent.click(byId('task-assignee-p-sun'))
    expect(shown('task-owners')).toBe(false)
    fireEvent.click(byId('task-assignee-p-qian'))
    fireEvent.click(byId('task-create'))
    await waitFor(() => expect(calls.callsTo('task.create')).toHaveLength(1))
    expect(calls.callsTo('task.create')[0]?.payload).toMatchObject({ assigneeIds: ['p-zhao', 'p-qian'], owners: [] })
  })

  it('searches colleagues by name', async () => {
    const calls = backend()
    await openForm()
    const search = byId('task-assignee-search').querySelector('input') as HTMLInputElement
    fireEvent.change(search, { target: { value: '吴' } })
    fireEvent.keyDown(search, { key: 'Enter' })
    await waitFor(() => expect(byId('task-assignee-p-wu').textContent).toContain('行政部'))
    expect(shown('task-assignee-p-zhao')).toBe(false)
    expect(calls.callsTo('task.listAssignable').at(-1)?.payload).toMatchObject({ keyword: '吴' })
  })

  it('puts the server’s refusal next to the field it concerns, and anything else above the button', async () => {
    let answer = fail('ASSIGNEE_INVALID', errorMessages.ASSIGNEE_INVALID)
    backend({ 'task.create': () => answer })
    await openForm()
    type('task-title', '回访名单')
    fireEvent.click(byId('task-assignee-p-zhao'))
    fireEvent.click(byId('task-create'))
    await waitFor(() => expect(errorText('task-assignees')).toBe(errorMessages.ASSIGNEE_INVALID))
    expect(shown('task-create-error')).toBe(false)

    answer = fail('INTERNAL', errorMessages.INTERNAL)
    fireEvent.click(byId('task-create'))
    await waitFor(() => expect(byId('task-create-error').textContent).toBe(errorMessages.INTERNAL))
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })
})
