import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ApplicationSummary, PersonSummary } from '@contract'
import ApplicationsPage from './index'
import { installBackend, ok } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { byId, routeTo, shown, renderPagesAsH5 } from '../../../../test/doubles/screen'

function summary(overrides: Partial<ApplicationSummary> = {}): ApplicationSummary {
  return {
    id: 'app-1',
    applicantId: 'p-zhang',
    applicantName: '张三',
    departmentId: 'd-east',
    departmentName: '华东销售部',
    status: 'pending_head',
    purpose: '维护华东区重点客户群',
    submittedAt: '2026-11-26T02:30:00.000Z',
    updatedAt: '2026-11-26T02:30:00.000Z',
    ...overrides,
  }
}

const items = [summary(), summary({ id: 'app-2', applicantName: '李四', status: 'pending_admin' })]

function backend(viewer: PersonSummary, params: Record<string, string> = {}) {
  routeTo(Taro.useRouter, '/packages/account/applications/index', params)
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer }),
    'roster.listDepartments': () => ok({ items: [{ id: 'd-east', name: '华东销售部', headId: null, headName: null, staffCount: 3 }] }),
    'account.listApplications': ({ page, pageSize, status }) => {
      const matches = status && status !== 'open' ? [] : items
      return ok({ items: matches, total: matches.length, page, pageSize })
    },
  })
}

const payloads = (calls: ReturnType<typeof backend>) => calls.callsTo('account.listApplications').map((c) => c.payload)

renderPagesAsH5()

describe('applications of a department', () => {
  it('opens on those still waiting, longest first, each opening the application', async () => {
    const calls = backend(admin)
    render(<ApplicationsPage />)
    await waitFor(() => byId('applications-list'))
    expect(payloads(calls)).toEqual([{ scope: 'department', page: 1, pageSize: 20, status: 'open' }])
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '全公司账号申请' })
    expect(byId('applications-total').textContent).toBe('共 2 份申请')
    expect(byId('application-app-1').textContent).toContain('张三 · 华东销售部')
    expect(byId('application-app-1').textContent).toContain('待负责人审批')
    expect(byId('application-app-1').textContent).toContain('提交于 2026-11-26 10:30')
    fireEvent.click(byId('application-app-2'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/application/index?id=app-2' })

    fireEvent.click(byId('applications-status-rejected'))
    await waitFor(() => byId('applications-empty'))
    expect(payloads(calls).at(-1)).toEqual({ scope: 'department', page: 1, pageSize: 20, status: 'rejected' })
    expect(byId('applications-empty').textContent).toContain('没有符合条件的申请')
  })

  it('opens an admin on the department it was opened with, shown and cleared by a tap', async () => {
    const calls = backend(admin, { status: 'open', departmentId: 'd-east' })
    render(<ApplicationsPage />)
    await waitFor(() => byId('applications-list'))
    expect(payloads(calls)).toEqual([{ scope: 'department', page: 1, pageSize: 20, status: 'open', departmentId: 'd-east' }])
    await waitFor(() => expect(byId('applications-active-department').textContent).toBe('部门：华东销售部 ×'))
    fireEvent.click(byId('applications-active-department'))
    await waitFor(() => expect(payloads(calls).at(-1)).toEqual({ scope: 'department', page: 1, pageSize: 20, status: 'open' }))
    expect(shown('applications-active')).toBe(false)
  })

  it('keeps a head on their own department', async () => {
    const calls = backend(head, { departmentId: 'd-other' })
    render(<ApplicationsPage />)
    await waitFor(() => byId('applications-list'))
    expect(payloads(calls)).toEqual([{ scope: 'department', page: 1, pageSize: 20, status: 'open' }])
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '本部门账号申请' })
    expect(shown('applications-active')).toBe(false)
  })

  it('keeps employees out', async () => {
    backend(employee)
    render(<ApplicationsPage />)
    await waitFor(() => byId('forbidden-screen'))
  })
})
