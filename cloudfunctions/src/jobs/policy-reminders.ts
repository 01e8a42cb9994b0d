import { isWorkingDay, shanghaiDate } from '../../../types/contract'
import type { ActionContext } from '../core/context'
import { remindPending } from '../actions/policy/progress'
import { loadVersionInForce } from '../repos/policy'
import { loadWorkingTimeSettings } from '../repos/settings'

/** Reminders go out once a working day, at the start of the morning's work in Shanghai. */
export const POLICY_REMINDER_HOUR = 10

function shanghaiHour(instant: Date): number {
  return new Date(instant.getTime() + 8 * 3600_000).getUTCHours()
}

/**
 * Reminds everyone who has not acknowledged the version in force. The hourly job calls it
 * every hour; it acts only in the reminder hour of a working day, and at most once a day
 * per person however often it runs (each reminder is stamped on the person's record).
 */
export async function remindPendingPolicy(ctx: ActionContext): Promise<{ reminded: number; skipped: number } | null> {
  const now = ctx.now()
  if (shanghaiHour(now) !== POLICY_REMINDER_HOUR) return null
  const today = shanghaiDate(now)
  if (!isWorkingDay(today, await loadWorkingTimeSettings(ctx.db))) return null
  const version = await loadVersionInForce(ctx.db, today)
  return version ? remindPending(ctx, version, undefined) : null
}
