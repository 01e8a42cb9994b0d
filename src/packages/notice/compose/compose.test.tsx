import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type PersonSummary } from '@contract'
import NoticeComposePage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head, person } from '../../../../test/doubles/people'
import { notice, workingTime } from '../../../../test/doubles/notices'
import { byId, errorText, renderPagesAsH5, shown, type } from '../../../../test/doubles/screen'

const colleagues: PersonSummary[] = [
  person({ id: 'p-zhao', name: '赵六' }),
  person({ id: 'p-qian', name: '钱七' }),
  person({ id: 'p-sun', name: '孙八', departmentId: 'd-admin', departmentName: '行政部' }),
  head,
  admin,
]

function backend(sender: PersonSummary, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: sender, policyToAcknowledge: null }),
    'worktime.getSettings': () => ok(workingTime()),
    'roster.listDepartments': () =>
      ok({
        items: [
          { id: 'd-sales', name: '销售部', headId: 'p-li', headName: '李四', staffCount: 4 },
          { id: 'd-admin', name: '行政部', headId: null, headName: null, staffCount: 2 },
        ],
      }),
    'roster.listPeople': ({ page, pageSize, keyword, departmentId }) => {
      const matches = colleagues.filter((p) => (!keyword || p.name.includes(keyword)) && (!departmentId || p.departmentId === departmentId))
      return ok({ items: matches.slice((page - 1) * pageSize, page * pageSize), total: matches.length, page, pageSize })
    },
    'notice.send': () => ok(notice({ id: 'n-9' })),
    ...handlers,
  })
}

function fillText(): void {
  type('notice-title', '周五前更新客户资料')
  type('notice-body', '请在周五前完成客户资料更新。\n逾期未更新的请说明原因。')
}

renderPagesAsH5()

describe('compose a work notice', () => {
  it('checks title, body and audience as they are filled in, and sends nothing while something is wrong', async () => {
    const calls = backend(admin)
    render(<NoticeComposePage />)
    await waitFor(() => byId('notice-form'))
    expect(errorText('notice-title')).toBeNull()

    fireEvent.click(byId('notice-send'))
    expect(errorText('notice-title')).toBe('标题不能为空')
    expect(errorText('notice-body')).toBe('内容不能为空')
    expect(calls.callsTo('notice.send')).toHaveLength(0)

    type('notice-title', '   ')
    expect(errorText('notice-title')).toBe('标题不能为空')
    fillText()
    expect(errorText('notice-title')).toBeNull()
    expect(errorText('notice-body')).toBeNull()

    fireEvent.click(byId('audience-departments'))
    expect(errorText('notice-audience')).toBe('请选择部门')
    fireEvent.click(await waitFor(() => byId('audience-dept-d-sales')))
    fireEvent.click(byId('audience-dept-d-admin'))
    expect(errorText('notice-audience')).toBeNull()

    fireEvent.click(byId('notice-send'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/notice/detail/index?id=n-9' }))
    expect(calls.callsTo('notice.send')[0]?.payload).toEqual({
      title: '周五前更新客户资料',
      body: '请在周五前完成客户资料更新。\n逾期未更新的请说明原因。',
      audience: { kind: 'departments', departmentIds: ['d-sales', 'd-admin'] },
      requireAck: true,
      ackWithinWorkingMinutes: 120,
    })
  })

  it('sends to everyone by default for admins, who may also name people across departments', async () => {
    const calls = backend(admin)
    render(<NoticeComposePage />)
    await waitFor(() => byId('notice-form'))
    expect(byId('audience-all').className).toContain('active')
    fillText()

    fireEvent.click(byId('audience-people'))
    await waitFor(() => byId('audience-person-p-sun'))
    expect(shown(`audience-person-${admin.id}`)).toBe(false)
    expect(calls.callsTo('roster.listPeople')[0]?.payload).not.toHaveProperty('departmentId')
    fireEvent.click(byId('notice-send'))
    expect(errorText('notice-audience')).toBe('请选择接收人')

    const search = byId('audience-people-search').querySelector('input') as HTMLInputElement
    fireEvent.change(search, { target: { value: '孙' } })
    fireEvent.keyDown(search, { key: 'Enter' })
    await waitFor(() => expect(calls.callsTo('roster.listPeople').at(-1)?.payload).toMatchObject({ keyword: '孙' }))
    await waitFor(() => expect(shown('audience-person-p-zhao')).toBe(false))
    fireEvent.click(byId('audience-person-p-sun'))
    expect(byId('audience-chosen').textContent).toContain('已选 1 人')

    fireEvent.click(byId('audience-all'))
    fireEvent.click(byId('audience-people'))
    // Coming back to 指定人员 keeps who was chosen.
    expect(shown('audience-chosen-p-sun')).toBe(true)
    fireEvent.click(byId('notice-send'))
    await waitFor(() => expect(calls.callsTo('notice.send')).toHaveLength(1))
    expect(calls.callsTo('notice.send')[0]?.payload).toMatchObject({ audience: { kind: 'people', personIds: ['p-sun'] } })
  })

  it('holds heads to their own department', async () => {
    const calls = backend(head)
    render(<NoticeComposePage />)
    await waitFor(() => byId('notice-form'))
    expect(shown('audience-all')).toBe(false)
    expect(byId('audience-departments').textContent).toBe('本部门全体')
    expect(byId('audience-departments').className).toContain('active')
    expect(byId('audience-people').textContent).toBe('本部门指定人员')
    expect(byId('notice-audience').textContent).toContain('销售部全体在职员工')
    // Heads pick no department: theirs is the only one.
    expect(shown('audience-department-list')).toBe(false)
    expect(calls.callsTo('roster.listDepartments')).toHaveLength(0)

    fireEvent.click(byId('audience-people'))
    await waitFor(() => byId('audience-person-p-zhao'))
    expect(calls.callsTo('roster.listPeople')[0]?.payload).toMatchObject({ departmentId: 'd-sales', status: 'active' })
    expect(shown('audience-person-p-sun')).toBe(false)
    expect(shown(`audience-person-${head.id}`)).toBe(false)
    fireEvent.click(byId('audience-person-p-zhao'))
    fireEvent.click(byId('audience-person-p-qian'))
    // A second tap on a chosen row takes it back, as does its name among the chosen.
    fireEvent.click(byId('audience-person-p-zhao'))
    fireEvent.click(byId('audience-person-p-zhao'))
    fireEvent.click(byId('audience-chosen-p-qian'))
    expect(byId('audience-chosen').textContent).toContain('已选 1 人')

    fireEvent.click(byId('audience-departments'))
    fillText()
    fireEvent.click(byId('notice-send'))
    await waitFor(() => expect(calls.callsTo('notice.send')).toHaveLength(1))
    expect(calls.callsTo('notice.send')[0]?.payload).toMatchObject({ audience: { kind: 'departments', departmentIds: ['d-sales'] } })
  })

  it('keeps employees out', async () => {
    backend(employee)
    render(<NoticeComposePage />)
    await waitFor(() => byId('forbidden-screen'))
    expect(shown('notice-form')).toBe(false)
  })

  describe('acknowledgement deadline', () => {
    beforeEach(() => {
      // Monday 2026-03-02, 14:00 in Shanghai. Only the clock is fixed; timers run as usual.
      jest.useFakeTimers({
        now: new Date('2026-03-02T06:00:00.000Z'),
        doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
      })
    })
    afterEach(() => {
      jest.useRealTimers()
    })

    it('asks for acknowledgement within 2 working hours by default and previews the deadline in working time', async () => {
      backend(admin)
      render(<NoticeComposePage />)
      await waitFor(() => expect(byId('ack-deadline-preview').textContent).toBe('确认截止：今天 16:00'))
      expect(byId('ack-window-120').className).toContain('active')
      expect(byId('ack-window-60').textContent).toBe('1个工作小时')

      fireEvent.click(byId('ack-window-240'))
      expect(byId('ack-deadline-preview').textContent).toBe('确认截止：今天 18:00')
      // Four hours to 18:00 today, then 09:00–12:00 and 13:30–14:30 tomorrow.
      fireEvent.click(byId('ack-window-480'))
      expect(byId('ack-deadline-preview').textContent).toBe('确认截止：明天 14:30')
    })

    it('skips holidays and lunch breaks as the settings say', async () => {
      backend(admin, { 'worktime.getSettings': () => ok(workingTime({ holidays: ['2026-03-03'] })) })
      render(<NoticeComposePage />)
      await waitFor(() => byId('ack-window-480'))
      fireEvent.click(byId('ack-window-480'))
      await waitFor(() => expect(byId('ack-deadline-preview').textContent).toBe('确认截止：03-04 14:30'))
    })

    it('still lets the notice go out when the working time cannot be loaded', async () => {
      const calls = backend(admin, { 'worktime.getSettings': () => fail('INTERNAL', errorMessages.INTERNAL) })
      render(<NoticeComposePage />)
      await waitFor(() => expect(byId('ack-deadline-preview').textContent).toContain('按工作时间计算'))
      fillText()
      fireEvent.click(byId('ack-window-60'))
      fireEvent.click(byId('notice-send'))
      await waitFor(() => expect(calls.callsTo('notice.send')).toHaveLength(1))
      expect(calls.callsTo('notice.send')[0]?.payload).toMatchObject({ audience: { kind: 'all' }, requireAck: true, ackWithinWorkingMinutes: 60 })
    })

    it('sends without a deadline when no acknowledgement is asked', async () => {
      const calls = backend(admin)
      render(<NoticeComposePage />)
      await waitFor(() => byId('ack-deadline-preview'))
      fireEvent.click(byId('notice-require-ack'))
      expect(shown('ack-deadline-preview')).toBe(false)
      expect(shown('ack-window-120')).toBe(false)
      fillText()
      fireEvent.click(byId('notice-send'))
      await waitFor(() => expect(calls.callsTo('notice.send')).toHaveLength(1))
      expect(calls.callsTo('notice.send')[0]?.payload).toMatchObject({ requireAck: false })
    })
  })

  it('puts the server’s word on a field next to it, and any other refusal above the button', async () => {
    let answer = fail('BAD_INPUT', '输入有误', { issues: [{ path: 'audience.personIds', message: '一次最多选择200人' }] })
    backend(admin, { 'notice.send': () => answer })
    render(<NoticeComposePage />)
    await waitFor(() => byId('notice-form'))
    fillText()
    fireEvent.click(byId('notice-send'))
    await waitFor(() => expect(errorText('notice-audience')).toBe('一次最多选择200人'))
    expect(shown('notice-send-error')).toBe(false)

    answer = fail('FORBIDDEN', errorMessages.FORBIDDEN)
    fireEvent.click(byId('notice-send'))
    await waitFor(() => expect(byId('notice-send-error').textContent).toBe(errorMessages.FORBIDDEN))
    expect(Taro.redirectTo).not.toHaveBeenCalled()
    expect(within(byId('notice-form')).queryByText(errorMessages.FORBIDDEN)).toBeNull()
  })
})
