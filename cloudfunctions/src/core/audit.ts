import { CONTACT_READ_ACTION } from '../../../types/contract'
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

export interface ContactRead {
  /** The record whose contact was shown: the person for roster contacts, the customer for a customer's phone. */
  targetCollection: string
  targetId: string
  /** The fields returned in full, e.g. ['mobile', 'email']. */
  fields: string[]
  /** The record the contact came with, when it is not the target itself (an application). */
  source?: { collection: string; id: string }
}

/**
 * Every response that carries a full phone number or email (not the masked form) leaves an
 * entry, naming the action that returned it; people reading their own contacts do not.
 * Call it once the caller is known to be entitled, right before the detail is returned.
 */
export async function auditContactRead(ctx: ActionContext, read: ContactRead): Promise<void> {
  if (read.fields.length === 0) return
  if (ctx.caller.kind === 'person' && read.targetCollection === 'people' && read.targetId === ctx.caller.person._id) return
  await writeAudit(ctx, {
    action: CONTACT_READ_ACTION,
    targetCollection: read.targetCollection,
    targetId: read.targetId,
    before: null,
    after: { fields: read.fields, via: ctx.action, ...(read.source ? { source: `${read.source.collection}/${read.source.id}` } : {}) },
  })
}
