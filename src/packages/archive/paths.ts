import type { ArchiveScope } from '@contract'
import { recordPage } from '@contract/pages'

/** The archive subpackage's pages; the monthly confirmation sits where to-do lists open it. */
export const archivePaths = {
  list: '/packages/archive/list/index',
  edit: '/packages/archive/edit/index',
  detail: '/packages/archive/detail/index',
  monthly: recordPage('archive', ''),
  coverage: '/packages/archive/coverage/index',
} as const

export function archiveList(scope?: ArchiveScope): string {
  return scope ? `${archivePaths.list}?scope=${scope}` : archivePaths.list
}

export function archiveDetail(id: string): string {
  return `${archivePaths.detail}?id=${encodeURIComponent(id)}`
}

/** Without an id the form adds a record; with one it edits that record. */
export function archiveEdit(id?: string): string {
  return id ? `${archivePaths.edit}?id=${encodeURIComponent(id)}` : archivePaths.edit
}
