import type { assessmentRuleActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'

export const assessmentRuleHandlers: HandlerMap<keyof typeof assessmentRuleActions> = {}
