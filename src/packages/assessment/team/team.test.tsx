import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import AssessmentTeamPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { freezeClock, resultsPage, row } from '../../../../test/doubles/assessment'
import { byId, renderPagesAsH5, shown } from '../../../../test/doubles/screen'

const departments = [
  { id: 'd-sales', name: '销售部', headId: 'p-li', headName: '李四', staffCount: 10 },
  { id: 'd-service', name: '客服部', headId: null, headName: null, staffCount: 2 },
]

const rows = [
  row({ id: 'r-1', personId: 'p-a', personName: '赵一', total: 93, computedTotal: 93, grade: '优秀', insufficientCount: 0 }),
  row({ id: 'r-2', personId: 'p-b', personName: '钱二', total: 82, computedTotal: 75, grade: '良好', appealStatus: 'adjusted', insufficientCount: 0 }),
  row({ id: 'r-3', personId: 'p-c', personName: '孙三', total: 55, computedTotal: 55, grade: '不合格', appealStatus: 'pending', insufficientCount: 2 }),
]

function backend(handlers: Record<string, Handler> = {}, viewer = head) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'assessment.listResults': ({ page, pageSize }) => ok(resultsPage(rows, { page, pageSize })),
    'roster.listDepartments': () => ok({ items: departments }),
    ...handlers,
  })
}

async function opened() {
  render(<AssessmentTeamPage />)
  await waitFor(() => byId('team-page'))
}

renderPagesAsH5()
freezeClock()

describe('department assessment table', () => {
  it('shows a head their department for the last closed month, best first, and opens a person', async () => {
    const calls = backend()
    await opened()
    await waitFor(() => byId('team-results'))
    expect(calls.callsTo('assessment.listResults')[0].payload).toEqual({ month: '2026-10', page: 1, pageSize: 20, sort: 'totalDesc' })
    expect(calls.callsTo('roster.listDepartments')).toHaveLength(0)
    expect(shown('watermark')).toBe(true)
    expect(shown('team-department')).toBe(false)
    expect(byId('team-month').textContent).toBe('2026年10月')
    expect(byId('team-row-p-a').textContent).toBe('1赵一93优秀')
    expect(byId('team-row-p-b').textContent).toBe('2钱二原计算75分 · 已调整82良好')
    expect(byId('team-row-p-c').textContent).toBe('3孙三申诉处理中 · 2项证据不足55不合格')
    const order = Array.from(byId('team-results').querySelectorAll('[id^="team-row-"]')).map((el) => el.id)
    expect(order).toEqual(['team-row-p-a', 'team-row-p-b', 'team-row-p-c'])
    fireEvent.click(byId('team-row-p-c'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/assessment/mine/index?id=result-2026-10-p-c' })
  })

  it('tells a head the month is not published yet', async () => {
    backend({ 'assessment.listResults': () => ok(resultsPage([], { published: false, visible: false })) })
    await opened()
    await waitFor(() => byId('team-hidden'))
    expect(byId('team-hidden').textContent).toContain('2026年10月的考核结果尚未发布')
    expect(shown('team-results')).toBe(false)
  })

  it('switches month and pages on', async () => {
    const calls = backend({
      'assessment.listResults': ({ page, month }) =>
        ok(resultsPage(page === 1 ? rows.slice(0, 2) : rows.slice(2), { page, total: 3, pageSize: 2, month })),
    })
    await opened()
    await waitFor(() => byId('team-results'))
    fireEvent.click(byId('team-results-more'))
    await waitFor(() => byId('team-row-p-c'))
    expect(calls.callsTo('assessment.listResults')[1].payload).toEqual({ month: '2026-10', page: 2, pageSize: 20, sort: 'totalDesc' })
    fireEvent.click(byId('team-month-2026-08'))
    await waitFor(() => expect(calls.callsTo('assessment.listResults')).toHaveLength(3))
    expect(calls.callsTo('assessment.listResults')[2].payload).toEqual({ month: '2026-08', page: 1, pageSize: 20, sort: 'totalDesc' })
    await waitFor(() => expect(byId('team-month').textContent).toBe('2026年8月'))
  })

  it('lets an admin narrow to one department and see an unpublished month marked as such', async () => {
    const calls = backend(
      {
        'assessment.listResults': ({ departmentId }) =>
          ok(resultsPage(departmentId ? rows.slice(0, 1) : [...rows, row({ id: 'r-4', personId: 'p-d', personName: '周四', departmentId: 'd-service', departmentName: '客服部', total: 70, computedTotal: 70, insufficientCount: 0 })], { published: false })),
      },
      admin,
    )
    await opened()
    await waitFor(() => byId('team-results'))
    expect(byId('team-month').textContent).toBe('2026年10月（未发布，仅管理员可见）')
    expect(byId('team-row-p-d').textContent).toBe('4周四（客服部）70合格')
    await waitFor(() => byId('team-department-d-service'))
    fireEvent.click(byId('team-department-d-sales'))
    await waitFor(() => expect(calls.callsTo('assessment.listResults')).toHaveLength(2))
    await waitFor(() => byId('team-row-p-a'))
    expect(shown('team-row-p-b')).toBe(false)
    expect(calls.callsTo('assessment.listResults')[1].payload).toEqual({ month: '2026-10', page: 1, pageSize: 20, sort: 'totalDesc', departmentId: 'd-sales' })
    expect(byId('team-row-p-a').textContent).toBe('1赵一93优秀')
  })

  it('searches by name', async () => {
    const calls = backend({ 'assessment.listResults': ({ keyword }) => ok(resultsPage(keyword ? [] : rows)) })
    await opened()
    await waitFor(() => byId('team-results'))
    const input = within(byId('team-search')).getByRole('textbox') as HTMLInputElement
    fireEvent.change(input, { target: { value: '不存在' } })
    await waitFor(() => byId('team-empty'))
    expect(calls.callsTo('assessment.listResults').at(-1)?.payload).toEqual({ month: '2026-10', page: 1, pageSize: 20, sort: 'totalDesc', keyword: '不存在' })
    expect(byId('team-empty').textContent).toContain('没有找到匹配的人员')
  })

  it('shows the refusal with a retry', async () => {
    backend({ 'assessment.listResults': () => fail('OUT_OF_SCOPE', '超出你的管理范围') })
    await opened()
    await waitFor(() => byId('team-error'))
    expect(byId('team-error').textContent).toContain('超出你的管理范围')
  })

  it('keeps employees out', async () => {
    backend({}, employee)
    render(<AssessmentTeamPage />)
    await waitFor(() => byId('forbidden-screen'))
  })
})
