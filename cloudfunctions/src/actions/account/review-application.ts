import type { ActionInput, ApplicationDetail } from '../../../../types/contract'
import type { ActionContext } from '../../core/context'
import { transitionApplication } from './shared'

export function reviewApplication(input: ActionInput<'account.reviewApplication'>, ctx: ActionContext): Promise<ApplicationDetail> {
  return transitionApplication(ctx, input.id, input.decision === 'approve' ? 'headApprove' : 'headReject', input.comment)
}
