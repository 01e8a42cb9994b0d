import type { ActionInput, ActionOutput, SecuritySettings, SelfCheck, SelfCheckOverview } from '@contract'
import { callAction } from './cloud'

export type { SecuritySettings, SelfCheck, SelfCheckOverview }

export function getSelfCheck(month?: string): Promise<SelfCheckOverview> {
  return callAction('security.getSelfCheck', month ? { month } : {})
}

export interface SelfCheckAnswers {
  paymentPasswordStrong: boolean
  passwordChangedOn: string
  securityVerificationOn: boolean
  noUnknownLinks: boolean
  note: string
}

export function submitSelfCheck(answers: SelfCheckAnswers): Promise<SelfCheck> {
  const note = answers.note.trim()
  return callAction('security.submitSelfCheck', {
    paymentPasswordStrong: answers.paymentPasswordStrong,
    passwordChangedOn: answers.passwordChangedOn,
    securityVerificationOn: answers.securityVerificationOn,
    noUnknownLinks: answers.noUnknownLinks,
    ...(note ? { note } : {}),
  })
}

export type SelfCheckList = ActionOutput<'security.listSelfChecks'>
export type SelfCheckRow = SelfCheckList['items'][number]

export interface SelfChecksQuery {
  page: number
  pageSize: number
  month?: string
  done?: boolean
}

export function listSelfChecks(query: SelfChecksQuery): Promise<SelfCheckList> {
  const payload: ActionInput<'security.listSelfChecks'> = { page: query.page, pageSize: query.pageSize }
  if (query.month) payload.month = query.month
  if (query.done !== undefined) payload.done = query.done
  return callAction('security.listSelfChecks', payload)
}

export function getSecuritySettings(): Promise<SecuritySettings> {
  return callAction('security.getSettings', {})
}

export function updateSecuritySettings(settings: SecuritySettings): Promise<SecuritySettings> {
  return callAction('security.updateSettings', settings)
}
