import { assessmentRulesSchema, defaultRuleVersion, indicatorKeys, type AssessmentRules, type RuleVersion } from '../../../types/contract'
import type { Database } from '../core/sdk-types'

export const ASSESSMENT_RULES = 'assessment_rules'

/**
 * One saved version of the rules. Written once by `assessment.saveRules` and never changed:
 * results keep the version number, and the version keeps what the number meant.
 */
export interface RuleVersionDoc {
  /** `rules-v<version>`: two admins saving on the same base reach the same id, and only one wins. */
  _id: string
  version: number
  rules: AssessmentRules
  note: string | null
  /** Against the version it was edited from, in the words of `describeRuleChanges`. */
  changes: string[]
  savedAt: Date
  savedById: string
  savedByName: string
}

export function ruleVersionId(version: number): string {
  return `rules-v${version}`
}

/** All four weights spelled out, in the contract's order, so stored versions compare and read alike. */
export function normalizeRules(rules: AssessmentRules): AssessmentRules {
  return {
    weights: Object.fromEntries(indicatorKeys.map((key) => [key, rules.weights[key] ?? 0])),
    grades: rules.grades.map((grade) => ({ label: grade.label, min: grade.min })),
    firstReplyThresholdMinutes: rules.firstReplyThresholdMinutes,
    complaintPenalty: rules.complaintPenalty,
    minimumEvidence: rules.minimumEvidence,
    neutralScore: rules.neutralScore,
  }
}

export function toRuleVersion(doc: RuleVersionDoc): RuleVersion {
  // A stored version that no longer parses must fail loudly: falling back would score a month with rules nobody chose.
  const rules = assessmentRulesSchema.parse(doc.rules)
  return {
    version: doc.version,
    rules: normalizeRules(rules),
    note: doc.note,
    changes: doc.changes,
    savedAt: doc.savedAt.toISOString(),
    savedById: doc.savedById,
    savedByName: doc.savedByName,
  }
}

/** The rules in force now: the latest saved version, or the built-in defaults (version 0). */
export async function loadRulesInForce(db: Database): Promise<RuleVersion> {
  const { data } = await db.collection<RuleVersionDoc>(ASSESSMENT_RULES).orderBy('version', 'desc').limit(1).get()
  return data[0] ? toRuleVersion(data[0]) : defaultRuleVersion
}

/** The rules in force at a moment, e.g. when a month's results are computed after the fact. */
export async function loadRulesAsOf(db: Database, at: Date): Promise<RuleVersion> {
  const _ = db.command
  const { data } = await db
    .collection<RuleVersionDoc>(ASSESSMENT_RULES)
    .where({ savedAt: _.lte(at) })
    .orderBy('version', 'desc')
    .limit(1)
    .get()
  return data[0] ? toRuleVersion(data[0]) : defaultRuleVersion
}

/** One version by number; 0 is the defaults; null when no such version was saved. */
export async function loadRuleVersion(db: Database, version: number): Promise<RuleVersion | null> {
  if (version === defaultRuleVersion.version) return defaultRuleVersion
  const { data } = await db.collection<RuleVersionDoc>(ASSESSMENT_RULES).where({ _id: ruleVersionId(version) }).limit(1).get()
  return data[0] ? toRuleVersion(data[0]) : null
}
