import { delegationEvents, delegationStatuses } from '../../../../types/contract'
import { delegationFlow, inEffect, periodAcceptable, periodsOverlap } from './delegation'
import type { Relation } from './workflow'

const relations: Relation[] = ['owner', 'ownHead', 'otherHead', 'admin', 'colleague', 'system']

/** Only these cells succeed; every other cell's refusal is derived below and listed in full by the test names. */
const allowed: Record<string, string> = {
  'pending/approve/ownHead': 'approved',
  'pending/reject/ownHead': 'rejected',
  'pending/withdraw/owner': 'withdrawn',
  'approved/revoke/owner': 'revoked',
  'approved/revoke/ownHead': 'revoked',
  'approved/revoke/admin': 'revoked',
  'approved/expire/system': 'ended',
}
/** Who may cause each event at all (from some state). */
const mayCause: Record<string, Relation[]> = {
  approve: ['ownHead'],
  reject: ['ownHead'],
  withdraw: ['owner'],
  revoke: ['owner', 'ownHead', 'admin'],
  expire: ['system'],
}

describe('delegation transition table', () => {
  const cells = delegationStatuses.flatMap((s) => delegationEvents.flatMap((e) => relations.map((r) => [s, e, r] as const)))

  it('covers every state × event × relation', () => {
    expect(cells).toHaveLength(6 * 5 * 6)
  })

  it.each(cells)('%s + %s by %s', (state, event, relation) => {
    const decision = delegationFlow.decide(state, event, [relation])
    const success = allowed[`${state}/${event}/${relation}`]
    let want: string
    if (success) want = success
    else if (!mayCause[event].includes(relation)) want = relation === 'otherHead' && mayCause[event].includes('ownHead') ? 'OUT_OF_SCOPE' : 'FORBIDDEN'
    else want = 'INVALID_STATE'
    expect(decision.ok ? decision.next : decision.refusal).toBe(want)
  })

  it('does not let a head approve their own delegation', () => {
    expect(delegationFlow.decide('pending', 'approve', ['owner', 'ownHead'])).toEqual({ ok: false, refusal: 'SELF_APPROVAL' })
  })
})

describe('delegation periods', () => {
  it('overlap when they share a day, inclusive', () => {
    expect(periodsOverlap({ startsOn: '2026-12-01', endsOn: '2026-12-05' }, { startsOn: '2026-12-05', endsOn: '2026-12-09' })).toBe(true)
    expect(periodsOverlap({ startsOn: '2026-12-01', endsOn: '2026-12-04' }, { startsOn: '2026-12-05', endsOn: '2026-12-09' })).toBe(false)
    expect(periodsOverlap({ startsOn: '2026-12-01', endsOn: '2026-12-31' }, { startsOn: '2026-12-10', endsOn: '2026-12-11' })).toBe(true)
  })

  it('are in effect from the first to the last day', () => {
    const p = { startsOn: '2026-12-01', endsOn: '2026-12-05' }
    expect(['2026-11-30', '2026-12-01', '2026-12-05', '2026-12-06'].map((d) => inEffect(p, d))).toEqual([false, true, true, false])
  })

  it('start today or later and last at most 90 days', () => {
    expect(periodAcceptable({ startsOn: '2026-11-27', endsOn: '2026-11-27' }, '2026-11-27')).toBe(true)
    expect(periodAcceptable({ startsOn: '2026-11-26', endsOn: '2026-11-28' }, '2026-11-27')).toBe(false)
    expect(periodAcceptable({ startsOn: '2026-11-27', endsOn: '2027-02-24' }, '2026-11-27')).toBe(true)
    expect(periodAcceptable({ startsOn: '2026-11-27', endsOn: '2027-02-25' }, '2026-11-27')).toBe(false)
  })
})
