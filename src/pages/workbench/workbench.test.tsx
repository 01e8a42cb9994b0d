import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type TodoItem } from '@contract'
import WorkbenchPage from './index'
import { fail, installBackend, ok } from '../../../test/doubles/backend'
import { admin, employee, head } from '../../../test/doubles/people'
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

renderPagesAsH5()

describe('工作台', () => {
  it('counts a head’s to-dos and opens the 审批 tab from the card', async () => {
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: head }),
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
      'session.whoami': () => ok({ status: 'bound', person: head }),
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
      'session.whoami': () => ok({ status: 'bound', person: admin }),
      'todo.list': () => ok({ approvals: [], mine: [] }),
    })
    render(<WorkbenchPage />)
    expect(within(await waitFor(() => byId('entry-accounts'))).getByText('账号台账')).toBeTruthy()
    expect(byId('entry-roster')).toBeTruthy()
  })

  it('shows employees only their own count and no registry entry', async () => {
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: employee }),
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
      'session.whoami': () => ok({ status: 'bound', person: head }),
      'todo.list': () => fail('INTERNAL', errorMessages.INTERNAL),
    })
    render(<WorkbenchPage />)
    await waitFor(() => expect(byId('todo-card').textContent).toContain('待办加载失败'))
    expect(byId('todo-approvals-count').textContent).toBe('-')
    expect(byId('whoami-name').textContent).toBe('李四')
  })

  it('puts reporting an anomaly up front for everyone, and the self-check with it', async () => {
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: employee }),
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
      'session.whoami': () => ok({ status: 'bound', person: head }),
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
})
