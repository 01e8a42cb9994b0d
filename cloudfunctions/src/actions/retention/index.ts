import type { ActionInput, ActionOutput, retentionActions } from '../../../../types/contract'
import { writeAudit } from '../../core/audit'
import type { ActionContext } from '../../core/context'
import type { HandlerMap } from '../../core/handler'
import { lastRetentionRun } from '../../jobs/retention'
import { loadRetentionSettings, RETENTION_SETTINGS_ID, SETTINGS } from '../../repos/settings'
import { exportMyData } from '../me/export'

async function overview(ctx: ActionContext): Promise<ActionOutput<'retention.getSettings'>> {
  const settings = await loadRetentionSettings(ctx.db)
  return { periodMonths: settings.periodMonths, isDefault: settings.isDefault, lastRun: await lastRetentionRun(ctx) }
}

async function getRetentionSettings(_input: ActionInput<'retention.getSettings'>, ctx: ActionContext): Promise<ActionOutput<'retention.getSettings'>> {
  return overview(ctx)
}

/** Takes effect at the next daily run; data already deleted or anonymized stays so. */
async function updateRetentionSettings(input: ActionInput<'retention.updateSettings'>, ctx: ActionContext): Promise<ActionOutput<'retention.updateSettings'>> {
  const before = await loadRetentionSettings(ctx.db)
  await ctx.db.collection(SETTINGS).doc(RETENTION_SETTINGS_ID).set({ data: { periodMonths: input.periodMonths, updatedAt: ctx.now() } })
  await writeAudit(ctx, { action: ctx.action, targetCollection: SETTINGS, targetId: RETENTION_SETTINGS_ID, before: { periodMonths: before.periodMonths }, after: { periodMonths: input.periodMonths } })
  return overview(ctx)
}

export const retentionHandlers: HandlerMap<keyof typeof retentionActions> = {
  'retention.getSettings': getRetentionSettings,
  'retention.updateSettings': updateRetentionSettings,
  'me.exportData': exportMyData,
}
