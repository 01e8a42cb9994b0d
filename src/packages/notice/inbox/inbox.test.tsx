import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import NoticeInboxPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee } from '../../../../test/doubles/people'
import { pageOf, receipt } from '../../../../test/doubles/notices'
import { byId, renderPagesAsH5, shown } from '../../../../test/doubles/screen'

const mine = [
  receipt({ noticeId: 'n-pending', title: '周五前更新客户资料' }),
  receipt({ noticeId: 'n-overdue', title: '清理过期群聊', overdue: true }),
  receipt({ noticeId: 'n-on-time', title: '季度培训安排', acknowledgedAt: '2026-03-02T02:30:00.000Z', workingMinutes: 30, onTime: true }),
  receipt({ noticeId: 'n-late', title: '更换头像', acknowledgedAt: '2026-03-02T08:00:00.000Z', workingMinutes: 240, onTime: false }),
  receipt({ noticeId: 'n-info', title: '端午放假安排', requireAck: false, deadlineAt: null }),
]
const waiting = mine.slice(0, 2)

function backend(listMine?: Handler) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: employee, policyToAcknowledge: null }),
    'notice.listMine': listMine ?? (({ pendingOnly }) => ok({ ...pageOf(pendingOnly ? waiting : mine), pendingCount: waiting.length })),
  })
}

renderPagesAsH5()

describe('my notices', () => {
  it('tags each notice with where I stand and opens it', async () => {
    const calls = backend()
    render(<NoticeInboxPage />)
    await waitFor(() => byId('notices-list'))
    expect(calls.callsTo('notice.listMine')[0]?.payload).toEqual({ page: 1, pageSize: 20, pendingOnly: false })
    const tag = (id: string) => within(byId(`notice-${id}`)).getByText(/待确认|已逾期|按时确认|逾期确认|无需确认/).textContent
    expect(tag('n-pending')).toBe('待确认')
    expect(tag('n-overdue')).toBe('已逾期')
    expect(tag('n-on-time')).toBe('按时确认')
    expect(tag('n-late')).toBe('逾期确认')
    expect(tag('n-info')).toBe('无需确认')
    expect(byId('notice-n-pending').textContent).toContain('请在 03-02 12:00 前确认')
    expect(byId('notice-n-overdue').textContent).toContain('已过，请尽快确认')
    expect(byId('notice-n-on-time').textContent).toContain('已于 03-02 10:30 确认')
    expect(byId('notices-filter-pending').textContent).toBe('待确认（2）')

    fireEvent.click(within(byId('notice-n-late')).getByText('更换头像'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notice/detail/index?id=n-late' })
  })

  it('shows only what waits for me under 待确认', async () => {
    const calls = backend()
    render(<NoticeInboxPage />)
    fireEvent.click(await waitFor(() => byId('notices-filter-pending')))
    await waitFor(() => expect(shown('notice-n-on-time')).toBe(false))
    await waitFor(() => byId('notice-n-pending'))
    expect(calls.callsTo('notice.listMine').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, pendingOnly: true })
  })

  it('says when nothing waits', async () => {
    backend(() => ok({ ...pageOf([]), pendingCount: 0 }))
    render(<NoticeInboxPage />)
    fireEvent.click(await waitFor(() => byId('notices-filter-pending')))
    await waitFor(() => expect(byId('notices-empty').textContent).toContain('没有待确认的通知'))
  })

  it('offers a retry when the list fails to load', async () => {
    backend(() => fail('INTERNAL', errorMessages.INTERNAL))
    render(<NoticeInboxPage />)
    await waitFor(() => expect(byId('notices-error').textContent).toContain(errorMessages.INTERNAL))
  })
})
