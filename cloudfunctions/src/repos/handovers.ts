import { checklistItems, checklistResponsible, type ChecklistItem, type HandoverDetail, type HandoverEvent, type HandoverStatus, type HandoverSummary, type AccountStatus } from '../../../types/contract'

export const HANDOVERS = 'handovers'

export interface HandoverDoc {
  _id: string
  accountId: string
  accountWechatId: string
  /** What the account was before the handover, restored if it is cancelled. */
  accountStatusBefore: AccountStatus
  holderId: string
  holderName: string
  departmentId: string
  receiverId: string | null
  receiverName: string | null
  leaving: boolean
  reason: string
  status: HandoverStatus
  startedById: string
  startedByName: string
  checklist: Partial<Record<ChecklistItem, { at: Date; byId: string; byName: string }>>
  outcome: 'transfer' | 'close' | null
  startedAt: Date
  closedAt: Date | null
  updatedAt: Date
}

export function toHandoverSummary(doc: HandoverDoc, departmentName: string): HandoverSummary {
  return {
    id: doc._id,
    accountId: doc.accountId,
    accountWechatId: doc.accountWechatId,
    holderId: doc.holderId,
    holderName: doc.holderName,
    receiverId: doc.receiverId,
    receiverName: doc.receiverName,
    departmentId: doc.departmentId,
    departmentName,
    leaving: doc.leaving,
    status: doc.status,
    startedAt: doc.startedAt.toISOString(),
    done: checklistItems.filter((i) => doc.checklist[i]).length,
    total: checklistItems.length,
  }
}

export function toHandoverDetail(
  doc: HandoverDoc,
  departmentName: string,
  available: HandoverEvent[],
  canTick: (item: ChecklistItem) => boolean,
): HandoverDetail {
  return {
    ...toHandoverSummary(doc, departmentName),
    reason: doc.reason,
    startedByName: doc.startedByName,
    checklist: checklistItems.map((item) => {
      const done = doc.checklist[item]
      return {
        item,
        responsible: checklistResponsible[item],
        doneAt: done?.at.toISOString() ?? null,
        doneByName: done?.byName ?? null,
        canTick: !done && canTick(item),
      }
    }),
    outcome: doc.outcome,
    closedAt: doc.closedAt?.toISOString() ?? null,
    available,
  }
}
