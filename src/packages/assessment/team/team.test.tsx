import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import AssessmentTeamPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { freezeClock, resultsPage, row } from '../../../../test/doubles/assessment'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

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

const PATH = '/packages/assessment/team/index'

describe('department assessment table', () => {
  beforeEach(() => routeTo(Taro.useRouter, PATH, {}))

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

  it('opens an admin on the month and department it was opened with, the current month’s preview included', async () => {
    routeTo(Taro.useRouter, PATH, { month: '2026-11', departmentId: 'd-service' })
    const calls = backend({}, admin)
    await opened()
    await waitFor(() => byId('team-results'))
    expect(calls.callsTo('assessment.listResults')[0].payload).toEqual({ month: '2026-11', page: 1, pageSize: 20, sort: 'totalDesc', departmentId: 'd-service' })
    expect(byId('team-month-2026-11').className).toContain('active')
    await waitFor(() => expect(byId('team-department-d-service').className).toContain('active'))
    fireEvent.click(byId('team-department-all'))
    await waitFor(() => expect(calls.callsTo('assessment.listResults').at(-1)?.payload).toEqual({ month: '2026-11', page: 1, pageSize: 20, sort: 'totalDesc' }))
  })

  it('opens a head on the month asked for; a department asked for is theirs anyway', async () => {
    routeTo(Taro.useRouter, PATH, { month: '2026-09', departmentId: 'd-service' })
    const calls = backend()
    await opened()
    await waitFor(() => byId('team-results'))
    expect(calls.callsTo('assessment.listResults')[0].payload).toEqual({ month: '2026-09', page: 1, pageSize: 20, sort: 'totalDesc' })
    expect(byId('team-month').textContent).toBe('2026年9月')
  })

  it('opens on the grade it was opened with, shown and cleared by a tap', async () => {
    routeTo(Taro.useRouter, PATH, { month: '2026-10', grade: '优秀' })
    const calls = backend({ 'assessment.listResults': ({ grade }) => ok(resultsPage(grade ? rows.filter((r) => r.grade === grade) : rows)) })
    await opened()
    await waitFor(() => byId('team-row-p-a'))
    expect(calls.callsTo('assessment.listResults')[0].payload).toEqual({ month: '2026-10', page: 1, pageSize: 20, sort: 'totalDesc', grade: '优秀' })
    expect(byId('team-active-grade').textContent).toBe('等级：优秀 ×')
    // A list of one grade is not a ranking.
    expect(byId('team-row-p-a').textContent).toBe('—赵一93优秀')
    expect(shown('team-row-p-b')).toBe(false)
    fireEvent.click(byId('team-active-grade'))
    await waitFor(() => byId('team-row-p-b'))
    expect(calls.callsTo('assessment.listResults').at(-1)?.payload).toEqual({ month: '2026-10', page: 1, pageSize: 20, sort: 'totalDesc' })
    expect(shown('team-active')).toBe(false)
  })

  it('opens a head on their department’s appeals waiting for a decision, every month, and back to the table', async () => {
    routeTo(Taro.useRouter, PATH, { appealStatus: 'pending' })
    const appealRow = { id: 'result-2026-09-p-c', month: '2026-09', personId: 'p-c', personName: '孙三', departmentId: 'd-sales', departmentName: '销售部', total: 55, grade: '不合格', reason: '客户改用电话沟通', appealedAt: '2026-10-08T01:00:00.000Z' }
    const calls = backend({ 'assessment.listAppeals': ({ page, pageSize }) => ok({ items: [appealRow], total: 1, page, pageSize }) })
    await opened()
    await waitFor(() => byId('team-appeal-result-2026-09-p-c'))
    expect(calls.callsTo('assessment.listAppeals')[0].payload).toEqual({ page: 1, pageSize: 20 })
    expect(calls.callsTo('assessment.listResults')).toHaveLength(0)
    expect(byId('team-month').textContent).toBe('各月份待处理申诉')
    expect(byId('team-appeals-total').textContent).toBe('待处理申诉 (1)')
    expect(byId('team-appeal-result-2026-09-p-c').textContent).toContain('孙三（销售部）· 2026年9月')
    expect(byId('team-appeal-result-2026-09-p-c').textContent).toContain('2026-10-08 09:00 申诉：客户改用电话沟通')
    fireEvent.click(byId('team-appeal-result-2026-09-p-c'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/assessment/mine/index?id=result-2026-09-p-c' })

    expect(byId('team-active-appeal').textContent).toBe('申诉：待处理 ×')
    fireEvent.click(byId('team-active-appeal'))
    await waitFor(() => byId('team-results'))
    expect(calls.callsTo('assessment.listResults')[0].payload).toEqual({ month: '2026-10', page: 1, pageSize: 20, sort: 'totalDesc' })
    expect(shown('team-appeals')).toBe(false)
  })
})
