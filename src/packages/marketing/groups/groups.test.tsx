import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonSummary } from '@contract'
import GroupsPage from './index'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { groupSummary, pageOf } from '../../../../test/doubles/marketing'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

const flagged = groupSummary({ id: 'group-2', name: '旧项目群', purpose: null, ownerName: '赵六', flags: ['no_purpose', 'review_overdue'] })

function open(person: PersonSummary, list: Handler, params: Record<string, string> = {}) {
  routeTo(Taro.useRouter, '/packages/marketing/groups/index', params)
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person, policyToAcknowledge: null }),
    'group.list': list,
  })
}

renderPagesAsH5()

describe('business groups', () => {
  it('shows an employee the groups they own, with what needs attention', async () => {
    const calls = open(employee, () => ok({ ...pageOf([groupSummary(), flagged]), flaggedCount: 1 }))
    render(<GroupsPage />)
    await waitFor(() => byId('groups-list'))
    expect(shown('groups-scope')).toBe(false)
    expect(calls.callsTo('group.list')[0]?.payload).toEqual({ scope: 'mine', page: 1, pageSize: 20, flaggedOnly: false, status: 'active' })
    expect(byId('group-group-1').textContent).toContain('老客户售后与新品通知')
    expect(byId('group-group-1').textContent).toContain('复核截止 2026-06-02')
    expect(shown('group-group-1-flags')).toBe(false)
    expect(byId('group-group-2').textContent).toContain('未写明建群目的')
    expect(byId('group-group-2-flags-no_purpose').textContent).toBe('未写明建群目的')
    expect(byId('group-group-2-flags-review_overdue').textContent).toBe('超过3个月未复核')
    expect(byId('groups-filter-flagged').textContent).toBe('需关注（1）')
    fireEvent.click(byId('group-group-2'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/marketing/group/index?id=group-2' })
  })

  it('lets a head switch between the department and their own, and filter to flagged groups', async () => {
    const calls = open(head, ({ flaggedOnly }) => ok({ ...pageOf(flaggedOnly ? [flagged] : [groupSummary(), flagged]), flaggedCount: 1 }))
    render(<GroupsPage />)
    await waitFor(() => byId('groups-list'))
    expect(byId('groups-scope-department').className).toContain('account-chips__chip--active')
    expect(byId('group-group-2').textContent).toContain('赵六 · 销售部')
    fireEvent.click(byId('groups-filter-flagged'))
    await waitFor(() => expect(byId('groups-total').textContent).toBe('共 1 个群'))
    fireEvent.click(byId('groups-scope-mine'))
    await waitFor(() => expect(calls.callsTo('group.list')).toHaveLength(3))
    expect(calls.callsTo('group.list').map((c) => c.payload)).toEqual([
      { scope: 'department', page: 1, pageSize: 20, flaggedOnly: false, status: 'active' },
      { scope: 'department', page: 1, pageSize: 20, flaggedOnly: true },
      { scope: 'mine', page: 1, pageSize: 20, flaggedOnly: true },
    ])
  })

  it('opens on the flagged groups of the whole company for an admin coming from 管理', async () => {
    const calls = open(admin, () => ok({ ...pageOf([]), flaggedCount: 0 }), { scope: 'all', flagged: '1' })
    render(<GroupsPage />)
    await waitFor(() => byId('groups-empty'))
    expect(byId('groups-empty').textContent).toContain('没有需要关注的群')
    expect(calls.callsTo('group.list')[0]?.payload).toEqual({ scope: 'all', page: 1, pageSize: 20, flaggedOnly: true })
  })

  it('starts registering a group', async () => {
    open(employee, () => ok({ ...pageOf([]), flaggedCount: 0 }))
    render(<GroupsPage />)
    await waitFor(() => byId('groups-empty'))
    expect(byId('groups-empty').textContent).toContain('还没有登记业务群')
    fireEvent.click(byId('groups-add'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/marketing/group-edit/index' })
  })
})
