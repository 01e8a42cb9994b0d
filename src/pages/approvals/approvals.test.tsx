import { act, fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type TodoItem } from '@contract'
import ApprovalsPage from './index'
import { fail, installBackend, ok } from '../../../test/doubles/backend'
import { admin, employee, head } from '../../../test/doubles/people'
import { renderPagesAsH5 } from '../../../test/doubles/screen'

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

function todo(overrides: Partial<TodoItem> = {}): TodoItem {
  return {
    kind: 'application',
    id: 'app-1',
    title: '张三申请业务微信账号',
    subtitle: '维护华东区重点客户群',
    statusLabel: '待负责人审批',
    since: '2026-03-02T02:30:00.000Z',
    ...overrides,
  }
}

renderPagesAsH5()

describe('审批 tab', () => {
  it('gives heads what waits for them and their own open requests, each opening its detail', async () => {
    const calls = installBackend({
      'session.whoami': () => ok({ status: 'bound', person: head }),
      'todo.list': () =>
        ok({
          approvals: [todo(), todo({ id: 'app-2', title: '李娜申请业务微信账号' })],
          mine: [todo({ id: 'app-3', title: '我的业务微信账号申请', statusLabel: '待行政部开通' })],
        }),
    })
    render(<ApprovalsPage />)

    const approvals = await waitFor(() => byId('todo-approvals'))
    expect(within(approvals).getByText('张三申请业务微信账号')).toBeTruthy()
    expect(within(byId('todo-application-app-1')).getByText('维护华东区重点客户群')).toBeTruthy()
    expect(within(byId('todo-application-app-1')).getByText('2026-03-02 10:30')).toBeTruthy()
    expect(within(byId('todo-application-app-1')).getByText('待负责人审批')).toBeTruthy()
    expect(within(byId('todo-mine')).getByText('我的业务微信账号申请')).toBeTruthy()
    expect(document.getElementById('todo-approvals-empty')).toBeNull()
    expect(document.getElementById('todo-mine-empty')).toBeNull()
    expect(calls.callsTo('todo.list')).toHaveLength(1)

    fireEvent.click(within(byId('todo-application-app-2')).getByText('李娜申请业务微信账号'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/application/index?id=app-2' })
    fireEvent.click(within(byId('todo-application-app-3')).getByText('我的业务微信账号申请'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/application/index?id=app-3' })
  })

  it('shows empty states for admins with nothing to do', async () => {
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: admin }),
      'todo.list': () => ok({ approvals: [], mine: [] }),
    })
    render(<ApprovalsPage />)
    await waitFor(() => byId('todo-approvals-empty'))
    expect(byId('todo-mine-empty')).toBeTruthy()
    expect(byId('approvals-reviewer')).toBeTruthy()
  })

  it('gives employees only their own list, and a way to all their applications', async () => {
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: employee }),
      'todo.list': () => ok({ approvals: [], mine: [todo({ title: '我的业务微信账号申请' })] }),
    })
    render(<ApprovalsPage />)
    await waitFor(() => byId('todo-application-app-1'))
    expect(document.getElementById('todo-approvals')).toBeNull()
    expect(byId('approvals-employee')).toBeTruthy()
    fireEvent.click(within(byId('todo-mine-history')).getByText('查看我的全部申请 ›'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/mine/index' })
  })

  it('shows a long list a screenful at a time', async () => {
    const many = Array.from({ length: 23 }, (_, i) => todo({ id: `app-${i + 1}`, title: `员工${i + 1}申请业务微信账号` }))
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: head }),
      'todo.list': () => ok({ approvals: many, mine: [] }),
    })
    render(<ApprovalsPage />)
    await waitFor(() => byId('todo-application-app-20'))
    expect(document.getElementById('todo-application-app-21')).toBeNull()
    fireEvent.click(byId('todo-approvals-more'))
    expect(byId('todo-application-app-23')).toBeTruthy()
  })

  it.each<[TodoItem['kind'], string, string]>([
    ['anomaly', 'an-1', '/packages/account/anomaly/index?id=an-1'],
    ['delegation', 'dl-1', '/packages/account/delegation/index?id=dl-1'],
    ['handover', 'ho-1', '/packages/account/handover/index?id=ho-1'],
    ['selfcheck', '2026-03', '/packages/account/self-check/index'],
  ])('opens a %s to-do on the page the contract names for it', async (kind, id, url) => {
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: head }),
      'todo.list': () => ok({ approvals: [], mine: [todo({ kind, id, title: '待办事项' })] }),
    })
    render(<ApprovalsPage />)
    fireEvent.click(within(await waitFor(() => byId(`todo-${kind}-${id}`))).getByText('待办事项'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url })
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('shows a retryable error', async () => {
    let attempts = 0
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: head }),
      'todo.list': () => (++attempts === 1 ? fail('INTERNAL', errorMessages.INTERNAL) : ok({ approvals: [], mine: [] })),
    })
    render(<ApprovalsPage />)
    const error = await waitFor(() => byId('todo-error'))
    expect(error.textContent).toContain(errorMessages.INTERNAL)
    fireEvent.click(within(error).getByText('重试'))
    await waitFor(() => byId('todo-approvals-empty'))
  })

  it('refreshes when the page shows again, keeping the old list on screen meanwhile', async () => {
    // Only the list's own hooks are driven, so the page stays mounted between shows, as it does in WeChat.
    const showMock = Taro.useDidShow as jest.Mock
    const hideMock = Taro.useDidHide as jest.Mock
    const showOnMount = showMock.getMockImplementation()
    const hideDefault = hideMock.getMockImplementation()
    // Children register after their parents, so the last hook registered is the list's own.
    const latest: { show?: () => void; hide?: () => void } = {}
    showMock.mockImplementation((callback: () => void) => {
      latest.show = callback
    })
    hideMock.mockImplementation((callback: () => void) => {
      latest.hide = callback
    })
    let round = 0
    const calls = installBackend({
      'session.whoami': () => ok({ status: 'bound', person: head }),
      'todo.list': () => ok(++round === 1 ? { approvals: [todo()], mine: [] } : { approvals: [], mine: [] }),
    })
    try {
      render(<ApprovalsPage />)
      await waitFor(() => byId('todo-application-app-1'))
      // The show that comes with opening the page does not load twice.
      act(() => latest.show?.())
      expect(calls.callsTo('todo.list')).toHaveLength(1)

      act(() => {
        latest.hide?.()
        latest.show?.()
      })
      // No loading screen in between: the old list stays until the new one arrives.
      expect(byId('todo-application-app-1')).toBeTruthy()
      await waitFor(() => byId('todo-approvals-empty'))
      expect(calls.callsTo('todo.list')).toHaveLength(2)
    } finally {
      showMock.mockImplementation(showOnMount)
      hideMock.mockImplementation(hideDefault)
    }
  })
})
