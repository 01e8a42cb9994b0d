import type { WorkingTimeSettings } from '@contract'
import { callAction } from './cloud'

export type { WorkingTimeSettings }

export function getWorkingTimeSettings(): Promise<WorkingTimeSettings> {
  return callAction('worktime.getSettings', {})
}

export function updateWorkingTimeSettings(settings: WorkingTimeSettings): Promise<WorkingTimeSettings> {
  return callAction('worktime.updateSettings', settings)
}
