import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonSummary } from '@contract'
import DelegationsPage from './index'
import HandoversPage from '../handovers/index'
import { installBackend, ok } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { delegationSummary, handoverDetail } from '../../../../test/doubles/records'
import { byId, routeTo, shown, renderPagesAsH5 } from '../../../../test/doubles/screen'

function backend(viewer: PersonSummary, scope: string, params: Record<string, string> = {}) {
  routeTo(Taro.useRouter, '/packages/account/delegations/index', { scope, ...params })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer }),
    'roster.listDepartments': () => ok({ items: [{ id: 'd-east', name: '华东销售部', headId: null, headName: null, staffCount: 3 }] }),
    'delegation.list': ({ page, pageSize }) =>
      ok({
        items: [delegationSummary(), delegationSummary({ id: 'dl-2', holderId: 'p-zhao', holderName: '赵六', delegateId: 'p-zhang', delegateName: '张三', status: 'approved', inEffect: true })],
        total: 2,
        page,
        pageSize,
      }),
    'handover.list': ({ page, pageSize }) => {
      const { checklist: _c, reason: _r, startedByName: _s, outcome: _o, closedAt: _d, available: _a, ...summary } = handoverDetail({ done: 3 })
      return ok({ items: [summary], total: 1, page, pageSize })
    },
  })
}

renderPagesAsH5()

describe('my delegations and handovers', () => {
  it('lists delegations the employee gave or received, each opening its detail', async () => {
    const calls = backend(employee, 'all')
    render(<DelegationsPage />)
    await waitFor(() => byId('delegation-dl-2'))
    expect(calls.callsTo('delegation.list')[0]?.payload).toEqual({ scope: 'mine', page: 1, pageSize: 20 })
    expect(shown('delegations-scope')).toBe(false)
    expect(byId('delegation-dl-1').textContent).toContain('委托 赵六')
    expect(byId('delegation-dl-2').textContent).toContain('受 赵六 委托')
    expect(within(byId('delegation-dl-2')).getByText('生效中')).toBeTruthy()
    fireEvent.click(within(byId('delegation-dl-1')).getByText('zhangsan_sales'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/delegation/index?id=dl-1' })
  })

  it('lets heads switch to what waits for their decision', async () => {
    const calls = backend(head, 'pending')
    render(<DelegationsPage />)
    await waitFor(() => byId('delegation-dl-1'))
    expect(calls.callsTo('delegation.list')[0]?.payload).toMatchObject({ scope: 'pending' })
    fireEvent.click(byId('delegations-scope-all'))
    await waitFor(() => expect(calls.callsTo('delegation.list').at(-1)?.payload).toMatchObject({ scope: 'all' }))
  })

  it('lists handovers with their progress', async () => {
    const calls = backend(employee, 'mine')
    render(<HandoversPage />)
    await waitFor(() => byId('handover-ho-1'))
    expect(calls.callsTo('handover.list')[0]?.payload).toEqual({ scope: 'mine', page: 1, pageSize: 20 })
    expect(byId('handover-ho-1').textContent).toContain('清单 3/5')
    expect(byId('handover-ho-1').textContent).toContain('张三 → 赵六')
    fireEvent.click(within(byId('handover-ho-1')).getByText('zhangsan_sales'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/handover/index?id=ho-1' })
  })

  it('opens on the status and department it was opened with, each shown and cleared by a tap', async () => {
    const calls = backend(admin, 'all', { status: 'pending', departmentId: 'd-east' })
    render(<DelegationsPage />)
    await waitFor(() => byId('delegations-list'))
    expect(calls.callsTo('delegation.list')[0]?.payload).toEqual({ scope: 'all', page: 1, pageSize: 20, status: 'pending', departmentId: 'd-east' })
    expect(byId('delegations-active-status').textContent).toBe('状态：待负责人审批 ×')
    await waitFor(() => expect(byId('delegations-active-department').textContent).toBe('部门：华东销售部 ×'))
    fireEvent.click(byId('delegations-active-department'))
    await waitFor(() => expect(calls.callsTo('delegation.list').at(-1)?.payload).toEqual({ scope: 'all', page: 1, pageSize: 20, status: 'pending' }))
    fireEvent.click(byId('delegations-active-status'))
    await waitFor(() => expect(calls.callsTo('delegation.list').at(-1)?.payload).toEqual({ scope: 'all', page: 1, pageSize: 20 }))
    expect(shown('delegations-active')).toBe(false)
  })

  it('keeps a head on their own department whatever the link says', async () => {
    const calls = backend(head, 'all', { status: 'pending', departmentId: 'd-other' })
    render(<DelegationsPage />)
    await waitFor(() => byId('delegations-list'))
    expect(calls.callsTo('delegation.list')[0]?.payload).toEqual({ scope: 'all', page: 1, pageSize: 20, status: 'pending' })
    expect(shown('delegations-active-department')).toBe(false)
  })
})
