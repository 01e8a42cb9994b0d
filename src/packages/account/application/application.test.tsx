import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type ApplicationDetail, type ApplicationEvent, type PersonSummary } from '@contract'
import ApplicationPage from './index'
import { shanghaiToday } from '@/services/accounts'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { applicationDetail, timelineEntry } from '../../../../test/doubles/accounts'
import { renderPagesAsH5 } from '../../../../test/doubles/screen'

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

function control(id: string): HTMLInputElement | HTMLTextAreaElement {
  const found = byId(id).querySelector('input, textarea')
  if (!found) throw new Error(`#${id} has no control`)
  return found as HTMLInputElement | HTMLTextAreaElement
}

function type(id: string, value: string): void {
  fireEvent.change(control(id), { target: { value } })
}

const actionButtons = ['application-approve', 'application-reject', 'application-activate', 'application-decline', 'application-withdraw']

function shownButtons(): string[] {
  return actionButtons.filter((id) => document.getElementById(id))
}

function open(viewer: PersonSummary, detail: ApplicationDetail, handlers: Record<string, Handler> = {}) {
  ;(Taro.useRouter as jest.Mock).mockReturnValue({ path: '/packages/account/application/index', params: { id: detail.id } })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer }),
    'account.getApplication': () => ok(detail),
    ...handlers,
  })
}

const approved = (detail: ApplicationDetail): ApplicationDetail => ({
  ...detail,
  status: 'pending_admin',
  available: [],
  timeline: [...detail.timeline, timelineEntry({ at: '2026-03-02T18:05:00.000Z', actorId: 'p-li', actorName: '李四', event: 'headApprove', comment: '同意' })],
})

renderPagesAsH5()

describe('application detail', () => {
  it('shows the application in full with a timeline in Shanghai time', async () => {
    const detail = applicationDetail({
      status: 'pending_admin',
      contactChangeReason: '已更换手机号',
      timeline: [
        timelineEntry(),
        // 02:05 the next day in Shanghai: the date must roll over whatever the machine's zone.
        timelineEntry({ at: '2026-03-02T18:05:00.000Z', actorId: 'p-li', actorName: '李四', event: 'headApprove', comment: '同意开通' }),
      ],
    })
    const calls = open(employee, detail)
    render(<ApplicationPage />)
    await waitFor(() => byId('application-detail'))

    expect(calls.callsTo('account.getApplication')[0]?.payload).toEqual({ id: 'app-1' })
    expect(byId('application-status').textContent).toBe('待行政部开通')
    expect(byId('application-applicant').textContent).toBe('张三')
    expect(byId('application-department').textContent).toBe('销售部')
    expect(byId('application-mobile').textContent).toBe('13800000001')
    expect(byId('application-email').textContent).toBe('zhangsan@example.com')
    expect(byId('application-reason').textContent).toBe('已更换手机号')
    expect(byId('application-wechat-id').textContent).toBe('zhangsan_sales')
    expect(byId('application-purpose').textContent).toBe(detail.purpose)
    expect(document.getElementById('application-account')).toBeNull()

    const first = within(byId('timeline-0'))
    expect(first.getByText('提交申请')).toBeTruthy()
    expect(first.getByText('张三')).toBeTruthy()
    expect(first.getByText('2026-03-02 10:30')).toBeTruthy()
    const second = within(byId('timeline-1'))
    expect(second.getByText('负责人同意')).toBeTruthy()
    expect(second.getByText('李四')).toBeTruthy()
    expect(second.getByText('2026-03-03 02:05')).toBeTruthy()
    expect(second.getByText('同意开通')).toBeTruthy()
    expect(byId('application-timeline').textContent).toContain('等待行政部开通')
    // Nothing listed as available, nothing to press.
    expect(shownButtons()).toEqual([])
  })

  it('shows the created account once activated', async () => {
    open(employee, applicationDetail({ status: 'activated', account: { id: 'acc-1', wechatId: 'zs_sales_01' } }))
    render(<ApplicationPage />)
    await waitFor(() => byId('application-detail'))
    expect(byId('application-account').textContent).toContain('zs_sales_01')
    expect(byId('application-status').textContent).toBe('已开通')
    expect(document.getElementById('timeline-next')).toBeNull()
  })

  it.each<[string, ApplicationEvent[], string[]]>([
    ['a head deciding', ['headApprove', 'headReject'], ['application-approve', 'application-reject']],
    ['an admin activating', ['activate', 'adminReject'], ['application-activate', 'application-decline']],
    ['the applicant', ['withdraw'], ['application-withdraw']],
  ])('offers %s only the buttons the server allows', async (_who, available, expected) => {
    open(head, applicationDetail({ available }))
    render(<ApplicationPage />)
    await waitFor(() => byId('application-detail'))
    expect(shownButtons()).toEqual(expected)
  })

  it('approves with an optional comment and shows the detail the server returns', async () => {
    const detail = applicationDetail({ available: ['headApprove', 'headReject'] })
    const calls = open(head, detail, { 'account.reviewApplication': () => ok(approved(detail)) })
    render(<ApplicationPage />)
    await waitFor(() => byId('application-detail'))

    fireEvent.click(byId('application-approve'))
    fireEvent.click(byId('review-confirm'))

    await waitFor(() => expect(byId('application-status').textContent).toBe('待行政部开通'))
    expect(calls.callsTo('account.reviewApplication')[0]?.payload).toEqual({ id: 'app-1', decision: 'approve' })
    expect(within(byId('timeline-1')).getByText('负责人同意')).toBeTruthy()
    expect(shownButtons()).toEqual([])
    expect(document.getElementById('review-form')).toBeNull()
  })

  it('requires a reason to reject, then posts it', async () => {
    const detail = applicationDetail({ available: ['headApprove', 'headReject'] })
    const rejected: ApplicationDetail = {
      ...detail,
      status: 'rejected',
      available: [],
      timeline: [...detail.timeline, timelineEntry({ actorId: 'p-li', actorName: '李四', event: 'headReject', comment: '用途不明确' })],
    }
    const calls = open(head, detail, { 'account.reviewApplication': () => ok(rejected) })
    render(<ApplicationPage />)
    await waitFor(() => byId('application-detail'))

    fireEvent.click(byId('application-reject'))
    fireEvent.click(byId('review-confirm'))
    expect(byId('review-comment-error').textContent).toBe('驳回时请填写原因')
    expect(calls.callsTo('account.reviewApplication')).toHaveLength(0)

    type('review-comment', '用')
    expect(byId('review-comment-error').textContent).toBe('驳回时请填写原因')
    type('review-comment', '用途不明确')
    expect(document.getElementById('review-comment-error')).toBeNull()
    fireEvent.click(byId('review-confirm'))

    await waitFor(() => expect(byId('application-status').textContent).toBe('已驳回'))
    expect(calls.callsTo('account.reviewApplication')[0]?.payload).toEqual({ id: 'app-1', decision: 'reject', comment: '用途不明确' })
    expect(within(byId('timeline-1')).getByText('用途不明确')).toBeTruthy()
  })

  it('activates with the intended ID, the applicant’s phone and today’s date, checking each field', async () => {
    const detail = applicationDetail({ status: 'pending_admin', available: ['activate', 'adminReject'] })
    const activated: ApplicationDetail = {
      ...detail,
      status: 'activated',
      available: [],
      account: { id: 'acc-1', wechatId: 'zs_sales_01' },
      timeline: [...detail.timeline, timelineEntry({ actorId: 'p-wang', actorName: '王五', event: 'activate' })],
    }
    const calls = open(admin, detail, { 'account.activateApplication': () => ok(activated) })
    render(<ApplicationPage />)
    await waitFor(() => byId('application-detail'))

    fireEvent.click(byId('application-activate'))
    expect(control('activate-wechat-id').value).toBe('zhangsan_sales')
    expect(control('activate-phone').value).toBe('13800000001')
    expect(byId('activate-date').textContent).toContain(shanghaiToday())

    type('activate-wechat-id', 'zs')
    expect(byId('activate-wechat-id-error').textContent).toContain('微信号须以字母开头')
    fireEvent.click(byId('activate-submit'))
    expect(calls.callsTo('account.activateApplication')).toHaveLength(0)

    type('activate-wechat-id', 'zs_sales_01')
    type('activate-phone', '13900000002')
    fireEvent.click(byId('activate-submit'))

    await waitFor(() => expect(byId('application-account').textContent).toContain('zs_sales_01'))
    expect(calls.callsTo('account.activateApplication')[0]?.payload).toEqual({
      id: 'app-1',
      wechatId: 'zs_sales_01',
      boundPhone: '13900000002',
      activatedOn: shanghaiToday(),
    })
    expect(byId('application-status').textContent).toBe('已开通')
  })

  it('shows a taken WeChat ID next to the field and keeps the form open', async () => {
    const detail = applicationDetail({ status: 'pending_admin', available: ['activate', 'adminReject'] })
    open(admin, detail, { 'account.activateApplication': () => fail('WECHAT_ID_TAKEN', errorMessages.WECHAT_ID_TAKEN) })
    render(<ApplicationPage />)
    await waitFor(() => byId('application-detail'))
    fireEvent.click(byId('application-activate'))
    fireEvent.click(byId('activate-submit'))
    await waitFor(() => expect(byId('activate-wechat-id-error').textContent).toBe(errorMessages.WECHAT_ID_TAKEN))
    expect(byId('activate-form')).toBeTruthy()
    expect(document.getElementById('application-error')).toBeNull()
  })

  it('lets admins decline with a reason', async () => {
    const detail = applicationDetail({ status: 'pending_admin', available: ['activate', 'adminReject'] })
    const calls = open(admin, detail, {
      'account.declineActivation': ({ comment }) =>
        ok({ ...detail, status: 'rejected', available: [], timeline: [...detail.timeline, timelineEntry({ event: 'adminReject', actorName: '王五', comment })] }),
    })
    render(<ApplicationPage />)
    await waitFor(() => byId('application-detail'))
    fireEvent.click(byId('application-decline'))
    fireEvent.click(byId('decline-confirm'))
    expect(byId('decline-comment-error').textContent).toBe('请填写驳回原因')
    type('decline-comment', '该岗位不需要业务微信')
    fireEvent.click(byId('decline-confirm'))
    await waitFor(() => expect(byId('application-status').textContent).toBe('已驳回'))
    expect(calls.callsTo('account.declineActivation')[0]?.payload).toEqual({ id: 'app-1', comment: '该岗位不需要业务微信' })
    expect(within(byId('timeline-1')).getByText('行政部驳回')).toBeTruthy()
  })

  it('withdraws only after confirming', async () => {
    const detail = applicationDetail({ available: ['withdraw'] })
    const calls = open(employee, detail, {
      'account.withdrawApplication': () =>
        ok({ ...detail, status: 'withdrawn', available: [], timeline: [...detail.timeline, timelineEntry({ event: 'withdraw' })] }),
    })
    render(<ApplicationPage />)
    await waitFor(() => byId('application-detail'))
    fireEvent.click(byId('application-withdraw'))
    expect(calls.callsTo('account.withdrawApplication')).toHaveLength(0)
    fireEvent.click(byId('withdraw-cancel'))
    expect(document.getElementById('withdraw-confirm')).toBeNull()

    fireEvent.click(byId('application-withdraw'))
    fireEvent.click(byId('withdraw-confirm'))
    await waitFor(() => expect(byId('application-status').textContent).toBe('已撤回'))
    expect(calls.callsTo('account.withdrawApplication')[0]?.payload).toEqual({ id: 'app-1' })
    expect(shownButtons()).toEqual([])
  })

  it.each(['CONFLICT', 'INVALID_STATE'])('on %s reloads and says someone else handled it', async (code) => {
    const detail = applicationDetail({ available: ['headApprove', 'headReject'] })
    let loads = 0
    const calls = open(head, detail, {
      'account.getApplication': () => ok(++loads === 1 ? detail : approved(detail)),
      'account.reviewApplication': () => fail(code, errorMessages[code as 'CONFLICT']),
    })
    render(<ApplicationPage />)
    await waitFor(() => byId('application-detail'))
    fireEvent.click(byId('application-approve'))
    fireEvent.click(byId('review-confirm'))

    await waitFor(() => expect(byId('application-status').textContent).toBe('待行政部开通'))
    expect(byId('application-error').textContent).toContain('已被他人处理')
    expect(calls.callsTo('account.getApplication')).toHaveLength(2)
    expect(shownButtons()).toEqual([])
  })

  it('shows other refusals and keeps the buttons', async () => {
    const detail = applicationDetail({ available: ['headApprove', 'headReject'] })
    open(head, detail, { 'account.reviewApplication': () => fail('SELF_APPROVAL', errorMessages.SELF_APPROVAL) })
    render(<ApplicationPage />)
    await waitFor(() => byId('application-detail'))
    fireEvent.click(byId('application-approve'))
    fireEvent.click(byId('review-confirm'))
    await waitFor(() => expect(byId('application-error').textContent).toBe(errorMessages.SELF_APPROVAL))
    expect(shownButtons()).toEqual(['application-approve', 'application-reject'])
  })

  it('explains a record the caller may not see, with a retry', async () => {
    ;(Taro.useRouter as jest.Mock).mockReturnValue({ path: '/packages/account/application/index', params: { id: 'app-x' } })
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: employee }),
      'account.getApplication': () => fail('NOT_FOUND', errorMessages.NOT_FOUND),
    })
    render(<ApplicationPage />)
    const error = await waitFor(() => byId('application-error'))
    expect(error.textContent).toContain(errorMessages.NOT_FOUND)
    expect(within(error).getByText('重试')).toBeTruthy()
  })
})
