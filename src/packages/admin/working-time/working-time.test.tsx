import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import WorkingTimePage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, head } from '../../../../test/doubles/people'
import { workingTime } from '../../../../test/doubles/notices'
import { byId, control, errorText, renderPagesAsH5, shown, type } from '../../../../test/doubles/screen'

function backend(viewer = admin, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'worktime.getSettings': () => ok(workingTime({ holidays: ['2026-10-01'] })),
    'worktime.updateSettings': (settings) => ok(settings),
    ...handlers,
  })
}

const active = (id: string) => byId(id).className.includes('active')

function addDate(prefix: 'holiday' | 'extra-workday', date: string): void {
  type(`${prefix}-input`, date)
  fireEvent.click(byId(`${prefix}-add`))
}

renderPagesAsH5()

describe('working time settings', () => {
  it('shows the settings in force and what they are for', async () => {
    backend()
    render(<WorkingTimePage />)
    await waitFor(() => byId('working-time-form'))
    expect(byId('working-time-purpose').textContent).toContain('通知确认时限按工作时间计算')
    expect([1, 2, 3, 4, 5, 6, 7].map((day) => active(`workday-${day}`))).toEqual([true, true, true, true, true, false, false])
    expect(byId('workday-7').textContent).toBe('日')
    expect(control('period-0-start').value).toBe('09:00')
    expect(control('period-1-end').value).toBe('18:00')
    expect(byId('holiday-2026-10-01').textContent).toContain('2026-10-01 周四')
  })

  it('checks days, periods and dates as they are edited, and saves nothing while something is wrong', async () => {
    const calls = backend()
    render(<WorkingTimePage />)
    await waitFor(() => byId('working-time-form'))

    for (const day of [1, 2, 3, 4, 5]) fireEvent.click(byId(`workday-${day}`))
    expect(errorText('working-days')).toBe('至少选择一个工作日')
    fireEvent.click(byId('workday-3'))
    expect(errorText('working-days')).toBeNull()

    type('period-0-start', '9:00')
    expect(errorText('period-0')).toBe('时间格式须为HH:mm，如09:00')
    type('period-0-start', '12:30')
    expect(errorText('period-0')).toBe('每段工作时间的开始须早于结束')
    type('period-0-start', '14:00')
    type('period-0-end', '15:00')
    expect(errorText('period-0')).toBeNull()
    expect(errorText('working-periods')).toBe('工作时间段须按先后排列且不重叠')

    fireEvent.click(byId('working-time-save'))
    expect(calls.callsTo('worktime.updateSettings')).toHaveLength(0)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先修正标红的内容' }))

    fireEvent.click(byId('period-0-remove'))
    expect(errorText('working-periods')).toBeNull()
    // The last period stays: a day needs at least one.
    expect(shown('period-0-remove')).toBe(false)

    addDate('holiday', '2026/10/02')
    expect(errorText('holiday-input')).toBe('日期格式须为YYYY-MM-DD')
    addDate('holiday', '2026-13-01')
    expect(errorText('holiday-input')).toBe('日期不存在')
    addDate('holiday', '2026-02-30')
    expect(errorText('holiday-input')).toBe('日期不存在')
    addDate('holiday', '2026-10-01')
    expect(errorText('holiday-input')).toBe('该日期已在列表中')
    addDate('extra-workday', '2026-10-01')
    expect(errorText('extra-workday-input')).toBe('该日期已设为节假日')
    expect(shown('extra-workday-2026-10-01')).toBe(false)
  })

  it('saves days, up to four periods, holidays and make-up workdays', async () => {
    const calls = backend()
    render(<WorkingTimePage />)
    await waitFor(() => byId('working-time-form'))

    fireEvent.click(byId('workday-6'))
    fireEvent.click(byId('period-add'))
    expect(control('period-2-start').value).toBe('18:00')
    expect(control('period-2-end').value).toBe('19:00')
    type('period-2-start', '19:00')
    type('period-2-end', '21:00')
    fireEvent.click(byId('period-add'))
    expect(shown('period-add')).toBe(false)
    fireEvent.click(byId('period-3-remove'))
    expect(shown('period-add')).toBe(true)

    addDate('holiday', '2026-10-02')
    addDate('holiday', '2026-05-01')
    expect(control('holiday-input').value).toBe('')
    fireEvent.click(byId('holiday-2026-10-01-remove'))
    addDate('extra-workday', '2026-09-27')

    fireEvent.click(byId('working-time-save'))
    await waitFor(() => expect(calls.callsTo('worktime.updateSettings')).toHaveLength(1))
    expect(calls.callsTo('worktime.updateSettings')[0]?.payload).toEqual({
      workdays: [1, 2, 3, 4, 5, 6],
      periods: [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '18:00' },
        { start: '19:00', end: '21:00' },
      ],
      holidays: ['2026-05-01', '2026-10-02'],
      extraWorkdays: ['2026-09-27'],
    })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' })))
    expect(byId('extra-workday-2026-09-27').textContent).toContain('周日')
  })

  it('puts the server’s word on the field it concerns, and any other refusal above the button', async () => {
    let answer = fail('BAD_INPUT', '输入有误', { issues: [{ path: 'holidays', message: '节假日最多200个' }] })
    backend(admin, { 'worktime.updateSettings': () => answer })
    render(<WorkingTimePage />)
    await waitFor(() => byId('working-time-form'))
    fireEvent.click(byId('working-time-save'))
    await waitFor(() => expect(errorText('working-holidays')).toBe('节假日最多200个'))

    answer = fail('FORBIDDEN', errorMessages.FORBIDDEN)
    fireEvent.click(byId('working-time-save'))
    await waitFor(() => expect(byId('working-time-error').textContent).toBe(errorMessages.FORBIDDEN))
  })

  it('is for admins only', async () => {
    backend(head)
    render(<WorkingTimePage />)
    await waitFor(() => byId('forbidden-screen'))
    expect(shown('working-time-form')).toBe(false)
  })
})
