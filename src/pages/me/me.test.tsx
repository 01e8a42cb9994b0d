import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MePage from './index'
import AdminPage from '@/pages/admin/index'
import { fail, installBackend, ok } from '../../../test/doubles/backend'
import { admin, employee, head } from '../../../test/doubles/people'
import { renderPagesAsH5 } from '../../../test/doubles/screen'

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

renderPagesAsH5()

describe('business WeChat entries in 我的 and 管理', () => {
  it('lets employees open their own accounts and applications from 我的', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: employee }) })
    render(<MePage />)
    fireEvent.click(within(await waitFor(() => byId('me-accounts'))).getByText('我的业务微信'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/accounts/index' })
    fireEvent.click(within(byId('me-applications')).getByText('我的申请'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/mine/index' })
  })

  it('does not call a head’s department registry “mine”', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: head }) })
    render(<MePage />)
    await waitFor(() => byId('me-applications'))
    expect(document.getElementById('me-accounts')).toBeNull()
  })

  it('gives admins the registry from 管理', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: admin }) })
    render(<AdminPage />)
    fireEvent.click(within(await waitFor(() => byId('admin-accounts'))).getByText('账号台账'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/accounts/index' })
    expect(byId('admin-roster-import')).toBeTruthy()
  })

  it('gives everyone anomaly reporting, the self-check and their own records in 我的', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: employee }) })
    render(<MePage />)
    const expected: Array<[string, string]> = [
      ['entry-report-anomaly', '/packages/account/anomaly-report/index'],
      ['entry-self-check', '/packages/account/self-check/index'],
      ['me-anomalies', '/packages/account/anomalies/index?scope=mine'],
      ['me-delegations', '/packages/account/delegations/index?scope=mine'],
      ['me-handovers', '/packages/account/handovers/index?scope=mine'],
    ]
    await waitFor(() => byId('entry-report-anomaly'))
    for (const [id, url] of expected) {
      fireEvent.click(byId(id).firstElementChild as HTMLElement)
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url })
    }
  })

  it('gives admins anomaly reports, security settings and self-check completion in 管理', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: admin }) })
    render(<AdminPage />)
    fireEvent.click(within(await waitFor(() => byId('admin-anomalies'))).getByText('异常报告'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/anomalies/index?scope=handling' })
    fireEvent.click(within(byId('admin-security-settings')).getByText('安全设置'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/security-settings/index' })
    fireEvent.click(within(byId('admin-self-checks')).getByText('安全自查完成情况'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/self-checks/index' })
  })

  it('gives everyone the policy and their notices in 我的', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: employee, policyToAcknowledge: null }) })
    render(<MePage />)
    fireEvent.click(within(await waitFor(() => byId('me-policy'))).getByText('管理制度'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/read/index' })
    fireEvent.click(within(byId('me-notices')).getByText('我的通知'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notice/inbox/index' })
  })

  it('gives admins policy versions, acknowledgement progress, notices and working time in 管理', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: admin, policyToAcknowledge: null }) })
    render(<AdminPage />)
    const expected: Array<[string, string]> = [
      ['admin-policy-versions', '/packages/policy/versions/index'],
      ['admin-policy-progress', '/packages/policy/progress/index'],
      ['admin-notice-compose', '/packages/notice/compose/index'],
      ['admin-notices-sent', '/packages/notice/sent/index'],
      ['admin-working-time', '/packages/admin/working-time/index'],
    ]
    await waitFor(() => byId('admin-policy-versions'))
    for (const [id, url] of expected) {
      fireEvent.click(byId(id).firstElementChild as HTMLElement)
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url })
    }
  })
})

describe('exporting my data from 我的', () => {
  it('exports the signed-in person’s data as a JSON file', async () => {
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    const calls = installBackend({
      'session.whoami': () => ok({ status: 'bound', person: employee }),
      'me.exportData': () => ok({ fileName: '我的数据-2026-11-27.json', generatedAt: '2026-11-27T02:00:00.000Z', counts: { violations: 2, selfChecks: 1 }, document: { profile: { name: employee.name } } }),
    })
    render(<MePage />)
    fireEvent.click(await waitFor(() => byId('me-export-button')))
    await waitFor(() => expect(byId('me-export-done').textContent).toBe('已生成 我的数据-2026-11-27.json（含 3 条记录）'))
    expect(calls.callsTo('me.exportData')[0].payload).toEqual({})
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement
    expect(link.download).toBe('我的数据-2026-11-27.json')
    expect(JSON.parse(decodeURIComponent(link.href.split(',')[1]))).toEqual({ profile: { name: employee.name } })
    click.mockRestore()
  })

  it('says why when the export is refused', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: employee }), 'me.exportData': () => fail('INTERNAL', '系统繁忙，请稍后再试') })
    render(<MePage />)
    fireEvent.click(await waitFor(() => byId('me-export-button')))
    await waitFor(() => expect(byId('me-export-error').textContent).toContain('系统繁忙'))
  })
})
