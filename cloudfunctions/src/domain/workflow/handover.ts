import { checklistItems, checklistResponsible, handoverEvents, handoverStatuses, type ChecklistItem } from '../../../../types/contract'
import { defineWorkflow } from './workflow'

/**
 * 二.二.3: when someone leaves, their head names who receives the account; a checklist is
 * worked through by the people responsible; the administration closes it. A head's own
 * handover is run by admins.
 */
export const handoverFlow = defineWorkflow(handoverStatuses, handoverEvents, [
  { from: 'designating', event: 'designate', by: ['ownHead'], to: 'in_progress', notByOwner: true },
  { from: 'in_progress', event: 'tick', by: ['owner', 'ownHead', 'otherHead', 'admin', 'colleague'], to: 'in_progress' },
  { from: 'in_progress', event: 'close', by: ['admin'], to: 'closed', notByOwner: true },
  { from: 'designating', event: 'cancel', by: ['ownHead', 'admin'], to: 'cancelled', notByOwner: true },
  { from: 'in_progress', event: 'cancel', by: ['ownHead', 'admin'], to: 'cancelled', notByOwner: true },
])

export interface TickingParty {
  isHolder: boolean
  isReceiver: boolean
  isAdmin: boolean
}

/** Each item is ticked by the one person who can vouch for it, never on someone's behalf. */
export function mayTick(item: ChecklistItem, party: TickingParty): boolean {
  const responsible = checklistResponsible[item]
  if (responsible === 'holder') return party.isHolder
  if (responsible === 'receiver') return party.isReceiver
  return party.isAdmin
}

export function checklistComplete(done: Partial<Record<ChecklistItem, unknown>>): boolean {
  return checklistItems.every((item) => Boolean(done[item]))
}
