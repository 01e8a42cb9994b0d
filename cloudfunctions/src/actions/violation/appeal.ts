import type { ActionInput, ViolationDetail, ViolationEvent } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { decideViolation } from '../../domain/violation'
import { adminIds, notify } from '../../notify/notifier'
import { loadViolation, VIOLATIONS, type ViolationDoc } from '../../repos/violations'
import { loadVisibleViolation, violationDetailFor, type VisibleViolation } from './shared'

/**
 * Decides from the stored state, then writes only if the state is still the one decided
 * from. When someone got there first, the record is read again so the refusal says what
 * happened (a second tap on 申诉 hears it was already appealed), not just "conflict".
 */
async function transition(
  ctx: ActionContext,
  id: string,
  event: ViolationEvent,
  fields: (doc: ViolationDoc, now: Date) => Partial<ViolationDoc>,
): Promise<{ seen: VisibleViolation; before: ViolationDoc; after: ViolationDoc }> {
  const seen = await loadVisibleViolation(ctx, id)
  const now = ctx.now()
  const decision = decideViolation(seen.doc, event, seen.relations, now)
  if (!decision.ok) refuse(decision.refusal)
  const written = { ...fields(seen.doc, now), status: decision.next, updatedAt: now }
  const { stats } = await ctx.db.collection(VIOLATIONS).where({ _id: seen.doc._id, status: seen.doc.status }).update({ data: written })
  if (stats.updated !== 1) {
    const fresh = await loadViolation(ctx.db, id)
    const again = fresh ? decideViolation(fresh, event, seen.relations, now) : null
    refuse(again && !again.ok ? again.refusal : 'CONFLICT')
  }
  return { seen, before: seen.doc, after: { ...seen.doc, ...written } }
}

export async function appealViolation(input: ActionInput<'violation.appeal'>, ctx: ActionContext): Promise<ViolationDetail> {
  const me = requirePerson(ctx)
  const { seen, before, after } = await transition(ctx, input.id, 'appeal', (_doc, now) => ({ appealReason: input.reason, appealedAt: now }))
  await writeAudit(ctx, { action: ctx.action, targetCollection: VIOLATIONS, targetId: after._id, before: { status: before.status }, after: { status: after.status, reason: input.reason } })
  await notify(ctx, await adminIds(ctx), {
    template: 'approvalRequest',
    kind: 'violation',
    recordId: after._id,
    title: `${me.name}申诉违规记录`,
    detail: input.reason,
  })
  return violationDetailFor(ctx, seen, after)
}

export async function decideAppeal(input: ActionInput<'violation.decide'>, ctx: ActionContext): Promise<ViolationDetail> {
  const me = requirePerson(ctx)
  const comment = input.comment?.trim() || null
  const event: ViolationEvent = input.outcome === 'upheld' ? 'uphold' : 'overturn'
  const { seen, before, after } = await transition(ctx, input.id, event, (_doc, now) => ({
    decidedAt: now,
    decidedById: me._id,
    decidedByName: me.name,
    decisionComment: comment,
  }))
  await writeAudit(ctx, { action: ctx.action, targetCollection: VIOLATIONS, targetId: after._id, before: { status: before.status }, after: { status: after.status, comment } })
  await notify(ctx, [after.personId], {
    template: 'approvalResult',
    kind: 'violation',
    recordId: after._id,
    title: after.status === 'overturned' ? '申诉通过，违规记录已撤销' : '申诉未通过，维持原记录',
    detail: comment ?? after.clause.label,
  })
  return violationDetailFor(ctx, seen, after)
}
