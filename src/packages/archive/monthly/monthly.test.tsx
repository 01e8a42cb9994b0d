import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ARCHIVE_NOTE_REQUIRED, errorMessages, monthlyComplete } from '@contract'
import ArchiveMonthlyPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee } from '../../../../test/doubles/people'
import { monthlyConfirmation, monthlyOverview } from '../../../../test/doubles/archives'
import { byId, errorText, renderPagesAsH5, shown, type } from '../../../../test/doubles/screen'

/** A backend that keeps the month's confirmation, as the real one does. */
function backend(handlers: Record<string, Handler> = {}) {
  let saved: unknown = null
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: employee, policyToAcknowledge: null }),
    'archive.getMonthly': () => ok(monthlyOverview({ confirmation: saved as never })),
    'archive.confirmMonthly': (answers) => {
      saved = monthlyConfirmation({ ...answers, note: answers.note ?? null, complete: monthlyComplete(answers) })
      return ok(saved)
    },
    ...handlers,
  })
}

const ticked = (id: string) => byId(id).getAttribute('aria-checked') === 'true'

renderPagesAsH5()

describe('monthly information confirmation', () => {
  it('shows the month, its due date, an overdue warning and what was registered', async () => {
    backend({ 'archive.getMonthly': () => ok(monthlyOverview({ overdue: true, recordsThisMonth: 3, lastBackedUpOn: '2026-03-18' })) })
    render(<ArchiveMonthlyPage />)
    await waitFor(() => byId('archive-monthly'))
    expect(byId('monthly-state').textContent).toBe('未确认')
    expect(byId('monthly-due').textContent).toBe('截止日期 2026-03-25（每月 25 日前确认）')
    expect(byId('monthly-overdue').textContent).toContain('已逾期')
    expect(byId('monthly-activity').textContent).toBe('本月登记备份 3 条 · 最近一次备份 2026-03-18')
    expect(['monthly-classified', 'monthly-cleaned', 'monthly-backed-up'].map(ticked)).toEqual([false, false, false])
    expect(byId('monthly-confirm').textContent).toContain('确认本月已完成')
  })

  it('confirms all three duties', async () => {
    const calls = backend()
    render(<ArchiveMonthlyPage />)
    await waitFor(() => byId('monthly-form'))
    fireEvent.click(byId('monthly-classified'))
    fireEvent.click(byId('monthly-cleaned'))
    fireEvent.click(byId('monthly-backed-up'))
    expect(['monthly-classified', 'monthly-cleaned', 'monthly-backed-up'].map(ticked)).toEqual([true, true, true])
    fireEvent.click(byId('monthly-confirm'))

    await waitFor(() => byId('monthly-result'))
    expect(byId('monthly-result').textContent).toContain('本月信息已整理、清理并备份')
    expect(byId('monthly-state').textContent).toBe('已确认')
    expect(shown('monthly-overdue')).toBe(false)
    expect(byId('monthly-confirm').textContent).toContain('更新本月确认')
    expect(calls.callsTo('archive.confirmMonthly')[0]?.payload).toEqual({ classified: true, cleaned: true, backedUp: true })
  })

  it('asks for a reason when a duty is left unticked', async () => {
    const calls = backend()
    render(<ArchiveMonthlyPage />)
    await waitFor(() => byId('monthly-form'))
    fireEvent.click(byId('monthly-classified'))
    fireEvent.click(byId('monthly-backed-up'))
    // A second tap takes a tick back.
    fireEvent.click(byId('monthly-backed-up'))
    expect(ticked('monthly-backed-up')).toBe(false)
    expect(errorText('monthly-note')).toBeNull()

    fireEvent.click(byId('monthly-confirm'))
    expect(errorText('monthly-note')).toBe(ARCHIVE_NOTE_REQUIRED)
    expect(calls.callsTo('archive.confirmMonthly')).toHaveLength(0)

    type('monthly-note', ' 本月出差，下周一完成清理和备份 ')
    expect(errorText('monthly-note')).toBeNull()
    fireEvent.click(byId('monthly-confirm'))
    await waitFor(() => byId('monthly-result'))
    expect(byId('monthly-result').textContent).toContain('尚未完成：清理无用信息、备份重要资料')
    expect(byId('monthly-result').textContent).toContain('备注：本月出差，下周一完成清理和备份')
    expect(byId('monthly-state').textContent).toBe('已确认 · 有未完成事项')
    expect(calls.callsTo('archive.confirmMonthly')[0]?.payload).toEqual({ classified: true, cleaned: false, backedUp: false, note: '本月出差，下周一完成清理和备份' })
  })

  it('opens a confirmation already made with its answers ticked', async () => {
    backend({ 'archive.getMonthly': () => ok(monthlyOverview({ confirmation: monthlyConfirmation({ cleaned: false, complete: false, note: '下周清理', onTime: false }) })) })
    render(<ArchiveMonthlyPage />)
    await waitFor(() => byId('monthly-result'))
    expect(['monthly-classified', 'monthly-cleaned', 'monthly-backed-up'].map(ticked)).toEqual([true, false, true])
    expect((byId('monthly-note').querySelector('textarea') as HTMLTextAreaElement).value).toBe('下周清理')
    expect(byId('monthly-status').textContent).toContain('（逾期）')
  })

  it('shows a refusal under the form', async () => {
    backend({ 'archive.confirmMonthly': () => fail('INTERNAL', errorMessages.INTERNAL) })
    render(<ArchiveMonthlyPage />)
    await waitFor(() => byId('monthly-form'))
    ;['monthly-classified', 'monthly-cleaned', 'monthly-backed-up'].forEach((id) => fireEvent.click(byId(id)))
    fireEvent.click(byId('monthly-confirm'))
    await waitFor(() => expect(byId('monthly-error').textContent).toBe(errorMessages.INTERNAL))
    expect(Taro.showToast).not.toHaveBeenCalledWith(expect.objectContaining({ title: '已确认' }))
  })

  it('leads to registering a backup', async () => {
    backend()
    render(<ArchiveMonthlyPage />)
    fireEvent.click(await waitFor(() => byId('monthly-add-record')))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/archive/edit/index' })
  })
})
