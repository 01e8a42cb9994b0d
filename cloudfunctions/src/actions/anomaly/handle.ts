import type { ActionInput, AnomalyDetail, ErrorCode } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { anomalyFlow, type AnomalyEvent } from '../../domain/workflow/anomaly'
import { ACCOUNTS, type AccountDoc } from '../../repos/accounts'
import { ANOMALIES, type AnomalyDoc, type StoredMeasure } from '../../repos/anomalies'
import { refuseUnlessVisible } from '../shared/relations'
import { notify } from '../../notify/notifier'
import { revokeDelegationsOf } from '../delegation/shared'
import { anomalyDetailFor, anomalyRelations, loadAnomaly } from './shared'

/** Accounts that can still be suspended; a closed or already suspended one cannot. */
const SUSPENDABLE = ['active', 'delegated', 'handing_over']

async function decide(ctx: ActionContext, id: string, event: AnomalyEvent): Promise<{ doc: AnomalyDoc; next: AnomalyDoc['status'] }> {
  const doc = await loadAnomaly(ctx, id)
  const { relations } = await anomalyRelations(ctx, doc)
  const decision = anomalyFlow.decide(doc.status, event, relations)
  if (!decision.ok) refuse(decision.refusal)
  return { doc, next: decision.next }
}

export async function getAnomaly(input: ActionInput<'anomaly.get'>, ctx: ActionContext): Promise<AnomalyDetail> {
  const doc = await loadAnomaly(ctx, input.id)
  refuseUnlessVisible((await anomalyRelations(ctx, doc)).relations)
  return anomalyDetailFor(ctx, doc)
}

export async function acknowledgeAnomaly(input: ActionInput<'anomaly.acknowledge'>, ctx: ActionContext): Promise<AnomalyDetail> {
  const me = requirePerson(ctx)
  const { doc, next } = await decide(ctx, input.id, 'acknowledge')
  const now = ctx.now()
  const { stats } = await ctx.db
    .collection(ANOMALIES)
    .where({ _id: doc._id, status: doc.status })
    .update({ data: { status: next, acknowledgedAt: now, acknowledgedBy: me.name, updatedAt: now } })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, { action: ctx.action, targetCollection: ANOMALIES, targetId: doc._id, before: { status: doc.status }, after: { status: next } })
  await notify(ctx, [doc.reporterId], { template: 'approvalResult', kind: 'anomaly', recordId: doc._id, title: '你报告的账号异常已受理', detail: `受理人：${me.name}` })
  return anomalyDetailFor(ctx, { ...doc, status: next, acknowledgedAt: now, acknowledgedBy: me.name, updatedAt: now })
}

/**
 * A measure is appended to the report; suspending the account also suspends the account
 * record itself, in the same transaction, so a report never claims a suspension that
 * did not happen.
 */
export async function recordMeasure(input: ActionInput<'anomaly.recordMeasure'>, ctx: ActionContext): Promise<AnomalyDetail> {
  const me = requirePerson(ctx)
  const { doc } = await decide(ctx, input.id, 'recordMeasure')
  const now = ctx.now()
  const measure: StoredMeasure = { type: input.type, note: input.note?.trim() || null, at: now, actorId: me._id, actorName: me.name }
  const suspend = input.type === 'suspend_account'
  if (suspend && !doc.accountId) refuse('ACCOUNT_NOT_SUSPENDABLE')

  const refusal = await ctx.db.runTransaction(async (tx): Promise<ErrorCode | null> => {
    const current = (await tx.collection<AnomalyDoc>(ANOMALIES).doc(doc._id).get()).data
    if (current.status !== doc.status) return 'CONFLICT'
    if (suspend) {
      const account = (await tx.collection<AccountDoc>(ACCOUNTS).doc(doc.accountId!).get()).data
      if (!SUSPENDABLE.includes(account.status)) return 'ACCOUNT_NOT_SUSPENDABLE'
      const approvedDelegations = await revokeDelegationsOf(ctx, tx, account, '账号已停用，代操作自动收回')
      await tx.collection(ACCOUNTS).doc(account._id).update({ data: { status: 'suspended', suspendedByAnomalyId: doc._id, approvedDelegations, updatedAt: now } })
      await writeAudit(ctx, { action: ctx.action, targetCollection: ACCOUNTS, targetId: account._id, before: { status: account.status }, after: { status: 'suspended' } }, tx)
    }
    await tx.collection(ANOMALIES).doc(doc._id).update({ data: { measures: ctx.db.command.push([measure]), updatedAt: now } })
    await writeAudit(ctx, { action: ctx.action, targetCollection: ANOMALIES, targetId: doc._id, before: null, after: { measure: input.type, note: measure.note } }, tx)
    return null
  })
  if (refusal) refuse(refusal)
  return anomalyDetailFor(ctx, { ...doc, measures: [...doc.measures, measure], updatedAt: now })
}

export async function resolveAnomaly(input: ActionInput<'anomaly.resolve'>, ctx: ActionContext): Promise<AnomalyDetail> {
  const { doc, next } = await decide(ctx, input.id, 'resolve')
  const now = ctx.now()
  const { stats } = await ctx.db
    .collection(ANOMALIES)
    .where({ _id: doc._id, status: doc.status })
    .update({ data: { status: next, resolvedAt: now, resolution: input.resolution, updatedAt: now } })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, { action: ctx.action, targetCollection: ANOMALIES, targetId: doc._id, before: { status: doc.status }, after: { status: next, resolution: input.resolution } })
  await notify(ctx, [doc.reporterId], { template: 'approvalResult', kind: 'anomaly', recordId: doc._id, title: '你报告的账号异常已解决', detail: input.resolution })
  return anomalyDetailFor(ctx, { ...doc, status: next, resolvedAt: now, resolution: input.resolution, updatedAt: now })
}
