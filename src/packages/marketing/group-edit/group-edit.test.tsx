import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonSummary } from '@contract'
import GroupEditPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee, person } from '../../../../test/doubles/people'
import { groupDetail, pageOf } from '../../../../test/doubles/marketing'
import { byId, errorText, renderPagesAsH5, routeTo, type } from '../../../../test/doubles/screen'

const colleague = person({ id: 'p-zhao', name: '赵六' })

function open(params: Record<string, string> = {}, handlers: Record<string, Handler> = {}, me: PersonSummary = employee) {
  routeTo(Taro.useRouter, '/packages/marketing/group-edit/index', params)
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: me, policyToAcknowledge: null }),
    'roster.listPeople': () => ok(pageOf([employee, colleague])),
    'group.create': (payload) => ok(groupDetail({ id: 'group-9', ...payload })),
    'group.get': () => ok(groupDetail({ purpose: null, flags: ['no_purpose'] })),
    'group.update': (payload) => ok(groupDetail(payload)),
    ...handlers,
  })
}

renderPagesAsH5()

describe('register a business group', () => {
  it('checks the fields as they are filled in, the owner being the caller unless changed', async () => {
    const calls = open()
    render(<GroupEditPage />)
    await waitFor(() => byId('group-form'))
    expect(byId('group-owner-chosen').textContent).toContain('张三')
    fireEvent.click(byId('group-save'))
    expect(errorText('group-name')).toBe('群名称不能为空')
    expect(errorText('group-members')).toBe('请填写群成员人数')
    expect(errorText('group-purpose')).toBeNull()
    type('group-members', '600')
    expect(errorText('group-members')).toBe('微信群最多500人')
    type('group-related', '项'.repeat(61))
    expect(errorText('group-related')).toBe('相关客户或项目不能超过60个字')
    expect(calls.callsTo('group.create')).toHaveLength(0)
  })

  it('registers the group and opens it', async () => {
    const calls = open()
    render(<GroupEditPage />)
    await waitFor(() => byId('group-form'))
    type('group-name', ' 门锁老客户群 ')
    type('group-purpose', '老客户售后与新品通知')
    type('group-members', '36')
    fireEvent.click(byId('group-owner-change'))
    await waitFor(() => byId('group-owner-p-zhao'))
    expect(calls.callsTo('roster.listPeople')[0]?.payload).toMatchObject({ departmentId: 'd-sales', status: 'active' })
    fireEvent.click(byId('group-owner-p-zhao'))
    expect(byId('group-owner-chosen').textContent).toContain('赵六')
    fireEvent.click(byId('group-save'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/marketing/group/index?id=group-9' }))
    expect(calls.callsTo('group.create').map((c) => c.payload)).toEqual([{ name: '门锁老客户群', memberCount: 36, purpose: '老客户售后与新品通知', ownerId: 'p-zhao' }])
  })

  it('shows an owner the server refuses next to the form', async () => {
    open({}, { 'group.create': () => fail('GROUP_OWNER_INVALID', '群负责人须为本部门在职员工') })
    render(<GroupEditPage />)
    await waitFor(() => byId('group-form'))
    type('group-name', '门锁老客户群')
    type('group-members', '36')
    fireEvent.click(byId('group-save'))
    await waitFor(() => expect(byId('group-save-error').textContent).toBe('群负责人须为本部门在职员工'))
  })

  it('corrects a registered group, sending cleared texts and the owner only when changed', async () => {
    const calls = open({ id: 'group-1' })
    render(<GroupEditPage />)
    await waitFor(() => expect((byId('group-name').querySelector('input') as HTMLInputElement).value).toBe('门锁老客户群'))
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '修改业务群' })
    expect((byId('group-members').querySelector('input') as HTMLInputElement).value).toBe('36')
    type('group-purpose', '老客户售后')
    type('group-related', '')
    fireEvent.click(byId('group-save'))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(calls.callsTo('group.update').map((c) => c.payload)).toEqual([{ id: 'group-1', name: '门锁老客户群', purpose: '老客户售后', relatedTo: '', memberCount: 36 }])
  })
})
