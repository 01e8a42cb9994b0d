import { defaultAssessmentRules, type AssessmentRules, type RuleVersion } from '@contract'

/** Saved on Friday 2026-11-27 at 10:00 in Shanghai by the admin double. */
export const SAVED_AT = '2026-11-27T02:00:00.000Z'

/** A saved version; `ruleVersion({ version: 0 })` is not the defaults, use `defaultVersion()` for those. */
export function ruleVersion(overrides: Partial<RuleVersion> = {}, rules: Partial<AssessmentRules> = {}): RuleVersion {
  return {
    version: 1,
    rules: { ...defaultAssessmentRules, ...rules },
    note: null,
    changes: [],
    savedAt: SAVED_AT,
    savedById: 'p-wang',
    savedByName: '王五',
    ...overrides,
  }
}

export function defaultVersion(): RuleVersion {
  return { version: 0, rules: defaultAssessmentRules, note: null, changes: [], savedAt: null, savedById: null, savedByName: null }
}

export function versionPage(items: RuleVersion[], total = items.length, page = 1, pageSize = 20) {
  return { items, total, page, pageSize }
}
