import type { ErrorCode } from '../../../../types/contract'
import { writeAudit } from '../../core/audit'
import type { ActionContext } from '../../core/context'
import type { Transaction } from '../../core/sdk-types'
import { CUSTOMERS, FOLLOW_UPS } from '../../repos/customers'

/**
 * WeChat transactions take document operations only, one request each, within the function's
 * time limit: a handover moves at most this many customers and open follow-ups, or none.
 */
export const CUSTOMER_MOVE_LIMIT = 400
export const FOLLOW_UP_MOVE_LIMIT = 1000

/** The reason a move rolls its transaction back with; runTransaction rejects with it. */
export const HALF_MOVE = 'customer-move-incomplete'

export interface CustomerMove {
  customerIds: string[]
  followUpIds: string[]
}

/**
 * What a handover must move: every customer the holder keeps and their open follow-ups. Read
 * with ordinary queries (a transaction cannot query), from inside the transaction's callback
 * so that a retry after a conflict reads again. Contacts, feedback and closed follow-ups stay
 * where they are: they belong to the customer by its id and record who did what.
 */
export async function planCustomerMove(ctx: ActionContext, holderId: string): Promise<CustomerMove | 'TOO_MANY_CUSTOMERS'> {
  const customers = ctx.db.collection(CUSTOMERS).where({ ownerId: holderId })
  const followUps = ctx.db.collection(FOLLOW_UPS).where({ ownerId: holderId, status: 'planned' })
  const [{ total: customerCount }, { total: followUpCount }] = await Promise.all([customers.count(), followUps.count()])
  if (customerCount > CUSTOMER_MOVE_LIMIT || followUpCount > FOLLOW_UP_MOVE_LIMIT) return 'TOO_MANY_CUSTOMERS'
  const [customerDocs, followUpDocs] = await Promise.all([
    ctx.db.collection<{ _id: string }>(CUSTOMERS).where({ ownerId: holderId }).field({ _id: true }).limit(CUSTOMER_MOVE_LIMIT).get(),
    ctx.db.collection<{ _id: string }>(FOLLOW_UPS).where({ ownerId: holderId, status: 'planned' }).field({ _id: true }).limit(FOLLOW_UP_MOVE_LIMIT).get(),
  ])
  return { customerIds: customerDocs.data.map((d) => d._id), followUpIds: followUpDocs.data.map((d) => d._id) }
}

/**
 * Moves them in the caller's transaction. A document that is gone by now would make this a
 * half move, so the whole transaction is rolled back instead and the caller told CONFLICT.
 */
export async function moveCustomers(
  ctx: ActionContext,
  tx: Transaction,
  move: CustomerMove,
  from: string,
  to: { _id: string; departmentId: string },
  now: Date,
): Promise<ErrorCode | null> {
  const change = { ownerId: to._id, departmentId: to.departmentId, updatedAt: now }
  for (const [collection, ids] of [
    [CUSTOMERS, move.customerIds],
    [FOLLOW_UPS, move.followUpIds],
  ] as const) {
    for (const id of ids) {
      const { stats } = await tx.collection(collection).doc(id).update({ data: change })
      if (stats.updated !== 1) {
        await tx.rollback(HALF_MOVE)
        return 'CONFLICT'
      }
    }
  }
  if (move.customerIds.length > 0 || move.followUpIds.length > 0) {
    await writeAudit(
      ctx,
      {
        action: ctx.action,
        targetCollection: CUSTOMERS,
        targetId: from,
        before: { ownerId: from },
        after: { ownerId: to._id, departmentId: to.departmentId, customerIds: move.customerIds, followUpCount: move.followUpIds.length },
      },
      tx,
    )
  }
  return null
}

/** Turns the rollback of an incomplete move into its refusal; anything else is still a failure. */
export function refusalOfRollback(reason: unknown): ErrorCode {
  if (reason === HALF_MOVE) return 'CONFLICT'
  throw reason
}
