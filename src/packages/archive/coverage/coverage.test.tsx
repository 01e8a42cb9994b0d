import { fireEvent, render, waitFor, within } from '@testing-library/react'
import ArchiveCoveragePage from './index'
import { shanghaiMonth } from '@/services/accounts'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { archiveCoverage, confirmationRow, departmentCoverage } from '../../../../test/doubles/archives'
import { pageOf } from '../../../../test/doubles/notices'
import { byId, errorText, renderPagesAsH5, shown, type } from '../../../../test/doubles/screen'

const rows = [
  confirmationRow(),
  confirmationRow({ personId: 'p-qian', personName: '钱七', dormant: true, lastBackedUpOn: null }),
  confirmationRow({ personId: 'p-sun', personName: '孙八', confirmed: true, complete: false, confirmedAt: '2026-03-26T02:00:00.000Z', onTime: false }),
]

const company = archiveCoverage({
  departments: [departmentCoverage(), departmentCoverage({ departmentId: 'd-service', departmentName: '客服部', staffCount: 5, confirmedCount: 5, incompleteCount: 0, recordsAdded: 3, dormantCount: 0 })],
})

function backend(person = head, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person, policyToAcknowledge: null }),
    'archive.coverage': ({ month }) => ok(archiveCoverage(month ? { month } : {})),
    'archive.listConfirmations': ({ status }) => ok({ ...pageOf(rows.filter((r) => (status === 'unconfirmed' ? !r.confirmed : status === 'dormant' ? r.dormant : r.confirmed))), month: '2026-03' }),
    ...handlers,
  })
}

renderPagesAsH5()

describe('archive coverage', () => {
  it('sums up a head’s department and lists who has not confirmed', async () => {
    const calls = backend()
    render(<ArchiveCoveragePage />)
    await waitFor(() => byId('coverage-summary'))
    expect(shown('archive-coverage')).toBe(true)
    expect(byId('coverage-summary').textContent).toContain('销售部')
    expect(byId('coverage-confirmed').textContent).toBe('6/9已确认 / 在职人数')
    expect(byId('coverage-incomplete').textContent).toContain('1')
    expect(byId('coverage-added').textContent).toContain('14')
    expect(byId('coverage-dormant').textContent).toContain('2')
    expect(byId('coverage-due').textContent).toBe('截止日期 2026-03-25 · 近3个月指 2026-01-01 起')
    expect(shown('coverage-departments')).toBe(false)
    expect(shown('archive-due-day')).toBe(false)
    expect(calls.callsTo('archive.coverage')[0]?.payload).toEqual({})

    await waitFor(() => byId('coverage-people'))
    expect(calls.callsTo('archive.listConfirmations')[0]?.payload).toEqual({ page: 1, pageSize: 20, month: shanghaiMonth(), status: 'unconfirmed' })
    expect(within(byId('coverage-person-p-zhao')).getByText('未确认')).toBeTruthy()
    expect(byId('coverage-person-p-zhao').textContent).toContain('最近备份 2026-02-10')
    expect(byId('coverage-person-p-qian').textContent).toContain('从未登记备份')
    expect(shown('coverage-person-p-sun')).toBe(false)

    fireEvent.click(byId('coverage-filter-incomplete'))
    await waitFor(() => byId('coverage-person-p-sun'))
    expect(byId('coverage-person-p-sun').textContent).toContain('（逾期）')
    expect(within(byId('coverage-person-p-sun')).getByText('有未完成事项')).toBeTruthy()
  })

  it('goes back a month and not past this one', async () => {
    const calls = backend()
    render(<ArchiveCoveragePage />)
    await waitFor(() => byId('coverage-summary'))
    const current = shanghaiMonth()
    expect(byId('coverage-month').textContent).toBe(current)
    fireEvent.click(byId('coverage-month-next'))
    expect(byId('coverage-month').textContent).toBe(current)

    fireEvent.click(byId('coverage-month-prev'))
    await waitFor(() => expect(calls.callsTo('archive.coverage')).toHaveLength(2))
    const previous = calls.callsTo('archive.coverage')[1]?.payload as { month: string }
    expect(previous.month < current).toBe(true)
    expect(byId('coverage-month').textContent).toBe(previous.month)
    await waitFor(() => expect(calls.callsTo('archive.listConfirmations').at(-1)?.payload).toMatchObject({ month: previous.month }))
  })

  it('lets an admin drill into a department and set the due day', async () => {
    const calls = backend(admin, {
      'archive.coverage': () => ok(company),
      'archive.updateSettings': (settings) => ok(settings),
    })
    render(<ArchiveCoveragePage />)
    await waitFor(() => byId('coverage-departments'))
    expect(byId('coverage-confirmed').textContent).toContain('11/14')
    expect(byId('coverage-dept-d-sales').textContent).toContain('已确认 6/9')
    expect(byId('coverage-dept-d-sales').textContent).toContain('近3个月无备份 2')

    fireEvent.click(byId('coverage-dept-d-service'))
    await waitFor(() => expect(calls.callsTo('archive.listConfirmations').at(-1)?.payload).toMatchObject({ departmentId: 'd-service' }))
    expect(byId('coverage-drill').textContent).toContain('客服部')
    fireEvent.click(byId('coverage-drill-clear'))
    await waitFor(() => expect(calls.callsTo('archive.listConfirmations').at(-1)?.payload).not.toHaveProperty('departmentId'))

    type('archive-due-day', '30')
    expect(errorText('archive-due-day')).toBe('须在1-28日之间')
    fireEvent.click(byId('archive-due-day-save'))
    expect(calls.callsTo('archive.updateSettings')).toHaveLength(0)
    type('archive-due-day', '20')
    expect(errorText('archive-due-day')).toBeNull()
    fireEvent.click(byId('archive-due-day-save'))
    await waitFor(() => expect(calls.callsTo('archive.updateSettings')).toHaveLength(1))
    expect(calls.callsTo('archive.updateSettings')[0]?.payload).toEqual({ confirmDueDay: 20 })
    await waitFor(() => expect(calls.callsTo('archive.coverage')).toHaveLength(2))
  })

  it('is not for employees', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: employee, policyToAcknowledge: null }) })
    render(<ArchiveCoveragePage />)
    await waitFor(() => byId('forbidden-screen'))
  })
})
