import { shanghaiDate, type ActionInput, type CustomerDetail, type ErrorCode } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import type { Transaction } from '../../core/sdk-types'
import { doneOnTime, dueDateAllowed, earliestDue } from '../../domain/follow-up'
import {
  CUSTOMER_CONTACTS,
  CUSTOMER_FEEDBACK,
  CUSTOMERS,
  FOLLOW_UPS,
  loadFollowUp,
  type ContactDoc,
  type CustomerDoc,
  type FeedbackDoc,
  type FollowUpDoc,
} from '../../repos/customers'
import { freshDetail, loadOwnCustomer, stillOwned } from './shared'

function read<T>(tx: Transaction, collection: string, id: string): Promise<T | null> {
  // doc().get() on a missing id throws; here that only means "not there any more".
  return tx
    .collection<T>(collection)
    .doc(id)
    .get()
    .then(
      (r) => r.data,
      () => null,
    )
}

/**
 * Adds one history record and bumps the customer's counters in one transaction, after
 * checking inside it that the customer is still the caller's (a handover may have moved it).
 */
async function addToFile(
  ctx: ActionContext,
  customerId: string,
  collection: string,
  record: { _id: string } & Record<string, unknown>,
  counters: (current: CustomerDoc) => Record<string, unknown>,
): Promise<void> {
  const now = ctx.now()
  const { _id: id, ...data } = record
  const refusal = await ctx.db.runTransaction(async (tx): Promise<ErrorCode | null> => {
    const current = await read<CustomerDoc>(tx, CUSTOMERS, customerId)
    if (!stillOwned(current, ctx)) return 'CONFLICT'
    await tx.collection(collection).doc(id).set({ data })
    await tx.collection(CUSTOMERS).doc(customerId).update({ data: { ...counters(current), updatedAt: now } })
    await writeAudit(ctx, { action: ctx.action, targetCollection: collection, targetId: id, before: null, after: auditable(data) }, tx)
    return null
  })
  if (refusal) refuse(refusal)
}

/** What the log keeps of a record: its facts, without free text about the customer. */
function auditable(data: Record<string, unknown>): Record<string, unknown> {
  const { summary: _summary, nextStep: _nextStep, content: _content, what: _what, ...rest } = data
  return rest
}

export async function logContact(input: ActionInput<'customer.logContact'>, ctx: ActionContext): Promise<CustomerDetail> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  if (input.on > shanghaiDate(now)) refuse('DATE_IN_FUTURE')
  const customer = await loadOwnCustomer(ctx, input.customerId)
  const _ = ctx.db.command
  const contact: ContactDoc = {
    _id: newId('contact', now),
    customerId: customer._id,
    ownerId: me._id,
    departmentId: customer.departmentId,
    byName: me.name,
    on: input.on,
    channel: input.channel,
    summary: input.summary,
    nextStep: input.nextStep?.trim() || null,
    createdAt: now,
  }
  await addToFile(ctx, customer._id, CUSTOMER_CONTACTS, { ...contact }, (current) => ({
    contactCount: _.inc(1),
    // A communication logged late for an earlier day does not make the file look less recent.
    lastContactOn: current.lastContactOn && current.lastContactOn > input.on ? current.lastContactOn : input.on,
  }))
  return freshDetail(ctx, customer._id)
}

export async function planFollowUp(input: ActionInput<'customer.planFollowUp'>, ctx: ActionContext): Promise<CustomerDetail> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  if (!dueDateAllowed(input.dueOn, shanghaiDate(now))) refuse('FOLLOW_UP_DATE_INVALID')
  const customer = await loadOwnCustomer(ctx, input.customerId)
  const _ = ctx.db.command
  const followUp: FollowUpDoc = {
    _id: newId('fu', now),
    customerId: customer._id,
    ownerId: me._id,
    departmentId: customer.departmentId,
    dueOn: input.dueOn,
    what: input.what,
    status: 'planned',
    plannedById: me._id,
    plannedByName: me.name,
    plannedAt: now,
    doneAt: null,
    cancelledAt: null,
    closedAt: null,
    closedByName: null,
    onTime: null,
    note: null,
    updatedAt: now,
  }
  await addToFile(ctx, customer._id, FOLLOW_UPS, { ...followUp }, (current) => ({
    openFollowUps: _.inc(1),
    nextFollowUpOn: earliestDue([input.dueOn, ...(current.nextFollowUpOn ? [current.nextFollowUpOn] : [])]),
  }))
  return freshDetail(ctx, customer._id)
}

/**
 * Done or cancelled, once. The customer's next due date is worked out from its other open
 * follow-ups, read afresh on every attempt: a follow-up planned meanwhile touches the same
 * customer, so one of the two transactions retries and sees the other.
 */
export async function closeFollowUp(input: ActionInput<'customer.closeFollowUp'>, ctx: ActionContext): Promise<CustomerDetail> {
  const me = requirePerson(ctx)
  const followUp = (await loadFollowUp(ctx.db, input.followUpId)) ?? refuse('NOT_FOUND')
  const customer = await loadOwnCustomer(ctx, followUp.customerId)
  if (followUp.status !== 'planned') refuse('INVALID_STATE')
  const now = ctx.now()
  const _ = ctx.db.command
  const done = input.outcome === 'done'
  const onTime = done ? doneOnTime(followUp.dueOn, now) : null
  const change = {
    status: input.outcome,
    doneAt: done ? now : null,
    cancelledAt: done ? null : now,
    closedAt: now,
    closedByName: me.name,
    onTime,
    note: input.note?.trim() || null,
    updatedAt: now,
  }
  const refusal = await ctx.db.runTransaction(async (tx): Promise<ErrorCode | null> => {
    const current = await read<FollowUpDoc>(tx, FOLLOW_UPS, followUp._id)
    if (!current || current.status !== 'planned') return 'INVALID_STATE'
    if (!stillOwned(await read<CustomerDoc>(tx, CUSTOMERS, customer._id), ctx)) return 'CONFLICT'
    const { data: others } = await ctx.db
      .collection<FollowUpDoc>(FOLLOW_UPS)
      .where({ customerId: customer._id, status: 'planned', _id: _.neq(followUp._id) })
      .orderBy('dueOn', 'asc')
      .field({ dueOn: true })
      .limit(1)
      .get()
    await tx.collection(FOLLOW_UPS).doc(followUp._id).update({ data: change })
    await tx.collection(CUSTOMERS).doc(customer._id).update({
      data: {
        openFollowUps: _.inc(-1),
        nextFollowUpOn: others[0]?.dueOn ?? null,
        ...(done ? (onTime ? { followUpsOnTime: _.inc(1) } : { followUpsLate: _.inc(1) }) : {}),
        updatedAt: now,
      },
    })
    await writeAudit(
      ctx,
      { action: ctx.action, targetCollection: FOLLOW_UPS, targetId: followUp._id, before: { status: 'planned' }, after: { status: input.outcome, onTime, customerId: customer._id } },
      tx,
    )
    return null
  })
  if (refusal) refuse(refusal)
  return freshDetail(ctx, customer._id)
}

export async function addFeedback(input: ActionInput<'customer.addFeedback'>, ctx: ActionContext): Promise<CustomerDetail> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  if (input.on > shanghaiDate(now)) refuse('DATE_IN_FUTURE')
  const customer = await loadOwnCustomer(ctx, input.customerId)
  const _ = ctx.db.command
  const feedback: FeedbackDoc = {
    _id: newId('fb', now),
    customerId: customer._id,
    ownerId: me._id,
    departmentId: customer.departmentId,
    byName: me.name,
    on: input.on,
    satisfaction: input.satisfaction,
    complaint: input.complaint,
    content: input.content?.trim() || null,
    createdAt: now,
  }
  await addToFile(ctx, customer._id, CUSTOMER_FEEDBACK, { ...feedback }, () => ({
    feedbackCount: _.inc(1),
    satisfactionSum: _.inc(input.satisfaction),
    ...(input.complaint ? { complaintCount: _.inc(1) } : {}),
  }))
  return freshDetail(ctx, customer._id)
}
