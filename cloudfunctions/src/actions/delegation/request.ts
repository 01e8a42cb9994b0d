import { type ActionInput, type DelegationDetail, shanghaiDate } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import { periodAcceptable, periodsOverlap } from '../../domain/workflow/delegation'
import { ACCOUNTS, DELEGABLE_ACCOUNT_STATUSES, type AccountDoc } from '../../repos/accounts'
import { DELEGATIONS, type DelegationDoc } from '../../repos/delegations'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { headStepDeciders, notify } from '../../notify/notifier'
import { delegationDetailFor } from './shared'

export async function requestDelegation(input: ActionInput<'delegation.request'>, ctx: ActionContext): Promise<DelegationDetail> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const today = shanghaiDate(now)
  const { data: accounts } = await ctx.db.collection<AccountDoc>(ACCOUNTS).where({ _id: input.accountId }).limit(1).get()
  const account = accounts[0] ?? refuse('NOT_FOUND')
  if (account.holderId !== me._id) refuse('NOT_ACCOUNT_HOLDER')
  if (!DELEGABLE_ACCOUNT_STATUSES.includes(account.status)) refuse('ACCOUNT_NOT_USABLE')
  if (!periodAcceptable(input, today)) refuse('PERIOD_INVALID')

  const { data: delegates } = await ctx.db.collection<PersonDoc>(PEOPLE).where({ _id: input.delegateId }).limit(1).get()
  const delegate = delegates[0]
  if (!delegate || delegate._id === me._id || delegate.status !== 'active') refuse('DELEGATE_INVALID')

  const _ = ctx.db.command
  const { data: open } = await ctx.db
    .collection<DelegationDoc>(DELEGATIONS)
    .where({ accountId: account._id, status: _.in(['pending', 'approved']) })
    .limit(100)
    .get()
  if (open.some((d) => periodsOverlap(d, input))) refuse('DELEGATION_OVERLAP')

  const doc: DelegationDoc = {
    _id: newId('delegation', now),
    accountId: account._id,
    accountWechatId: account.wechatId,
    holderId: me._id,
    holderName: me.name,
    delegateId: delegate._id,
    delegateName: delegate.name,
    departmentId: me.departmentId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    reason: input.reason,
    status: 'pending',
    timeline: [{ at: now, actorId: me._id, actorName: me.name, event: 'request', comment: null }],
    requestedAt: now,
    updatedAt: now,
  }
  await ctx.db.collection(DELEGATIONS).add({ data: { ...doc } })
  await writeAudit(ctx, { action: ctx.action, targetCollection: DELEGATIONS, targetId: doc._id, before: null, after: { accountId: doc.accountId, delegateId: doc.delegateId, startsOn: doc.startsOn, endsOn: doc.endsOn } })
  await notify(ctx, await headStepDeciders(ctx, me.departmentId, me._id), {
    template: 'approvalRequest',
    kind: 'delegation',
    recordId: doc._id,
    title: `${me.name}申请由${delegate.name}代操作`,
    detail: `${doc.startsOn} 至 ${doc.endsOn}`,
  })
  return delegationDetailFor(ctx, doc)
}
