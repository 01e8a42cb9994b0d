import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type PersonSummary, type TodoItem } from '@contract'
import WorkbenchPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../test/doubles/backend'
import { admin, employee, head } from '../../../test/doubles/people'
import { pageOf, receipt } from '../../../test/doubles/notices'
import { renderPagesAsH5 } from '../../../test/doubles/screen'

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

const item = (id: string): TodoItem => ({
  kind: 'application',
  id,
  title: '申请',
  subtitle: '用途',
  statusLabel: '待负责人审批',
  since: '2026-03-02T02:30:00.000Z',
})

const bound = (person: PersonSummary) => () => ok({ status: 'bound', person, policyToAcknowledge: null })

/** Nothing waits for acknowledgement unless a test says so. */
const noPendingNotices: Handler = () => ok({ ...pageOf([]), pendingCount: 0 })

renderPagesAsH5()

describe('工作台', () => {
  it('counts a head’s to-dos and opens the 审批 tab from the card', async () => {
    installBackend({
      'session.whoami': bound(head),
      'notice.listMine': noPendingNotices,
      'todo.list': () => ok({ approvals: [item('a'), item('b')], mine: [item('c')] }),
    })
    render(<WorkbenchPage />)
    await waitFor(() => expect(byId('todo-approvals-count').textContent).toBe('2'))
    expect(byId('todo-mine-count').textContent).toBe('1')

    fireEvent.click(within(byId('todo-card')).getByText('待我审批'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/approvals/index' })
  })

  it('gives heads the department registry, and everyone the apply and 我的申请 entries', async () => {
    installBackend({
      'session.whoami': bound(head),
      'notice.listMine': noPendingNotices,
      'todo.list': () => ok({ approvals: [], mine: [] }),
    })
    render(<WorkbenchPage />)
    fireEvent.click(within(await waitFor(() => byId('entry-accounts'))).getByText('本部门账号'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/accounts/index' })
    fireEvent.click(within(byId('entry-apply')).getByText('申请业务微信'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/apply/index' })
    fireEvent.click(within(byId('entry-my-applications')).getByText('我的申请'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/mine/index' })
    // Entries from before stay where they were.
    expect(byId('entry-pending-approvals')).toBeTruthy()
    expect(byId('entry-department-people')).toBeTruthy()
  })

  it('names the registry 账号台账 for admins', async () => {
    installBackend({
      'session.whoami': bound(admin),
      'notice.listMine': noPendingNotices,
      'todo.list': () => ok({ approvals: [], mine: [] }),
    })
    render(<WorkbenchPage />)
    expect(within(await waitFor(() => byId('entry-accounts'))).getByText('账号台账')).toBeTruthy()
    expect(byId('entry-roster')).toBeTruthy()
  })

  it('shows employees only their own count and no registry entry', async () => {
    installBackend({
      'session.whoami': bound(employee),
      'notice.listMine': noPendingNotices,
      'todo.list': () => ok({ approvals: [], mine: [item('c')] }),
    })
    render(<WorkbenchPage />)
    await waitFor(() => expect(byId('todo-mine-count').textContent).toBe('1'))
    expect(document.getElementById('todo-approvals-count')).toBeNull()
    expect(document.getElementById('entry-accounts')).toBeNull()
    expect(byId('entry-apply')).toBeTruthy()
    expect(byId('entry-my-applications')).toBeTruthy()
  })

  it('keeps the page usable when the to-dos fail to load', async () => {
    installBackend({
      'session.whoami': bound(head),
      'notice.listMine': noPendingNotices,
      'todo.list': () => fail('INTERNAL', errorMessages.INTERNAL),
    })
    render(<WorkbenchPage />)
    await waitFor(() => expect(byId('todo-card').textContent).toContain('待办加载失败'))
    expect(byId('todo-approvals-count').textContent).toBe('-')
    expect(byId('whoami-name').textContent).toBe('李四')
  })

  it('puts reporting an anomaly up front for everyone, and the self-check with it', async () => {
    installBackend({
      'session.whoami': bound(employee),
      'notice.listMine': noPendingNotices,
      'todo.list': () => ok({ approvals: [], mine: [] }),
    })
    render(<WorkbenchPage />)
    fireEvent.click(within(await waitFor(() => byId('entry-report-anomaly'))).getByText('报告账号异常'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/anomaly-report/index' })
    fireEvent.click(within(byId('entry-self-check')).getByText('每月安全自查'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/self-check/index' })
    expect(document.getElementById('entry-anomalies')).toBeNull()
    expect(document.getElementById('entry-self-checks')).toBeNull()
  })

  it('gives heads the department’s anomaly reports and self-check completion', async () => {
    installBackend({
      'session.whoami': bound(head),
      'notice.listMine': noPendingNotices,
      'todo.list': () => ok({ approvals: [], mine: [] }),
    })
    render(<WorkbenchPage />)
    fireEvent.click(within(await waitFor(() => byId('entry-anomalies'))).getByText('异常报告'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/anomalies/index?scope=handling' })
    fireEvent.click(within(byId('entry-self-checks')).getByText('自查完成情况'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/self-checks/index' })
    fireEvent.click(within(byId('entry-pending-approvals')).getByText('待我审批'))
    expect(Taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/approvals/index' })
  })

  describe('待确认的通知', () => {
    /** A backend whose pending notices shrink as they are acknowledged, as the real one does. */
    function withPending(pending: ReturnType<typeof receipt>[], pendingCount = pending.length, extra: Record<string, Handler> = {}) {
      let waiting = [...pending]
      let count = pendingCount
      return installBackend({
        'session.whoami': bound(employee),
        'todo.list': () => ok({ approvals: [], mine: [] }),
        'notice.listMine': ({ pageSize }) => ok({ ...pageOf(waiting.slice(0, pageSize), count, 1, pageSize), pendingCount: count }),
        'notice.acknowledge': ({ noticeId }) => {
          const found = waiting.find((r) => r.noticeId === noticeId)
          waiting = waiting.filter((r) => r.noticeId !== noticeId)
          count -= 1
          return ok({ ...found, acknowledgedAt: '2026-03-02T02:30:00.000Z', workingMinutes: 30, onTime: true })
        },
        ...extra,
      })
    }

    it('lists what waits for the caller, with the deadline or 已逾期, right under the greeting', async () => {
      const calls = withPending([
        receipt({ noticeId: 'n-1', title: '周五前更新客户资料' }),
        receipt({ noticeId: 'n-2', title: '清理过期群聊', senderName: '王五', overdue: true }),
      ])
      render(<WorkbenchPage />)
      const card = await waitFor(() => byId('pending-notices'))
      expect(calls.callsTo('notice.listMine')[0]?.payload).toEqual({ pendingOnly: true, page: 1, pageSize: 3 })
      expect(byId('pending-notice-n-1').textContent).toContain('周五前更新客户资料')
      expect(byId('pending-notice-n-1').textContent).toContain('李四')
      expect(byId('pending-notice-n-1').textContent).toContain('请在 03-02 12:00 前确认')
      expect(byId('pending-notice-n-2').textContent).toContain('王五')
      expect(within(byId('pending-notice-n-2')).getByText('已逾期').className).toContain('overdue')
      expect(document.getElementById('pending-notices-all')).toBeNull()
      // Right under the greeting, before everything else.
      expect(card.compareDocumentPosition(byId('entry-report-anomaly')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()

      fireEvent.click(within(byId('pending-notice-n-2')).getByText('清理过期群聊'))
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notice/detail/index?id=n-2' })
    })

    it('acknowledges in place: the notice leaves the card and the next one moves up', async () => {
      const pending = ['n-1', 'n-2', 'n-3', 'n-4'].map((id) => receipt({ noticeId: id, title: `通知${id}` }))
      const calls = withPending(pending)
      render(<WorkbenchPage />)
      await waitFor(() => byId('pending-notice-n-1'))
      expect(document.getElementById('pending-notice-n-4')).toBeNull()
      expect(byId('pending-notices-all').textContent).toBe('全部通知（4）›')

      fireEvent.click(byId('notice-ack-n-1'))
      await waitFor(() => expect(document.getElementById('pending-notice-n-1')).toBeNull())
      expect(calls.callsTo('notice.acknowledge')[0]?.payload).toEqual({ noticeId: 'n-1' })
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已确认' }))
      // Acknowledging does not open the notice.
      expect(Taro.navigateTo).not.toHaveBeenCalled()
      await waitFor(() => byId('pending-notice-n-4'))
      expect(document.getElementById('pending-notices-all')).toBeNull()
    })

    it('opens the inbox from 全部通知 when more wait than the card shows', async () => {
      withPending([receipt({ noticeId: 'n-1' }), receipt({ noticeId: 'n-2' }), receipt({ noticeId: 'n-3' })], 7)
      render(<WorkbenchPage />)
      fireEvent.click(await waitFor(() => byId('pending-notices-all')))
      expect(byId('pending-notices-all').textContent).toBe('全部通知（7）›')
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notice/inbox/index' })
    })

    it('keeps a notice on the card when acknowledging fails, and says why', async () => {
      withPending([receipt({ noticeId: 'n-1' })], 1, { 'notice.acknowledge': () => fail('NOT_FOUND', errorMessages.NOT_FOUND) })
      render(<WorkbenchPage />)
      fireEvent.click(await waitFor(() => byId('notice-ack-n-1')))
      await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: errorMessages.NOT_FOUND })))
      expect(byId('pending-notice-n-1')).toBeTruthy()
    })

    it('is absent when nothing waits', async () => {
      const calls = withPending([])
      render(<WorkbenchPage />)
      await waitFor(() => byId('entry-notices'))
      await waitFor(() => expect(calls.callsTo('notice.listMine')).toHaveLength(1))
      expect(document.getElementById('pending-notices')).toBeNull()
      expect(document.getElementById('pending-notices-error')).toBeNull()
    })

    it('is one line of hint when it fails to load, and the workbench stays usable', async () => {
      installBackend({
        'session.whoami': bound(employee),
        'todo.list': () => ok({ approvals: [], mine: [] }),
        'notice.listMine': () => fail('INTERNAL', errorMessages.INTERNAL),
      })
      render(<WorkbenchPage />)
      await waitFor(() => expect(byId('pending-notices-error').textContent).toContain('加载失败'))
      expect(document.getElementById('pending-notices')).toBeNull()
      expect(byId('entry-apply')).toBeTruthy()
    })
  })

  describe('制度与通知', () => {
    function open(person: PersonSummary) {
      installBackend({ 'session.whoami': bound(person), 'notice.listMine': noPendingNotices, 'todo.list': () => ok({ approvals: [], mine: [] }) })
      render(<WorkbenchPage />)
      return waitFor(() => byId('entry-policy'))
    }

    it('gives everyone the policy and their notices', async () => {
      await open(employee)
      fireEvent.click(within(byId('entry-policy')).getByText('管理制度'))
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/read/index' })
      fireEvent.click(within(byId('entry-notices')).getByText('我的通知'))
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notice/inbox/index' })
      for (const id of ['entry-notice-compose', 'entry-notices-sent', 'entry-policy-progress']) expect(document.getElementById(id)).toBeNull()
    })

    it('lets heads send notices, follow them up and see the department’s policy acknowledgements', async () => {
      await open(head)
      fireEvent.click(within(byId('entry-notice-compose')).getByText('发布工作通知'))
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notice/compose/index' })
      fireEvent.click(within(byId('entry-notices-sent')).getByText('已发通知'))
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notice/sent/index' })
      fireEvent.click(within(byId('entry-policy-progress')).getByText('本部门制度确认'))
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/progress/index' })
    })

    it('lets admins send and follow up notices', async () => {
      await open(admin)
      expect(byId('entry-notice-compose')).toBeTruthy()
      expect(byId('entry-notices-sent')).toBeTruthy()
      expect(document.getElementById('entry-policy-progress')).toBeNull()
    })
  })
})
