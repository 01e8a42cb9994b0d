import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import NoticeDetailPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { notice, noticeDetail, pageOf, receipt, receiptRow } from '../../../../test/doubles/notices'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

const ACKED_AT = '2026-03-02T02:30:00.000Z'

function backend(viewer = employee, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'notice.get': () => ok(noticeDetail()),
    ...handlers,
  })
}

renderPagesAsH5()

beforeEach(() => {
  routeTo(Taro.useRouter, '/packages/notice/detail/index', { id: 'n-1' })
})

describe('a notice as its recipient sees it', () => {
  beforeEach(() => {
    // Monday 2026-03-02, 10:10 in Shanghai: ten minutes after it was sent, well within the deadline.
    jest.useFakeTimers({
      now: new Date('2026-03-02T02:10:00.000Z'),
      doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
    })
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  it('shows who sent what, keeps the line breaks, and acknowledges it', async () => {
    const calls = backend(employee, {
      'notice.acknowledge': () => ok(receipt({ acknowledgedAt: ACKED_AT, workingMinutes: 30, onTime: true })),
    })
    render(<NoticeDetailPage />)
    await waitFor(() => byId('notice-detail'))
    expect(calls.callsTo('notice.get')[0]?.payload).toEqual({ noticeId: 'n-1' })
    expect(byId('notice-detail-title').textContent).toBe('周五前更新客户资料')
    expect(byId('notice-detail-sender').textContent).toBe('李四 · 发给销售部')
    expect(byId('notice-detail-sent-at').textContent).toBe('发送于 2026-03-02 10:00')
    expect(byId('notice-detail-body').textContent).toBe('请各位在周五前完成客户资料更新。\n逾期未更新的请说明原因。')
    expect(byId('notice-detail-state').textContent).toBe('待确认')
    expect(byId('notice-deadline').textContent).toBe('请在 今天 12:00 前确认（2小时工作时间内）')
    expect(shown('notice-receipts')).toBe(false)

    fireEvent.click(byId('notice-acknowledge'))
    await waitFor(() => byId('notice-receipt'))
    expect(calls.callsTo('notice.acknowledge')[0]?.payload).toEqual({ noticeId: 'n-1' })
    expect(byId('notice-receipt').textContent).toContain('已于 2026-03-02 10:30 确认 · 用时 30分钟（工作时间）')
    expect(byId('notice-receipt-tag').textContent).toBe('按时')
    expect(byId('notice-detail-state').textContent).toBe('按时确认')
    expect(shown('notice-acknowledge')).toBe(false)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已确认' }))
  })

  it('says plainly when the deadline has passed, and marks a late acknowledgement 逾期', async () => {
    backend(employee, {
      'notice.get': () => ok(noticeDetail({ receipt: receipt({ overdue: true }) })),
      'notice.acknowledge': () => ok(receipt({ acknowledgedAt: '2026-03-02T07:00:00.000Z', workingMinutes: 150, onTime: false })),
    })
    render(<NoticeDetailPage />)
    await waitFor(() => byId('notice-deadline'))
    expect(byId('notice-deadline').textContent).toBe('确认时限 2026-03-02 12:00 已过，请尽快确认')
    expect(byId('notice-detail-state').textContent).toBe('已逾期')

    fireEvent.click(byId('notice-acknowledge'))
    await waitFor(() => byId('notice-receipt'))
    expect(byId('notice-receipt').textContent).toContain('用时 2小时30分（工作时间）')
    expect(byId('notice-receipt-tag').textContent).toBe('逾期')
  })

  it('keeps the button when acknowledging fails, and says why', async () => {
    backend(employee, { 'notice.acknowledge': () => fail('INTERNAL', errorMessages.INTERNAL) })
    render(<NoticeDetailPage />)
    fireEvent.click(await waitFor(() => byId('notice-acknowledge')))
    await waitFor(() => expect(byId('notice-acknowledge-error').textContent).toBe(errorMessages.INTERNAL))
    expect(shown('notice-receipt')).toBe(false)
  })

  it('asks nothing of a notice that needs no acknowledgement', async () => {
    backend(employee, {
      'notice.get': () =>
        ok(noticeDetail({ notice: notice({ requireAck: false, ackWithinWorkingMinutes: null, deadlineAt: null }), receipt: receipt({ requireAck: false, deadlineAt: null }) })),
    })
    render(<NoticeDetailPage />)
    await waitFor(() => byId('notice-no-ack'))
    expect(shown('notice-acknowledge')).toBe(false)
    expect(byId('notice-detail-state').textContent).toBe('无需确认')
  })
})

describe('a notice as its sender sees it', () => {
  const rows = [
    receiptRow(),
    receiptRow({ personId: 'p-zhao', personName: '赵六', acknowledgedAt: '2026-03-02T06:00:00.000Z', workingMinutes: 150, onTime: false }),
    receiptRow({ personId: 'p-qian', personName: '钱七', acknowledgedAt: null, workingMinutes: null, onTime: null, overdue: true }),
  ]

  function sender(handlers: Record<string, Handler> = {}) {
    return backend(head, {
      'notice.get': () => ok(noticeDetail({ receipt: null, canSeeReceipts: true })),
      'notice.listReceipts': ({ filter }) => ok(pageOf(filter === 'overdue' ? rows.slice(2) : rows)),
      ...handlers,
    })
  }

  it('counts acknowledgements and lists who took how long', async () => {
    const calls = sender()
    render(<NoticeDetailPage />)
    await waitFor(() => byId('receipts-list'))
    expect(byId('notice-stats').textContent).toBe('接收 5 · 已确认 3 · 逾期确认 1 · 未确认 2 · 已逾期 2')
    expect(calls.callsTo('notice.listReceipts')[0]?.payload).toEqual({ noticeId: 'n-1', filter: 'all', page: 1, pageSize: 20 })
    expect(shown('notice-acknowledge')).toBe(false)

    const onTime = byId('receipt-p-zhang')
    expect(onTime.textContent).toContain('张三')
    expect(onTime.textContent).toContain('销售部')
    expect(onTime.textContent).toContain('确认于 2026-03-02 11:05')
    expect(onTime.textContent).toContain('用时 1小时5分')
    expect(within(onTime).getByText('按时')).toBeTruthy()
    expect(within(byId('receipt-p-zhao')).getByText('逾期确认')).toBeTruthy()
    expect(within(byId('receipt-p-zhao')).getByText('用时 2小时30分')).toBeTruthy()
    expect(within(byId('receipt-p-qian')).getByText('已逾期')).toBeTruthy()
    expect(byId('receipt-p-qian').textContent).not.toContain('确认于')
  })

  it('narrows the list by the filter chips', async () => {
    const calls = sender()
    render(<NoticeDetailPage />)
    await waitFor(() => byId('receipt-p-zhang'))
    expect(byId('receipt-filter').textContent).toBe('全部按时逾期确认未确认已逾期')
    fireEvent.click(byId('receipt-filter-overdue'))
    await waitFor(() => byId('receipt-p-qian'))
    expect(shown('receipt-p-zhang')).toBe(false)
    expect(calls.callsTo('notice.listReceipts').at(-1)?.payload).toMatchObject({ filter: 'overdue', page: 1 })

    fireEvent.click(byId('receipt-filter-pending'))
    await waitFor(() => expect(calls.callsTo('notice.listReceipts').at(-1)?.payload).toMatchObject({ filter: 'pending' }))
  })

  it('shows an admin who is also a recipient both their own receipt and everyone’s', async () => {
    let mine = receipt()
    let acknowledged = 3
    const calls = backend(admin, {
      'notice.get': () => ok(noticeDetail({ notice: notice({ acknowledgedCount: acknowledged }), receipt: mine, canSeeReceipts: true })),
      'notice.listReceipts': () => ok(pageOf(rows)),
      'notice.acknowledge': () => {
        acknowledged += 1
        mine = receipt({ acknowledgedAt: ACKED_AT, workingMinutes: 30, onTime: true })
        return ok(mine)
      },
    })
    render(<NoticeDetailPage />)
    await waitFor(() => byId('receipts-list'))
    fireEvent.click(byId('notice-acknowledge'))
    await waitFor(() => expect(byId('notice-stats').textContent).toContain('已确认 4'))
    expect(byId('notice-receipt')).toBeTruthy()
    expect(calls.callsTo('notice.listReceipts').length).toBeGreaterThanOrEqual(2)
  })

  it('lists recipients without verdicts when no acknowledgement was asked', async () => {
    sender({ 'notice.get': () => ok(noticeDetail({ notice: notice({ requireAck: false, deadlineAt: null, ackWithinWorkingMinutes: null }), receipt: null, canSeeReceipts: true })) })
    render(<NoticeDetailPage />)
    await waitFor(() => byId('receipts-list'))
    expect(byId('notice-stats').textContent).toBe('接收 5 · 无需确认')
    expect(shown('receipt-filter')).toBe(false)
    expect(within(byId('receipt-p-zhang')).getByText('无需确认')).toBeTruthy()
  })
})

describe('when the notice cannot be shown', () => {
  it('says so when it is gone', async () => {
    backend(employee, { 'notice.get': () => fail('NOT_FOUND', errorMessages.NOT_FOUND) })
    render(<NoticeDetailPage />)
    await waitFor(() => expect(byId('notice-error').textContent).toContain(errorMessages.NOT_FOUND))
  })

  it('asks to open it again from a list when the link lacks its id', async () => {
    routeTo(Taro.useRouter, '/packages/notice/detail/index', {})
    backend(employee)
    render(<NoticeDetailPage />)
    await waitFor(() => expect(byId('notice-error').textContent).toContain('缺少通知编号'))
  })
})
