import type { ViolationDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import type { ActionContext } from '../../core/context'
import { availableViolationEvents } from '../../domain/violation'
import type { Relation } from '../../domain/workflow/workflow'
import { loadViolation, toViolationDetail, type ViolationDoc } from '../../repos/violations'
import { callerRelationsTo, refuseUnlessVisible } from '../shared/relations'

export interface VisibleViolation {
  doc: ViolationDoc
  relations: Relation[]
  departmentName: string
}

/** A violation the caller may see (the person, their head, admins), or the refusal saying they may not. */
export async function loadVisibleViolation(ctx: ActionContext, id: string): Promise<VisibleViolation> {
  const doc = (await loadViolation(ctx.db, id)) ?? refuse('NOT_FOUND')
  const { relations, departmentName } = await callerRelationsTo(ctx, doc.personId, doc.departmentId)
  refuseUnlessVisible(relations)
  return { doc, relations, departmentName }
}

/** The record as the caller sees it, with the buttons that would work for them now. */
export function violationDetailFor(ctx: ActionContext, seen: VisibleViolation, doc: ViolationDoc = seen.doc): ViolationDetail {
  return toViolationDetail(doc, seen.departmentName, availableViolationEvents(doc, seen.relations, ctx.now()))
}
