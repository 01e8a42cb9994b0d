import type { AccountStatus, AccountSummary } from '../../../types/contract'
import { maskMobile } from '../domain/mask'
import { inEffect } from '../domain/workflow/delegation'

export const ACCOUNTS = 'accounts'

/** Statuses in which a person still holds the account. */
export const HELD_ACCOUNT_STATUSES: AccountStatus[] = ['active', 'delegated', 'handing_over', 'suspended']

/** Statuses in which the holder may have someone operate the account for them. */
export const DELEGABLE_ACCOUNT_STATUSES: AccountStatus[] = ['active', 'delegated']

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
  /** Approved delegations not yet over, kept on the account so approval can check overlaps inside one transaction. */
  approvedDelegations?: ApprovedDelegation[]
  createdAt: Date
  updatedAt: Date
}

export interface ApprovedDelegation {
  id: string
  delegateId: string
  delegateName: string
  startsOn: string
  endsOn: string
}

export function delegationInEffect(doc: AccountDoc, today: string): ApprovedDelegation | null {
  return (doc.approvedDelegations ?? []).find((d) => inEffect(d, today)) ?? null
}

/** One account per WeChat ID: the id is derived from it, so a transaction can see a clash. */
export function accountIdFor(wechatId: string): string {
  return `acct-${wechatId.toLowerCase()}`
}

export function toAccountSummary(doc: AccountDoc, departmentName: string, today: string): AccountSummary {
  const current = delegationInEffect(doc, today)
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
    delegation: current ? { id: current.id, delegateName: current.delegateName, endsOn: current.endsOn } : null,
  }
}
