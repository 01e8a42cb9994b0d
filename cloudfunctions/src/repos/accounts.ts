import type { AccountStatus, AccountSummary } from '../../../types/contract'
import { maskMobile } from '../domain/mask'

export const ACCOUNTS = 'accounts'

/** Statuses in which a person still holds the account. */
export const HELD_ACCOUNT_STATUSES: AccountStatus[] = ['active', 'delegated', 'handing_over', 'suspended']

export interface AccountDoc {
  _id: string
  wechatId: string
  holderId: string
  holderName: string
  departmentId: string
  status: AccountStatus
  boundPhone: string
  activatedOn: string
  applicationId: string
  createdAt: Date
  updatedAt: Date
}

/** One account per WeChat ID: the id is derived from it, so a transaction can see a clash. */
export function accountIdFor(wechatId: string): string {
  return `acct-${wechatId.toLowerCase()}`
}

export function toAccountSummary(doc: AccountDoc, departmentName: string): AccountSummary {
  return {
    id: doc._id,
    wechatId: doc.wechatId,
    holderId: doc.holderId,
    holderName: doc.holderName,
    departmentId: doc.departmentId,
    departmentName,
    status: doc.status,
    boundPhoneMasked: maskMobile(doc.boundPhone),
    activatedOn: doc.activatedOn,
  }
}
