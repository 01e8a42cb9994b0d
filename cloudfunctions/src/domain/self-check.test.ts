import { passwordTooOld, selfCheckDueOn, selfCheckIssues } from './self-check'
import { shanghaiMonth } from '../../../types/contract'

const good = { paymentPasswordStrong: true, passwordChangedOn: '2026-10-01', securityVerificationOn: true, noUnknownLinks: true }

describe('self-check', () => {
  it('passes when every point is in order', () => {
    expect(selfCheckIssues(good, '2026-11-27', 90)).toEqual([])
  })

  it('names each failing point', () => {
    expect(selfCheckIssues({ paymentPasswordStrong: false, passwordChangedOn: '2026-01-01', securityVerificationOn: false, noUnknownLinks: false }, '2026-11-27', 90)).toEqual([
      '微信支付密码强度不足，请设置不易被猜到的密码',
      '登录密码已超过90天未修改',
      '未开启账号安全验证',
      '曾点击来源不明的链接或二维码，请留意账号异常',
    ])
  })

  it('counts the password age to the day, with the limit itself still allowed', () => {
    expect(selfCheckIssues({ ...good, passwordChangedOn: '2026-08-29' }, '2026-11-27', 90)).toEqual([])
    expect(selfCheckIssues({ ...good, passwordChangedOn: '2026-08-28' }, '2026-11-27', 90)).toEqual(['登录密码已超过90天未修改'])
    expect(passwordTooOld('2026-08-28', '2026-11-27', 90)).toBe(true)
    expect(passwordTooOld(null, '2026-11-27', 90)).toBe(false)
  })

  it('is due on the configured day of the month', () => {
    expect(selfCheckDueOn('2026-11', 10)).toBe('2026-11-10')
    expect(selfCheckDueOn('2026-12', 5)).toBe('2026-12-05')
  })

  it('uses Shanghai months', () => {
    expect(shanghaiMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12')
    expect(shanghaiMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11')
  })
})
