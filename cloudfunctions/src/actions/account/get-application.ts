import type { ActionInput, ApplicationDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import type { ActionContext } from '../../core/context'
import { accountApplicationFlow } from '../../domain/workflow/account-application'
import { toApplicationDetail } from '../../repos/applications'
import { callerRelations, canSee, loadApplication } from './shared'

export async function getApplication(input: ActionInput<'account.getApplication'>, ctx: ActionContext): Promise<ApplicationDetail> {
  const doc = await loadApplication(ctx, input.id)
  const { relations, departmentName } = await callerRelations(ctx, doc)
  if (!canSee(relations)) refuse(relations.includes('otherHead') ? 'OUT_OF_SCOPE' : 'FORBIDDEN')
  return toApplicationDetail(doc, departmentName, accountApplicationFlow.available(doc.status, relations))
}
