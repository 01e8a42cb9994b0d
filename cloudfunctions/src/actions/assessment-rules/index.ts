import type { assessmentRuleActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'
import { getRules, listRuleVersions, saveRules } from './rules'

export const assessmentRuleHandlers: HandlerMap<keyof typeof assessmentRuleActions> = {
  'assessment.getRules': getRules,
  'assessment.listRuleVersions': listRuleVersions,
  'assessment.saveRules': saveRules,
}
