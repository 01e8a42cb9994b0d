import type { Role } from '../../../../types/contract'
import type { Relation } from './workflow'

export interface Actor {
  id: string
  role: Role
  departmentId: string
}

export interface RecordScope {
  /** Whose request or account it is. */
  ownerId: string
  departmentId: string
  /** The department's head now, or null when it has none. */
  departmentHeadId: string | null
}

/**
 * How the caller stands to a record. When the owner is the department's own head (or the
 * department has none), admins stand in as its head: there is nobody else to approve.
 */
export function relationsTo(actor: Actor, record: RecordScope): Relation[] {
  const relations: Relation[] = []
  if (actor.id === record.ownerId) relations.push('owner')
  const isOwnHead = actor.role === 'head' && actor.departmentId === record.departmentId && record.departmentHeadId === actor.id
  if (isOwnHead) relations.push('ownHead')
  else if (actor.role === 'head') relations.push('otherHead')
  if (actor.role === 'admin') {
    relations.push('admin')
    const headless = record.departmentHeadId === null || record.departmentHeadId === record.ownerId
    if (headless && actor.id !== record.ownerId) relations.push('ownHead')
  }
  if (relations.length === 0) relations.push('colleague')
  return relations
}
