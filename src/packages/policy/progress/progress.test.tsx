import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonSummary } from '@contract'
import PolicyProgressPage from './index'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { ackProgress, ackStatusRow, policyVersion } from '../../../../test/doubles/policy'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

const rows = [
  ackStatusRow({ overdue: true, lastRemindedAt: '2026-03-09T01:00:00.000Z' }),
  ackStatusRow({ personId: 'p-zhao', personName: '赵六', acknowledgedAt: '2026-03-02T02:30:00.000Z', quizFailedAttempts: 2 }),
  ackStatusRow({ personId: 'p-sun', personName: '孙七' }),
]

function open(person: PersonSummary, handlers: Record<string, Handler> = {}, params: Record<string, string> = {}) {
  routeTo(Taro.useRouter, '/packages/policy/progress/index', params)
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person, policyToAcknowledge: null }),
    'policy.ackProgress': () => ok(ackProgress()),
    'policy.listAckStatus': () => ok({ items: rows, total: rows.length, page: 1, pageSize: 20 }),
    ...handlers,
  })
}

renderPagesAsH5()

describe('policy acknowledgement progress', () => {
  it('sums up the version in force and lists who has acknowledged', async () => {
    open(admin)
    render(<PolicyProgressPage />)
    await waitFor(() => byId('ack-person-p-zhang'))
    expect(byId('ack-summary').textContent).toContain('第2版')
    expect(byId('ack-rate').textContent).toBe('71.4%')
    expect(byId('ack-counts').textContent).toBe('已确认 10 / 应确认 14')
    expect(byId('ack-overdue').textContent).toBe('逾期 1 人')
    expect(byId('ack-due').textContent).toBe('截止 2026-03-08')
    expect(byId('ack-dept-d-sales').textContent).toContain('60%')
    expect(byId('ack-dept-d-sales').textContent).toContain('6/10 已确认 · 逾期 1')

    expect(byId('ack-person-p-zhang-status').textContent).toBe('已逾期')
    expect(byId('ack-person-p-zhang-reminded').textContent).toBe('上次提醒 2026-03-09 09:00')
    expect(byId('ack-person-p-zhao-status').textContent).toBe('已确认')
    expect(byId('ack-person-p-zhao').textContent).toContain('确认于 2026-03-02 10:30')
    expect(byId('ack-person-p-zhao-failed').textContent).toBe('测验答错 2 次')
    expect(byId('ack-person-p-sun-status').textContent).toBe('未确认')
  })

  it('filters the people by status and, for admins, by department', async () => {
    const backend = open(admin)
    render(<PolicyProgressPage />)
    await waitFor(() => byId('ack-person-p-zhang'))
    fireEvent.click(byId('ack-filter-overdue'))
    await waitFor(() => expect(backend.callsTo('policy.listAckStatus')).toHaveLength(2))
    fireEvent.click(byId('ack-dept-d-sales'))
    await waitFor(() => expect(backend.callsTo('policy.listAckStatus')).toHaveLength(3))
    expect(backend.callsTo('policy.listAckStatus').map((call) => call.payload)).toEqual([
      { page: 1, pageSize: 20, versionId: 'policy-v2', filter: 'all' },
      { page: 1, pageSize: 20, versionId: 'policy-v2', filter: 'overdue' },
      { page: 1, pageSize: 20, versionId: 'policy-v2', filter: 'overdue', departmentId: 'd-sales' },
    ])
    expect(byId('ack-dept-d-sales').className).toContain('active')
    expect(byId('ack-remind').textContent).toContain('提醒销售部未确认人员')
    fireEvent.click(byId('ack-dept-clear'))
    await waitFor(() => expect(backend.callsTo('policy.listAckStatus')).toHaveLength(4))
    expect(backend.callsTo('policy.listAckStatus')[3]?.payload).toEqual({ page: 1, pageSize: 20, versionId: 'policy-v2', filter: 'overdue' })
  })

  it('reminds everyone not yet acknowledged, says how many, and reloads', async () => {
    const backend = open(admin, { 'policy.remind': () => ok({ reminded: 3, skipped: 1 }) })
    render(<PolicyProgressPage />)
    await waitFor(() => byId('ack-person-p-zhang'))
    fireEvent.click(byId('ack-remind'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提醒 3 人，1 人今天已提醒过' })))
    expect(backend.callsTo('policy.remind')[0]?.payload).toEqual({ versionId: 'policy-v2' })
    await waitFor(() => expect(backend.callsTo('policy.ackProgress')).toHaveLength(2))
    await waitFor(() => expect(backend.callsTo('policy.listAckStatus')).toHaveLength(2))
  })

  it('reminds one department when it is chosen', async () => {
    const backend = open(admin, { 'policy.remind': () => ok({ reminded: 2, skipped: 0 }) })
    render(<PolicyProgressPage />)
    await waitFor(() => byId('ack-person-p-zhang'))
    fireEvent.click(byId('ack-dept-d-sales'))
    fireEvent.click(byId('ack-remind'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提醒 2 人' })))
    expect(backend.callsTo('policy.remind')[0]?.payload).toEqual({ versionId: 'policy-v2', departmentId: 'd-sales' })
  })

  it('shows heads their own department without the department table', async () => {
    open(head, { 'policy.ackProgress': () => ok(ackProgress({ departments: [ackProgress().departments[0]!], staffCount: 10, acknowledgedCount: 6, rate: 60 })) })
    render(<PolicyProgressPage />)
    await waitFor(() => byId('ack-person-p-zhang'))
    expect(byId('ack-summary').textContent).toContain('本部门')
    expect(shown('ack-departments')).toBe(false)
    expect(byId('ack-remind')).toBeTruthy()
  })

  it('has no one to remind once everyone has acknowledged', async () => {
    open(admin, { 'policy.ackProgress': () => ok(ackProgress({ acknowledgedCount: 14, overdueCount: 0, rate: 100 })) })
    render(<PolicyProgressPage />)
    await waitFor(() => byId('ack-person-p-zhang'))
    expect(byId('ack-remind').className).toContain('nut-button-disabled')
  })

  it('offers no reminder for a version no longer in force', async () => {
    open(admin, { 'policy.ackProgress': () => ok(ackProgress({ version: policyVersion({ id: 'policy-v1', number: 1, inForce: false }) })) })
    render(<PolicyProgressPage />)
    await waitFor(() => byId('ack-person-p-zhang'))
    expect(shown('ack-remind')).toBe(false)
  })

  it('keeps employees out', async () => {
    open(employee)
    render(<PolicyProgressPage />)
    await waitFor(() => byId('forbidden-screen'))
  })

  it('opens on the department and filter it was opened with', async () => {
    const backend = open(admin, {}, { versionId: 'policy-v2', departmentId: 'd-sales', filter: 'pending' })
    render(<PolicyProgressPage />)
    await waitFor(() => byId('ack-person-p-zhang'))
    expect(backend.callsTo('policy.listAckStatus').map((call) => call.payload)).toEqual([{ page: 1, pageSize: 20, versionId: 'policy-v2', filter: 'pending', departmentId: 'd-sales' }])
    expect(byId('ack-dept-d-sales').className).toContain('active')
    expect(byId('ack-filter-pending').className).toContain('active')
    fireEvent.click(byId('ack-dept-clear'))
    await waitFor(() => expect(backend.callsTo('policy.listAckStatus').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, versionId: 'policy-v2', filter: 'pending' }))
  })

  it('ignores a department for heads, whose list is their own already', async () => {
    const backend = open(head, {}, { departmentId: 'd-admin', filter: 'overdue' })
    render(<PolicyProgressPage />)
    await waitFor(() => byId('ack-person-p-zhang'))
    expect(backend.callsTo('policy.listAckStatus')[0]?.payload).toEqual({ page: 1, pageSize: 20, versionId: 'policy-v2', filter: 'overdue' })
  })
})
