import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import DepartmentsPage from './index'
import { resetAppState } from '@/store/app'
import { fail, installBackend, ok } from '../../../../test/doubles/backend'
import { admin } from '../../../../test/doubles/people'

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

const sales = { id: 'd-sales', name: '销售部', headId: 'p-li', headName: '李四', staffCount: 12 }
const office = { id: 'd-admin', name: '行政部', headId: null, headName: null, staffCount: 0 }

beforeEach(() => {
  resetAppState()
  process.env.TARO_ENV = 'h5'
})
afterEach(() => {
  delete process.env.TARO_ENV
})

describe('departments', () => {
  it('lists departments with head and staff count, and opens a department’s staff', async () => {
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: admin }),
      'roster.listDepartments': () => ok({ items: [sales, office] }),
    })
    render(<DepartmentsPage />)
    const row = within(await waitFor(() => byId('department-d-sales')))
    expect(row.getByText('负责人：李四')).toBeTruthy()
    expect(row.getByText('12 人')).toBeTruthy()
    expect(within(byId('department-d-admin')).getByText('未设负责人')).toBeTruthy()

    fireEvent.click(row.getByText('销售部'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/people/index?departmentId=d-sales' })
  })

  it('adds a department and shows it at once', async () => {
    const backend = installBackend({
      'session.whoami': () => ok({ status: 'bound', person: admin }),
      'roster.listDepartments': () => ok({ items: [sales] }),
      'roster.addDepartment': ({ name }) => ok({ id: 'd-new', name, headId: null, headName: null, staffCount: 0 }),
    })
    render(<DepartmentsPage />)
    await waitFor(() => byId('department-d-sales'))
    fireEvent.change(byId('department-name'), { target: { value: ' 财务部 ' } })
    fireEvent.click(byId('department-add'))

    await waitFor(() => byId('department-d-new'))
    expect(backend.callsTo('roster.addDepartment')[0]?.payload).toEqual({ name: '财务部' })
    expect((byId('department-name') as HTMLInputElement).value).toBe('')
  })

  it('explains a refused name next to the field', async () => {
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: admin }),
      'roster.listDepartments': () => ok({ items: [sales] }),
      'roster.addDepartment': () => fail('DEPARTMENT_EXISTS', errorMessages.DEPARTMENT_EXISTS),
    })
    render(<DepartmentsPage />)
    await waitFor(() => byId('department-d-sales'))
    fireEvent.change(byId('department-name'), { target: { value: '销售部' } })
    fireEvent.click(byId('department-add'))
    await waitFor(() => expect(byId('department-error').textContent).toBe('部门已存在'))
  })

  it('shows an empty state when there are no departments yet', async () => {
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: admin }),
      'roster.listDepartments': () => ok({ items: [] }),
    })
    render(<DepartmentsPage />)
    await waitFor(() => byId('departments-empty'))
  })
})
