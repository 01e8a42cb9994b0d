import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AccountSummary, PersonSummary } from '@contract'
import AccountsPage from './index'
import { installBackend, ok } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { accountSummary } from '../../../../test/doubles/accounts'
import { renderPagesAsH5, routeTo } from '../../../../test/doubles/screen'

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

const registry: AccountSummary[] = [
  accountSummary(),
  accountSummary({
    id: 'acc-2',
    wechatId: 'lina_service',
    holderId: 'p-lina',
    holderName: '李娜',
    status: 'delegated',
    delegation: { id: 'dl-1', delegateName: '谢芳', endsOn: '2026-04-01' },
  }),
  accountSummary({ id: 'acc-3', wechatId: 'old_sales', holderName: '赵六', status: 'closed' }),
]

function backend(viewer: PersonSummary, accounts: AccountSummary[]) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer }),
    'roster.listDepartments': () => ok({ items: [{ id: 'd-sales', name: '销售部', headId: null, headName: null, staffCount: 3 }] }),
    'account.listAccounts': ({ page, pageSize, keyword, status, departmentId }) => {
      let matches = accounts
      if (departmentId) matches = matches.filter((a) => a.departmentId === departmentId)
      if (keyword) matches = matches.filter((a) => a.wechatId.includes(keyword) || a.holderName.includes(keyword))
      if (status) matches = matches.filter((a) => a.status === status)
      return ok({ items: matches.slice((page - 1) * pageSize, page * pageSize), total: matches.length, page, pageSize })
    },
  })
}

renderPagesAsH5()

describe('account registry', () => {
  beforeEach(() => routeTo(Taro.useRouter, '/packages/account/accounts/index', {}))

  it('lists accounts with masked phone, holder, department and activation date', async () => {
    backend(admin, registry)
    render(<AccountsPage />)
    const row = within(await waitFor(() => byId('account-acc-1')))
    expect(row.getByText('zhangsan_sales')).toBeTruthy()
    expect(row.getByText('正常')).toBeTruthy()
    expect(row.getByText('持有人 张三')).toBeTruthy()
    expect(row.getByText('销售部')).toBeTruthy()
    expect(row.getByText('绑定手机 138****0001')).toBeTruthy()
    expect(row.getByText('开通于 2026-03-03')).toBeTruthy()
    expect(byId('account-acc-2').textContent).toContain('代操作人 谢芳，至 2026-04-01')
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '账号台账' })
  })

  it('searches by keyword and filters by status', async () => {
    const calls = backend(admin, registry)
    render(<AccountsPage />)
    await waitFor(() => byId('account-acc-1'))

    fireEvent.click(byId('accounts-filter-closed'))
    await waitFor(() => byId('account-acc-3'))
    expect(document.getElementById('account-acc-1')).toBeNull()
    expect(calls.callsTo('account.listAccounts').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, status: 'closed' })

    fireEvent.click(byId('accounts-filter-all'))
    const input = byId('accounts-search').querySelector('input') as HTMLInputElement
    fireEvent.change(input, { target: { value: '李娜' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(byId('accounts-total').textContent).toContain('共 1 个账号'))
    expect(byId('account-acc-2')).toBeTruthy()
    expect(calls.callsTo('account.listAccounts').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, keyword: '李娜' })

    fireEvent.change(input, { target: { value: '无此人' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(byId('accounts-empty').textContent).toContain('没有符合条件的账号'))
  })

  it('shows an employee their own account without search or filters', async () => {
    backend(employee, [registry[0]!])
    render(<AccountsPage />)
    await waitFor(() => byId('account-acc-1'))
    expect(document.getElementById('accounts-search')).toBeNull()
    expect(document.getElementById('accounts-filter')).toBeNull()
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '我的业务微信' })
  })

  it('invites an employee without an account to apply', async () => {
    backend(employee, [])
    render(<AccountsPage />)
    const empty = await waitFor(() => byId('accounts-empty'))
    expect(empty.textContent).toContain('你还没有业务微信账号')
    fireEvent.click(byId('accounts-apply'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/apply/index' })
  })

  it('lets the holder delegate and hand over an account in use, and open the delegation in effect', async () => {
    backend(employee, [
      accountSummary(),
      accountSummary({ id: 'acc-4', wechatId: 'zhangsan_old', status: 'suspended' }),
      accountSummary({ id: 'acc-5', wechatId: 'zhangsan_gone', status: 'closed' }),
      accountSummary({ id: 'acc-6', wechatId: 'zhangsan_away', status: 'delegated', delegation: { id: 'dl-3', delegateName: '赵六', endsOn: '2026-04-01' } }),
    ])
    render(<AccountsPage />)
    await waitFor(() => byId('account-acc-1'))
    expect(document.getElementById('account-delegate-acc-1')).toBeTruthy()
    expect(document.getElementById('account-handover-acc-1')).toBeTruthy()
    // Suspended: no one may operate it, but it can still be handed over.
    expect(document.getElementById('account-delegate-acc-4')).toBeNull()
    expect(document.getElementById('account-handover-acc-4')).toBeTruthy()
    expect(document.getElementById('account-delegate-acc-5')).toBeNull()
    expect(document.getElementById('account-handover-acc-5')).toBeNull()

    fireEvent.click(byId('account-delegate-acc-1'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/delegation-request/index?accountId=acc-1&wechatId=zhangsan_sales' })
    fireEvent.click(byId('account-handover-acc-1'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/handover-start/index?accountId=acc-1&wechatId=zhangsan_sales' })
    fireEvent.click(within(byId('account-delegation-acc-6')).getByText('查看 ›'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/delegation/index?id=dl-3' })
  })

  it('lets heads hand over their staff’s accounts but not delegate them', async () => {
    backend(head, [accountSummary()])
    render(<AccountsPage />)
    await waitFor(() => byId('account-acc-1'))
    expect(document.getElementById('account-delegate-acc-1')).toBeNull()
    expect(document.getElementById('account-handover-acc-1')).toBeTruthy()
  })

  it('opens filtered by the status and department it was opened with, and clears them', async () => {
    routeTo(Taro.useRouter, '/packages/account/accounts/index', { status: 'closed', departmentId: 'd-sales' })
    const calls = backend(admin, [...registry, accountSummary({ id: 'acc-9', wechatId: 'other_dept', status: 'closed', departmentId: 'dept-other', departmentName: '其他部' })])
    render(<AccountsPage />)
    await waitFor(() => byId('account-acc-3'))
    expect(document.getElementById('account-acc-9')).toBeNull()
    expect(calls.callsTo('account.listAccounts')[0]?.payload).toEqual({ page: 1, pageSize: 20, status: 'closed', departmentId: 'd-sales' })
    expect(byId('accounts-filter-closed').className).toContain('account-chips__chip--active')
    await waitFor(() => expect(byId('accounts-active-department').textContent).toBe('部门：销售部 ×'))

    fireEvent.click(byId('accounts-active-department'))
    await waitFor(() => byId('account-acc-9'))
    expect(document.getElementById('accounts-active')).toBeNull()
    expect(calls.callsTo('account.listAccounts').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, status: 'closed' })
  })
})
