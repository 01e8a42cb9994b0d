import type { ActionInput, ActionOutput } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { APPLICATIONS, toApplicationSummary } from '../../repos/applications'
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

export async function listApplications(
  input: ActionInput<'account.listApplications'>,
  ctx: ActionContext,
): Promise<ActionOutput<'account.listApplications'>> {
  const me = requirePerson(ctx)
  let where: Condition
  if (input.scope === 'mine') where = { applicantId: me._id }
  else if (input.scope === 'pending') where = pendingQuery(ctx)
  else if (me.role === 'admin') where = {}
  else refuse('FORBIDDEN')
  if (input.status) where = ctx.db.command.and([where, { status: input.status }])
  // What waits longest comes first; one's own history newest first.
  return fetchPage(ctx, APPLICATIONS, where, [['submittedAt', input.scope === 'pending' ? 'asc' : 'desc']], input, toApplicationSummary)
}
