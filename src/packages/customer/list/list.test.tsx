import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CustomerListPage from './index'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { atCustomerNow, customerSummary, pageOf } from '../../../../test/doubles/customers'
import { byId, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

function backend(viewer = employee, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'customer.list': () =>
      ok(
        pageOf([
          customerSummary(),
          customerSummary({ id: 'cust-2', name: '吴晓', company: null, phoneMasked: null, tags: [], lastContactOn: null, nextFollowUpOn: '2026-11-24', complaintCount: 2 }),
        ]),
      ),
    'roster.listDepartments': () =>
      ok({
        items: [
          { id: 'd-sales', name: '销售部', headId: 'p-li', headName: '李四', staffCount: 9 },
          { id: 'd-service', name: '客服部', headId: null, headName: null, staffCount: 5 },
        ],
      }),
    ...handlers,
  })
}

renderPagesAsH5()

beforeEach(() => {
  atCustomerNow()
  routeTo(Taro.useRouter, '/packages/customer/list/index', {})
})
afterEach(() => {
  jest.useRealTimers()
})

async function opened() {
  render(<CustomerListPage />)
  await waitFor(() => byId('customers-list'))
}

describe('an employee’s customers', () => {
  it('lists them under a watermark, phones masked, with when they were last and are next followed up', async () => {
    const calls = backend()
    await opened()
    expect(calls.callsTo('customer.list')[0]?.payload).toEqual({ page: 1, pageSize: 20, scope: 'mine' })
    expect(shown('watermark')).toBe(true)
    expect(byId('customers-total').textContent).toBe('共 2 位客户')
    expect(byId('customer-cust-1-phone').textContent).toBe('138****0001')
    expect(byId('customer-cust-1').textContent).toContain('上次沟通 昨天')
    expect(byId('customer-cust-1-next').textContent).toBe('下次跟进 今天')
    expect(byId('customer-cust-2-next').textContent).toBe('跟进已逾期（11-24）')
    expect(byId('customer-cust-2').textContent).toContain('尚无沟通记录')
    expect(byId('customer-cust-2').textContent).toContain('投诉 2')
    expect(shown('customers-scope')).toBe(false)

    fireEvent.click(byId('customer-cust-2'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/customer/detail/index?id=cust-2' })
    fireEvent.click(byId('customers-add'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/customer/add/index' })
  })

  it('searches as the typing pauses and filters by chips', async () => {
    const calls = backend()
    await opened()
    type('customers-search', '远望')
    await waitFor(() => expect(calls.callsTo('customer.list').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, scope: 'mine', keyword: '远望' }))
    fireEvent.click(byId('customers-filter-due'))
    await waitFor(() => expect(calls.callsTo('customer.list').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, scope: 'mine', keyword: '远望', filter: 'due' }))
    expect(byId('customers-filter-due').className).toContain('account-chips__chip--active')
  })

  it('says how to start when there is nothing yet', async () => {
    backend(employee, { 'customer.list': () => ok(pageOf([])) })
    render(<CustomerListPage />)
    await waitFor(() => byId('customers-empty'))
    expect(byId('customers-empty').textContent).toContain('你还没有客户档案')
  })
})

describe('a manager’s view', () => {
  it('lets a head switch to the department, showing whose each customer is', async () => {
    const calls = backend(head)
    await opened()
    expect(shown('customers-department')).toBe(false)
    fireEvent.click(byId('customers-scope-managed'))
    await waitFor(() => expect(calls.callsTo('customer.list').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, scope: 'managed' }))
    await waitFor(() => expect(byId('customer-cust-1').textContent).toContain('张三 · 销售部'))
    expect(shown('customers-add')).toBe(false)
    expect(calls.callsTo('roster.listDepartments')).toHaveLength(0)
  })

  it('opens an admin on everyone’s customers when asked to, with department chips', async () => {
    routeTo(Taro.useRouter, '/packages/customer/list/index', { scope: 'managed' })
    const calls = backend(admin)
    await opened()
    expect(calls.callsTo('customer.list')[0]?.payload).toEqual({ page: 1, pageSize: 20, scope: 'managed' })
    await waitFor(() => byId('customers-department-d-service'))
    expect(byId('customers-scope-managed').textContent).toBe('全公司')
    fireEvent.click(byId('customers-department-d-service'))
    await waitFor(() => expect(calls.callsTo('customer.list').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, scope: 'managed', departmentId: 'd-service' }))
  })

  it('keeps an employee on their own customers even when the link asks for more', async () => {
    routeTo(Taro.useRouter, '/packages/customer/list/index', { scope: 'managed' })
    const calls = backend(employee)
    await opened()
    expect(calls.callsTo('customer.list')[0]?.payload).toMatchObject({ scope: 'mine' })
  })
})
