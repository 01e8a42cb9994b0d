import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonSummary } from '@contract'
import MarketingPushPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee, head } from '../../../../test/doubles/people'
import { approvedDetail, groupSummary, marketingDetail, pageOf, push } from '../../../../test/doubles/marketing'
import { byId, errorText, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

function open(person: PersonSummary = employee, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/marketing/push/index', { id: 'mkt-1' })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person, policyToAcknowledge: null }),
    'marketing.get': () => ok(approvedDetail()),
    'group.list': () => ok({ ...pageOf([groupSummary(), groupSummary({ id: 'group-2', name: '新品体验群', memberCount: 12 })]), flaggedCount: 0 }),
    'marketing.recordPush': (payload) => ok(push(payload)),
    ...handlers,
  })
}

function addCustomer(name: string): void {
  type('push-customer-input', name)
  fireEvent.click(byId('push-customer-add'))
}

renderPagesAsH5()

describe('record a push', () => {
  it('offers the groups the pusher runs and counts who the push reaches', async () => {
    const calls = open()
    render(<MarketingPushPage />)
    await waitFor(() => byId('push-group-group-2'))
    expect(byId('push-item-title').textContent).toBe('智能门锁新品推广')
    expect(calls.callsTo('group.list')[0]?.payload).toEqual({ scope: 'mine', status: 'active', page: 1, pageSize: 50, flaggedOnly: false })
    expect(byId('push-count').textContent).toContain('现为 0 人')
    addCustomer('王先生')
    addCustomer('李女士')
    fireEvent.click(byId('push-group-group-1'))
    expect(byId('push-group-group-1').className).toContain('choice-chips__chip--active')
    expect(byId('push-count').textContent).toContain('现为 38 人')
  })

  it('asks for someone to push to, and refuses a customer twice', async () => {
    const calls = open()
    render(<MarketingPushPage />)
    await waitFor(() => byId('push-form'))
    fireEvent.click(byId('push-submit'))
    expect(errorText('push-customers')).toBe('请填写推送的客户或选择群组')
    addCustomer('王先生')
    expect(errorText('push-customers')).toBeNull()
    addCustomer(' 王先生 ')
    expect(byId('push-customer-input-error').textContent).toBe('已在列表中')
    addCustomer('客'.repeat(41))
    expect(byId('push-customer-input-error').textContent).toBe('客户名称不能超过40个字')
    fireEvent.click(byId('push-customer-0-remove'))
    expect(shown('push-customer-0')).toBe(false)
    expect(calls.callsTo('marketing.recordPush')).toHaveLength(0)
  })

  it('sends customers, groups, count and note, then goes back', async () => {
    const calls = open(head)
    render(<MarketingPushPage />)
    await waitFor(() => byId('push-group-group-2'))
    expect(calls.callsTo('group.list')[0]?.payload).toMatchObject({ scope: 'department' })
    addCustomer('王先生')
    fireEvent.click(byId('push-group-group-2'))
    type('push-count', '20')
    type('push-note', ' 朋友圈同步 ')
    fireEvent.click(byId('push-submit'))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(calls.callsTo('marketing.recordPush').map((c) => c.payload)).toEqual([{ itemId: 'mkt-1', customers: ['王先生'], groupIds: ['group-2'], count: 20, note: '朋友圈同步' }])
  })

  it('checks the count and leaves it to the server when empty', async () => {
    const calls = open()
    render(<MarketingPushPage />)
    await waitFor(() => byId('push-form'))
    addCustomer('王先生')
    type('push-count', '0')
    expect(errorText('push-count')).toBe('推送人数至少为1')
    type('push-count', '')
    fireEvent.click(byId('push-submit'))
    await waitFor(() => expect(calls.callsTo('marketing.recordPush')).toHaveLength(1))
    expect(calls.callsTo('marketing.recordPush')[0]?.payload).toEqual({ itemId: 'mkt-1', customers: ['王先生'], groupIds: [] })
  })

  it('shows a refusal and stays', async () => {
    open(employee, { 'marketing.recordPush': () => fail('PUSH_GROUP_INVALID', '所选的群不存在、已解散或不归你管理') })
    render(<MarketingPushPage />)
    await waitFor(() => byId('push-group-group-1'))
    fireEvent.click(byId('push-group-group-1'))
    fireEvent.click(byId('push-submit'))
    await waitFor(() => expect(byId('push-error').textContent).toBe('所选的群不存在、已解散或不归你管理'))
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('says material not approved cannot be pushed', async () => {
    const calls = open(employee, { 'marketing.get': () => ok(marketingDetail()) })
    render(<MarketingPushPage />)
    await waitFor(() => expect(byId('push-not-approved').textContent).toContain('只能推送审核通过的素材'))
    expect(shown('push-form')).toBe(false)
    expect(calls.callsTo('group.list')).toHaveLength(0)
  })
})
