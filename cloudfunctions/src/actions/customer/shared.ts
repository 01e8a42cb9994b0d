import { CUSTOMER_TIMELINE_LIMIT, shanghaiDate, type CustomerDetail, type CustomerTimelineEntry } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { auditContactRead } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { averageSatisfaction } from '../../domain/follow-up'
import {
  contactEntry,
  CUSTOMERS,
  CUSTOMER_CONTACTS,
  CUSTOMER_FEEDBACK,
  feedbackEntry,
  FOLLOW_UPS,
  loadCustomer,
  personNames,
  toCustomerSummary,
  toFollowUp,
  type ContactDoc,
  type CustomerDoc,
  type FeedbackDoc,
  type FollowUpDoc,
} from '../../repos/customers'
import { callerRelationsTo } from '../shared/relations'

export type Access = 'owner' | 'reader'

/**
 * The owner keeps the file; their head and admins read it. A head of another department is
 * told it is not theirs; to anyone else (a colleague) a customer file does not exist, since
 * even its existence is customer information.
 */
export async function accessTo(ctx: ActionContext, doc: Pick<CustomerDoc, 'ownerId' | 'departmentId'>): Promise<{ access: Access; departmentName: string }> {
  const { relations, departmentName } = await callerRelationsTo(ctx, doc.ownerId, doc.departmentId)
  if (relations.includes('owner')) return { access: 'owner', departmentName }
  if (relations.includes('ownHead') || relations.includes('admin')) return { access: 'reader', departmentName }
  return relations.includes('otherHead') ? refuse('OUT_OF_SCOPE') : refuse('NOT_FOUND')
}

export async function loadVisibleCustomer(ctx: ActionContext, id: string): Promise<{ doc: CustomerDoc; access: Access; departmentName: string }> {
  const doc = (await loadCustomer(ctx.db, id)) ?? refuse('NOT_FOUND')
  return { doc, ...(await accessTo(ctx, doc)) }
}

/** Writing is the owner's: heads and admins oversee the file but do not speak for the owner. */
export async function loadOwnCustomer(ctx: ActionContext, id: string): Promise<CustomerDoc> {
  const { doc, access } = await loadVisibleCustomer(ctx, id)
  if (access !== 'owner') refuse('FORBIDDEN')
  return doc
}

/** Inside a write's transaction: the customer may have been handed over since it was read. */
export function stillOwned<T extends Pick<CustomerDoc, 'ownerId'>>(current: T | null, ctx: ActionContext): current is T {
  return current !== null && current.ownerId === requirePerson(ctx)._id
}

export function scopeCondition(ctx: ActionContext, scope: 'mine' | 'managed', departmentId: string | undefined): Condition {
  const me = requirePerson(ctx)
  // One's own list is one's own wherever the records sit: a department filter means nothing there.
  if (scope === 'mine') return { ownerId: me._id }
  if (me.role === 'employee') refuse('FORBIDDEN')
  if (me.role === 'head') {
    if (departmentId && departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
    return { departmentId: me.departmentId }
  }
  return departmentId ? { departmentId } : {}
}

function newestFirst(a: CustomerTimelineEntry, b: CustomerTimelineEntry): number {
  if (a.on !== b.on) return a.on < b.on ? 1 : -1
  return a.at < b.at ? 1 : a.at > b.at ? -1 : 0
}

/**
 * The file as its detail screen shows it: each history collection contributes its newest
 * entries, merged newest first and cut to the limit, so the read stays bounded however long
 * the customer has been served.
 */
export async function customerDetailFor(ctx: ActionContext, doc: CustomerDoc, access: Access, departmentName: string): Promise<CustomerDetail> {
  const today = shanghaiDate(ctx.now())
  const _ = ctx.db.command
  const limit = CUSTOMER_TIMELINE_LIMIT
  const [contacts, closed, closedCount, feedback, open, overdue, names] = await Promise.all([
    ctx.db.collection<ContactDoc>(CUSTOMER_CONTACTS).where({ customerId: doc._id }).orderBy('on', 'desc').orderBy('createdAt', 'desc').limit(limit).get(),
    ctx.db
      .collection<FollowUpDoc>(FOLLOW_UPS)
      .where({ customerId: doc._id, status: _.in(['done', 'cancelled']) })
      .orderBy('closedAt', 'desc')
      .limit(limit)
      .get(),
    ctx.db.collection(FOLLOW_UPS).where({ customerId: doc._id, status: _.in(['done', 'cancelled']) }).count(),
    ctx.db.collection<FeedbackDoc>(CUSTOMER_FEEDBACK).where({ customerId: doc._id }).orderBy('on', 'desc').orderBy('createdAt', 'desc').limit(limit).get(),
    ctx.db.collection<FollowUpDoc>(FOLLOW_UPS).where({ customerId: doc._id, status: 'planned' }).orderBy('dueOn', 'asc').limit(limit).get(),
    ctx.db.collection(FOLLOW_UPS).where({ customerId: doc._id, status: 'planned', dueOn: _.lt(today) }).count(),
    personNames(ctx.db, [doc.ownerId]),
  ])
  const ownerName = names.get(doc.ownerId) ?? ''
  // The phone goes out in full (to its owner, their head or an admin): that read is logged.
  if (doc.phone) await auditContactRead(ctx, { targetCollection: CUSTOMERS, targetId: doc._id, fields: ['phone'] })
  const followUpNames = { customer: doc.name, owner: ownerName, department: departmentName }
  const openFollowUps = open.data.map((f) => toFollowUp(f, today, followUpNames))
  const timeline = [
    ...contacts.data.map(contactEntry),
    ...closed.data.map((f): CustomerTimelineEntry => {
      const closedAt = f.closedAt ?? f.updatedAt
      return { kind: 'followUp', id: f._id, on: shanghaiDate(closedAt), at: closedAt.toISOString(), byName: f.closedByName ?? '', followUp: toFollowUp(f, today, followUpNames) }
    }),
    ...feedback.data.map(feedbackEntry),
  ]
    .sort(newestFirst)
    .slice(0, limit)
  return {
    ...toCustomerSummary(doc, ownerName, departmentName),
    phone: doc.phone,
    consentAt: doc.consentAt.toISOString(),
    addedByName: doc.addedByName,
    stats: {
      contacts: doc.contactCount,
      followUpsOpen: doc.openFollowUps,
      followUpsOnTime: doc.followUpsOnTime,
      followUpsLate: doc.followUpsLate,
      followUpsOverdue: overdue.total,
      feedbackCount: doc.feedbackCount,
      averageSatisfaction: averageSatisfaction(doc.satisfactionSum, doc.feedbackCount),
      complaints: doc.complaintCount,
    },
    openFollowUps,
    timeline,
    timelineTotal: doc.contactCount + closedCount.total + doc.feedbackCount,
    canWrite: access === 'owner',
  }
}

/** The detail after a write, read back so the screen shows exactly what was stored. */
export async function freshDetail(ctx: ActionContext, id: string): Promise<CustomerDetail> {
  const { doc, access, departmentName } = await loadVisibleCustomer(ctx, id)
  return customerDetailFor(ctx, doc, access, departmentName)
}
