import type { ActionInput, ActionOutput } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import type { ActionContext } from '../../core/context'
import { requirePerson } from '../../core/context'
import { escapeRegExp } from '../../domain/text'
import { fetchPage } from '../../repos/paging'
import { PEOPLE, toPersonSummary, type PersonDoc } from '../../repos/people'

export async function listPeople(
  input: ActionInput<'roster.listPeople'>,
  ctx: ActionContext,
): Promise<ActionOutput<'roster.listPeople'>> {
  const me = requirePerson(ctx)
  let departmentId = input.departmentId
  if (me.role !== 'admin') {
    if (departmentId && departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
    departmentId = me.departmentId
  }
  const where: Record<string, unknown> = {}
  if (departmentId) where.departmentId = departmentId
  // Employees look colleagues up to name a delegate or receiver; people who left are not their business.
  where.status = me.role === 'employee' ? 'active' : (input.status ?? 'active')
  const keyword = input.keyword?.trim()
  const _ = ctx.db.command
  const query = keyword
    ? _.and(where, _.or({ name: ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' }) }, { mobile: keyword }))
    : where
  return fetchPage(ctx, PEOPLE, query, [['departmentId', 'asc'], ['name', 'asc']], input, (person: PersonDoc, departmentName) =>
    toPersonSummary(person, departmentName),
  )
}
