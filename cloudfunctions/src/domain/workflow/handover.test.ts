import { checklistItems, handoverEvents, handoverStatuses } from '../../../../types/contract'
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

describe('handover transition table, every cell', () => {
  const relations = ['owner', 'ownHead', 'otherHead', 'admin', 'colleague', 'system'] as const
  /** The cells that succeed; the rest are refused as derived below. */
  const allowed: Record<string, string> = {
    'designating/designate/ownHead': 'in_progress',
    'designating/cancel/ownHead': 'cancelled',
    'designating/cancel/admin': 'cancelled',
    'in_progress/cancel/ownHead': 'cancelled',
    'in_progress/cancel/admin': 'cancelled',
    'in_progress/close/admin': 'closed',
    ...Object.fromEntries(['owner', 'ownHead', 'otherHead', 'admin', 'colleague'].map((r) => [`in_progress/tick/${r}`, 'in_progress'])),
  }
  const mayCause: Record<string, readonly string[]> = {
    designate: ['ownHead'],
    tick: ['owner', 'ownHead', 'otherHead', 'admin', 'colleague'],
    close: ['admin'],
    cancel: ['ownHead', 'admin'],
  }
  const cells = handoverStatuses.flatMap((s) => handoverEvents.flatMap((e) => relations.map((r) => [s, e, r] as const)))

  it('covers every state × event × relation', () => {
    expect(cells).toHaveLength(4 * 4 * 6)
  })

  it.each(cells)('%s + %s by %s', (state, event, relation) => {
    const decision = handoverFlow.decide(state, event, [relation])
    let want = allowed[`${state}/${event}/${relation}`]
    if (!want) {
      if (!mayCause[event].includes(relation)) want = relation === 'otherHead' && mayCause[event].includes('ownHead') ? 'OUT_OF_SCOPE' : 'FORBIDDEN'
      else want = 'INVALID_STATE'
    }
    expect(decision.ok ? decision.next : decision.refusal).toBe(want)
  })
})
