import { type ActionInput, type ActionOutput, shanghaiDate } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { escapeRegExp } from '../../domain/text'
import { ACCOUNTS, toAccountSummary, type AccountDoc } from '../../repos/accounts'
import { fetchPage } from '../../repos/paging'

export async function listAccounts(
  input: ActionInput<'account.listAccounts'>,
  ctx: ActionContext,
): Promise<ActionOutput<'account.listAccounts'>> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  const conditions: Condition[] = []
  if (me.role === 'employee') conditions.push({ holderId: me._id })
  if (me.role === 'head') {
    if (input.departmentId && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
    conditions.push({ departmentId: me.departmentId })
  } else if (input.departmentId) conditions.push({ departmentId: input.departmentId })
  if (input.status) conditions.push({ status: input.status })
  const keyword = input.keyword?.trim()
  if (keyword) {
    const pattern = ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' })
    conditions.push(_.or([{ wechatId: pattern }, { holderName: pattern }]))
  }
  const where = conditions.length ? _.and(conditions) : {}
  const today = shanghaiDate(ctx.now())
  return fetchPage(ctx, ACCOUNTS, where, [['createdAt', 'desc']], input, (account: AccountDoc, departmentName) =>
    toAccountSummary(account, departmentName, today),
  )
}
