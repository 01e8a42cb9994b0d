import type { ActionInput, ApplicationDetail } from '../../../../types/contract'
import type { ActionContext } from '../../core/context'
import { transitionApplication } from './shared'

export function withdrawApplication(input: ActionInput<'account.withdrawApplication'>, ctx: ActionContext): Promise<ApplicationDetail> {
  return transitionApplication(ctx, input.id, 'withdraw')
}
