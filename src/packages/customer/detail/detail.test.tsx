import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import CustomerDetailPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee, head } from '../../../../test/doubles/people'
import { atCustomerNow, contactEntry, customerDetail, followUp } from '../../../../test/doubles/customers'
import { byId, errorText, pick, pickerOf, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

const taro = Taro as unknown as Record<string, jest.Mock>

/** 10:30 on the test's today in Shanghai. */
const CUSTOMER_DONE_AT = '2026-11-27T02:30:00.000Z'

function backend(viewer = employee, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'customer.get': () => ok(customerDetail()),
    ...handlers,
  })
}

renderPagesAsH5()

beforeEach(() => {
  atCustomerNow()
  routeTo(Taro.useRouter, '/packages/customer/detail/index', { id: 'cust-1' })
  taro.makePhoneCall = jest.fn(async () => ({ errMsg: 'makePhoneCall:ok' }))
})
afterEach(() => {
  jest.useRealTimers()
})

async function opened() {
  render(<CustomerDetailPage />)
  await waitFor(() => byId('customer-detail'))
}

describe('a customer file as its owner sees it', () => {
  it('shows the file under a watermark, the phone masked until asked, and the counts', async () => {
    const calls = backend()
    await opened()
    expect(calls.callsTo('customer.get')[0]?.payload).toEqual({ customerId: 'cust-1' })
    expect(byId('watermark').textContent).toContain('张三 0001 2026-11-27')
    expect(byId('customer-detail-name').textContent).toBe('周建国')
    expect(byId('customer-detail-company').textContent).toBe('杭州远望贸易有限公司')
    expect(byId('customer-detail-tags').textContent).toBe('重点客户华东')
    expect(byId('customer-detail-source').textContent).toBe('主动添加')
    expect(byId('customer-consent-at').textContent).toBe('已自我介绍并征得同意 · 2026-11-01 10:00')

    expect(byId('customer-phone').textContent).toBe('138****0001')
    fireEvent.click(byId('customer-phone-reveal'))
    expect(byId('customer-phone').textContent).toBe('13800000001')
    fireEvent.click(byId('customer-phone-call'))
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800000001' })

    expect(byId('customer-stat-contacts').textContent).toBe('1')
    expect(byId('customer-stat-late').textContent).toBe('1')
    expect(byId('customer-stat-satisfaction').textContent).toBe('2')
    expect(byId('customer-stat-complaints').textContent).toBe('1')
    expect(byId('customer-stat-complaints').className).toContain('customer__stat-value--bad')
  })

  it('lists open follow-ups with their state, and the timeline newest first with closed ones tagged', async () => {
    backend(employee, {
      'customer.get': () => ok(customerDetail({ openFollowUps: [followUp({ id: 'fu-late', dueOn: '2026-11-24', state: 'overdue', daysOverdue: 3, what: '催款' }), followUp()] })),
    })
    await opened()
    expect(byId('follow-up-fu-late-state').textContent).toBe('已逾期')
    expect(byId('follow-up-fu-late-due').textContent).toBe('已逾期3天（2026-11-24）')
    expect(byId('follow-up-fu-1-state').textContent).toBe('今天到期')
    expect(byId('follow-up-fu-1-due').textContent).toBe('今天到期（2026-11-27）')

    const entries = Array.from(byId('customer-timeline').querySelectorAll('.customer-timeline__item'), (el) => el.id)
    expect(entries).toEqual(['timeline-contact-1', 'timeline-fb-1', 'follow-up-fu-0'])
    expect(byId('timeline-contact-1').textContent).toContain('微信沟通')
    expect(byId('timeline-contact-1').textContent).toContain('下一步：周五前报价')
    expect(byId('timeline-fb-1').textContent).toContain('客户投诉')
    expect(byId('timeline-fb-1').textContent).toContain('满意度 ★★☆☆☆')
    expect(byId('follow-up-fu-0-state').textContent).toBe('逾期完成')
    expect(shown('follow-up-fu-0-done')).toBe(false)
    expect(shown('customer-timeline-more')).toBe(false)
  })

  it('marks a follow-up done with one tap and shows the file the server returns', async () => {
    const done = followUp({ status: 'done', state: 'done_on_time', doneAt: CUSTOMER_DONE_AT, onTime: true, closedByName: '张三' })
    const calls = backend(employee, {
      'customer.closeFollowUp': () =>
        ok(customerDetail({ openFollowUps: [], timeline: [{ kind: 'followUp', id: 'fu-1', on: '2026-11-27', at: CUSTOMER_DONE_AT, byName: '张三', followUp: done }, contactEntry()] })),
    })
    await opened()
    fireEvent.click(byId('follow-up-fu-1-done'))
    await waitFor(() => expect(byId('follow-up-fu-1-state').textContent).toBe('按时完成'))
    expect(calls.callsTo('customer.closeFollowUp')[0]?.payload).toEqual({ followUpId: 'fu-1', outcome: 'done' })
    expect(shown('follow-up-fu-1-done')).toBe(false)
    expect(byId('customer-open-follow-ups-empty').textContent).toBe('没有待跟进事项')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已完成' }))
  })

  it('asks before cancelling a follow-up', async () => {
    const calls = backend(employee, { 'customer.closeFollowUp': () => ok(customerDetail({ openFollowUps: [] })) })
    await opened()
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(byId('follow-up-fu-1-cancel'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(calls.callsTo('customer.closeFollowUp')).toHaveLength(0)
    fireEvent.click(byId('follow-up-fu-1-cancel'))
    await waitFor(() => expect(calls.callsTo('customer.closeFollowUp')).toHaveLength(1))
    expect(calls.callsTo('customer.closeFollowUp')[0]?.payload).toEqual({ followUpId: 'fu-1', outcome: 'cancelled' })
  })

  it('reloads and says so when the follow-up was closed elsewhere', async () => {
    let loads = 0
    backend(employee, {
      'customer.get': () => ok(customerDetail(++loads > 1 ? { openFollowUps: [] } : {})),
      'customer.closeFollowUp': () => fail('INVALID_STATE', errorMessages.INVALID_STATE),
    })
    await opened()
    fireEvent.click(byId('follow-up-fu-1-done'))
    await waitFor(() => expect(byId('customer-notice').textContent).toBe('该客户档案已有变化（可能已交接给他人），已为你刷新'))
    await waitFor(() => expect(shown('follow-up-fu-1')).toBe(false))
  })
})


describe('recording what happened', () => {
  it('logs a communication, checking the date and summary as they are filled in', async () => {
    const calls = backend(employee, { 'customer.logContact': () => ok(customerDetail({ stats: { ...customerDetail().stats, contacts: 2 } })) })
    await opened()
    fireEvent.click(byId('customer-log-contact'))
    expect(byId('contact-on').textContent).toContain('2026-11-27')
    expect(pickerOf('contact-on')).toMatchObject({ end: '2026-11-27' })
    fireEvent.click(byId('contact-confirm'))
    expect(errorText('contact-summary')).toBe('请填写沟通要点')
    expect(calls.callsTo('customer.logContact')).toHaveLength(0)

    pick('contact-on', '2026-11-28')
    expect(errorText('contact-on')).toBe(errorMessages.DATE_IN_FUTURE)
    pick('contact-on', '2026-11-25')
    expect(errorText('contact-on')).toBeNull()
    fireEvent.click(byId('contact-channel-phone'))
    type('contact-summary', '  客户询问交货期  ')
    expect(errorText('contact-summary')).toBeNull()
    type('contact-next-step', '下周一回复')
    fireEvent.click(byId('contact-confirm'))
    await waitFor(() => expect(byId('customer-stat-contacts').textContent).toBe('2'))
    expect(calls.callsTo('customer.logContact')[0]?.payload).toEqual({ customerId: 'cust-1', on: '2026-11-25', channel: 'phone', summary: '客户询问交货期', nextStep: '下周一回复' })
    expect(shown('contact-form')).toBe(false)
  })

  it('plans a follow-up from tomorrow by default, within a year', async () => {
    const calls = backend(employee, { 'customer.planFollowUp': () => ok(customerDetail()) })
    await opened()
    fireEvent.click(byId('customer-plan-follow-up'))
    expect(pickerOf('follow-up-due')).toEqual({ value: '2026-11-28', start: '2026-11-27', end: '2027-11-28' })
    pick('follow-up-due', '2026-11-26')
    expect(errorText('follow-up-due')).toBe(errorMessages.FOLLOW_UP_DATE_INVALID)
    pick('follow-up-due', '2026-12-01')
    type('follow-up-what', '发合同')
    fireEvent.click(byId('follow-up-confirm'))
    await waitFor(() => expect(calls.callsTo('customer.planFollowUp')).toHaveLength(1))
    expect(calls.callsTo('customer.planFollowUp')[0]?.payload).toEqual({ customerId: 'cust-1', dueOn: '2026-12-01', what: '发合同' })
  })

  it('puts the server’s date refusal next to the date', async () => {
    backend(employee, { 'customer.planFollowUp': () => fail('FOLLOW_UP_DATE_INVALID', errorMessages.FOLLOW_UP_DATE_INVALID) })
    await opened()
    fireEvent.click(byId('customer-plan-follow-up'))
    type('follow-up-what', '发合同')
    fireEvent.click(byId('follow-up-confirm'))
    await waitFor(() => expect(errorText('follow-up-due')).toBe(errorMessages.FOLLOW_UP_DATE_INVALID))
    expect(shown('follow-up-form')).toBe(true)
  })

  it('records feedback, and a complaint only with what it is about', async () => {
    const calls = backend(employee, { 'customer.addFeedback': () => ok(customerDetail()) })
    await opened()
    fireEvent.click(byId('customer-add-feedback'))
    fireEvent.click(byId('feedback-confirm'))
    expect(errorText('feedback-satisfaction')).toBe('请选择满意度')
    fireEvent.click(byId('feedback-satisfaction-1'))
    expect(errorText('feedback-satisfaction')).toBeNull()
    fireEvent.click(byId('feedback-complaint'))
    expect(errorText('feedback-content')).toBe('请写明投诉内容')
    expect(calls.callsTo('customer.addFeedback')).toHaveLength(0)
    type('feedback-content', '客服电话一直打不通')
    expect(errorText('feedback-content')).toBeNull()
    fireEvent.click(byId('feedback-confirm'))
    await waitFor(() => expect(calls.callsTo('customer.addFeedback')).toHaveLength(1))
    expect(calls.callsTo('customer.addFeedback')[0]?.payload).toEqual({ customerId: 'cust-1', on: '2026-11-27', satisfaction: 1, complaint: true, content: '客服电话一直打不通' })
  })

  it('opens one form at a time; a second tap on its button closes it', async () => {
    backend()
    await opened()
    fireEvent.click(byId('customer-log-contact'))
    expect(shown('contact-form')).toBe(true)
    fireEvent.click(byId('customer-add-feedback'))
    expect([shown('contact-form'), shown('feedback-form')]).toEqual([false, true])
    fireEvent.click(byId('customer-add-feedback'))
    expect(shown('feedback-form')).toBe(false)
  })
})

describe('a customer file as the owner’s head sees it', () => {
  it('reads everything, writes nothing', async () => {
    backend(head, { 'customer.get': () => ok(customerDetail({ canWrite: false, timelineTotal: 140 })) })
    await opened()
    expect(shown('watermark')).toBe(true)
    expect(byId('customer-readonly').textContent).toBe('你可以查看此档案；沟通和跟进由负责人 张三 记录')
    for (const id of ['customer-log-contact', 'customer-plan-follow-up', 'customer-add-feedback', 'customer-edit', 'follow-up-fu-1-done']) expect(shown(id)).toBe(false)
    expect(byId('follow-up-fu-1-state').textContent).toBe('今天到期')
    expect(byId('customer-timeline-more').textContent).toBe('仅显示最近 3 条，共 140 条')
  })

  it('shows the refusal when the file is out of reach', async () => {
    backend(head, { 'customer.get': () => fail('OUT_OF_SCOPE', errorMessages.OUT_OF_SCOPE) })
    render(<CustomerDetailPage />)
    await waitFor(() => expect(byId('customer-error').textContent).toContain(errorMessages.OUT_OF_SCOPE))
  })
})
