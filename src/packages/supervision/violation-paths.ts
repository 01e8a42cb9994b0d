import type { ViolationScope } from '@contract'
import { recordPage } from '@contract/pages'

/** Violation pages of the supervision subpackage; register them under root `packages/supervision`. */
export const violationPages = {
  list: '/packages/supervision/violations/index',
  record: '/packages/supervision/violation-record/index',
  /** Where to-do lists and subscribe messages open a violation (types/contract/pages.ts). */
  detail: '/packages/supervision/violation/index',
} as const

export function violationDetailPage(id: string): string {
  return recordPage('violation', id)
}

/** The list opened on a scope, e.g. an admin's 待处理申诉 from the admin tab. */
export function violationListPage(scope?: ViolationScope): string {
  return scope ? `${violationPages.list}?scope=${scope}` : violationPages.list
}
