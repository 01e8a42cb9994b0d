import type { TodoItem } from './accounts'

/**
 * Where each kind of record opens in the mini program. The server needs it for the page
 * a subscribe message opens; the client for to-do lists: one table for both.
 */
const recordPages: Record<TodoItem['kind'], string> = {
  application: '/packages/account/application/index',
  anomaly: '/packages/account/anomaly/index',
  delegation: '/packages/account/delegation/index',
  handover: '/packages/account/handover/index',
  selfcheck: '/packages/account/self-check/index',
  notice: '/packages/notice/detail/index',
  policy: '/packages/policy/read/index',
  customer: '/packages/customer/detail/index',
  marketing: '/packages/marketing/detail/index',
  task: '/packages/task/detail/index',
  archive: '/packages/archive/monthly/index',
  spotcheck: '/packages/supervision/spot-check/index',
  violation: '/packages/supervision/violation/index',
  assessment: '/packages/assessment/mine/index',
}

export function recordPage(kind: TodoItem['kind'], id: string): string {
  return kind === 'selfcheck' || kind === 'policy' || kind === 'archive' ? recordPages[kind] : `${recordPages[kind]}?id=${encodeURIComponent(id)}`
}
