import type { ActionInput, CreateGroupInput, GroupDetail, GroupStatus, GroupSummary } from '@contract'
import { callAction } from './cloud'

export type { GroupDetail, GroupSummary }

export interface GroupsPage {
  items: GroupSummary[]
  total: number
  page: number
  pageSize: number
  flaggedCount: number
}

export function createGroup(input: CreateGroupInput): Promise<GroupDetail> {
  return callAction('group.create', input)
}

export function updateGroup(input: ActionInput<'group.update'>): Promise<GroupDetail> {
  return callAction('group.update', input)
}

export function reviewGroup(id: string, stillNeeded: boolean, membersRelevant: boolean, note: string): Promise<GroupDetail> {
  const trimmed = note.trim()
  return callAction('group.review', { id, stillNeeded, membersRelevant, ...(trimmed ? { note: trimmed } : {}) })
}

export function dissolveGroup(id: string, note: string): Promise<GroupDetail> {
  const trimmed = note.trim()
  return callAction('group.dissolve', { id, ...(trimmed ? { note: trimmed } : {}) })
}

export function getGroup(id: string): Promise<GroupDetail> {
  return callAction('group.get', { id })
}

export interface GroupsQuery {
  scope: 'mine' | 'department' | 'all'
  page: number
  pageSize: number
  flaggedOnly?: boolean
  status?: GroupStatus
  keyword?: string
}

export function listGroups(query: GroupsQuery): Promise<GroupsPage> {
  const payload: ActionInput<'group.list'> = { scope: query.scope, page: query.page, pageSize: query.pageSize, flaggedOnly: Boolean(query.flaggedOnly) }
  if (query.status) payload.status = query.status
  const keyword = query.keyword?.trim()
  if (keyword) payload.keyword = keyword.slice(0, 40)
  return callAction('group.list', payload)
}
