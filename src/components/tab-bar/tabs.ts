import type { Role } from '@contract'
import type { TabKey } from '@/store/app'
import { routes } from '@/routes'

export interface TabSpec {
  key: TabKey
  text: string
  /** The glyph drawn in place of an icon image: no network images, no icon font to load. */
  glyph: string
  path: string
  roles?: readonly Role[]
}

/** Display order. app.config.ts lists the same pages, because switchTab only reaches listed tabs. */
export const tabs: readonly TabSpec[] = [
  { key: 'workbench', text: '工作台', glyph: '工', path: routes.workbench },
  { key: 'approvals', text: '审批', glyph: '审', path: routes.approvals },
  { key: 'admin', text: '管理', glyph: '管', path: routes.admin, roles: ['admin'] },
  { key: 'me', text: '我的', glyph: '我', path: routes.me },
]

export function tabsFor(role: Role): TabSpec[] {
  return tabs.filter((tab) => !tab.roles || tab.roles.includes(role))
}
