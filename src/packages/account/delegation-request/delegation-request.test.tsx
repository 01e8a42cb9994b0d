import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type PersonSummary } from '@contract'
import DelegationRequestPage from './index'
import { addDays, shanghaiToday } from '@/services/accounts'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee, head, person } from '../../../../test/doubles/people'
import { delegationDetail } from '../../../../test/doubles/records'
import { byId, errorText, pick, pickerOf, routeTo, shown, type, renderPagesAsH5 } from '../../../../test/doubles/screen'

const colleague = person({ id: 'p-zhao', name: '赵六' })

function backend(viewer: PersonSummary, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/account/delegation-request/index', { accountId: 'acc-1', wechatId: 'zhangsan_sales' })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer }),
    'roster.listPeople': ({ page, pageSize }) => ok({ items: [viewer, colleague], total: 2, page, pageSize }),
    'delegation.request': (payload) => ok(delegationDetail({ id: 'dl-9', ...payload })),
    ...handlers,
  })
}

/** The list of colleagues shows until one is chosen. */
function openColleagues(): Promise<HTMLElement> {
  return waitFor(() => byId('person-option-p-zhao'))
}

renderPagesAsH5()

describe('request a delegation', () => {
  it('names the account and proposes today to three days from now, at most 90 days', async () => {
    backend(employee)
    render(<DelegationRequestPage />)
    await waitFor(() => byId('delegation-form'))
    const today = shanghaiToday()
    expect(byId('delegation-account').textContent).toContain('zhangsan_sales')
    expect(pickerOf('delegation-start')).toMatchObject({ value: today, start: today })
    expect(pickerOf('delegation-end')).toMatchObject({ value: addDays(today, 3), start: today, end: addDays(today, 89) })
  })

  it('checks the colleague, the period and the reason as they are filled in', async () => {
    const calls = backend(employee)
    render(<DelegationRequestPage />)
    await waitFor(() => byId('delegation-form'))
    fireEvent.click(byId('delegation-submit'))
    expect(errorText('delegation-delegate')).toBe('请选择代操作人')
    expect(errorText('delegation-reason')).toBe('请说明代操作原因（至少5个字）')
    expect(errorText('delegation-end')).toBeNull()
    expect(calls.callsTo('delegation.request')).toHaveLength(0)

    // The holder is never offered as their own delegate; once chosen, the list folds to one line.
    fireEvent.click(within(await openColleagues()).getByText('赵六'))
    expect(shown('person-option-p-zhang')).toBe(false)
    expect(shown('person-option-p-zhao')).toBe(false)
    expect(errorText('delegation-delegate')).toBeNull()
    expect(byId('delegation-delegate-chosen').textContent).toContain('赵六')
    fireEvent.click(byId('person-option-change'))
    fireEvent.click(within(await waitFor(() => byId('person-option-p-zhao'))).getByText('赵六'))

    const today = shanghaiToday()
    pick('delegation-end', addDays(today, 90))
    expect(errorText('delegation-end')).toBe('代操作期间不能超过90天')
    pick('delegation-end', addDays(today, 89))
    expect(errorText('delegation-end')).toBeNull()
    pick('delegation-start', addDays(today, -1))
    expect(errorText('delegation-start')).toBe('开始日期不能早于今天')

    type('delegation-reason', '出差')
    expect(errorText('delegation-reason')).toBe('请说明代操作原因（至少5个字）')
  })

  it('lets an employee pick a colleague of their department, and sends the request', async () => {
    const calls = backend(employee)
    render(<DelegationRequestPage />)
    fireEvent.click(within(await openColleagues()).getByText('赵六'))
    expect(byId('delegation-delegate-chosen').textContent).toContain('赵六')
    expect(calls.callsTo('roster.listPeople')[0]?.payload).toEqual({ page: 1, pageSize: 10, status: 'active' })
    type('delegation-reason', '下周出差，由赵六代为回复客户')
    fireEvent.click(byId('delegation-submit'))

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/account/delegation/index?id=dl-9' }))
    const today = shanghaiToday()
    expect(calls.callsTo('delegation.request')[0]?.payload).toEqual({
      accountId: 'acc-1',
      delegateId: 'p-zhao',
      startsOn: today,
      endsOn: addDays(today, 3),
      reason: '下周出差，由赵六代为回复客户',
    })
  })

  it('searches colleagues by name', async () => {
    const calls = backend(employee)
    render(<DelegationRequestPage />)
    await openColleagues()
    const input = byId('person-option-search').querySelector('input') as HTMLInputElement
    fireEvent.change(input, { target: { value: '赵' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(calls.callsTo('roster.listPeople').at(-1)?.payload).toMatchObject({ keyword: '赵' }))
  })

  it('gives heads a search of colleagues, leaving themselves out', async () => {
    const calls = backend(head)
    render(<DelegationRequestPage />)
    const row = await openColleagues()
    expect(shown(`person-option-${head.id}`)).toBe(false)
    expect(calls.callsTo('roster.listPeople')[0]?.payload).toMatchObject({ status: 'active' })
    fireEvent.click(within(row).getByText('赵六'))
    expect(byId('delegation-delegate-chosen').textContent).toContain('赵六')
    type('delegation-reason', '休假期间代为回复客户')
    fireEvent.click(byId('delegation-submit'))
    await waitFor(() => expect(calls.callsTo('delegation.request')).toHaveLength(1))
    expect(calls.callsTo('delegation.request')[0]?.payload).toMatchObject({ delegateId: 'p-zhao' })
  })

  it.each([
    ['DELEGATE_INVALID', 'delegation-delegate'],
    ['PERIOD_INVALID', 'delegation-end'],
  ])('puts %s next to the field it concerns', async (code, field) => {
    backend(employee, { 'delegation.request': () => fail(code, errorMessages[code as 'DELEGATE_INVALID']) })
    render(<DelegationRequestPage />)
    await waitFor(() => byId('delegation-form'))
    fireEvent.click(within(await openColleagues()).getByText('赵六'))
    type('delegation-reason', '出差期间代为回复客户')
    fireEvent.click(byId('delegation-submit'))
    await waitFor(() => expect(errorText(field)).toBe(errorMessages[code as 'DELEGATE_INVALID']))
    expect(shown('delegation-error')).toBe(false)
  })

  it('shows an overlap above the button', async () => {
    backend(employee, { 'delegation.request': () => fail('DELEGATION_OVERLAP', errorMessages.DELEGATION_OVERLAP) })
    render(<DelegationRequestPage />)
    fireEvent.click(within(await openColleagues()).getByText('赵六'))
    type('delegation-reason', '出差期间代为回复客户')
    fireEvent.click(byId('delegation-submit'))
    await waitFor(() => expect(byId('delegation-error').textContent).toBe(errorMessages.DELEGATION_OVERLAP))
  })
})
