import { anomalyEvents, anomalyStatuses } from '../../../../types/contract'
import { anomalyFlow } from './anomaly'
import type { Relation } from './workflow'

const relations: Relation[] = ['owner', 'ownHead', 'otherHead', 'admin', 'colleague', 'system']

/** Expected outcome of every cell: next state, or the refusal. */
const table: Record<string, Record<string, Record<Relation, string>>> = {
  open: {
    acknowledge: { owner: 'FORBIDDEN', ownHead: 'acknowledged', otherHead: 'OUT_OF_SCOPE', admin: 'acknowledged', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    recordMeasure: { owner: 'FORBIDDEN', ownHead: 'INVALID_STATE', otherHead: 'OUT_OF_SCOPE', admin: 'INVALID_STATE', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    resolve: { owner: 'FORBIDDEN', ownHead: 'INVALID_STATE', otherHead: 'OUT_OF_SCOPE', admin: 'INVALID_STATE', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
  },
  acknowledged: {
    acknowledge: { owner: 'FORBIDDEN', ownHead: 'INVALID_STATE', otherHead: 'OUT_OF_SCOPE', admin: 'INVALID_STATE', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    recordMeasure: { owner: 'FORBIDDEN', ownHead: 'acknowledged', otherHead: 'OUT_OF_SCOPE', admin: 'acknowledged', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    resolve: { owner: 'FORBIDDEN', ownHead: 'resolved', otherHead: 'OUT_OF_SCOPE', admin: 'resolved', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
  },
  resolved: {
    acknowledge: { owner: 'FORBIDDEN', ownHead: 'INVALID_STATE', otherHead: 'OUT_OF_SCOPE', admin: 'INVALID_STATE', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    recordMeasure: { owner: 'FORBIDDEN', ownHead: 'INVALID_STATE', otherHead: 'OUT_OF_SCOPE', admin: 'INVALID_STATE', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    resolve: { owner: 'FORBIDDEN', ownHead: 'INVALID_STATE', otherHead: 'OUT_OF_SCOPE', admin: 'INVALID_STATE', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
  },
}

describe('anomaly transition table', () => {
  const cells = anomalyStatuses.flatMap((s) => anomalyEvents.flatMap((e) => relations.map((r) => [s, e, r] as const)))

  it('covers every state × event × relation', () => {
    expect(cells).toHaveLength(3 * 3 * 6)
  })

  it.each(cells)('%s + %s by %s', (state, event, relation) => {
    const decision = anomalyFlow.decide(state, event, [relation])
    expect(decision.ok ? decision.next : decision.refusal).toBe(table[state][event][relation])
  })

  it('does not let a head handle their own report', () => {
    expect(anomalyFlow.decide('open', 'acknowledge', ['owner', 'ownHead'])).toEqual({ ok: false, refusal: 'SELF_APPROVAL' })
  })
})
