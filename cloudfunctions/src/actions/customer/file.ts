import type { ActionInput, CustomerDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import { CUSTOMERS, type CustomerDoc } from '../../repos/customers'
import { departmentName } from '../../repos/departments'
import { customerDetailFor, loadOwnCustomer } from './shared'

/** Empty optional text is stored as absent, so lists and search treat "no company" one way. */
function orNull(value: string | undefined): string | null {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

/** The same person filed twice would split their history; another employee's file is not looked at (nor revealed). */
async function refuseDuplicatePhone(ctx: ActionContext, ownerId: string, phone: string | null, exceptId?: string): Promise<void> {
  if (!phone) return
  const { data } = await ctx.db.collection<CustomerDoc>(CUSTOMERS).where({ ownerId, phone }).field({ _id: true }).limit(2).get()
  if (data.some((c) => c._id !== exceptId)) refuse('CUSTOMER_DUPLICATE')
}

export async function createCustomer(input: ActionInput<'customer.create'>, ctx: ActionContext): Promise<CustomerDetail> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const phone = orNull(input.phone)
  await refuseDuplicatePhone(ctx, me._id, phone)
  const doc: CustomerDoc = {
    _id: newId('cust', now),
    name: input.name,
    company: orNull(input.company),
    phone,
    source: input.source,
    tags: input.tags ?? [],
    ownerId: me._id,
    departmentId: me.departmentId,
    addedById: me._id,
    addedByName: me.name,
    consentAt: now,
    contactCount: 0,
    lastContactOn: null,
    openFollowUps: 0,
    nextFollowUpOn: null,
    followUpsOnTime: 0,
    followUpsLate: 0,
    feedbackCount: 0,
    satisfactionSum: 0,
    complaintCount: 0,
    createdAt: now,
    updatedAt: now,
  }
  await ctx.db.collection(CUSTOMERS).add({ data: { ...doc } })
  // The audit keeps the consent as evidence; the phone stays out of the log.
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: CUSTOMERS,
    targetId: doc._id,
    before: null,
    after: { name: doc.name, source: doc.source, consent: true, consentAt: now.toISOString() },
  })
  return customerDetailFor(ctx, doc, 'owner', await departmentName(ctx.db, doc.departmentId))
}

export async function updateCustomer(input: ActionInput<'customer.update'>, ctx: ActionContext): Promise<CustomerDetail> {
  const me = requirePerson(ctx)
  const doc = await loadOwnCustomer(ctx, input.customerId)
  const now = ctx.now()
  const phone = orNull(input.phone)
  await refuseDuplicatePhone(ctx, me._id, phone, doc._id)
  const change = { name: input.name, company: orNull(input.company), phone, source: input.source, tags: input.tags ?? [] }
  // Only while it is still the caller's: a handover in between moves it out of their hands.
  const { stats } = await ctx.db
    .collection(CUSTOMERS)
    .where({ _id: doc._id, ownerId: me._id })
    .update({ data: { ...change, updatedAt: now } })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: CUSTOMERS,
    targetId: doc._id,
    before: { name: doc.name, company: doc.company, source: doc.source, tags: doc.tags },
    after: { name: change.name, company: change.company, phoneChanged: change.phone !== doc.phone, source: change.source, tags: change.tags },
  })
  return customerDetailFor(ctx, { ...doc, ...change, updatedAt: now }, 'owner', await departmentName(ctx.db, doc.departmentId))
}
