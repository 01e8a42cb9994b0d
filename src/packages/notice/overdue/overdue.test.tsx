import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { OverdueReceiptRow, PersonSummary } from '@contract'
import OverdueReceiptsPage, { lateText } from './index'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

function overdueRow(overrides: Partial<OverdueReceiptRow> = {}): OverdueReceiptRow {
  return {
    noticeId: 'n-1',
    noticeTitle: '周会改期',
    personId: 'p-zhang',
    personName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    sentAt: '2026-11-20T01:00:00.000Z',
    deadlineAt: '2026-11-20T03:00:00.000Z',
    lateMinutes: 135,
    ...overrides,
  }
}

const rows = [overdueRow(), overdueRow({ noticeId: 'n-2', noticeTitle: '安全自查', personId: 'p-li', personName: '李四', lateMinutes: 2 * 1440 + 180 })]

function open(viewer: PersonSummary, params: Record<string, string> = {}, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/notice/overdue/index', params)
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'roster.listDepartments': () => ok({ items: [{ id: 'd-sales', name: '销售部', headId: null, headName: null, staffCount: 3 }] }),
    'notice.listOverdueReceipts': ({ page, pageSize }) => ok({ items: rows, total: rows.length, page, pageSize }),
    ...handlers,
  })
}

renderPagesAsH5()

describe('overdue notice receipts', () => {
  it('lists who is late on which notice, with the deadline and how late, for the month and department opened with', async () => {
    const calls = open(admin, { month: '2026-11', departmentId: 'd-sales' })
    render(<OverdueReceiptsPage />)
    await waitFor(() => byId('overdue-list'))
    expect(calls.callsTo('notice.listOverdueReceipts')[0]?.payload).toEqual({ month: '2026-11', page: 1, pageSize: 20, departmentId: 'd-sales' })
    expect(byId('overdue-title').textContent).toBe('2026年11月发出的通知中逾期未确认')
    expect(byId('overdue-total').textContent).toBe('共 2 人次')
    const first = byId('overdue-n-1-p-zhang').textContent
    expect(first).toContain('张三 · 销售部')
    expect(first).toContain('周会改期')
    expect(first).toContain('截止 2026-11-20 11:00')
    expect(first).toContain('逾期 2 小时 15 分')
    expect(byId('overdue-n-2-p-li').textContent).toContain('逾期 2 天 3 小时')
    fireEvent.click(byId('overdue-n-1-p-zhang'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notice/detail/index?id=n-1' })

    await waitFor(() => expect(byId('overdue-active-department').textContent).toBe('部门：销售部 ×'))
    fireEvent.click(byId('overdue-active-department'))
    await waitFor(() => expect(calls.callsTo('notice.listOverdueReceipts').at(-1)?.payload).toEqual({ month: '2026-11', page: 1, pageSize: 20 }))
    expect(shown('overdue-active')).toBe(false)
  })

  it('gives a head their own department, ignoring one asked for, and says when nobody is late', async () => {
    const calls = open(head, { month: '2026-10', departmentId: 'd-other' }, { 'notice.listOverdueReceipts': ({ page, pageSize }) => ok({ items: [], total: 0, page, pageSize }) })
    render(<OverdueReceiptsPage />)
    await waitFor(() => byId('overdue-empty'))
    expect(calls.callsTo('notice.listOverdueReceipts')[0]?.payload).toEqual({ month: '2026-10', page: 1, pageSize: 20 })
    expect(byId('overdue-empty').textContent).toContain('没有逾期未确认的人员')
    expect(shown('overdue-active')).toBe(false)
  })

  it('keeps employees out', async () => {
    open(employee)
    render(<OverdueReceiptsPage />)
    await waitFor(() => byId('forbidden-screen'))
  })

  it('says how late in minutes, hours or days', () => {
    expect(lateText(5)).toBe('逾期 5 分钟')
    expect(lateText(60)).toBe('逾期 1 小时')
    expect(lateText(1440)).toBe('逾期 1 天')
  })
})
