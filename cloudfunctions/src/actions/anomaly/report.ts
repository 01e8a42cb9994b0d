import { type ActionInput, type AnomalyDetail, anomalyTypeLabels } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import { ACCOUNTS, HELD_ACCOUNT_STATUSES, type AccountDoc } from '../../repos/accounts'
import { ANOMALIES, type AnomalyDoc } from '../../repos/anomalies'
import { headStepDeciders, notify } from '../../notify/notifier'
import { anomalyDetailFor } from './shared'

/** Phones and servers disagree on the time by a little; a report "a minute from now" is not an error. */
const CLOCK_SKEW_MS = 5 * 60_000

export async function reportAnomaly(input: ActionInput<'anomaly.report'>, ctx: ActionContext): Promise<AnomalyDetail> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const occurredAt = new Date(input.occurredAt)
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) refuse('OCCURRED_IN_FUTURE')

  const _ = ctx.db.command
  const held = (
    await ctx.db.collection<AccountDoc>(ACCOUNTS).where({ holderId: me._id, status: _.in(HELD_ACCOUNT_STATUSES) }).limit(20).get()
  ).data
  let account: AccountDoc | null = null
  if (input.accountId) {
    account = held.find((a) => a._id === input.accountId) ?? refuse('NOT_ACCOUNT_HOLDER')
  } else if (held.length === 1) {
    account = held[0]
  }

  const doc: AnomalyDoc = {
    _id: newId('anomaly', now),
    reporterId: me._id,
    reporterName: me.name,
    departmentId: me.departmentId,
    accountId: account?._id ?? null,
    accountWechatId: account?.wechatId ?? null,
    type: input.type,
    status: 'open',
    description: input.description,
    screenshots: input.screenshots ?? [],
    occurredAt,
    reportedAt: now,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolution: null,
    measures: [],
    updatedAt: now,
  }
  await ctx.db.collection(ANOMALIES).add({ data: { ...doc } })
  await writeAudit(ctx, { action: ctx.action, targetCollection: ANOMALIES, targetId: doc._id, before: null, after: { type: doc.type, accountId: doc.accountId } })
  await notify(ctx, await headStepDeciders(ctx, me.departmentId, me._id), {
    template: 'anomalyReported',
    kind: 'anomaly',
    recordId: doc._id,
    title: `${me.name}：${anomalyTypeLabels[doc.type]}`,
    detail: doc.description,
  })
  return anomalyDetailFor(ctx, doc)
}
