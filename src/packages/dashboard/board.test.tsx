import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Dashboard, DashboardDrill } from '@contract'
import DashboardPage from './index'
import { fail, installBackend, ok } from '../../../test/doubles/backend'
import { admin, employee, head } from '../../../test/doubles/people'
import { freezeClock } from '../../../test/doubles/assessment'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../test/doubles/screen'

// The page, not F2, is under test here: jsdom has no canvas, and the charts' text lists carry the figures.
jest.mock('./charts/scenes', () => {
  const scene = () => ({ element: null, pick: () => undefined })
  return { barScene: scene, pieScene: scene, lineScene: scene }
})

const drill = (page: string, query: Record<string, string> = {}): DashboardDrill => ({ page, query, exact: true })
const dept = (departmentId: string, departmentName: string) => ({ departmentId, departmentName })

function dashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    month: '2026-11',
    departmentId: null,
    departments: [
      { id: 'd-east', name: '华东销售部' },
      { id: 'd-service', name: '客户服务部' },
    ],
    asOf: '2026-11-27T02:00:00.000Z',
    accounts: {
      total: 12,
      byStatus: [
        { status: 'active', label: '使用中', count: 10, drill: drill('/packages/account/accounts/index', { status: 'active' }) },
        { status: 'suspended', label: '已停用', count: 2, drill: drill('/packages/account/accounts/index', { status: 'suspended' }) },
      ],
      byDepartment: [],
      drill: drill('/packages/account/accounts/index'),
    },
    approvals: {
      total: 3,
      oldestHours: 30,
      byKind: [
        { kind: 'application', label: '账号申请', count: 2, oldestHours: 30, medianHours: 20, drill: drill('/packages/account/applications/index', { status: 'open' }) },
        { kind: 'delegation', label: '代操作申请', count: 1, oldestHours: 2, medianHours: 2, drill: drill('/pages/approvals/index', { scope: 'pending' }) },
      ],
    },
    anomalies: {
      targetHours: { acknowledge: 2, resolve: 72 },
      open: 2,
      unacknowledged: 1,
      pastTarget: 1,
      byType: [{ type: 'stolen', label: '账号被盗', open: 2, pastTarget: 1, drill: drill('/packages/account/anomalies/index', { type: 'stolen' }) }],
      drill: drill('/packages/account/anomalies/index'),
    },
    policyAck: {
      version: { id: 'policy-v1', number: 1, title: '业务微信管理制度', dueOn: '2026-11-10' },
      required: 20,
      acknowledged: 17,
      rate: 85,
      departments: [
        { ...dept('d-east', '华东销售部'), required: 10, acknowledged: 9, rate: 90, drill: drill('/packages/policy/progress/index', { departmentId: 'd-east' }) },
        { ...dept('d-service', '客户服务部'), required: 10, acknowledged: 8, rate: 80, drill: drill('/packages/policy/progress/index', { departmentId: 'd-service' }) },
      ],
      drill: drill('/packages/policy/progress/index'),
    },
    noticesOverdue: { count: 0, departments: [], drill: drill('/packages/notice/overdue/index', { month: '2026-11' }) },
    spotChecks: {
      sampled: 4,
      scored: 3,
      departments: [{ ...dept('d-east', '华东销售部'), sampled: 4, scored: 3, drill: drill('/packages/supervision/spot-check-rounds/index', { roundMonth: '2026-11' }) }],
      drill: drill('/packages/supervision/spot-check-rounds/index'),
    },
    scores: {
      published: true,
      visible: true,
      count: 20,
      average: 84.5,
      byGrade: [{ grade: '良好', count: 20, drill: drill('/packages/assessment/team/index', { month: '2026-11', grade: '良好' }) }],
      byBand: [],
      drill: drill('/packages/assessment/team/index', { month: '2026-11' }),
    },
    trend: { months: [], departments: [], overall: [] },
    ...overrides,
  }
}

function backend(viewer = admin, answer = () => ok(dashboard())) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'dashboard.get': answer,
  })
}

renderPagesAsH5()

describe('the dashboard', () => {
  freezeClock()
  beforeEach(() => routeTo(Taro.useRouter, '/packages/dashboard/index', {}))

  it('shows an admin the figures of the current month for the whole company, then of one department or month', async () => {
    const calls = backend()
    render(<DashboardPage />)
    await waitFor(() => byId('dashboard-tiles'))
    expect(byId('tile-accounts-value').textContent).toBe('12')
    expect(byId('tile-approvals').textContent).toContain('最久 30 小时')
    expect(byId('tile-policy-value').textContent).toBe('85%')
    expect(byId('tile-score-value').textContent).toBe('84.5')
    expect(byId('approvals-waiting-application').textContent).toBe('账号申请：最久等待 30 小时，中位 20 小时')
    expect(byId('chart-policy-values').textContent).toContain('华东销售部')
    expect(shown('chart-notices-empty')).toBe(true)
    const requests = () => calls.callsTo('dashboard.get').map((c) => c.payload)
    expect(requests()).toEqual([{ month: '2026-11' }])

    fireEvent.click(byId('dashboard-department-d-east'))
    await waitFor(() => expect(requests()).toHaveLength(2))
    expect(requests()[1]).toEqual({ month: '2026-11', departmentId: 'd-east' })
    fireEvent.click(byId('dashboard-month-2026-09'))
    await waitFor(() => expect(requests()).toHaveLength(3))
    expect(requests()[2]).toEqual({ month: '2026-09', departmentId: 'd-east' })
  })

  it('opens the list behind a figure or a chart item, switching tabs for tab pages', async () => {
    backend()
    render(<DashboardPage />)
    await waitFor(() => byId('chart-policy-values'))
    fireEvent.click(byId('chart-policy-value-1'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/progress/index?departmentId=d-service' })
    fireEvent.click(byId('tile-anomalies'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/anomalies/index' })
    fireEvent.click(byId('chart-approvals-value-0'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/applications/index?status=open' })
    fireEvent.click(byId('chart-approvals-value-1'))
    expect(Taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/approvals/index' })
  })

  it('gives a head their department without a department filter', async () => {
    backend(head, () => ok(dashboard({ departmentId: 'd-east', departments: [{ id: 'd-east', name: '华东销售部' }] })))
    render(<DashboardPage />)
    await waitFor(() => byId('dashboard-tiles'))
    expect(shown('dashboard-department')).toBe(false)
  })

  it('says so when the figures cannot be loaded, and loads them again on retry', async () => {
    let attempts = 0
    backend(admin, () => (++attempts === 1 ? fail('INTERNAL', '服务暂时不可用') : ok(dashboard())))
    render(<DashboardPage />)
    await waitFor(() => byId('dashboard-error'))
    expect(byId('dashboard-error').textContent).toContain('服务暂时不可用')
    fireEvent.click(byId('dashboard-error').querySelector('.state-view__retry')!)
    await waitFor(() => byId('dashboard-tiles'))
  })

  it('is not open to employees', async () => {
    backend(employee)
    render(<DashboardPage />)
    await waitFor(() => byId('forbidden-screen'))
  })
})
