import { fireEvent, render, waitFor } from '@testing-library/react'
import RetentionPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee } from '../../../../test/doubles/people'
import { byId, errorText, renderPagesAsH5, type } from '../../../../test/doubles/screen'

const lastRun = {
  at: '2026-11-27T19:00:00.000Z',
  periodMonths: 24,
  personIds: ['p-1', 'p-2'],
  remaining: 0,
  complete: true,
  deleted: { policy_acks: 2, notice_receipts: 5 },
  anonymized: { people: 2, violations: 1 },
}

function backend(viewer = admin, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'retention.getSettings': () => ok({ periodMonths: 24, isDefault: true, lastRun }),
    'retention.updateSettings': (input) => ok({ ...(input as { periodMonths: number }), isDefault: false, lastRun }),
    ...handlers,
  })
}

renderPagesAsH5()

describe('personal-data retention settings', () => {
  it('shows the period in force and what the last run did', async () => {
    backend()
    render(<RetentionPage />)
    await waitFor(() => byId('retention-last-run'))
    expect((byId('retention-period').querySelector('input') as HTMLInputElement).value).toBe('24')
    expect(byId('retention-last-run').textContent).toContain('2026-11-28 03:00，保留期 24 个月，处理 2 人')
    expect(byId('retention-last-deleted').textContent).toBe('删除：制度确认 2、通知回执 5')
    expect(byId('retention-last-anonymized').textContent).toBe('匿名化：花名册 2、违规记录 1')
  })

  it('says when the job has not run yet', async () => {
    backend(admin, { 'retention.getSettings': () => ok({ periodMonths: 24, isDefault: true, lastRun: null }) })
    render(<RetentionPage />)
    await waitFor(() => expect(byId('retention-last-run').textContent).toBe('尚未运行（每天北京时间03:00自动运行）'))
  })

  it('saves a new period, and checks it first', async () => {
    const calls = backend()
    render(<RetentionPage />)
    await waitFor(() => byId('retention-period'))
    type('retention-period', '12')
    fireEvent.click(byId('retention-save'))
    await waitFor(() => expect(errorText('retention-period')).toBe('保留期不能短于24个月'))
    expect(calls.callsTo('retention.updateSettings')).toHaveLength(0)
    type('retention-period', '36')
    fireEvent.click(byId('retention-save'))
    await waitFor(() => expect(calls.callsTo('retention.updateSettings')).toHaveLength(1))
    expect(calls.callsTo('retention.updateSettings')[0].payload).toEqual({ periodMonths: 36 })
  })

  it('shows a refusal from the server', async () => {
    backend(admin, { 'retention.updateSettings': () => fail('CONFLICT', '已被他人修改') })
    render(<RetentionPage />)
    await waitFor(() => byId('retention-period'))
    fireEvent.click(byId('retention-save'))
    await waitFor(() => expect(byId('retention-error').textContent).toContain('已被他人修改'))
  })

  it('is for admins only', async () => {
    const calls = backend(employee)
    render(<RetentionPage />)
    await waitFor(() => expect(calls.callsTo('session.whoami').length).toBeGreaterThan(0))
    expect(calls.callsTo('retention.getSettings')).toHaveLength(0)
  })
})
