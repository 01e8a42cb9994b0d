import { defaultRuleVersion, describeRuleChanges, type ActionInput, type ActionOutput, type ErrorCode, type RuleVersion } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { ASSESSMENT_RULES, loadRulesInForce, normalizeRules, ruleVersionId, toRuleVersion, type RuleVersionDoc } from '../../repos/assessment-rules'

export async function getRules(_input: ActionInput<'assessment.getRules'>, ctx: ActionContext): Promise<RuleVersion> {
  requirePerson(ctx)
  return loadRulesInForce(ctx.db)
}

/** Newest first; the built-in defaults close the list as version 0, where the history starts. */
export async function listRuleVersions(input: ActionInput<'assessment.listRuleVersions'>, ctx: ActionContext): Promise<ActionOutput<'assessment.listRuleVersions'>> {
  requirePerson(ctx)
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  const skip = (page - 1) * pageSize
  const [{ total: saved }, { data }] = await Promise.all([
    ctx.db.collection(ASSESSMENT_RULES).count(),
    ctx.db.collection<RuleVersionDoc>(ASSESSMENT_RULES).orderBy('version', 'desc').skip(skip).limit(pageSize).get(),
  ])
  const items = data.map(toRuleVersion)
  // The defaults sit at position `saved`, right after the oldest saved version.
  if (skip <= saved && saved < skip + pageSize) items.push(defaultRuleVersion)
  return { items, total: saved + 1, page, pageSize }
}

/**
 * Saves the edited rules as the version after the one the admin edited. The id is the new
 * version's number, created inside a transaction only if it does not exist yet: of two admins
 * saving on the same version, the second is told to reload instead of replacing the first.
 */
export async function saveRules(input: ActionInput<'assessment.saveRules'>, ctx: ActionContext): Promise<RuleVersion> {
  const me = requirePerson(ctx)
  const { baseVersion, note, ...fields } = input
  const current = await loadRulesInForce(ctx.db)
  if (current.version !== baseVersion) refuse('RULES_STALE')
  const rules = normalizeRules(fields)
  const changes = describeRuleChanges(current.rules, rules)
  if (changes.length === 0) refuse('RULES_UNCHANGED')

  const version = baseVersion + 1
  const id = ruleVersionId(version)
  const now = ctx.now()
  const doc: Omit<RuleVersionDoc, '_id'> = {
    version,
    rules,
    note: note || null,
    changes,
    savedAt: now,
    savedById: me._id,
    savedByName: me.name,
  }
  const refusal = await ctx.db.runTransaction(async (tx): Promise<ErrorCode | null> => {
    const taken = await tx
      .collection<RuleVersionDoc>(ASSESSMENT_RULES)
      .doc(id)
      .get()
      .then(
        (r) => r.data,
        () => null,
      )
    if (taken) return 'RULES_STALE'
    await tx.collection(ASSESSMENT_RULES).doc(id).set({ data: doc })
    await writeAudit(ctx, { action: ctx.action, targetCollection: ASSESSMENT_RULES, targetId: id, before: { version: baseVersion }, after: { version, changes } }, tx)
    return null
  })
  if (refusal) refuse(refusal)
  return toRuleVersion({ _id: id, ...doc })
}
