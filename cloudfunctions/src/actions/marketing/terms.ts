import type { ActionInput, MarketingTermsSettings } from '../../../../types/contract'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { loadMarketingTerms, MARKETING_TERMS_ID } from '../../repos/marketing'
import { SETTINGS } from '../../repos/settings'

export async function getMarketingTerms(_input: ActionInput<'marketing.getTerms'>, ctx: ActionContext): Promise<MarketingTermsSettings> {
  return loadMarketingTerms(ctx.db)
}

/** Items already submitted keep their flags: they are what the reviewer decided on. */
export async function updateMarketingTerms(input: ActionInput<'marketing.updateTerms'>, ctx: ActionContext): Promise<MarketingTermsSettings> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const before = await loadMarketingTerms(ctx.db)
  const lists = { absolute: input.absolute, promise: input.promise, exceptions: input.exceptions }
  await ctx.db.collection(SETTINGS).doc(MARKETING_TERMS_ID).set({ data: { ...lists, updatedAt: now, updatedByName: me.name } })
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: SETTINGS,
    targetId: MARKETING_TERMS_ID,
    before: { absolute: before.absolute, promise: before.promise, exceptions: before.exceptions },
    after: lists,
  })
  return { ...lists, updatedAt: now.toISOString(), updatedByName: me.name }
}
