import { delegationEvents, delegationStatuses, MAX_DELEGATION_DAYS, type DelegationEvent, type DelegationStatus, daysBetween } from '../../../../types/contract'
import { defineWorkflow } from './workflow'

export type { DelegationEvent, DelegationStatus }

/**
 * 二.二.1: operating someone else's account needs the head's approval and a record.
 * An approved delegation ends by itself when its period is over (`expire`, by the
 * scheduled job), or earlier when the holder, their head or an admin revokes it.
 */
export const delegationFlow = defineWorkflow(delegationStatuses, delegationEvents, [
  { from: 'pending', event: 'approve', by: ['ownHead'], to: 'approved', notByOwner: true },
  { from: 'pending', event: 'reject', by: ['ownHead'], to: 'rejected', notByOwner: true },
  { from: 'pending', event: 'withdraw', by: ['owner'], to: 'withdrawn' },
  { from: 'approved', event: 'revoke', by: ['owner', 'ownHead', 'admin'], to: 'revoked' },
  { from: 'approved', event: 'expire', by: ['system'], to: 'ended' },
])

export interface Period {
  startsOn: string
  endsOn: string
}

export function periodsOverlap(a: Period, b: Period): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn
}

export function inEffect(period: Period, today: string): boolean {
  return period.startsOn <= today && today <= period.endsOn
}

/** A requested period must not start in the past and may cover at most MAX_DELEGATION_DAYS days. */
export function periodAcceptable(period: Period, today: string): boolean {
  return period.startsOn >= today && period.endsOn >= period.startsOn && daysBetween(period.startsOn, period.endsOn) < MAX_DELEGATION_DAYS
}
