import type { DelegationDetail, DelegationEvent, DelegationStatus, DelegationSummary } from '../../../types/contract'
import { inEffect } from '../domain/workflow/delegation'

export const DELEGATIONS = 'delegations'

export interface DelegationDoc {
  _id: string
  accountId: string
  accountWechatId: string
  holderId: string
  holderName: string
  delegateId: string
  delegateName: string
  departmentId: string
  startsOn: string
  endsOn: string
  reason: string
  status: DelegationStatus
  timeline: Array<{ at: Date; actorId: string; actorName: string; event: 'request' | DelegationEvent; comment: string | null }>
  requestedAt: Date
  updatedAt: Date
}

export function toDelegationSummary(doc: DelegationDoc, departmentName: string, today: string): DelegationSummary {
  return {
    id: doc._id,
    accountId: doc.accountId,
    accountWechatId: doc.accountWechatId,
    holderId: doc.holderId,
    holderName: doc.holderName,
    delegateId: doc.delegateId,
    delegateName: doc.delegateName,
    departmentId: doc.departmentId,
    departmentName,
    startsOn: doc.startsOn,
    endsOn: doc.endsOn,
    status: doc.status,
    inEffect: doc.status === 'approved' && inEffect(doc, today),
    requestedAt: doc.requestedAt.toISOString(),
  }
}

export function toDelegationDetail(doc: DelegationDoc, departmentName: string, today: string, available: DelegationEvent[]): DelegationDetail {
  return {
    ...toDelegationSummary(doc, departmentName, today),
    reason: doc.reason,
    timeline: doc.timeline.map((t) => ({ at: t.at.toISOString(), actorName: t.actorName, event: t.event, comment: t.comment })),
    available,
  }
}
