import type { HandoverDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import { handoverFlow, mayTick } from '../../domain/workflow/handover'
import type { Relation } from '../../domain/workflow/workflow'
import { HANDOVERS, toHandoverDetail, type HandoverDoc } from '../../repos/handovers'
import { callerRelationsTo } from '../shared/relations'

export async function loadHandover(ctx: ActionContext, id: string): Promise<HandoverDoc> {
  const { data } = await ctx.db.collection<HandoverDoc>(HANDOVERS).where({ _id: id }).limit(1).get()
  return data[0] ?? refuse('NOT_FOUND')
}

export function handoverRelations(ctx: ActionContext, doc: HandoverDoc): Promise<{ relations: Relation[]; departmentName: string }> {
  return callerRelationsTo(ctx, doc.holderId, doc.departmentId)
}

export function tickingParty(ctx: ActionContext, doc: HandoverDoc) {
  const me = requirePerson(ctx)
  return { isHolder: me._id === doc.holderId, isReceiver: me._id === doc.receiverId, isAdmin: me.role === 'admin' }
}

/** The receiver takes part in the handover, so they may see it as well. */
export function isParticipant(ctx: ActionContext, doc: HandoverDoc, relations: readonly Relation[]): boolean {
  const party = tickingParty(ctx, doc)
  return party.isReceiver || relations.some((r) => r === 'owner' || r === 'ownHead' || r === 'admin')
}

export async function handoverDetailFor(ctx: ActionContext, doc: HandoverDoc): Promise<HandoverDetail> {
  const { relations, departmentName } = await handoverRelations(ctx, doc)
  const party = tickingParty(ctx, doc)
  const available = handoverFlow.available(doc.status, relations).filter((e) => e !== 'tick' || isParticipant(ctx, doc, relations))
  return toHandoverDetail(doc, departmentName, available, (item) => doc.status === 'in_progress' && mayTick(item, party))
}
