import { type AccountSummary, type ActionInput, shanghaiDate } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import { ACCOUNTS, delegationInEffect, toAccountSummary, type AccountDoc } from '../../repos/accounts'
import { callerRelationsTo, refuseUnlessVisible } from '../shared/relations'

export async function getAccount(input: ActionInput<'account.get'>, ctx: ActionContext): Promise<AccountSummary> {
  const me = requirePerson(ctx)
  const { data } = await ctx.db.collection<AccountDoc>(ACCOUNTS).where({ _id: input.id }).limit(1).get()
  const account = data[0] ?? refuse('NOT_FOUND')
  const today = shanghaiDate(ctx.now())
  const { relations, departmentName } = await callerRelationsTo(ctx, account.holderId, account.departmentId)
  if (delegationInEffect(account, today)?.delegateId !== me._id) refuseUnlessVisible(relations)
  return toAccountSummary(account, departmentName, today)
}
