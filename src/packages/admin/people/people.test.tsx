import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import PeoplePage from './index'
import { resetAppState } from '@/store/app'
import { installBackend, ok, fail } from '../../../../test/doubles/backend'
import { admin, head, person } from '../../../../test/doubles/people'
import type { PersonSummary } from '@contract'

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

const staff: PersonSummary[] = Array.from({ length: 25 }, (_, i) =>
  person({ id: `p${i + 1}`, name: `员工${i + 1}`, bound: i % 2 === 0, status: i === 3 ? 'left' : 'active' }),
)

function rosterBackend(viewer: PersonSummary) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer }),
    'roster.listDepartments': () =>
      ok({
        items: [
          { id: 'd-sales', name: '销售部', headId: 'p-li', headName: '李四', staffCount: 25 },
          { id: 'd-admin', name: '行政部', headId: null, headName: null, staffCount: 1 },
        ],
      }),
    'roster.listPeople': ({ page, pageSize, keyword, departmentId }) => {
      let matches = staff
      if (keyword) matches = matches.filter((p) => p.name.includes(keyword))
      if (departmentId) matches = matches.filter((p) => p.departmentId === departmentId)
      return ok({ items: matches.slice((page - 1) * pageSize, page * pageSize), total: matches.length, page, pageSize })
    },
  })
}

beforeEach(() => {
  resetAppState()
  process.env.TARO_ENV = 'h5'
  ;(Taro.useRouter as jest.Mock).mockReturnValue({ path: '/packages/admin/people/index', params: {} })
})
afterEach(() => {
  delete process.env.TARO_ENV
})

describe('staff list', () => {
  it('loads page by page with masked contacts and tags', async () => {
    const backend = rosterBackend(admin)
    render(<PeoplePage />)
    await waitFor(() => byId('staff-p20'))
    expect(document.getElementById('staff-p21')).toBeNull()
    expect(byId('people-total').textContent).toContain('共 25 人，已显示 20 人')
    const row = within(byId('staff-p4'))
    expect(row.getByText('已离职')).toBeTruthy()
    expect(row.getByText('未绑定')).toBeTruthy()
    expect(byId('staff-p1').textContent).toContain('138****0001')

    fireEvent.click(byId('people-more'))
    await waitFor(() => byId('staff-p25'))
    expect(byId('people-list').textContent).toContain('没有更多了')
    expect(backend.callsTo('roster.listPeople').map((c) => (c.payload as { page: number }).page)).toEqual([1, 2])
  })

  it('searches by keyword and filters by department', async () => {
    const backend = rosterBackend(admin)
    render(<PeoplePage />)
    await waitFor(() => byId('staff-p1'))

    fireEvent.click(await waitFor(() => byId('people-filter-d-admin')))
    await waitFor(() => byId('people-empty'))
    expect(backend.callsTo('roster.listPeople').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, departmentId: 'd-admin' })

    fireEvent.click(byId('people-filter-all'))
    const input = byId('people-search').querySelector('input') as HTMLInputElement
    fireEvent.change(input, { target: { value: '员工2' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(byId('people-total').textContent).toContain('共 7 人'))
    expect(backend.callsTo('roster.listPeople').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, keyword: '员工2' })
  })

  it('starts filtered when opened from a department', async () => {
    ;(Taro.useRouter as jest.Mock).mockReturnValue({ path: '/packages/admin/people/index', params: { departmentId: 'd-sales' } })
    const backend = rosterBackend(admin)
    render(<PeoplePage />)
    await waitFor(() => byId('staff-p1'))
    expect(backend.callsTo('roster.listPeople')[0]?.payload).toEqual({ page: 1, pageSize: 20, departmentId: 'd-sales' })
  })

  it('gives heads no department filter (the server limits them to their own)', async () => {
    const backend = rosterBackend(head)
    render(<PeoplePage />)
    await waitFor(() => byId('staff-p1'))
    expect(document.getElementById('people-filter')).toBeNull()
    expect(backend.callsTo('roster.listDepartments')).toHaveLength(0)
  })

  it('shows a retryable error', async () => {
    let attempts = 0
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: admin }),
      'roster.listDepartments': () => ok({ items: [] }),
      'roster.listPeople': () => (++attempts === 1 ? fail('INTERNAL', '系统繁忙，请稍后重试') : ok({ items: [], total: 0, page: 1, pageSize: 20 })),
    })
    render(<PeoplePage />)
    const error = await waitFor(() => byId('people-error'))
    fireEvent.click(within(error).getByText('重试'))
    await waitFor(() => byId('people-empty'))
  })
})
