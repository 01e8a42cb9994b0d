import type { ActionInput, ActionOutput, ViolationDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { escapeRegExp } from '../../domain/text'
import { fetchPage } from '../../repos/paging'
import type { PersonDoc } from '../../repos/people'
import { toViolationSummary, VIOLATIONS, type ViolationDoc } from '../../repos/violations'
import { loadVisibleViolation, violationDetailFor } from './shared'

export async function getViolation(input: ActionInput<'violation.get'>, ctx: ActionContext): Promise<ViolationDetail> {
  return violationDetailFor(ctx, await loadVisibleViolation(ctx, input.id))
}

type Where = Record<string, unknown>

/** Whose violations the list is about; the conditions name distinct fields, so they merge into one. */
function scopeCondition(ctx: ActionContext, me: PersonDoc, input: ActionInput<'violation.list'>): Where {
  switch (input.scope) {
    case 'mine':
      return { personId: me._id }
    case 'department':
      if (me.role === 'employee') refuse('FORBIDDEN')
      if (me.role === 'head' && input.departmentId && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
      return { departmentId: me.role === 'admin' ? (input.departmentId ?? me.departmentId) : me.departmentId }
    case 'all':
      if (me.role !== 'admin') refuse('FORBIDDEN')
      return input.departmentId ? { departmentId: input.departmentId } : {}
    case 'appeals':
      // An admin's own appeal waits for another admin, so it is not theirs to see here.
      if (me.role !== 'admin') refuse('FORBIDDEN')
      return { status: 'appealed', personId: ctx.db.command.neq(me._id), ...(input.departmentId ? { departmentId: input.departmentId } : {}) }
  }
}

export async function listViolations(input: ActionInput<'violation.list'>, ctx: ActionContext): Promise<ActionOutput<'violation.list'>> {
  const me = requirePerson(ctx)
  const where: Where = { ...(input.status ? { status: input.status } : {}), ...scopeCondition(ctx, me, input) }
  if (input.month) where.month = input.month
  const keyword = input.keyword?.trim()
  if (keyword) where.personName = ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' })
  // Appeals are worked through oldest first; everything else reads newest first.
  const order: Array<[string, 'asc' | 'desc']> = input.scope === 'appeals' ? [['appealedAt', 'asc'], ['_id', 'asc']] : [['recordedAt', 'desc'], ['_id', 'desc']]
  return fetchPage(ctx, VIOLATIONS, where as Condition, order, input, (doc: ViolationDoc, departmentName) => toViolationSummary(doc, departmentName))
}
