import { recordPage } from '@contract/pages'

/** Pages of the marketing subpackage; the detail sits where the contract's record table says. */
export const marketingPaths = {
  submit: '/packages/marketing/submit/index',
  mine: '/packages/marketing/mine/index',
  review: '/packages/marketing/review/index',
  library: '/packages/marketing/library/index',
  detail: recordPage('marketing', '').replace(/\?.*$/, ''),
  push: '/packages/marketing/push/index',
  terms: '/packages/marketing/terms/index',
  groups: '/packages/marketing/groups/index',
  group: '/packages/marketing/group/index',
  groupEdit: '/packages/marketing/group-edit/index',
} as const

const withId = (path: string, key: string, id: string) => `${path}?${key}=${encodeURIComponent(id)}`

export function marketingDetail(id: string): string {
  return recordPage('marketing', id)
}

/** Submitting again starts from a rejected or withdrawn item's text. */
export function resubmitFrom(id: string): string {
  return withId(marketingPaths.submit, 'from', id)
}

export function pushPage(itemId: string): string {
  return withId(marketingPaths.push, 'id', itemId)
}

export function groupDetail(id: string): string {
  return withId(marketingPaths.group, 'id', id)
}

export function groupEdit(id?: string): string {
  return id ? withId(marketingPaths.groupEdit, 'id', id) : marketingPaths.groupEdit
}

/** The group list opened on one scope (heads and admins land on their own groups from "我的"). */
export function groupList(scope: 'mine' | 'department' | 'all', flagged = false): string {
  return `${marketingPaths.groups}?scope=${scope}${flagged ? '&flagged=1' : ''}`
}
