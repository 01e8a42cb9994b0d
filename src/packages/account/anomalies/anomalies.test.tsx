import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AnomalySummary, PersonSummary } from '@contract'
import AnomaliesPage from './index'
import { installBackend, ok } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { anomalySummary } from '../../../../test/doubles/records'
import { byId, routeTo, shown, renderPagesAsH5 } from '../../../../test/doubles/screen'

function backend(viewer: PersonSummary, items: AnomalySummary[], scope?: string, params: Record<string, string> = {}) {
  routeTo(Taro.useRouter, '/packages/account/anomalies/index', { ...(scope ? { scope } : {}), ...params })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer }),
    'roster.listDepartments': () => ok({ items: [{ id: 'd-east', name: '华东销售部', headId: null, headName: null, staffCount: 3 }] }),
    'anomaly.list': ({ page, pageSize, status }) => {
      const matches = status ? items.filter((a) => a.status === status || (status === 'unresolved' && a.status !== 'resolved')) : items
      return ok({ items: matches.slice((page - 1) * pageSize, page * pageSize), total: matches.length, page, pageSize })
    },
  })
}

renderPagesAsH5()

describe('anomaly lists', () => {
  it('shows an employee the reports they made, page by page, each opening its detail', async () => {
    const items = Array.from({ length: 23 }, (_, i) => anomalySummary({ id: `an-${i + 1}` }))
    const calls = backend(employee, items, 'handling')
    render(<AnomaliesPage />)
    const row = within(await waitFor(() => byId('anomaly-an-1')))
    expect(row.getByText('账号被盗用')).toBeTruthy()
    expect(row.getByText('待处理')).toBeTruthy()
    expect(row.getByText('账号 zhangsan_sales')).toBeTruthy()
    // Employees handle nothing: whatever the link said, they see their own.
    expect(calls.callsTo('anomaly.list')[0]?.payload).toEqual({ scope: 'mine', page: 1, pageSize: 20 })
    expect(shown('anomalies-scope')).toBe(false)
    expect(shown('anomaly-an-21')).toBe(false)
    fireEvent.click(byId('anomalies-more'))
    await waitFor(() => byId('anomaly-an-23'))

    fireEvent.click(row.getByText('账号被盗用'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/anomaly/index?id=an-1' })
    fireEvent.click(byId('anomalies-report'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/anomaly-report/index' })
  })

  it('gives heads their department’s reports to handle, filtered by status', async () => {
    const calls = backend(head, [anomalySummary(), anomalySummary({ id: 'an-2', status: 'resolved', reporterName: '王五' })], 'handling')
    render(<AnomaliesPage />)
    await waitFor(() => byId('anomaly-an-2'))
    expect(calls.callsTo('anomaly.list')[0]?.payload).toEqual({ scope: 'handling', page: 1, pageSize: 20 })
    expect(byId('anomaly-an-2').textContent).toContain('王五 · 销售部')
    expect(byId('anomalies-scope-handling').textContent).toBe('本部门')

    fireEvent.click(byId('anomalies-filter-open'))
    await waitFor(() => expect(shown('anomaly-an-2')).toBe(false))
    expect(calls.callsTo('anomaly.list').at(-1)?.payload).toEqual({ scope: 'handling', page: 1, pageSize: 20, status: 'open' })

    fireEvent.click(byId('anomalies-filter-acknowledged'))
    await waitFor(() => byId('anomalies-empty'))
    expect(byId('anomalies-empty').textContent).toContain('没有处理中的报告')

    fireEvent.click(byId('anomalies-scope-mine'))
    await waitFor(() => expect(calls.callsTo('anomaly.list').at(-1)?.payload).toMatchObject({ scope: 'mine' }))
  })

  it('calls the admin’s scope the whole company', async () => {
    backend(admin, [])
    render(<AnomaliesPage />)
    await waitFor(() => byId('anomalies-empty'))
    expect(byId('anomalies-scope-handling').textContent).toBe('全公司')
    expect(byId('anomalies-empty').textContent).toContain('暂无异常报告')
  })

  it('opens on the type, status and department it was opened with, each shown and cleared by a tap', async () => {
    const calls = backend(admin, [anomalySummary()], 'handling', { type: 'stolen', status: 'unresolved', departmentId: 'd-east' })
    render(<AnomaliesPage />)
    await waitFor(() => byId('anomalies-list'))
    expect(calls.callsTo('anomaly.list')[0]?.payload).toEqual({ scope: 'handling', page: 1, pageSize: 20, status: 'unresolved', type: 'stolen', departmentId: 'd-east' })
    expect(byId('anomalies-filter-unresolved').className).toContain('active')
    expect(byId('anomalies-active-type').textContent).toBe('类型：账号被盗用 ×')
    await waitFor(() => expect(byId('anomalies-active-department').textContent).toBe('部门：华东销售部 ×'))
    fireEvent.click(byId('anomalies-active-type'))
    await waitFor(() => expect(calls.callsTo('anomaly.list').at(-1)?.payload).toEqual({ scope: 'handling', page: 1, pageSize: 20, status: 'unresolved', departmentId: 'd-east' }))
    fireEvent.click(byId('anomalies-active-department'))
    await waitFor(() => expect(calls.callsTo('anomaly.list').at(-1)?.payload).toEqual({ scope: 'handling', page: 1, pageSize: 20, status: 'unresolved' }))
    expect(shown('anomalies-active')).toBe(false)
  })

  it('keeps a head on their own department whatever the link says', async () => {
    const calls = backend(head, [anomalySummary()], 'handling', { type: 'fraud', departmentId: 'd-other' })
    render(<AnomaliesPage />)
    await waitFor(() => byId('anomalies-list'))
    expect(calls.callsTo('anomaly.list')[0]?.payload).toEqual({ scope: 'handling', page: 1, pageSize: 20, type: 'fraud' })
    expect(shown('anomalies-active-department')).toBe(false)
  })
})
