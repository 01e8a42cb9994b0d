import type { ActionInput, ApplicationDetail } from '../../../../types/contract'
import type { ActionContext } from '../../core/context'
import { transitionApplication } from './shared'

export function declineActivation(input: ActionInput<'account.declineActivation'>, ctx: ActionContext): Promise<ApplicationDetail> {
  return transitionApplication(ctx, input.id, 'adminReject', input.comment)
}
