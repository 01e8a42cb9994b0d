import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { checklistItems, errorMessages, type HandoverDetail, type PersonSummary } from '@contract'
import HandoverPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head, person } from '../../../../test/doubles/people'
import { completedHandover, handoverDetail } from '../../../../test/doubles/records'
import { byId, errorText, routeTo, shown, type, renderPagesAsH5 } from '../../../../test/doubles/screen'

const receiver = person({ id: 'p-zhao', name: '赵六' })

function open(viewer: PersonSummary, detail: HandoverDetail, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/account/handover/index', { id: detail.id })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer }),
    'handover.get': () => ok(detail),
    'roster.listPeople': ({ page, pageSize }) => ok({ items: [employee, receiver], total: 2, page, pageSize }),
    ...handlers,
  })
}

function ticked(detail: HandoverDetail, item: string, by: string): HandoverDetail {
  return {
    ...detail,
    done: detail.done + 1,
    checklist: detail.checklist.map((entry) =>
      entry.item === item ? { ...entry, doneAt: '2026-03-03T01:00:00.000Z', doneByName: by, canTick: false } : entry,
    ),
  }
}

const tickButtons = () => checklistItems.filter((item) => shown(`tick-${item}`))

renderPagesAsH5()

describe('handover detail', () => {
  it('shows holder, receiver, progress and who answers for each item', async () => {
    open(employee, ticked(handoverDetail(), 'customers_transferred', '张三'))
    render(<HandoverPage />)
    await waitFor(() => byId('handover-detail'))
    expect(byId('handover-status').textContent).toBe('交接中')
    expect(byId('handover-progress').textContent).toBe('1/5')
    expect(byId('handover-receiver').textContent).toContain('赵六')
    expect(byId('check-customers_transferred').textContent).toContain('负责：本人（张三）')
    expect(byId('check-customers_transferred').textContent).toContain('张三 于 2026-03-03 09:00 勾选')
    expect(byId('check-password_changed').textContent).toContain('负责：行政部')
    expect(byId('check-receipt_confirmed').textContent).toContain('负责：接收人（赵六）')
    expect(byId('handover-leaving-value').textContent).toBe('是')
  })

  it('offers a tick only on the items the caller may tick now', async () => {
    const detail = handoverDetail()
    detail.checklist = detail.checklist.map((entry) => ({ ...entry, canTick: entry.responsible === 'holder' }))
    open(employee, detail)
    render(<HandoverPage />)
    await waitFor(() => byId('handover-detail'))
    expect(tickButtons()).toEqual(['customers_transferred', 'personal_unbound', 'personal_info_cleared'])
    expect(shown('handover-close-transfer')).toBe(false)
    expect(shown('handover-cancel')).toBe(false)
  })

  it('ticks an item and shows who ticked it', async () => {
    const detail = handoverDetail()
    detail.checklist = detail.checklist.map((entry) => ({ ...entry, canTick: entry.item === 'receipt_confirmed' }))
    const calls = open(receiver, detail, { 'handover.tick': ({ item }) => ok(ticked(detail, item, '赵六')) })
    render(<HandoverPage />)
    await waitFor(() => byId('handover-detail'))
    fireEvent.click(byId('tick-receipt_confirmed'))
    await waitFor(() => expect(byId('handover-progress').textContent).toBe('1/5'))
    expect(calls.callsTo('handover.tick')[0]?.payload).toEqual({ id: 'ho-1', item: 'receipt_confirmed' })
    expect(byId('check-receipt_confirmed').textContent).toContain('赵六 于')
    expect(tickButtons()).toEqual([])
  })

  it('lets the head designate a receiver from the department, never the holder', async () => {
    const detail = handoverDetail({ status: 'designating', receiverId: null, receiverName: null, available: ['designate', 'cancel'] })
    const calls = open(head, detail, {
      'handover.designate': ({ receiverId }) => ok({ ...detail, status: 'in_progress', receiverId, receiverName: '赵六', available: ['cancel'] }),
    })
    render(<HandoverPage />)
    await waitFor(() => byId('designate-p-zhao'))
    expect(calls.callsTo('roster.listPeople')[0]?.payload).toMatchObject({ departmentId: 'd-sales', status: 'active' })
    expect(shown('designate-p-zhang')).toBe(false)

    fireEvent.click(byId('designate-confirm'))
    expect(byId('designate-error').textContent).toBe('请先选择接收人')
    fireEvent.click(within(byId('designate-p-zhao')).getByText('赵六'))
    // The list folds to the one chosen, with a way back to it.
    expect(byId('designate-chosen').textContent).toContain('赵六')
    fireEvent.click(byId('designate-change'))
    fireEvent.click(within(await waitFor(() => byId('designate-p-zhao'))).getByText('赵六'))
    expect(byId('designate-confirm').textContent).toContain('指定 赵六 为接收人')
    fireEvent.click(byId('designate-confirm'))
    await waitFor(() => expect(byId('handover-status').textContent).toBe('交接中'))
    expect(calls.callsTo('handover.designate')[0]?.payload).toEqual({ id: 'ho-1', receiverId: 'p-zhao' })
    expect(shown('designate-confirm')).toBe(false)
    expect(byId('handover-receiver').textContent).toContain('赵六')
  })

  it('keeps an admin from closing before every item is ticked', async () => {
    open(admin, ticked(handoverDetail({ available: ['close', 'cancel'] }), 'customers_transferred', '张三'))
    render(<HandoverPage />)
    await waitFor(() => byId('handover-detail'))
    expect(byId('handover-close-transfer').className).toContain('nut-button-disabled')
    expect(byId('handover-close-account').className).toContain('nut-button-disabled')
    expect(byId('handover-close-note').textContent).toContain('1/5')
    fireEvent.click(byId('handover-close-transfer'))
    fireEvent.click(byId('handover-close-account'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('transfers the account to the receiver once every item is ticked', async () => {
    const detail = completedHandover({ available: ['close', 'cancel'] })
    const calls = open(admin, detail, {
      'handover.close': ({ outcome }) => ok({ ...detail, status: 'closed', outcome, closedAt: '2026-03-04T02:00:00.000Z', available: [] }),
    })
    render(<HandoverPage />)
    await waitFor(() => byId('handover-detail'))
    expect(byId('handover-progress').textContent).toBe('5/5')
    expect(byId('handover-close-transfer').className).not.toContain('nut-button-disabled')
    fireEvent.click(byId('handover-close-transfer'))
    await waitFor(() => expect(byId('handover-status').textContent).toBe('已完成'))
    expect(calls.callsTo('handover.close')[0]?.payload).toEqual({ id: 'ho-1', outcome: 'transfer' })
    expect(byId('handover-outcome').textContent).toContain('账号已转交接收人')
    expect(shown('handover-close-transfer')).toBe(false)
  })

  it('closes the account for good only after the admin confirms', async () => {
    const detail = completedHandover({ available: ['close', 'cancel'] })
    const calls = open(admin, detail, {
      'handover.close': ({ outcome }) => ok({ ...detail, status: 'closed', outcome, closedAt: '2026-03-04T02:00:00.000Z', available: [] }),
    })
    render(<HandoverPage />)
    await waitFor(() => byId('handover-detail'))
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(byId('handover-close-account'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(calls.callsTo('handover.close')).toHaveLength(0)

    fireEvent.click(byId('handover-close-account'))
    await waitFor(() => expect(byId('handover-status').textContent).toBe('已完成'))
    expect(calls.callsTo('handover.close')[0]?.payload).toEqual({ id: 'ho-1', outcome: 'close' })
    expect(byId('handover-outcome').textContent).toContain('账号已注销')
  })

  it('cancels with a reason', async () => {
    const detail = handoverDetail({ available: ['cancel'] })
    const calls = open(head, detail, { 'handover.cancel': () => ok({ ...detail, status: 'cancelled', available: [] }) })
    render(<HandoverPage />)
    await waitFor(() => byId('handover-detail'))
    fireEvent.click(byId('handover-cancel'))
    fireEvent.click(byId('handover-cancel-confirm'))
    expect(errorText('handover-cancel-comment')).toBe('请填写取消原因')
    type('handover-cancel-comment', '员工留任')
    fireEvent.click(byId('handover-cancel-confirm'))
    await waitFor(() => expect(byId('handover-status').textContent).toBe('已取消'))
    expect(calls.callsTo('handover.cancel')[0]?.payload).toEqual({ id: 'ho-1', comment: '员工留任' })
  })

  it('says when an item is not the caller’s to tick', async () => {
    const detail = handoverDetail()
    detail.checklist = detail.checklist.map((entry) => ({ ...entry, canTick: entry.item === 'password_changed' }))
    open(admin, detail, { 'handover.tick': () => fail('NOT_RESPONSIBLE', errorMessages.NOT_RESPONSIBLE) })
    render(<HandoverPage />)
    await waitFor(() => byId('handover-detail'))
    fireEvent.click(byId('tick-password_changed'))
    await waitFor(() => expect(byId('handover-error').textContent).toBe(errorMessages.NOT_RESPONSIBLE))
  })
})
