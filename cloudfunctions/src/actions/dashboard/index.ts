import type { dashboardActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'
import { getDashboard } from './get'

export const dashboardHandlers: HandlerMap<keyof typeof dashboardActions> = {
  'dashboard.get': getDashboard,
}
