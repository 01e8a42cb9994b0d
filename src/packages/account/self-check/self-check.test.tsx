import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import SelfCheckPage from './index'
import { addDays, shanghaiToday } from '@/services/accounts'
import { installBackend, ok, fail, type Handler } from '../../../../test/doubles/backend'
import { employee } from '../../../../test/doubles/people'
import { selfCheck, selfCheckOverview } from '../../../../test/doubles/records'
import { byId, errorText, pick, pickerOf, shown, type, renderPagesAsH5 } from '../../../../test/doubles/screen'

/** A backend that remembers the submitted check, as the real one does for the month. */
function backend(handlers: Record<string, Handler> = {}) {
  let submitted: unknown = null
  const submit = handlers['security.submitSelfCheck']
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: employee }),
    'security.getSelfCheck': () => ok(selfCheckOverview({ record: submitted as never })),
    ...handlers,
    ...(submit
      ? {
          'security.submitSelfCheck': async (payload) => {
            const answer = await submit(payload)
            if (answer.ok) submitted = answer.data
            return answer
          },
        }
      : {}),
  })
}

function switchOf(id: string): HTMLElement {
  return byId(id).querySelector('.nut-switch') as HTMLElement
}

function isOn(id: string): boolean {
  return !switchOf(id).className.includes('nut-switch-close')
}

/** A tap anywhere on the question's row flips it, the switch included, exactly once. */
async function turnOn(id: string, where: 'row' | 'switch' = 'row'): Promise<void> {
  fireEvent.click(where === 'row' ? byId(id) : switchOf(id))
  await waitFor(() => expect(isOn(id)).toBe(true))
}

renderPagesAsH5()

describe('monthly security self-check', () => {
  it('shows this month’s status, the due date and an overdue warning', async () => {
    backend({ 'security.getSelfCheck': () => ok(selfCheckOverview({ overdue: true, passwordAgeDays: 120, passwordTooOld: true })) })
    render(<SelfCheckPage />)
    await waitFor(() => byId('self-check'))
    expect(byId('self-check-state').textContent).toBe('未完成')
    expect(byId('self-check-due').textContent).toContain('2026-03-10')
    expect(byId('self-check-overdue').textContent).toContain('已逾期')
    expect(byId('self-check-password-age').textContent).toContain('登录密码已 120 天未修改（要求 90 天内）')
    expect(shown('sc-result')).toBe(false)
    expect(['sc-payment', 'sc-verification', 'sc-links'].map(isOn)).toEqual([false, false, false])
  })

  it('needs the password date, no later than today, and sends the answers', async () => {
    const calls = backend({
      'security.submitSelfCheck': (answers) => ok(selfCheck({ ...answers, note: answers.note ?? null })),
    })
    render(<SelfCheckPage />)
    await waitFor(() => byId('self-check'))
    const today = shanghaiToday()
    expect(pickerOf('sc-password-date')).toMatchObject({ end: today })

    fireEvent.click(byId('sc-submit'))
    expect(errorText('sc-password-date')).toBe('请选择登录密码最近一次修改的日期')
    expect(calls.callsTo('security.submitSelfCheck')).toHaveLength(0)

    pick('sc-password-date', addDays(today, 1))
    expect(errorText('sc-password-date')).toBe(errorMessages.DATE_IN_FUTURE)
    pick('sc-password-date', '2026-02-01')
    expect(errorText('sc-password-date')).toBeNull()

    await turnOn('sc-payment')
    await turnOn('sc-verification', 'switch')
    await turnOn('sc-links')
    type('sc-note', ' 已开启声音锁 ')
    fireEvent.click(byId('sc-submit'))

    await waitFor(() => byId('sc-result'))
    expect(byId('sc-result').textContent).toContain('本月自查通过')
    expect(shown('sc-issues')).toBe(false)
    expect(byId('self-check-state').textContent).toBe('已完成 · 通过')
    expect(calls.callsTo('security.submitSelfCheck')[0]?.payload).toEqual({
      paymentPasswordStrong: true,
      passwordChangedOn: '2026-02-01',
      securityVerificationOn: true,
      noUnknownLinks: true,
      note: '已开启声音锁',
    })
  })

  it('names the issues found', async () => {
    const issues = ['微信支付密码强度不足，请设置不易被猜到的密码', '登录密码已超过90天未修改']
    backend({
      'security.submitSelfCheck': (answers) => ok(selfCheck({ ...answers, passed: false, issues })),
    })
    render(<SelfCheckPage />)
    await waitFor(() => byId('self-check'))
    pick('sc-password-date', '2025-10-01')
    fireEvent.click(byId('sc-submit'))
    await waitFor(() => byId('sc-issues'))
    expect(byId('sc-result').textContent).toContain('发现 2 项问题')
    expect(within(byId('sc-issues')).getByText(`1. ${issues[0]}`)).toBeTruthy()
    expect(within(byId('sc-issues')).getByText(`2. ${issues[1]}`)).toBeTruthy()
  })

  it('shows a check already done this month, with the answers ready to change', async () => {
    backend({
      'security.getSelfCheck': () => ok(selfCheckOverview({ record: selfCheck({ securityVerificationOn: false, passed: false, issues: ['未开启账号安全验证'] }), passwordAgeDays: 30 })),
    })
    render(<SelfCheckPage />)
    await waitFor(() => byId('sc-result'))
    expect(byId('self-check-state').textContent).toBe('已完成 · 有问题')
    expect(byId('sc-issues').textContent).toContain('未开启账号安全验证')
    expect(isOn('sc-payment')).toBe(true)
    expect(isOn('sc-verification')).toBe(false)
    expect(pickerOf('sc-password-date').value).toBe('2026-02-01')
    expect(byId('sc-submit').textContent).toContain('重新提交')
  })

  it('puts a refused date next to the date', async () => {
    backend({ 'security.submitSelfCheck': () => fail('DATE_IN_FUTURE', errorMessages.DATE_IN_FUTURE) })
    render(<SelfCheckPage />)
    await waitFor(() => byId('self-check'))
    pick('sc-password-date', shanghaiToday())
    fireEvent.click(byId('sc-submit'))
    await waitFor(() => expect(errorText('sc-password-date')).toBe(errorMessages.DATE_IN_FUTURE))
    expect(Taro.showToast).not.toHaveBeenCalledWith(expect.objectContaining({ title: '已提交' }))
  })
})
