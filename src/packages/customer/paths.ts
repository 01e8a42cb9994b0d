import { recordPage } from '@contract/pages'

/** Where the customer screens live; src/routes.ts is the app's, so this package keeps its own. */
export const customerPaths = {
  list: '/packages/customer/list/index',
  add: '/packages/customer/add/index',
  followUps: '/packages/customer/follow-ups/index',
  selfIntroduction: '/packages/customer/self-introduction/index',
} as const

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).filter((pair): pair is [string, string] => Boolean(pair[1]))
  return pairs.length === 0 ? path : `${path}?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`
}

/** The detail sits where the contract says: to-do lists open it there. */
export function customerDetail(id: string): string {
  return recordPage('customer', id)
}

/** The add form, editing an existing customer when given its id. */
export function customerEdit(id: string): string {
  return withQuery(customerPaths.add, { id })
}

/** mine: the caller's own; managed: a head's department, or (admins) everyone's. */
export function customerList(scope: 'mine' | 'managed' = 'mine'): string {
  return withQuery(customerPaths.list, { scope: scope === 'mine' ? undefined : scope })
}

export function followUpList(scope: 'mine' | 'managed' = 'mine'): string {
  return withQuery(customerPaths.followUps, { scope: scope === 'mine' ? undefined : scope })
}
