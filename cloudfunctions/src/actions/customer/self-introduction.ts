import type { ActionInput, SelfIntroduction } from '../../../../types/contract'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { loadSelfIntroduction, SELF_INTRODUCTION_ID } from '../../repos/customers'
import { SETTINGS } from '../../repos/settings'

export async function getSelfIntroduction(_input: ActionInput<'customer.getSelfIntroduction'>, ctx: ActionContext): Promise<SelfIntroduction> {
  return loadSelfIntroduction(ctx.db)
}

/** Friend requests sent from now on use the new wording; nothing already sent changes. */
export async function updateSelfIntroduction(input: ActionInput<'customer.updateSelfIntroduction'>, ctx: ActionContext): Promise<SelfIntroduction> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const before = await loadSelfIntroduction(ctx.db)
  await ctx.db
    .collection(SETTINGS)
    .doc(SELF_INTRODUCTION_ID)
    .set({ data: { template: input.template, updatedAt: now, updatedById: me._id, updatedByName: me.name } })
  await writeAudit(ctx, { action: ctx.action, targetCollection: SETTINGS, targetId: SELF_INTRODUCTION_ID, before: { template: before.template }, after: { template: input.template } })
  return { template: input.template, isDefault: false, updatedAt: now.toISOString(), updatedByName: me.name }
}
