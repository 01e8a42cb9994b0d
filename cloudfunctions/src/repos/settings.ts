import { defaultSecuritySettings, securitySettingsSchema, type SecuritySettings } from '../../../types/contract'
import type { Database } from '../core/sdk-types'

export const SETTINGS = 'settings'
export const SECURITY_SETTINGS_ID = 'security'

/** Settings an admin never touched fall back to the documented defaults. */
export async function loadSecuritySettings(db: Database): Promise<SecuritySettings> {
  const { data } = await db.collection(SETTINGS).where({ _id: SECURITY_SETTINGS_ID }).limit(1).get()
  const parsed = securitySettingsSchema.safeParse(data[0] ?? {})
  return parsed.success ? parsed.data : defaultSecuritySettings
}
