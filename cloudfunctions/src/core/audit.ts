import type { ActionContext } from './context'
import { newId } from './ids'
import type { Transaction } from './sdk-types'

export const AUDIT_LOG = 'audit_log'

export interface AuditEntry {
  action: string
  targetCollection: string
  targetId: string
  before: unknown
  after: unknown
}

function auditDoc(ctx: ActionContext, entry: AuditEntry, at: Date) {
  const actor = ctx.caller.kind === 'person' ? ctx.caller.person : null
  return {
    actorId: actor?._id ?? null,
    actorName: actor?.name ?? (ctx.caller.kind === 'system' ? '系统' : null),
    actorOpenid: ctx.caller.openid,
    action: entry.action,
    targetCollection: entry.targetCollection,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    at,
  }
}

/**
 * Audit entries are append-only: no action updates or removes them. Inside a transaction
 * the entry commits (or not) together with the change it describes.
 */
export async function writeAudit(ctx: ActionContext, entry: AuditEntry, tx?: Transaction): Promise<void> {
  const at = ctx.now()
  const id = newId('audit', at)
  const data = auditDoc(ctx, entry, at)
  if (tx) await tx.collection(AUDIT_LOG).doc(id).set({ data })
  else await ctx.db.collection(AUDIT_LOG).add({ data: { _id: id, ...data } })
}
