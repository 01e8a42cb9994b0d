import { act, fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import PolicyReadPage from './index'
import { getAppState } from '@/store/app'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee } from '../../../../test/doubles/people'
import { currentPolicy, policyVersion } from '../../../../test/doubles/policy'
import { byId, renderPagesAsH5, shown } from '../../../../test/doubles/screen'

const pendingPolicy = { versionId: 'policy-v2', number: 2, title: '业务微信管理制度', dueOn: '2026-03-08', overdue: false }

function open(handlers: Record<string, Handler> = {}, policyToAcknowledge: typeof pendingPolicy | null = pendingPolicy) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: employee, policyToAcknowledge }),
    'policy.getCurrent': () => ok(currentPolicy()),
    ...handlers,
  })
}

const originalQuery = (Taro.createSelectorQuery as jest.Mock).getMockImplementation()

/** The body as laid out on a phone: `top` px below the top of the page, `height` px tall. */
function layBodyOut(top: number, height: number): void {
  ;(Taro.createSelectorQuery as jest.Mock).mockImplementation(() => {
    const query = {
      select: () => node,
      exec: (callback?: (result: unknown[]) => void) => {
        // Like the real query, the rectangle is relative to the screen as it is scrolled now.
        callback?.([{ top: top - scrolledTo, height, width: 375, left: 0, right: 375, bottom: top - scrolledTo + height }])
        return query
      },
    }
    const node = { boundingClientRect: () => query }
    return query
  })
}

let scrolledTo = 0

function scrollPage(scrollTop: number): void {
  scrolledTo = scrollTop
  const calls = (Taro.usePageScroll as jest.Mock).mock.calls
  const latest = calls[calls.length - 1]?.[0] as (payload: { scrollTop: number }) => void
  act(() => latest({ scrollTop }))
}

function progress(): string {
  return byId('policy-progress-text').textContent ?? ''
}

function acknowledgeButton(): HTMLElement {
  return byId('policy-acknowledge')
}

function enabled(element: HTMLElement): boolean {
  return !element.className.includes('nut-button-disabled')
}

function answer(questionKey: string, option: number): void {
  fireEvent.click(byId(`quiz-${questionKey}-option-${option}`))
}

function answerAllRight(): void {
  answer('q-verify', 1)
  answer('q-password', 1)
  answer('q-scope', 0)
}

renderPagesAsH5()

beforeEach(() => {
  scrolledTo = 0
})

afterEach(() => {
  ;(Taro.createSelectorQuery as jest.Mock).mockImplementation(originalQuery)
})

describe('reading the policy in force', () => {
  it('shows the version, its date, what changed and when it is due, with the numbered text', async () => {
    open({ 'policy.getCurrent': () => ok(currentPolicy({ overdue: true })) })
    render(<PolicyReadPage />)
    await waitFor(() => byId('policy-read'))
    expect(byId('policy-title').textContent).toBe('业务微信管理制度')
    expect(byId('policy-number').textContent).toBe('第2版')
    expect(byId('policy-in-force').textContent).toBe('现行')
    expect(byId('policy-effective').textContent).toBe('生效日期 2026-03-01')
    expect(byId('policy-change-summary').textContent).toContain('新增添加客户的要求')
    expect(byId('policy-due').textContent).toContain('已超过确认期限（2026-03-08）')
    expect(byId('policy-due').className).toContain('overdue')
    expect(within(byId('policy-body')).getByText('二、日常使用')).toBeTruthy()
    expect(within(byId('section-add-customer')).getByText('2.1 添加客户')).toBeTruthy()
    expect(within(byId('section-add-customer')).getByText('（2）')).toBeTruthy()
    fireEvent.click(byId('policy-history'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/versions/index' })
  })

  it('opens while the policy waits for acknowledgement, which stops every other screen', async () => {
    open()
    render(<PolicyReadPage />)
    await waitFor(() => byId('policy-read'))
    expect(shown('policy-stop')).toBe(false)
  })

  it('offers the acknowledgement only once the text was read to its end, and does not take it back', async () => {
    layBodyOut(300, 3000)
    open()
    render(<PolicyReadPage />)
    await waitFor(() => expect(progress()).toBe('已读 17%'))
    expect(enabled(acknowledgeButton())).toBe(false)
    expect(byId('policy-ack-hint').textContent).toBe('请阅读至全文末尾')
    // Before the end, the questions and the confirmation cannot be touched.
    answer('q-verify', 1)
    fireEvent.click(byId('policy-confirm'))
    expect(byId('quiz-q-verify-option-1').className).not.toContain('checked')
    expect(byId('policy-confirm').className).not.toContain('checked')

    scrollPage(1500)
    expect(progress()).toBe('已读 67%')
    scrollPage(2487)
    expect(progress()).toBe('已读 99%')
    scrollPage(2488)
    expect(progress()).toBe('已读 100%')
    scrollPage(0)
    expect(progress()).toBe('已读 100%')

    expect(byId('policy-ack-hint').textContent).toBe('还有 3 题未作答')
    answerAllRight()
    expect(byId('quiz-q-verify-option-1').className).toContain('checked')
    expect(byId('policy-ack-hint').textContent).toBe('请勾选上方的确认')
    expect(enabled(acknowledgeButton())).toBe(false)
    fireEvent.click(byId('policy-confirm'))
    expect(byId('policy-confirm').className).toContain('checked')
    expect(shown('policy-ack-hint')).toBe(false)
    expect(enabled(acknowledgeButton())).toBe(true)
  })

  it('counts a policy shorter than the screen as read', async () => {
    layBodyOut(300, 400)
    open()
    render(<PolicyReadPage />)
    await waitFor(() => expect(progress()).toBe('已读 100%'))
  })

  it('sends the reader back to the sections behind wrong answers, keeping the answers to change', async () => {
    let attempt = 0
    const backend = open({
      'policy.acknowledge': () => {
        attempt += 1
        return attempt === 1
          ? ok({
              outcome: 'retry',
              wrong: [{ questionKey: 'q-verify', prompt: '客户要验证码时应当？', sectionKey: 'add-customer', sectionLabel: '2.1 添加客户', clauses: ['只添加业务往来客户。', '不得向客户索要验证码。'] }],
            })
          : ok({ outcome: 'acknowledged', acknowledgement: { versionId: 'policy-v2', versionNumber: 2, acknowledgedAt: '2026-03-02T02:30:00.000Z', quizAsked: 3, quizFailedAttempts: 1 } })
      },
    })
    render(<PolicyReadPage />)
    await waitFor(() => expect(progress()).toBe('已读 100%'))
    answer('q-verify', 0)
    answer('q-password', 1)
    answer('q-scope', 0)
    fireEvent.click(byId('policy-confirm'))
    fireEvent.click(acknowledgeButton())

    await waitFor(() => byId('policy-wrong'))
    const wrong = byId('policy-wrong-q-verify')
    expect(wrong.textContent).toContain('客户要验证码时应当？')
    expect(wrong.textContent).toContain('2.1 添加客户')
    expect(wrong.textContent).toContain('不得向客户索要验证码。')
    expect(byId('quiz-q-verify').className).toContain('wrong')
    fireEvent.click(byId('policy-wrong-q-verify-goto'))
    expect(Taro.pageScrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ selector: '#section-add-customer' }))

    // The answers stay as they were; only the wrong one needs changing.
    expect(byId('quiz-q-password-option-1').className).toContain('checked')
    expect(byId('policy-confirm').className).toContain('checked')
    answer('q-verify', 1)
    fireEvent.click(acknowledgeButton())
    await waitFor(() => byId('policy-continue'))
    expect(backend.callsTo('policy.acknowledge').map((call) => call.payload)).toEqual([
      {
        versionId: 'policy-v2',
        readToEnd: true,
        confirmed: true,
        answers: [
          { questionKey: 'q-verify', choice: 0 },
          { questionKey: 'q-password', choice: 1 },
          { questionKey: 'q-scope', choice: 0 },
        ],
      },
      {
        versionId: 'policy-v2',
        readToEnd: true,
        confirmed: true,
        answers: [
          { questionKey: 'q-verify', choice: 1 },
          { questionKey: 'q-password', choice: 1 },
          { questionKey: 'q-scope', choice: 0 },
        ],
      },
    ])
  })

  it('lets the app open again once acknowledged, and goes on to the workbench', async () => {
    open({
      'policy.acknowledge': () =>
        ok({ outcome: 'acknowledged', acknowledgement: { versionId: 'policy-v2', versionNumber: 2, acknowledgedAt: '2026-03-02T02:30:00.000Z', quizAsked: 3, quizFailedAttempts: 0 } }),
    })
    render(<PolicyReadPage />)
    await waitFor(() => expect(progress()).toBe('已读 100%'))
    answerAllRight()
    fireEvent.click(byId('policy-confirm'))
    fireEvent.click(acknowledgeButton())

    await waitFor(() => byId('policy-acknowledged'))
    expect(byId('policy-acknowledged').textContent).toContain('已于 2026-03-02 10:30 确认')
    expect(shown('policy-ack')).toBe(false)
    expect(shown('policy-due')).toBe(false)
    const session = getAppState().session
    expect(session.kind === 'bound' && session.policyToAcknowledge).toBeNull()
    fireEvent.click(byId('policy-continue'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/workbench/index' })
  })

  it('acknowledges a version without a quiz with the confirmation alone', async () => {
    const backend = open({
      'policy.getCurrent': () => ok(currentPolicy({ questions: [] })),
      'policy.acknowledge': () =>
        ok({ outcome: 'acknowledged', acknowledgement: { versionId: 'policy-v2', versionNumber: 2, acknowledgedAt: '2026-03-02T02:30:00.000Z', quizAsked: 0, quizFailedAttempts: 0 } }),
    })
    render(<PolicyReadPage />)
    await waitFor(() => expect(progress()).toBe('已读 100%'))
    expect(shown('policy-quiz')).toBe(false)
    fireEvent.click(byId('policy-confirm'))
    fireEvent.click(acknowledgeButton())
    await waitFor(() => byId('policy-continue'))
    expect(backend.callsTo('policy.acknowledge')[0]?.payload).toMatchObject({ answers: [] })
  })

  it('says when another version took effect meanwhile, and loads it', async () => {
    let calls = 0
    const backend = open({
      'policy.getCurrent': () => {
        calls += 1
        return ok(calls === 1 ? currentPolicy() : currentPolicy({ version: policyVersion({ id: 'policy-v3', number: 3 }) }))
      },
      'policy.acknowledge': () => fail('POLICY_NOT_IN_FORCE', errorMessages.POLICY_NOT_IN_FORCE),
    })
    render(<PolicyReadPage />)
    await waitFor(() => expect(progress()).toBe('已读 100%'))
    answerAllRight()
    fireEvent.click(byId('policy-confirm'))
    fireEvent.click(acknowledgeButton())
    await waitFor(() => byId('policy-ack-error'))
    expect(byId('policy-ack-error').textContent).toContain(errorMessages.POLICY_NOT_IN_FORCE)
    fireEvent.click(byId('policy-ack-reload'))
    await waitFor(() => expect(byId('policy-number').textContent).toBe('第3版'))
    expect(backend.callsTo('session.whoami').length).toBeGreaterThanOrEqual(2)
    // The newer version starts unanswered.
    expect(byId('quiz-q-verify-option-1').className).not.toContain('checked')
  })

  it('shows an acknowledgement already made at the top, without the quiz', async () => {
    open(
      {
        'policy.getCurrent': () =>
          ok(currentPolicy({ acknowledgement: { versionId: 'policy-v2', versionNumber: 2, acknowledgedAt: '2026-03-02T02:30:00.000Z', quizAsked: 3, quizFailedAttempts: 0 } })),
      },
      null,
    )
    render(<PolicyReadPage />)
    await waitFor(() => byId('policy-acknowledged'))
    expect(byId('policy-acknowledged').textContent).toContain('你已于 2026-03-02 10:30 确认本版制度')
    expect(shown('policy-ack')).toBe(false)
    expect(shown('policy-progress')).toBe(false)
    expect(shown('policy-due')).toBe(false)
    expect(shown('policy-body')).toBe(true)
  })

  it('announces a version published to take effect later', async () => {
    open({ 'policy.getCurrent': () => ok(currentPolicy({}, policyVersion({ id: 'policy-v3', number: 3, effectiveFrom: '2026-04-01', inForce: false, upcoming: true }))) })
    render(<PolicyReadPage />)
    await waitFor(() => byId('policy-upcoming'))
    expect(byId('policy-upcoming').textContent).toContain('第3版将于 2026-04-01 生效')
    fireEvent.click(byId('policy-upcoming'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/version/index?id=policy-v3' })
  })

  it('says so when no version is in force yet', async () => {
    open({ 'policy.getCurrent': () => ok({ inForce: null, upcoming: null }) }, null)
    render(<PolicyReadPage />)
    await waitFor(() => byId('policy-empty'))
    expect(byId('policy-empty').textContent).toContain('暂无生效的管理制度')
    expect(shown('policy-ack')).toBe(false)
  })
})
