/** The assessment rules screen (admins): weights, grades and thresholds, with the version history. */
export const assessmentRulesPaths = {
  rules: '/packages/assessment/rules/index',
} as const
