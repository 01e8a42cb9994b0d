import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonSummary } from '@contract'
import ViolationListPage from './index'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { violationPage, violationSummary } from '../../../../test/doubles/violations'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

const rows = [
  violationSummary(),
  violationSummary({ id: 'v-2', personId: 'p-zhao', personName: '赵六', status: 'overturned', stands: false, severity: 'minor', points: 2, penalty: '口头警告' }),
]

function open(viewer: PersonSummary, handlers: Record<string, Handler> = {}, params: Record<string, string> = {}) {
  routeTo(Taro.useRouter, '/packages/supervision/violations/index', params)
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'violation.list': () => ok(violationPage(rows)),
    ...handlers,
  })
}

const payloads = (calls: ReturnType<typeof open>) => calls.callsTo('violation.list').map((c) => c.payload)

renderPagesAsH5()

describe('violation lists', () => {
  it('opens an admin on the appeals waiting, and lists everyone’s by status and name', async () => {
    const calls = open(admin)
    render(<ViolationListPage />)
    await waitFor(() => byId('violations-list'))
    expect(payloads(calls)).toEqual([{ scope: 'appeals', page: 1, pageSize: 20 }])
    expect(byId('violations-total').textContent).toBe('共 2 条待处理申诉')
    expect(shown('violations-status')).toBe(false)
    expect(shown('watermark')).toBe(true)

    fireEvent.click(byId('violations-scope-all'))
    await waitFor(() => expect(payloads(calls)).toHaveLength(2))
    fireEvent.click(byId('violations-status-overturned'))
    await waitFor(() => expect(payloads(calls)).toHaveLength(3))
    const search = byId('violations-search').querySelector('input') as HTMLInputElement
    fireEvent.change(search, { target: { value: ' 赵 ' } })
    fireEvent.keyDown(search, { key: 'Enter' })
    await waitFor(() => expect(payloads(calls)).toHaveLength(4))
    expect(payloads(calls).slice(1)).toEqual([
      { scope: 'all', page: 1, pageSize: 20 },
      { scope: 'all', page: 1, pageSize: 20, status: 'overturned' },
      { scope: 'all', page: 1, pageSize: 20, status: 'overturned', keyword: '赵' },
    ])
  })

  it('shows who, which section, when, the measure and the points, struck through once overturned', async () => {
    open(head)
    render(<ViolationListPage />)
    await waitFor(() => byId('violations-list'))
    expect(byId('violation-v-1').textContent).toContain('张三 · 销售部')
    expect(byId('violation-v-1').textContent).toContain('第1版 3.2 信息发布与回复')
    expect(byId('violation-v-1').textContent).toContain('2026-11-25 · 书面警告')
    expect(byId('violation-v-1').textContent).toContain('扣5分')
    expect(byId('violation-v-1').textContent).toContain('已记录')
    expect(byId('violation-v-2').textContent).toContain('扣2分（不计入考核）')
    fireEvent.click(byId('violation-v-2'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/supervision/violation/index?id=v-2' })
    fireEvent.click(byId('violations-record'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/supervision/violation-record/index' })
  })

  it('opens a head on their department, and on their own when asked', async () => {
    const calls = open(head, {}, { scope: 'mine' })
    render(<ViolationListPage />)
    await waitFor(() => byId('violations-list'))
    expect(payloads(calls)).toEqual([{ scope: 'mine', page: 1, pageSize: 20 }])
    expect(byId('violations-scope-mine').className).toContain('active')
    fireEvent.click(byId('violations-scope-department'))
    await waitFor(() => expect(payloads(calls).at(-1)).toEqual({ scope: 'department', page: 1, pageSize: 20 }))
  })

  it('gives an employee their own list only, without a scope to choose, a search or a record button', async () => {
    const calls = open(employee, { 'violation.list': () => ok(violationPage([rows[0]!])) }, { scope: 'all' })
    render(<ViolationListPage />)
    await waitFor(() => byId('violations-list'))
    expect(payloads(calls)).toEqual([{ scope: 'mine', page: 1, pageSize: 20 }])
    expect(shown('violations-scope')).toBe(false)
    expect(shown('violations-search')).toBe(false)
    expect(shown('violations-record')).toBe(false)
    // One's own rows lead with the section, not one's own name.
    expect(byId('violation-v-1').textContent).not.toContain('张三')
  })

  it('pages on, and says when there is nothing', async () => {
    const calls = open(admin, {
      'violation.list': ({ page }) => ok(violationPage(page === 1 ? [rows[0]] : [rows[1]], { total: 2, page, pageSize: 1 })),
    })
    render(<ViolationListPage />)
    await waitFor(() => byId('violations-more'))
    fireEvent.click(byId('violations-more'))
    await waitFor(() => byId('violation-v-2'))
    expect(payloads(calls).map((p) => (p as { page: number }).page)).toEqual([1, 2])

    open(admin, { 'violation.list': () => ok(violationPage([])) })
    fireEvent.click(byId('violations-scope-mine'))
    await waitFor(() => byId('violations-empty'))
    expect(byId('violations-empty').textContent).toContain('你没有违规记录')
  })

  it('opens on the scope, status and department it was opened with, and clears the department', async () => {
    const calls = open(admin, { 'roster.listDepartments': () => ok({ items: [{ id: 'd-east', name: '华东销售部', headId: null, headName: null, staffCount: 3 }] }) }, { scope: 'all', status: 'appealed', departmentId: 'd-east' })
    render(<ViolationListPage />)
    await waitFor(() => byId('violations-list'))
    expect(payloads(calls)).toEqual([{ scope: 'all', page: 1, pageSize: 20, status: 'appealed', departmentId: 'd-east' }])
    expect(byId('violations-status-appealed').className).toContain('active')
    await waitFor(() => expect(byId('violations-active-department').textContent).toBe('部门：华东销售部 ×'))
    fireEvent.click(byId('violations-active-department'))
    await waitFor(() => expect(payloads(calls).at(-1)).toEqual({ scope: 'all', page: 1, pageSize: 20, status: 'appealed' }))
    expect(shown('violations-active')).toBe(false)
  })

  it('opens a head on their department’s appeals; a department asked for is theirs anyway', async () => {
    const calls = open(head, {}, { scope: 'department', status: 'appealed', departmentId: 'd-other' })
    render(<ViolationListPage />)
    await waitFor(() => byId('violations-list'))
    expect(payloads(calls)).toEqual([{ scope: 'department', page: 1, pageSize: 20, status: 'appealed' }])
    expect(shown('violations-active')).toBe(false)
  })

  it('narrows an admin’s appeals to a department', async () => {
    const calls = open(admin, { 'roster.listDepartments': () => ok({ items: [] }) }, { scope: 'appeals', departmentId: 'd-east' })
    render(<ViolationListPage />)
    await waitFor(() => byId('violations-list'))
    expect(payloads(calls)).toEqual([{ scope: 'appeals', page: 1, pageSize: 20, departmentId: 'd-east' }])
    expect(byId('violations-active-department').textContent).toBe('部门：指定部门 ×')
  })
})
