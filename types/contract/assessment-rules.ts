import { z } from 'zod'
import { bound, spec } from './action-spec'
import {
  assessmentRulesFieldsSchema,
  assessmentRulesSchema,
  checkAssessmentRules,
  defaultAssessmentRules,
  indicatorKeys,
  indicatorLabels,
  type AssessmentRules,
} from './assessment'
import { emptySchema, pageInputSchema, pageOf } from './common'

/**
 * Versioned assessment rules (policy 六.二–三). Every save is a new version; a version is never
 * changed afterwards, so a monthly result can always say which rules produced it. Version 0 is
 * `defaultAssessmentRules`, in force until an admin first saves.
 */
export const DEFAULT_RULES_VERSION = 0

const gradeLabelsUnique = (rules: Pick<AssessmentRules, 'grades'>, ctx: z.RefinementCtx) => {
  const seen = new Set<string>()
  rules.grades.forEach((grade, i) => {
    if (seen.has(grade.label)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '等级名称不能重复', path: ['grades', i, 'label'] })
    seen.add(grade.label)
  })
}

/**
 * The admin's form, checked as it is typed with this same schema: the rules' own fields and
 * checks, grade names that tell the grades apart, and `baseVersion`, the version the admin
 * edited, so a save by someone else in between is not silently replaced.
 */
export const saveRulesInput = assessmentRulesFieldsSchema
  .extend({
    baseVersion: z.number().int().min(0),
    note: z.string().trim().max(100, '修改说明不能超过100个字').optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    checkAssessmentRules(input, ctx)
    gradeLabelsUnique(input, ctx)
  })

export const ruleVersionSchema = z.object({
  /** 0 for the built-in defaults, then 1, 2, … in the order saved. */
  version: z.number().int().min(0),
  rules: assessmentRulesSchema,
  note: z.string().nullable(),
  /** What changed against the version before, one line each; empty for version 0. */
  changes: z.array(z.string()),
  savedAt: z.string().nullable(),
  savedById: z.string().nullable(),
  savedByName: z.string().nullable(),
})
export type RuleVersion = z.infer<typeof ruleVersionSchema>

export const listRuleVersionsInput = pageInputSchema.strict()
export const listRuleVersionsOutput = pageOf(ruleVersionSchema)

/** The built-in defaults as a version, for screens and results before any save. */
export const defaultRuleVersion: RuleVersion = {
  version: DEFAULT_RULES_VERSION,
  rules: defaultAssessmentRules,
  note: null,
  changes: [],
  savedAt: null,
  savedById: null,
  savedByName: null,
}

// Numbers as they are, never rounded: no change may disappear, so "no lines" means "the same rules".
const gradeText = (grades: AssessmentRules['grades']) => grades.map((g) => `${g.label}≥${g.min}`).join('、')

/** What differs between two versions, in the words the version history shows; empty when they are the same. */
export function describeRuleChanges(before: AssessmentRules, after: AssessmentRules): string[] {
  const lines: string[] = []
  for (const key of indicatorKeys) {
    const was = before.weights[key] ?? 0
    const is = after.weights[key] ?? 0
    if (was !== is) lines.push(`${indicatorLabels[key]}权重 ${was}→${is}`)
  }
  if (gradeText(before.grades) !== gradeText(after.grades)) lines.push(`等级 ${gradeText(before.grades)} → ${gradeText(after.grades)}`)
  if (before.firstReplyThresholdMinutes !== after.firstReplyThresholdMinutes) {
    lines.push(`首次回复及时标准 ${before.firstReplyThresholdMinutes}→${after.firstReplyThresholdMinutes}个工作分钟`)
  }
  if (before.complaintPenalty !== after.complaintPenalty) lines.push(`每次投诉扣分 ${before.complaintPenalty}→${after.complaintPenalty}`)
  if (before.minimumEvidence !== after.minimumEvidence) lines.push(`最少证据数 ${before.minimumEvidence}→${after.minimumEvidence}条`)
  if (before.neutralScore !== after.neutralScore) lines.push(`证据不足时的中性分 ${before.neutralScore}→${after.neutralScore}`)
  return lines
}

/** Actions of this domain, merged into the one list in ./actions.ts. */
export const assessmentRuleActions = {
  'assessment.getRules': spec({
    fn: 'api',
    input: emptySchema,
    output: ruleVersionSchema,
    audience: bound,
    writes: false,
    summary: 'The assessment rules in force and their version (0: the built-in defaults, never saved).',
  }),
  'assessment.listRuleVersions': spec({
    fn: 'api',
    input: listRuleVersionsInput,
    output: listRuleVersionsOutput,
    audience: ['admin'],
    writes: false,
    summary: 'Every saved version of the assessment rules, newest first, ending with the built-in defaults (version 0).',
  }),
  'assessment.saveRules': spec({
    fn: 'api',
    input: saveRulesInput,
    output: ruleVersionSchema,
    audience: ['admin'],
    writes: true,
    summary: 'Save edited rules as the next version; refused if another version was saved since the one edited, or nothing changed.',
  }),
} as const
