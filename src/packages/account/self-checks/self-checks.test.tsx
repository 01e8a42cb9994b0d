import { fireEvent, render, waitFor, within } from '@testing-library/react'
import SelfChecksPage from './index'
import SecuritySettingsPage from '../security-settings/index'
import { installBackend, ok } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { byId, errorText, shown, type, renderPagesAsH5 } from '../../../../test/doubles/screen'

const rows = [
  { personId: 'p-zhang', personName: '张三', departmentName: '销售部', done: true, passed: true, submittedAt: '2026-03-02T02:30:00.000Z' },
  { personId: 'p-zhao', personName: '赵六', departmentName: '销售部', done: false, passed: null, submittedAt: null },
]

renderPagesAsH5()

describe('self-check completion', () => {
  it('counts who has done this month’s check and filters done or not', async () => {
    const calls = installBackend({
      'session.whoami': () => ok({ status: 'bound', person: head }),
      'security.listSelfChecks': ({ page, pageSize, done }) => {
        const matches = done === undefined ? rows : rows.filter((r) => r.done === done)
        return ok({ items: matches, total: matches.length, page, pageSize, month: '2026-03', doneCount: 1, staffCount: 2 })
      },
    })
    render(<SelfChecksPage />)
    await waitFor(() => byId('self-check-p-zhao'))
    expect(byId('self-checks-count').textContent).toBe('已完成 1 / 应完成 2')
    expect(within(byId('self-check-p-zhang')).getByText('已完成 · 通过')).toBeTruthy()
    expect(within(byId('self-check-p-zhao')).getByText('未完成')).toBeTruthy()
    expect(byId('self-check-list')).toBeTruthy()

    fireEvent.click(byId('self-checks-filter-undone'))
    await waitFor(() => expect(shown('self-check-p-zhang')).toBe(false))
    expect(calls.callsTo('security.listSelfChecks').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, done: false })
  })

  it('is not for employees', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: employee }) })
    render(<SelfChecksPage />)
    await waitFor(() => byId('forbidden-screen'))
  })
})

describe('security settings', () => {
  it('checks the limits as they are typed and saves them', async () => {
    const calls = installBackend({
      'session.whoami': () => ok({ status: 'bound', person: admin }),
      'security.getSettings': () => ok({ passwordMaxAgeDays: 90, selfCheckDueDay: 10 }),
      'security.updateSettings': (settings) => ok(settings),
    })
    render(<SecuritySettingsPage />)
    await waitFor(() => byId('security-settings-form'))
    expect((byId('settings-password-days').querySelector('input') as HTMLInputElement).value).toBe('90')

    type('settings-password-days', '20')
    expect(errorText('settings-password-days')).toBe('不能少于30天')
    type('settings-due-day', '31')
    expect(errorText('settings-due-day')).toBe('须在1-28日之间')
    fireEvent.click(byId('settings-save'))
    expect(calls.callsTo('security.updateSettings')).toHaveLength(0)

    type('settings-password-days', '60')
    type('settings-due-day', '15')
    expect(errorText('settings-password-days')).toBeNull()
    fireEvent.click(byId('settings-save'))
    await waitFor(() => expect(calls.callsTo('security.updateSettings')).toHaveLength(1))
    expect(calls.callsTo('security.updateSettings')[0]?.payload).toEqual({ passwordMaxAgeDays: 60, selfCheckDueDay: 15 })
  })

  it('is for admins only', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: head }) })
    render(<SecuritySettingsPage />)
    await waitFor(() => byId('forbidden-screen'))
  })
})
