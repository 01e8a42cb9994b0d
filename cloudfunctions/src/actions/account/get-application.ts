import type { ActionInput, ApplicationDetail } from '../../../../types/contract'
import type { ActionContext } from '../../core/context'
import { refuseUnlessVisible } from '../shared/relations'
import { applicationDetailFor, callerRelations, loadApplication } from './shared'

export async function getApplication(input: ActionInput<'account.getApplication'>, ctx: ActionContext): Promise<ApplicationDetail> {
  const doc = await loadApplication(ctx, input.id)
  const { relations, departmentName } = await callerRelations(ctx, doc)
  refuseUnlessVisible(relations)
  return applicationDetailFor(ctx, doc, relations, departmentName)
}
