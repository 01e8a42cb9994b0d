import { daysBetween } from '../../../types/contract'

export interface SelfCheckAnswers {
  paymentPasswordStrong: boolean
  passwordChangedOn: string
  securityVerificationOn: boolean
  noUnknownLinks: boolean
}

/** 二.三.1–3, as what the employee confirms each month; each failing point is named so it can be fixed. */
export function selfCheckIssues(answers: SelfCheckAnswers, today: string, passwordMaxAgeDays: number): string[] {
  const issues: string[] = []
  if (!answers.paymentPasswordStrong) issues.push('微信支付密码强度不足，请设置不易被猜到的密码')
  if (daysBetween(answers.passwordChangedOn, today) > passwordMaxAgeDays) issues.push(`登录密码已超过${passwordMaxAgeDays}天未修改`)
  if (!answers.securityVerificationOn) issues.push('未开启账号安全验证')
  if (!answers.noUnknownLinks) issues.push('曾点击来源不明的链接或二维码，请留意账号异常')
  return issues
}

export function selfCheckDueOn(month: string, dueDay: number): string {
  return `${month}-${String(dueDay).padStart(2, '0')}`
}

export function passwordTooOld(passwordChangedOn: string | null, today: string, passwordMaxAgeDays: number): boolean {
  return passwordChangedOn !== null && daysBetween(passwordChangedOn, today) > passwordMaxAgeDays
}
