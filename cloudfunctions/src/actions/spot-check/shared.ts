import type { ErrorCode, SpotCheckDetail, SpotCheckEvent } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import { departmentName, loadDepartments } from '../../repos/departments'
import type { PersonDoc } from '../../repos/people'
import { loadSpotCheck, toSpotCheckDetail, type SpotCheckDoc } from '../../repos/spot-checks'

export async function departmentNames(ctx: ActionContext): Promise<Map<string, string>> {
  return new Map((await loadDepartments(ctx.db)).map((d) => [d._id, d.name]))
}

/**
 * Who sees a check: admins, the checker, the head of the person's department, and the person
 * once it is scored. Until then it does not exist for them: a check announced in advance
 * would let the conversations it looks at be tidied up first.
 */
export function invisibleRefusal(me: PersonDoc, doc: SpotCheckDoc): ErrorCode | null {
  if (me.role === 'admin' || me._id === doc.checkerId) return null
  if (me._id === doc.personId) return doc.status === 'scored' ? null : 'NOT_FOUND'
  if (me.role === 'head') return me.departmentId === doc.departmentId ? null : 'OUT_OF_SCOPE'
  return 'FORBIDDEN'
}

/** Only the checker or an admin scores, never the person checked, and only once. */
export function mayScore(me: PersonDoc, doc: SpotCheckDoc): boolean {
  return (me._id === doc.checkerId || me.role === 'admin') && me._id !== doc.personId
}

export function availableEvents(me: PersonDoc, doc: SpotCheckDoc): SpotCheckEvent[] {
  const events: SpotCheckEvent[] = []
  if (doc.status === 'pending' && mayScore(me, doc)) events.push('score')
  if (doc.status === 'scored' && me._id === doc.personId && doc.employeeComment === null) events.push('comment')
  return events
}

/** A check the caller may see, or the refusal that says they may not. */
export async function loadVisibleCheck(ctx: ActionContext, id: string): Promise<SpotCheckDoc> {
  const me = requirePerson(ctx)
  const doc = await loadSpotCheck(ctx.db, id)
  if (!doc) refuse('NOT_FOUND')
  const refusal = invisibleRefusal(me, doc)
  if (refusal) refuse(refusal)
  return doc
}

export async function checkDetailFor(ctx: ActionContext, doc: SpotCheckDoc): Promise<SpotCheckDetail> {
  const me = requirePerson(ctx)
  return toSpotCheckDetail(doc, await departmentName(ctx.db, doc.departmentId), availableEvents(me, doc))
}
