import { defaultRetentionSettings, retentionSettingsSchema, type RetentionSettings, defaultSecuritySettings, defaultWorkingTimeSettings, securitySettingsSchema, workingTimeSettingsSchema, type SecuritySettings, type WorkingTimeSettings } from '../../../types/contract'
import type { Database } from '../core/sdk-types'

export const SETTINGS = 'settings'
export const SECURITY_SETTINGS_ID = 'security'

/** Settings an admin never touched fall back to the documented defaults. */
export async function loadSecuritySettings(db: Database): Promise<SecuritySettings> {
  const { data } = await db.collection(SETTINGS).where({ _id: SECURITY_SETTINGS_ID }).limit(1).get()
  const parsed = securitySettingsSchema.safeParse(data[0] ?? {})
  return parsed.success ? parsed.data : defaultSecuritySettings
}

export const WORKING_TIME_SETTINGS_ID = 'worktime'

export async function loadWorkingTimeSettings(db: Database): Promise<WorkingTimeSettings> {
  const { data } = await db.collection(SETTINGS).where({ _id: WORKING_TIME_SETTINGS_ID }).limit(1).get()
  const stored = data[0] ?? {}
  // The schema is strict (it is also the admin's input), so leave the record's own fields out.
  const parsed = workingTimeSettingsSchema.safeParse({ workdays: stored.workdays, periods: stored.periods, holidays: stored.holidays, extraWorkdays: stored.extraWorkdays })
  return parsed.success ? parsed.data : defaultWorkingTimeSettings
}

export const RETENTION_SETTINGS_ID = 'retention'

export async function loadRetentionSettings(db: Database): Promise<RetentionSettings & { isDefault: boolean }> {
  const { data } = await db.collection(SETTINGS).where({ _id: RETENTION_SETTINGS_ID }).limit(1).get()
  const parsed = retentionSettingsSchema.safeParse({ periodMonths: data[0]?.periodMonths })
  return parsed.success ? { ...parsed.data, isDefault: false } : { ...defaultRetentionSettings, isDefault: true }
}
