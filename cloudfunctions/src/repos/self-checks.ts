import type { SelfCheck } from '../../../types/contract'

export const SELF_CHECKS = 'self_checks'

export interface SelfCheckDoc {
  _id: string
  personId: string
  departmentId: string
  month: string
  paymentPasswordStrong: boolean
  passwordChangedOn: string
  securityVerificationOn: boolean
  noUnknownLinks: boolean
  note: string | null
  passed: boolean
  issues: string[]
  submittedAt: Date
}

/** One record per person per month: the id says which, so submitting twice updates rather than duplicates. */
export function selfCheckId(personId: string, month: string): string {
  return `selfcheck-${personId}-${month}`
}

export function toSelfCheck(doc: SelfCheckDoc): SelfCheck {
  return {
    id: doc._id,
    personId: doc.personId,
    month: doc.month,
    paymentPasswordStrong: doc.paymentPasswordStrong,
    passwordChangedOn: doc.passwordChangedOn,
    securityVerificationOn: doc.securityVerificationOn,
    noUnknownLinks: doc.noUnknownLinks,
    note: doc.note,
    passed: doc.passed,
    issues: doc.issues,
    submittedAt: doc.submittedAt.toISOString(),
  }
}
