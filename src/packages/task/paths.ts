import type { TaskFilter, TaskScope } from '@contract'
import { recordPage } from '@contract/pages'

/** Pages of the task subpackage; register them under root `packages/task`. */
export const taskPages = {
  list: '/packages/task/list/index',
  create: '/packages/task/create/index',
  /** Where to-do lists and subscribe messages open a task (types/contract/pages.ts). */
  detail: '/packages/task/detail/index',
} as const

export function taskDetailPage(id: string): string {
  return recordPage('task', id)
}

/** The list opened on a scope (and filter), e.g. a head's 本部门 from the workbench. */
export function taskListPage(scope?: TaskScope, filter?: TaskFilter): string {
  const query = [scope ? `scope=${scope}` : '', filter ? `filter=${filter}` : ''].filter(Boolean).join('&')
  return query ? `${taskPages.list}?${query}` : taskPages.list
}
