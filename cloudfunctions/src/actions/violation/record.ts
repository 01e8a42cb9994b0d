import { shanghaiDate, type ActionInput, type ActionOutput, type ViolationDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import { citeSection, clauseOptions, pointsFor, recordRefusal } from '../../domain/violation'
import { notify } from '../../notify/notifier'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { loadVersionInForceWithText } from '../../repos/policy'
import { VIOLATIONS, type ViolationDoc } from '../../repos/violations'
import { callerRelationsTo } from '../shared/relations'
import { violationDetailFor } from './shared'

/**
 * Scope first, so a head probing another department learns nothing about the policy or the
 * dates; then the person, the date and the clause. The clause must be in the version in force
 * today: citing a superseded text would hold someone to rules no longer asked of them.
 */
export async function recordViolation(input: ActionInput<'violation.record'>, ctx: ActionContext): Promise<ViolationDetail> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const today = shanghaiDate(now)
  const { data } = await ctx.db.collection<PersonDoc>(PEOPLE).where({ _id: input.personId }).limit(1).get()
  const person = data[0] ?? refuse('NOT_FOUND')
  const { relations, departmentName } = await callerRelationsTo(ctx, person._id, person.departmentId)
  const scopeRefusal = recordRefusal(relations)
  if (scopeRefusal) refuse(scopeRefusal)
  if (person.status !== 'active') refuse('PERSON_LEFT')
  if (input.occurredOn > today) refuse('DATE_IN_FUTURE')

  const inForce = await loadVersionInForceWithText(ctx.db, today)
  if (!inForce || inForce._id !== input.versionId || inForce.number === null) refuse('POLICY_NOT_IN_FORCE')
  const clause = citeSection(inForce.document, { id: inForce._id, number: inForce.number }, input.sectionKey)
  if (!clause) refuse('VIOLATION_CLAUSE_INVALID')

  const doc: ViolationDoc = {
    _id: newId('violation', now),
    personId: person._id,
    personName: person.name,
    departmentId: person.departmentId,
    month: input.occurredOn.slice(0, 7),
    occurredOn: input.occurredOn,
    clause,
    category: input.category,
    severity: input.severity,
    points: pointsFor(input.severity, input.points),
    penalty: input.penalty,
    description: input.description,
    status: 'recorded',
    recordedAt: now,
    recordedById: me._id,
    recordedByName: me.name,
    appealReason: null,
    appealedAt: null,
    decidedAt: null,
    decidedById: null,
    decidedByName: null,
    decisionComment: null,
    updatedAt: now,
  }
  await ctx.db.collection(VIOLATIONS).add({ data: { ...doc } })
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: VIOLATIONS,
    targetId: doc._id,
    before: null,
    after: { personId: doc.personId, occurredOn: doc.occurredOn, clause: doc.clause.label, severity: doc.severity, points: doc.points, penalty: doc.penalty },
  })
  await notify(ctx, [person._id], {
    template: 'approvalResult',
    kind: 'violation',
    recordId: doc._id,
    title: `违规记录：扣${doc.points}分`,
    detail: doc.clause.label,
  })
  return violationDetailFor(ctx, { doc, relations, departmentName })
}

export async function listViolationClauses(_input: ActionInput<'violation.clauses'>, ctx: ActionContext): Promise<ActionOutput<'violation.clauses'>> {
  const inForce = await loadVersionInForceWithText(ctx.db, shanghaiDate(ctx.now()))
  if (!inForce || inForce.number === null) return { version: null, sections: [] }
  return { version: { id: inForce._id, number: inForce.number, title: inForce.document.title }, sections: clauseOptions(inForce.document) }
}
