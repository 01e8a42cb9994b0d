import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonSummary } from '@contract'
import SpotCheckRoundsPage from './index'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, head } from '../../../../test/doubles/people'
import { checkSummary, page, roundSummary } from '../../../../test/doubles/spot-checks'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

const scored = checkSummary({ id: 'round-1-p-zhao', personId: 'p-zhao', personName: '赵六', status: 'scored', month: '2026-03', scoredAt: '2026-03-04T07:30:00.000Z', firstReplyMinutes: 40, rubricPercent: 60, commented: true })

function open(viewer: PersonSummary, params: Record<string, string> = {}, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/supervision/spot-check-rounds/index', params)
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'spotCheck.listRounds': ({ page: p, pageSize }) => ok(page([roundSummary({ scoredCount: 1 }), roundSummary({ id: 'round-0', month: '2026-02', createdAt: '2026-02-10T02:00:00.000Z' })], { page: p, pageSize })),
    'spotCheck.list': ({ page: p, pageSize }) => ok(page([checkSummary(), scored], { page: p, pageSize })),
    ...handlers,
  })
}

async function shows() {
  render(<SpotCheckRoundsPage />)
  await waitFor(() => byId('spot-list'))
}

renderPagesAsH5()

describe('spot-check rounds', () => {
  it('lists rounds newest first, opens one, and starts a new one', async () => {
    const calls = open(head)
    await shows()
    expect(calls.callsTo('spotCheck.listRounds')[0]?.payload).toEqual({ page: 1, pageSize: 20 })
    expect(byId('spot-tabs-rounds').className).toContain('active')
    expect(byId('spot-tabs-results').textContent).toBe('本部门抽查')
    expect(byId('spot-list-total').textContent).toBe('共 2 批')
    expect(byId('round-round-1').textContent).toContain('2026-03 · 销售部')
    expect(byId('round-round-1').textContent).toContain('李四发起')
    expect(byId('round-round-1').textContent).toContain('抽中 3 人 · 已评分 1 人')
    fireEvent.click(byId('round-round-1'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/supervision/spot-check-round/index?id=round-1' })
    fireEvent.click(byId('rounds-start'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/supervision/spot-check-start/index' })
    expect(shown('spot-search')).toBe(false)
  })

  it('lists the checks waiting for my score, searchable by name, under a watermark', async () => {
    const calls = open(head, { tab: 'toScore' })
    await shows()
    expect(calls.callsTo('spotCheck.list')[0]?.payload).toEqual({ scope: 'toScore', page: 1, pageSize: 20 })
    expect(shown('watermark')).toBe(true)
    expect(byId('spot-list-total').textContent).toBe('共 2 人')
    expect(byId('check-row-round-1-p-zhang').textContent).toContain('销售部 · 2026-03 抽查 · 李四评分')
    fireEvent.click(byId('check-row-round-1-p-zhang'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/supervision/spot-check/index?id=round-1-p-zhang' })
    const search = byId('spot-search').querySelector('input') as HTMLInputElement
    fireEvent.change(search, { target: { value: ' 张 ' } })
    fireEvent.keyDown(search, { key: 'Enter' })
    await waitFor(() => expect(calls.callsTo('spotCheck.list').at(-1)?.payload).toEqual({ scope: 'toScore', page: 1, pageSize: 20, keyword: '张' }))
  })

  it('shows a head their department’s results and an admin everyone’s, by state', async () => {
    const calls = open(head)
    await shows()
    fireEvent.click(byId('spot-tabs-results'))
    await waitFor(() => expect(calls.callsTo('spotCheck.list').at(-1)?.payload).toEqual({ scope: 'department', page: 1, pageSize: 20 }))
    await waitFor(() => byId('check-row-round-1-p-zhao'))
    expect(byId('check-row-round-1-p-zhao').textContent).toContain('60 分')
    expect(byId('check-row-round-1-p-zhao').textContent).toContain('有反馈意见')
    fireEvent.click(byId('spot-status-scored'))
    await waitFor(() => expect(calls.callsTo('spotCheck.list').at(-1)?.payload).toEqual({ scope: 'department', status: 'scored', page: 1, pageSize: 20 }))
  })

  it('shows an admin everyone’s results', async () => {
    const calls = open(admin, { tab: 'results' })
    await shows()
    expect(calls.callsTo('spotCheck.list')[0]?.payload).toEqual({ scope: 'all', page: 1, pageSize: 20 })
    expect(byId('spot-tabs-results').textContent).toBe('全部抽查')
    expect(byId('spot-tabs-results').className).toContain('active')
  })

  it('says when there is nothing to score', async () => {
    open(head, { tab: 'toScore' }, { 'spotCheck.list': () => ok(page([])) })
    render(<SpotCheckRoundsPage />)
    await waitFor(() => expect(byId('spot-list-empty').textContent).toContain('没有等你评分的抽查'))
  })

  it('opens an admin on the results of a month’s rounds in one department, each filter shown and cleared by a tap', async () => {
    const calls = open(admin, { tab: 'results', roundMonth: '2026-03', departmentId: 'd-sales' }, {
      'roster.listDepartments': () => ok({ items: [{ id: 'd-sales', name: '销售部', headId: null, headName: null, staffCount: 3 }] }),
    })
    await shows()
    expect(calls.callsTo('spotCheck.list')[0]?.payload).toEqual({ scope: 'all', page: 1, pageSize: 20, departmentId: 'd-sales', roundMonth: '2026-03' })
    expect(byId('spot-active-month').textContent).toBe('批次月份：2026年3月 ×')
    await waitFor(() => expect(byId('spot-active-department').textContent).toBe('部门：销售部 ×'))
    fireEvent.click(byId('spot-active-department'))
    await waitFor(() => expect(calls.callsTo('spotCheck.list').at(-1)?.payload).toEqual({ scope: 'all', page: 1, pageSize: 20, roundMonth: '2026-03' }))
    fireEvent.click(byId('spot-active-month'))
    await waitFor(() => expect(calls.callsTo('spotCheck.list').at(-1)?.payload).toEqual({ scope: 'all', page: 1, pageSize: 20 }))
    expect(shown('spot-active')).toBe(false)
  })

  it('opens a head on their department’s results of a month; other tabs ignore the month', async () => {
    const calls = open(head, { tab: 'results', roundMonth: '2026-03', departmentId: 'd-other' })
    await shows()
    expect(calls.callsTo('spotCheck.list')[0]?.payload).toEqual({ scope: 'department', page: 1, pageSize: 20, roundMonth: '2026-03' })
    expect(shown('spot-active-department')).toBe(false)
    fireEvent.click(byId('spot-tabs-toScore'))
    await waitFor(() => expect(calls.callsTo('spotCheck.list').at(-1)?.payload).toEqual({ scope: 'toScore', page: 1, pageSize: 20 }))
    expect(shown('spot-active')).toBe(false)
  })
})
