import { type ActionInput, type ActionOutput, shanghaiDate } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { escapeRegExp } from '../../domain/text'
import { ACCOUNTS, toAccountSummary, type AccountDoc } from '../../repos/accounts'
import { loadDepartments } from '../../repos/departments'

export async function listAccounts(
  input: ActionInput<'account.listAccounts'>,
  ctx: ActionContext,
): Promise<ActionOutput<'account.listAccounts'>> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
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
  const [{ total }, { data }, departments] = await Promise.all([
    ctx.db.collection(ACCOUNTS).where(where).count(),
    ctx.db.collection<AccountDoc>(ACCOUNTS).where(where).orderBy('createdAt', 'desc').skip((page - 1) * pageSize).limit(pageSize).get(),
    loadDepartments(ctx.db),
  ])
  const names = new Map(departments.map((d) => [d._id, d.name]))
  const today = shanghaiDate(ctx.now())
  return { items: data.map((a) => toAccountSummary(a, names.get(a.departmentId) ?? '', today)), total, page, pageSize }
}
