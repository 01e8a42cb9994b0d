import type { ActionOutput, AssessmentRules, RuleVersion } from '@contract'
import { callAction } from './cloud'

export type { AssessmentRules, RuleVersion }
export type RuleVersionPage = ActionOutput<'assessment.listRuleVersions'>

/** The rules in force and their version; version 0 is the built-in defaults. */
export function getAssessmentRules(): Promise<RuleVersion> {
  return callAction('assessment.getRules', {})
}

export function listRuleVersions(query: { page: number; pageSize: number }): Promise<RuleVersionPage> {
  return callAction('assessment.listRuleVersions', { page: query.page, pageSize: query.pageSize })
}

/** `baseVersion` is the version the form started from, so a save by someone else in between is caught. */
export function saveAssessmentRules(rules: AssessmentRules, baseVersion: number, note: string): Promise<RuleVersion> {
  const trimmed = note.trim()
  return callAction('assessment.saveRules', { ...rules, baseVersion, ...(trimmed ? { note: trimmed } : {}) })
}
