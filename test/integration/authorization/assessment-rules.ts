import { defaultAssessmentRules } from '../../../types/contract'
import { OK, type MatrixWorld, type Row } from './matrix'

/** The rules are company-wide: everyone reads the ones in force, only admins change them or see their history. */
export function assessmentRuleRows(_world: MatrixWorld): Row[] {
  const adminOnly = { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK }
  const edited = { ...defaultAssessmentRules, weights: { replyTimeliness: 40, communicationQuality: 20, informationManagement: 20, applicationEffect: 20 }, baseVersion: 0 }
  return [
    { action: 'assessment.getRules', setup: async () => null, payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
    { action: 'assessment.listRuleVersions', setup: async () => null, payload: () => ({}), expect: adminOnly },
    { action: 'assessment.saveRules', setup: async () => null, payload: () => edited, expect: adminOnly },
  ]
}
