import type { ActionInput, WorkingTimeSettings } from '../../../../types/contract'
import { writeAudit } from '../../core/audit'
import type { ActionContext } from '../../core/context'
import { loadWorkingTimeSettings, SETTINGS, WORKING_TIME_SETTINGS_ID } from '../../repos/settings'

export async function getWorkingTimeSettings(_input: ActionInput<'worktime.getSettings'>, ctx: ActionContext): Promise<WorkingTimeSettings> {
  return loadWorkingTimeSettings(ctx.db)
}

/** Deadlines already set keep their time; new notices use the new calendar. */
export async function updateWorkingTimeSettings(input: ActionInput<'worktime.updateSettings'>, ctx: ActionContext): Promise<WorkingTimeSettings> {
  const before = await loadWorkingTimeSettings(ctx.db)
  const after: WorkingTimeSettings = {
    workdays: [...input.workdays].sort(),
    periods: input.periods,
    holidays: [...input.holidays].sort(),
    extraWorkdays: [...input.extraWorkdays].sort(),
  }
  await ctx.db.collection(SETTINGS).doc(WORKING_TIME_SETTINGS_ID).set({ data: { ...after, updatedAt: ctx.now() } })
  await writeAudit(ctx, { action: ctx.action, targetCollection: SETTINGS, targetId: WORKING_TIME_SETTINGS_ID, before, after })
  return after
}
