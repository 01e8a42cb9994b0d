import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro, { useRouter } from '@tarojs/taro'
import AssessmentMinePage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { emptyDetails, freezeClock, mine, result } from '../../../../test/doubles/assessment'
import { byId, errorText, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

function backend(handlers: Record<string, Handler> = {}, viewer = employee) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'assessment.getMine': () => ok(mine()),
    ...handlers,
  })
}

async function opened() {
  render(<AssessmentMinePage />)
  await waitFor(() => byId('assessment-mine'))
}

renderPagesAsH5()
freezeClock()

describe('my assessment', () => {
  beforeEach(() => routeTo(useRouter, '/packages/assessment/mine/index', {}))

  it('shows the latest published month with indicators, evidence and the trend', async () => {
    const calls = backend()
    await opened()
    expect(calls.callsTo('assessment.getMine')[0].payload).toEqual({})
    expect(shown('watermark')).toBe(true)
    expect(byId('assessment-month').textContent).toBe('2026年10月')
    expect(byId('assessment-total').textContent).toBe('74.5')
    expect(byId('assessment-grade').textContent).toBe('合格')
    expect(byId('assessment-deductions').textContent).toBe('四项加权 76.5 分，违规扣 2 分，计算得分 74.5')
    expect(byId('assessment-rule-version').textContent).toBe('按考核规则版本2计算，2026-11-01 09:00')

    const reply = byId('assessment-indicator-replyTimeliness')
    expect(within(reply).getByText('回复及时率（权重30%）')).toBeTruthy()
    expect(byId('assessment-indicator-replyTimeliness-score').textContent).toBe('50')
    expect(within(reply).getByText('抽查2次，1次首次回复在30分钟内')).toBeTruthy()
    expect(shown('assessment-indicator-replyTimeliness-insufficient')).toBe(false)
    expect(byId('assessment-indicator-applicationEffect-insufficient').textContent).toBe('证据不足')
    expect(byId('assessment-indicator-applicationEffect').textContent).toContain('到期事项不足2条，按中性分80计')

    expect(byId('assessment-evidence-lateNotices').textContent).toContain('未按时确认的通知（1）')
    expect(byId('assessment-evidence-lateNotices-n-1').textContent).toBe('十月安全培训截止 2026-10-10 18:00，未确认')
    expect(byId('assessment-evidence-followUps-f-1').textContent).toBe('华星贸易应于 2026-10-12 跟进，逾期未完成')
    expect(byId('assessment-evidence-followUps-f-2').textContent).toBe('远航物流应于 2026-10-20 跟进，2026-10-22 11:00 才完成')
    expect(byId('assessment-evidence-lateTasks').textContent).toBe('逾期的任务（0）无')
    expect(byId('assessment-evidence-spotChecks-sc-1').textContent).toBe('首次回复 12分钟，沟通评分 90分2026-10-15 14:00，回复清楚')
    expect(byId('assessment-evidence-violations-v-1').textContent).toBe('三.2 客户信息不得外传，扣2分2026-10-18 · 信息保密 · 轻微 · 已记录')
    fireEvent.click(byId('assessment-evidence-violations-v-1'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/supervision/violation/index?id=v-1' })

    const trend = byId('assessment-trend')
    expect(trend.children).toHaveLength(3)
    expect(byId('assessment-trend-2026-08').textContent).toBe('928月')
    const bar = byId('assessment-trend-2026-10').querySelector('.assessment-bars__bar') as HTMLElement
    expect(bar.style.height).toBe('74.5%')
    expect(bar.className).toContain('assessment-bars__bar--current')
    expect(shown('assessment-appeal')).toBe(true)
    expect(shown('assessment-decide')).toBe(false)
  })

  it('switches months and says when a month is not published yet', async () => {
    const calls = backend({
      'assessment.getMine': ({ month }) =>
        ok(month === '2026-09' ? mine({ month: '2026-09', published: false, result: null, details: emptyDetails(), trend: [] }) : mine()),
    })
    await opened()
    expect(byId('assessment-month-2026-10').className).toContain('account-chips__chip--active')
    expect(shown('assessment-month-2026-05')).toBe(true)
    fireEvent.click(byId('assessment-month-2026-09'))
    await waitFor(() => byId('assessment-unpublished'))
    expect(calls.callsTo('assessment.getMine')[1].payload).toEqual({ month: '2026-09' })
    expect(byId('assessment-unpublished').textContent).toContain('2026年9月的考核结果尚未发布')
    expect(shown('assessment-total')).toBe(false)
    expect(shown('assessment-trend')).toBe(false)
  })

  it('says so when nothing was ever published', async () => {
    backend({ 'assessment.getMine': () => ok(mine({ month: null, published: false, result: null, details: emptyDetails(), trend: [] })) })
    await opened()
    expect(byId('assessment-none').textContent).toContain('还没有已发布的考核结果')
  })

  it('appeals once, validating the reason as it is typed, then shows the appeal state', async () => {
    const calls = backend({
      'assessment.appeal': ({ id, reason }) =>
        ok(result({ id, canAppeal: false, appeal: { reason, appealedAt: '2026-11-27T02:00:00.000Z', status: 'pending', decidedAt: null, decidedByName: null, comment: null } })),
    })
    await opened()
    fireEvent.click(byId('assessment-appeal'))
    type('assessment-appeal-reason', '不对')
    expect(errorText('assessment-appeal-reason')).toBe('请写明申诉理由（至少5个字）')
    fireEvent.click(byId('assessment-appeal-submit'))
    expect(calls.callsTo('assessment.appeal')).toHaveLength(0)

    type('assessment-appeal-reason', '  10月18日的违规已撤销，不应扣分  ')
    expect(errorText('assessment-appeal-reason')).toBeNull()
    fireEvent.click(byId('assessment-appeal-submit'))
    await waitFor(() => byId('assessment-appeal-status'))
    expect(calls.callsTo('assessment.appeal')[0].payload).toEqual({ id: 'result-2026-10-p-zhang', reason: '10月18日的违规已撤销，不应扣分' })
    expect(byId('assessment-appeal-status').textContent).toBe('申诉：申诉处理中2026-11-27 10:00 提交：10月18日的违规已撤销，不应扣分')
    expect(shown('assessment-appeal')).toBe(false)
    expect(shown('assessment-appeal-form')).toBe(false)
  })

  it('keeps the form and shows the refusal when the appeal is refused', async () => {
    backend({ 'assessment.appeal': () => fail('RESULT_ALREADY_APPEALED', '该月考核结果已申诉过，每月只能申诉一次') })
    await opened()
    fireEvent.click(byId('assessment-appeal'))
    type('assessment-appeal-reason', '沟通评分与实际不符')
    fireEvent.click(byId('assessment-appeal-submit'))
    await waitFor(() => expect(byId('assessment-appeal-error').textContent).toBe('该月考核结果已申诉过，每月只能申诉一次'))
    expect(shown('assessment-appeal-status')).toBe(false)
  })

  it('shows a decided appeal and the adjustment beside the computed score, without an appeal button', async () => {
    backend({
      'assessment.getMine': () =>
        ok(
          mine({
            result: result({
              total: 80,
              grade: '良好',
              canAppeal: false,
              appeal: { reason: '违规已撤销', appealedAt: '2026-11-20T02:00:00.000Z', status: 'adjusted', decidedAt: '2026-11-21T02:00:00.000Z', decidedByName: '王五', comment: '违规已撤销，补回扣分' },
              adjustment: { total: 80, grade: '良好', comment: '违规已撤销，补回扣分', adjustedAt: '2026-11-21T02:00:00.000Z', adjustedByName: '王五' },
            }),
          }),
        ),
    })
    await opened()
    expect(byId('assessment-total').textContent).toBe('80')
    expect(byId('assessment-grade').textContent).toBe('良好')
    expect(byId('assessment-adjusted').textContent).toBe('申诉后由王五调整为 80 分（良好）：违规已撤销，补回扣分')
    expect(byId('assessment-appeal-status').textContent).toContain('申诉：已调整')
    expect(byId('assessment-appeal-decision').textContent).toBe('王五 2026-11-21 10:00 处理：违规已撤销，补回扣分')
    expect(shown('assessment-appeal')).toBe(false)
  })

  it('opens a person of the department for a head, by the result id in the link', async () => {
    routeTo(useRouter, '/packages/assessment/mine/index', { id: 'result-2026-10-p-zhang' })
    const calls = backend({}, head)
    await opened()
    expect(calls.callsTo('assessment.getMine')[0].payload).toEqual({ month: '2026-10', personId: 'p-zhang' })
    expect(byId('assessment-mine').textContent).toContain('张三的考核')
    expect(shown('assessment-decide')).toBe(false)
  })

  it('lets an admin decide a pending appeal: adjust needs a valid total and a comment', async () => {
    routeTo(useRouter, '/packages/assessment/mine/index', { id: 'result-2026-10-p-zhang' })
    const pending = { reason: '违规已撤销', appealedAt: '2026-11-20T02:00:00.000Z', status: 'pending' as const, decidedAt: null, decidedByName: null, comment: null }
    const calls = backend(
      {
        'assessment.getMine': () => ok(mine({ result: result({ canAppeal: false, appeal: pending }) })),
        'assessment.decideAppeal': ({ total, comment }) =>
          ok(
            result({
              total,
              grade: '良好',
              canAppeal: false,
              appeal: { ...pending, status: 'adjusted', decidedAt: '2026-11-27T02:00:00.000Z', decidedByName: '王五', comment },
              adjustment: { total, grade: '良好', comment, adjustedAt: '2026-11-27T02:00:00.000Z', adjustedByName: '王五' },
            }),
          ),
      },
      admin,
    )
    await opened()
    fireEvent.click(byId('assessment-decide-adjust'))
    type('assessment-decide-total', '120')
    fireEvent.click(byId('assessment-decide-submit'))
    expect(errorText('assessment-decide-total')).toBe('总分须在0-100之间')
    expect(errorText('assessment-decide-comment')).toBe('请填写处理意见')
    expect(calls.callsTo('assessment.decideAppeal')).toHaveLength(0)

    type('assessment-decide-total', '80.5')
    type('assessment-decide-comment', '违规已撤销')
    fireEvent.click(byId('assessment-decide-submit'))
    await waitFor(() => byId('assessment-adjusted'))
    expect(calls.callsTo('assessment.decideAppeal')[0].payload).toEqual({ id: 'result-2026-10-p-zhang', decision: 'adjust', total: 80.5, comment: '违规已撤销' })
    expect(byId('assessment-total').textContent).toBe('80.5')
    expect(shown('assessment-decide')).toBe(false)
  })

  it('reloads instead of keeping the decide form when another admin decided first', async () => {
    const pending = { reason: '违规已撤销', appealedAt: '2026-11-20T02:00:00.000Z', status: 'pending' as const, decidedAt: null, decidedByName: null, comment: null }
    let decided = false
    const calls = backend(
      {
        'assessment.getMine': () =>
          ok(mine({ result: result({ canAppeal: false, appeal: decided ? { ...pending, status: 'upheld', decidedAt: '2026-11-27T01:00:00.000Z', decidedByName: '陈静', comment: '核实无误' } : pending }) })),
        'assessment.decideAppeal': () => {
          decided = true
          return fail('INVALID_STATE', '状态已变化')
        },
      },
      admin,
    )
    await opened()
    type('assessment-decide-comment', '维持原结果')
    fireEvent.click(byId('assessment-decide-submit'))
    await waitFor(() => expect(calls.callsTo('assessment.getMine')).toHaveLength(2))
    await waitFor(() => byId('assessment-appeal-decision'))
    expect(calls.callsTo('assessment.decideAppeal')[0].payload).toEqual({ id: 'result-2026-10-p-zhang', decision: 'uphold', comment: '维持原结果' })
    expect(byId('assessment-appeal-status').textContent).toContain('申诉：维持原结果')
    expect(shown('assessment-decide')).toBe(false)
  })
})
