import type { ActionInput, ActionOutput } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { APPLICATIONS, OPEN_APPLICATION_STATUSES, toApplicationSummary } from '../../repos/applications'
import type { PersonDoc } from '../../repos/people'
import { fetchPage } from '../../repos/paging'

/**
 * The query behind "waiting for me": heads get their department's applications at the
 * head step; admins get every application at the admin step plus the head step of
 * applications whose applicant heads the department. Nobody is shown their own.
 */
export function pendingQuery(ctx: ActionContext): Condition {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  if (me.role === 'head') return { departmentId: me.departmentId, status: 'pending_head', headStep: 'head', applicantId: _.neq(me._id) }
  if (me.role === 'admin') {
    return _.and([{ applicantId: _.neq(me._id) }, _.or([{ status: 'pending_admin' }, { status: 'pending_head', headStep: 'admin' }])])
  }
  return { _id: '__nothing__' }
}

/** A department's applications: heads their own (another is refused), admins any or all. */
function departmentQuery(me: PersonDoc, departmentId: string | undefined): Condition {
  if (me.role === 'employee') refuse('FORBIDDEN')
  if (me.role === 'head') {
    if (departmentId && departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
    return { departmentId: me.departmentId }
  }
  return departmentId ? { departmentId } : {}
}

export async function listApplications(
  input: ActionInput<'account.listApplications'>,
  ctx: ActionContext,
): Promise<ActionOutput<'account.listApplications'>> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  let where: Condition
  if (input.scope === 'mine') where = { applicantId: me._id }
  else if (input.scope === 'pending') where = pendingQuery(ctx)
  else if (input.scope === 'department') where = departmentQuery(me, input.departmentId)
  else if (me.role === 'admin') where = {}
  else refuse('FORBIDDEN')
  const filters: Condition[] = []
  if (input.status) filters.push({ status: input.status === 'open' ? _.in(OPEN_APPLICATION_STATUSES) : input.status })
  if (input.departmentId && input.scope !== 'department') filters.push({ departmentId: input.departmentId })
  if (filters.length > 0) where = _.and([where, ...filters])
  // What waits longest comes first; one's own history newest first.
  const waitingFirst = input.scope === 'pending' || input.status === 'open'
  return fetchPage(ctx, APPLICATIONS, where, [['submittedAt', waitingFirst ? 'asc' : 'desc']], input, toApplicationSummary)
}
