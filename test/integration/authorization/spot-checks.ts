import { cast } from '../../support/company'
import { must, OK, type MatrixWorld, type Row } from './matrix'

/**
 * The record is the employee's check in a round their head drew of the whole department (so
 * the head is its checker); the other head's department is not in it. The person sees their
 * check only once it is scored.
 */
export function spotCheckRows(world: MatrixWorld): Row[] {
  const round = async (): Promise<string> => {
    const { id } = await must<{ id: string }>(world.as(cast.eastHead)('spotCheck.startRound', { size: 8, seed: 'matrix' }))
    return id
  }
  const check = async (scored: boolean): Promise<string> => {
    const { checks } = await must<{ checks: Array<{ id: string; personId: string }> }>(world.as(cast.eastHead)('spotCheck.startRound', { size: 8, seed: 'matrix' }))
    const id = checks.find((c) => c.personId === cast.eastEmployee)!.id
    if (scored) await must(world.as(cast.eastHead)('spotCheck.score', { id, firstReplyMinutes: 20, rubric: { clarity: 4, courtesy: 5, infoHandling: 4 } }))
    return id
  }
  const scoring = { firstReplyMinutes: 8, rubric: { clarity: 5, courtesy: 4, infoHandling: 4 }, notes: '答复清楚' }
  return [
    { action: 'spotCheck.startRound', setup: async () => null, payload: () => ({ departmentIds: ['dept-sales-east'], size: 2 }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'spotCheck.getRound', setup: round, payload: (id) => ({ id }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'spotCheck.listRounds', setup: round, payload: () => ({ departmentId: 'dept-sales-east' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'spotCheck.get', setup: () => check(true), payload: (id) => ({ id }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'spotCheck.list', setup: () => check(false), payload: () => ({ scope: 'department', departmentId: 'dept-sales-east' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'spotCheck.listMine', setup: () => check(true), payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
    { action: 'spotCheck.score', setup: () => check(false), payload: (id) => ({ id, ...scoring }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'spotCheck.comment', setup: () => check(true), payload: (id) => ({ id, comment: '客户当时在开会，稍后已回复' }), expect: { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN' } },
  ]
}
