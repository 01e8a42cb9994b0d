import { checklistItems } from '../../../../types/contract'
import { checklistComplete, handoverFlow, mayTick } from './handover'

describe('handover transitions', () => {
  it('lets the holder’s head designate the receiver, once', () => {
    expect(handoverFlow.decide('designating', 'designate', ['ownHead'])).toEqual({ ok: true, next: 'in_progress' })
    expect(handoverFlow.decide('in_progress', 'designate', ['ownHead'])).toEqual({ ok: false, refusal: 'INVALID_STATE' })
    expect(handoverFlow.decide('designating', 'designate', ['otherHead'])).toEqual({ ok: false, refusal: 'OUT_OF_SCOPE' })
    expect(handoverFlow.decide('designating', 'designate', ['owner', 'ownHead'])).toEqual({ ok: false, refusal: 'SELF_APPROVAL' })
    expect(handoverFlow.decide('designating', 'designate', ['admin'])).toEqual({ ok: false, refusal: 'FORBIDDEN' })
  })

  it('lets only admins close, and never their own', () => {
    expect(handoverFlow.decide('in_progress', 'close', ['admin'])).toEqual({ ok: true, next: 'closed' })
    expect(handoverFlow.decide('in_progress', 'close', ['ownHead'])).toEqual({ ok: false, refusal: 'FORBIDDEN' })
    expect(handoverFlow.decide('designating', 'close', ['admin'])).toEqual({ ok: false, refusal: 'INVALID_STATE' })
    expect(handoverFlow.decide('in_progress', 'close', ['owner', 'admin'])).toEqual({ ok: false, refusal: 'SELF_APPROVAL' })
  })

  it('can be cancelled until closed', () => {
    expect(handoverFlow.decide('designating', 'cancel', ['ownHead'])).toEqual({ ok: true, next: 'cancelled' })
    expect(handoverFlow.decide('in_progress', 'cancel', ['admin'])).toEqual({ ok: true, next: 'cancelled' })
    expect(handoverFlow.decide('closed', 'cancel', ['admin'])).toEqual({ ok: false, refusal: 'INVALID_STATE' })
    expect(handoverFlow.decide('in_progress', 'cancel', ['owner'])).toEqual({ ok: false, refusal: 'FORBIDDEN' })
  })

  it('accepts ticks only while in progress', () => {
    expect(handoverFlow.decide('in_progress', 'tick', ['colleague'])).toEqual({ ok: true, next: 'in_progress' })
    expect(handoverFlow.decide('designating', 'tick', ['owner'])).toEqual({ ok: false, refusal: 'INVALID_STATE' })
    expect(handoverFlow.decide('closed', 'tick', ['admin'])).toEqual({ ok: false, refusal: 'INVALID_STATE' })
  })
})

describe('checklist', () => {
  const nobody = { isHolder: false, isReceiver: false, isAdmin: false }
  it.each([
    ['customers_transferred', { ...nobody, isHolder: true }],
    ['personal_unbound', { ...nobody, isHolder: true }],
    ['personal_info_cleared', { ...nobody, isHolder: true }],
    ['password_changed', { ...nobody, isAdmin: true }],
    ['receipt_confirmed', { ...nobody, isReceiver: true }],
  ] as const)('%s is ticked by its responsible party only', (item, party) => {
    expect(mayTick(item, party)).toBe(true)
    for (const other of [{ ...nobody, isHolder: true }, { ...nobody, isReceiver: true }, { ...nobody, isAdmin: true }]) {
      if (JSON.stringify(other) !== JSON.stringify(party)) expect(mayTick(item, other)).toBe(false)
    }
  })

  it('is complete only when every item is done', () => {
    const all = Object.fromEntries(checklistItems.map((i) => [i, new Date()]))
    expect(checklistComplete(all)).toBe(true)
    expect(checklistComplete({ ...all, receipt_confirmed: null })).toBe(false)
    expect(checklistComplete({})).toBe(false)
  })
})
