import type { ActionInput, ApplicationDetail } from '../../../../types/contract'
import type { ActionContext } from '../../core/context'
import { accountApplicationFlow } from '../../domain/workflow/account-application'
import { toApplicationDetail } from '../../repos/applications'
import { refuseUnlessVisible } from '../shared/relations'
import { callerRelations, loadApplication } from './shared'

export async function getApplication(input: ActionInput<'account.getApplication'>, ctx: ActionContext): Promise<ApplicationDetail> {
  const doc = await loadApplication(ctx, input.id)
  const { relations, departmentName } = await callerRelations(ctx, doc)
  refuseUnlessVisible(relations)
  return toApplicationDetail(doc, departmentName, accountApplicationFlow.available(doc.status, relations))
}
