import type { ActionOutput, Dashboard, DashboardDrill } from '@contract'
import { callAction } from './cloud'

export type { Dashboard, DashboardDrill }

export interface DashboardQuery {
  month: string
  /** Left out: the whole company (admins) or the head's own department. */
  departmentId?: string
}

export function getDashboard(query: DashboardQuery): Promise<ActionOutput<'dashboard.get'>> {
  return callAction('dashboard.get', query.departmentId ? { month: query.month, departmentId: query.departmentId } : { month: query.month })
}
