import type { ActionContext } from '../core/context'
import { writeAudit } from '../core/audit'
import { shanghaiDate } from '../../../types/contract'
import { endDelegation } from '../actions/delegation/shared'
import { ACCOUNTS, type AccountDoc } from '../repos/accounts'
import { DELEGATIONS, type DelegationDoc } from '../repos/delegations'

const BATCH = 100

/**
 * Delegations begin and end by the calendar (Asia/Shanghai). Reads already show the
 * right state by date; this job makes the stored account status agree, so filters and
 * exports do too. Safe to run any number of times.
 */
export async function maintainDelegations(ctx: ActionContext): Promise<{ ended: number; started: number }> {
  const today = shanghaiDate(ctx.now())
  const _ = ctx.db.command
  let ended = 0
  for (;;) {
    const { data } = await ctx.db.collection<DelegationDoc>(DELEGATIONS).where({ status: 'approved', endsOn: _.lt(today) }).limit(BATCH).get()
    for (const doc of data) {
      if (!(await endDelegation(ctx, doc, 'expire', { id: 'system', name: '系统' }, '代操作期限已到'))) ended += 1
    }
    if (data.length < BATCH) break
  }
  let started = 0
  const { data: due } = await ctx.db
    .collection<DelegationDoc>(DELEGATIONS)
    .where({ status: 'approved', startsOn: _.lte(today), endsOn: _.gte(today) })
    .limit(1000)
    .get()
  for (const doc of due) {
    const now = ctx.now()
    const { stats } = await ctx.db.collection<AccountDoc>(ACCOUNTS).where({ _id: doc.accountId, status: 'active' }).update({ data: { status: 'delegated', updatedAt: now } })
    if (stats.updated === 1) {
      started += 1
      await writeAudit(ctx, { action: 'jobs.maintainDelegations', targetCollection: ACCOUNTS, targetId: doc.accountId, before: { status: 'active' }, after: { status: 'delegated', delegationId: doc._id } })
    }
  }
  return { ended, started }
}
