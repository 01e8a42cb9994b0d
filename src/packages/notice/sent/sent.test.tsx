import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import SentNoticesPage from './index'
import { installBackend, ok } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { notice, pageOf } from '../../../../test/doubles/notices'
import { byId, renderPagesAsH5, shown } from '../../../../test/doubles/screen'

const sent = [
  notice({ id: 'n-1' }),
  notice({ id: 'n-2', title: '全员完成安全自查', senderName: '王五', audienceLabel: '全体员工', recipientCount: 40, acknowledgedCount: 40, lateCount: 0, overdueCount: 0 }),
  notice({ id: 'n-3', title: '端午放假安排', requireAck: false, ackWithinWorkingMinutes: null, deadlineAt: null, acknowledgedCount: 0, lateCount: 0, overdueCount: 0 }),
]

function backend(viewer = head) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'notice.listSent': ({ page, pageSize }) => ok(pageOf(sent, sent.length, page, pageSize)),
  })
}

renderPagesAsH5()

describe('notices I sent', () => {
  it('shows how many acknowledged, and who is late, and opens the notice', async () => {
    const calls = backend()
    render(<SentNoticesPage />)
    await waitFor(() => byId('sent-notices-list'))
    expect(calls.callsTo('notice.listSent')[0]?.payload).toEqual({ page: 1, pageSize: 20 })
    const first = within(byId('sent-notice-n-1'))
    expect(first.getByText('已确认 3/5')).toBeTruthy()
    expect(first.getByText('逾期确认 1')).toBeTruthy()
    expect(first.getByText('已逾期 2')).toBeTruthy()
    expect(byId('sent-notice-n-1').textContent).toContain('发给销售部')
    const second = within(byId('sent-notice-n-2'))
    expect(second.getByText('已确认 40/40')).toBeTruthy()
    expect(second.queryByText(/逾期/)).toBeNull()
    expect(within(byId('sent-notice-n-3')).getByText('无需确认')).toBeTruthy()
    // A head's own notices need no sender name.
    expect(byId('sent-notice-n-2').textContent).not.toContain('王五')

    fireEvent.click(first.getByText('周五前更新客户资料'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notice/detail/index?id=n-1' })
    fireEvent.click(byId('sent-compose'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notice/compose/index' })
  })

  it('names the sender for admins, who see every notice', async () => {
    backend(admin)
    render(<SentNoticesPage />)
    await waitFor(() => byId('sent-notices-list'))
    expect(byId('sent-notice-n-2').textContent).toContain('王五')
  })

  it('keeps employees out', async () => {
    backend(employee)
    render(<SentNoticesPage />)
    await waitFor(() => byId('forbidden-screen'))
    expect(shown('sent-notices-list')).toBe(false)
  })
})
