import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import FollowUpsPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee, head } from '../../../../test/doubles/people'
import { atCustomerNow, customerDetail, followUp, pageOf } from '../../../../test/doubles/customers'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

const overdue = followUp({ id: 'fu-late', customerId: 'cust-2', customerName: '吴晓', dueOn: '2026-11-24', state: 'overdue', daysOverdue: 3, what: '催款' })
const colleagues = followUp({ id: 'fu-other', customerId: 'cust-3', customerName: '郑伟', ownerId: 'p-zhao', ownerName: '赵六', dueOn: '2026-11-25', state: 'overdue', daysOverdue: 2 })

function backend(viewer = employee, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'customer.listFollowUps': () => ok(pageOf([overdue, followUp()])),
    ...handlers,
  })
}

renderPagesAsH5()

beforeEach(() => {
  atCustomerNow()
  routeTo(Taro.useRouter, '/packages/customer/follow-ups/index', {})
})
afterEach(() => {
  jest.useRealTimers()
})

async function opened() {
  render(<FollowUpsPage />)
  await waitFor(() => byId('follow-ups-list'))
}

describe('my follow-ups', () => {
  it('lists what is due today and overdue, the longest waiting first, under a watermark', async () => {
    const calls = backend()
    await opened()
    expect(calls.callsTo('customer.listFollowUps')[0]?.payload).toEqual({ page: 1, pageSize: 20, scope: 'mine', window: 'due' })
    expect(shown('watermark')).toBe(true)
    expect(byId('follow-up-row-fu-late-state').textContent).toBe('已逾期')
    expect(byId('follow-up-row-fu-late').textContent).toContain('已逾期3天（2026-11-24）')
    expect(byId('follow-up-row-fu-1-state').textContent).toBe('今天到期')
    expect(shown('follow-ups-scope')).toBe(false)
    fireEvent.click(byId('follow-up-row-fu-late'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/customer/detail/index?id=cust-2' })
  })

  it('ticks one off from the list without opening the customer, then reloads', async () => {
    let listed = 0
    const calls = backend(employee, {
      'customer.listFollowUps': () => ok(pageOf(++listed === 1 ? [overdue, followUp()] : [followUp()])),
      'customer.closeFollowUp': () => ok(customerDetail()),
    })
    await opened()
    fireEvent.click(byId('follow-up-row-fu-late-done'))
    await waitFor(() => expect(shown('follow-up-row-fu-late')).toBe(false))
    expect(calls.callsTo('customer.closeFollowUp')[0]?.payload).toEqual({ followUpId: 'fu-late', outcome: 'done' })
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已完成' }))
  })

  it('says why when ticking off fails, and shows the list as it now is', async () => {
    const calls = backend(employee, { 'customer.closeFollowUp': () => fail('INVALID_STATE', errorMessages.INVALID_STATE) })
    await opened()
    fireEvent.click(byId('follow-up-row-fu-1-done'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: errorMessages.INVALID_STATE })))
    await waitFor(() => expect(calls.callsTo('customer.listFollowUps')).toHaveLength(2))
  })

  it('switches to every open follow-up', async () => {
    const calls = backend(employee, { 'customer.listFollowUps': () => ok(pageOf([])) })
    render(<FollowUpsPage />)
    await waitFor(() => byId('follow-ups-empty'))
    expect(byId('follow-ups-empty').textContent).toContain('今天没有要跟进的客户')
    fireEvent.click(byId('follow-ups-window-open'))
    await waitFor(() => expect(calls.callsTo('customer.listFollowUps').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, scope: 'mine', window: 'open' }))
  })
})

describe('a head’s department view', () => {
  it('opens on the department’s overdue follow-ups, naming whose they are, ticking off only the head’s own', async () => {
    routeTo(Taro.useRouter, '/packages/customer/follow-ups/index', { scope: 'managed' })
    const calls = backend(head, { 'customer.listFollowUps': () => ok(pageOf([colleagues, followUp({ id: 'fu-head', ownerId: head.id, ownerName: head.name, state: 'overdue', daysOverdue: 1 })])) })
    await opened()
    expect(calls.callsTo('customer.listFollowUps')[0]?.payload).toEqual({ page: 1, pageSize: 20, scope: 'managed', window: 'overdue' })
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '本部门跟进' })
    expect(byId('follow-up-row-fu-other').textContent).toContain('赵六 · 销售部')
    expect(shown('follow-up-row-fu-other-done')).toBe(false)
    expect(shown('follow-up-row-fu-head-done')).toBe(true)
    fireEvent.click(byId('follow-ups-scope-mine'))
    await waitFor(() => expect(calls.callsTo('customer.listFollowUps').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, scope: 'mine', window: 'due' }))
  })
})
