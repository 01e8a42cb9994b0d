import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MyApplicationsPage from './index'
import { installBackend, ok } from '../../../../test/doubles/backend'
import { employee } from '../../../../test/doubles/people'
import { applicationSummary } from '../../../../test/doubles/accounts'
import type { ApplicationSummary } from '@contract'
import { renderPagesAsH5 } from '../../../../test/doubles/screen'

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

function backend(items: ApplicationSummary[]) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: employee }),
    'account.listApplications': ({ page, pageSize }) =>
      ok({ items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize }),
  })
}

renderPagesAsH5()

describe('我的申请', () => {
  it('lists the caller’s applications page by page, each opening its detail', async () => {
    const items = Array.from({ length: 23 }, (_, i) =>
      applicationSummary({ id: `app-${i + 1}`, status: i === 0 ? 'rejected' : 'withdrawn', purpose: `用途${i + 1}` }),
    )
    const calls = backend(items)
    render(<MyApplicationsPage />)
    const row = within(await waitFor(() => byId('application-app-1')))
    expect(row.getByText('已驳回')).toBeTruthy()
    expect(row.getByText('提交于 2026-03-02 10:30')).toBeTruthy()
    expect(document.getElementById('application-app-21')).toBeNull()
    expect(calls.callsTo('account.listApplications')[0]?.payload).toEqual({ scope: 'mine', page: 1, pageSize: 20 })

    fireEvent.click(byId('my-applications-more'))
    await waitFor(() => byId('application-app-23'))

    fireEvent.click(row.getByText('用途1'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/application/index?id=app-1' })
    fireEvent.click(byId('mine-apply'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/apply/index' })
  })

  it('holds back a second application while one is open', async () => {
    backend([applicationSummary({ status: 'pending_admin' })])
    render(<MyApplicationsPage />)
    await waitFor(() => byId('application-app-1'))
    expect(byId('mine-apply-note').textContent).toContain('正在处理中')
    expect(byId('mine-apply').className).toContain('nut-button-disabled')
    fireEvent.click(byId('mine-apply'))
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('invites a first application when there is none', async () => {
    backend([])
    render(<MyApplicationsPage />)
    await waitFor(() => byId('my-applications-empty'))
    expect(byId('mine-apply').className).not.toContain('nut-button-disabled')
  })
})
