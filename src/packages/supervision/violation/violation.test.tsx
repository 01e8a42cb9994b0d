import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type PersonSummary, type ViolationDetail } from '@contract'
import ViolationPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { appealedViolation, violationDetail, violationEntry } from '../../../../test/doubles/violations'
import { byId, errorText, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

const actionIds = ['violation-appeal', 'violation-appeal-form', 'violation-uphold', 'violation-overturn', 'violation-decision-comment']
const shownActions = () => actionIds.filter(shown)

function open(viewer: PersonSummary, detail: ViolationDetail, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/supervision/violation/index', { id: detail.id })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'violation.get': () => ok(detail),
    ...handlers,
  })
}

async function shows() {
  render(<ViolationPage />)
  await waitFor(() => byId('violation-detail'))
}

renderPagesAsH5()

describe('violation detail', () => {
  it('shows the person what was recorded, under a watermark, and until when they may appeal', async () => {
    open(employee, violationDetail())
    await shows()
    expect(shown('watermark')).toBe(true)
    expect(byId('violation-title').textContent).toBe('沟通规范 · 较重')
    expect(byId('violation-status').textContent).toBe('已记录')
    expect(byId('violation-person').textContent).toBe('张三 · 销售部')
    expect(byId('violation-recorded').textContent).toBe('李四记录于 2026-11-27 10:00')
    expect(byId('violation-points-value').textContent).toBe('扣5分')
    expect(byId('violation-clause-value').textContent).toBe('第1版 3.2 信息发布与回复')
    expect(byId('violation-occurred-on-value').textContent).toBe('2026-11-25')
    expect(byId('violation-penalty-value').textContent).toBe('书面警告')
    expect(byId('violation-description-value').textContent).toBe('客户咨询报价后超过两个工作日未回复，客户投诉。')
    expect(byId('timeline-0').textContent).toContain('记录违规')
    expect(byId('timeline-0').textContent).toContain('书面警告')
    expect(byId('timeline-next').textContent).toBe('可在 2026-12-12 前申诉一次')
    expect(shownActions()).toEqual(['violation-appeal'])
  })

  it('takes the appeal with a reason, checked as typed, and shows it under way', async () => {
    const appealed = appealedViolation({ available: [] })
    const calls = open(employee, violationDetail(), { 'violation.appeal': () => ok(appealed) })
    await shows()
    fireEvent.click(byId('violation-appeal'))
    expect(shownActions()).toEqual(['violation-appeal-form'])
    fireEvent.click(byId('violation-appeal-submit'))
    expect(errorText('violation-appeal-reason')).toBe('请写明申诉理由')
    type('violation-appeal-reason', '   ')
    expect(errorText('violation-appeal-reason')).toBe('请写明申诉理由')
    fireEvent.click(byId('violation-appeal-submit'))
    expect(calls.callsTo('violation.appeal')).toHaveLength(0)

    type('violation-appeal-reason', ' 当时在外培训，已提前交代同事代为回复。 ')
    expect(errorText('violation-appeal-reason')).toBeNull()
    fireEvent.click(byId('violation-appeal-submit'))
    await waitFor(() => expect(byId('violation-status').textContent).toBe('申诉中'))
    expect(calls.callsTo('violation.appeal').map((c) => c.payload)).toEqual([{ id: 'v-1', reason: '当时在外培训，已提前交代同事代为回复。' }])
    expect(byId('violation-appeal-reason-value').textContent).toBe('当时在外培训，已提前交代同事代为回复。')
    expect(byId('timeline-1').textContent).toContain('提出申诉')
    expect(byId('timeline-next').textContent).toBe('等待管理员处理申诉')
    // Still counting while the appeal waits.
    expect(byId('violation-points-value').textContent).toBe('扣5分')
    expect(shownActions()).toEqual([])
  })

  it('says so when the one appeal was already made', async () => {
    open(employee, violationDetail(), { 'violation.appeal': () => fail('ALREADY_APPEALED', errorMessages.ALREADY_APPEALED) })
    await shows()
    fireEvent.click(byId('violation-appeal'))
    type('violation-appeal-reason', '再次申诉')
    fireEvent.click(byId('violation-appeal-submit'))
    await waitFor(() => expect(byId('violation-notice').textContent).toBe(errorMessages.ALREADY_APPEALED))
  })

  it('lets an admin uphold, a comment being optional', async () => {
    const upheld = appealedViolation({
      status: 'upheld',
      decidedAt: '2026-12-01T06:00:00.000Z',
      decidedByName: '王五',
      available: [],
      history: [...appealedViolation().history, violationEntry({ kind: 'upheld', at: '2026-12-01T06:00:00.000Z', actorName: '王五', note: null })],
    })
    const calls = open(admin, appealedViolation(), { 'violation.decide': () => ok(upheld) })
    await shows()
    expect(shownActions()).toEqual(['violation-uphold', 'violation-overturn', 'violation-decision-comment'])
    fireEvent.click(byId('violation-uphold'))
    await waitFor(() => expect(byId('violation-status').textContent).toBe('申诉未通过'))
    expect(calls.callsTo('violation.decide').map((c) => c.payload)).toEqual([{ id: 'v-1', outcome: 'upheld' }])
    expect(byId('violation-decision').textContent).toBe('维持原记录')
    expect(byId('timeline-2').textContent).toContain('维持原记录')
    expect(shownActions()).toEqual([])
  })

  it('lets an admin overturn only with a reason; the points then no longer count', async () => {
    const overturned = appealedViolation({
      status: 'overturned',
      stands: false,
      decidedAt: '2026-12-01T06:00:00.000Z',
      decidedByName: '王五',
      decisionComment: '核实已安排同事代回复',
      available: [],
    })
    const calls = open(admin, appealedViolation(), { 'violation.decide': () => ok(overturned) })
    await shows()
    fireEvent.click(byId('violation-overturn'))
    expect(errorText('violation-decision-comment')).toBe('请写明撤销理由')
    expect(calls.callsTo('violation.decide')).toHaveLength(0)
    type('violation-decision-comment', '  核实已安排同事代回复 ')
    expect(errorText('violation-decision-comment')).toBeNull()
    fireEvent.click(byId('violation-overturn'))
    await waitFor(() => expect(byId('violation-status').textContent).toBe('已撤销'))
    expect(calls.callsTo('violation.decide').map((c) => c.payload)).toEqual([{ id: 'v-1', outcome: 'overturned', comment: '核实已安排同事代回复' }])
    expect(byId('violation-points-value').textContent).toBe('扣5分（不计入考核）')
    expect(byId('violation-decision').textContent).toBe('已撤销，不计入考核：核实已安排同事代回复')
  })

  it('reloads and says so when another admin decided first', async () => {
    let current = appealedViolation()
    open(admin, current, {
      'violation.get': () => ok(current),
      'violation.decide': () => {
        current = appealedViolation({ status: 'upheld', decidedAt: '2026-12-01T06:00:00.000Z', decidedByName: '陈静', available: [] })
        return fail('INVALID_STATE', errorMessages.INVALID_STATE)
      },
    })
    await shows()
    fireEvent.click(byId('violation-uphold'))
    await waitFor(() => expect(byId('violation-status').textContent).toBe('申诉未通过'))
    expect(byId('violation-notice').textContent).toBe('该记录已被他人处理，已为你刷新为最新状态')
    expect(shownActions()).toEqual([])
  })

  it('gives the head a look without buttons', async () => {
    open(head, violationDetail({ available: [] }))
    await shows()
    expect(shownActions()).toEqual([])
    expect(shown('timeline-next')).toBe(false)
  })

  it('says why when the record cannot be shown', async () => {
    open(head, violationDetail(), { 'violation.get': () => fail('OUT_OF_SCOPE', errorMessages.OUT_OF_SCOPE) })
    render(<ViolationPage />)
    await waitFor(() => byId('violation-error'))
    expect(byId('violation-error').textContent).toContain(errorMessages.OUT_OF_SCOPE)
  })
})
