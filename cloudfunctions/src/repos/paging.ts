import type { ActionContext } from '../core/context'
import type { Condition } from '../core/sdk-types'
import { loadDepartments } from './departments'

export interface PageRequest {
  page?: number
  pageSize?: number
}

/**
 * One page of a list screen: the total for the pager, the page itself in the given order,
 * and each item mapped with its department's name (departments are few, so one read).
 */
export async function fetchPage<D extends { departmentId: string }, Item>(
  ctx: ActionContext,
  collection: string,
  where: Condition,
  order: Array<[field: string, direction: 'asc' | 'desc']>,
  request: PageRequest,
  toItem: (doc: D, departmentName: string) => Item,
): Promise<{ items: Item[]; total: number; page: number; pageSize: number }> {
  const page = request.page ?? 1
  const pageSize = request.pageSize ?? 20
  let query = ctx.db.collection<D>(collection).where(where)
  for (const [field, direction] of order) query = query.orderBy(field, direction)
  const [{ total }, { data }, departments] = await Promise.all([
    ctx.db.collection(collection).where(where).count(),
    query.skip((page - 1) * pageSize).limit(pageSize).get(),
    loadDepartments(ctx.db),
  ])
  const names = new Map(departments.map((d) => [d._id, d.name]))
  return { items: data.map((doc) => toItem(doc, names.get(doc.departmentId) ?? '')), total, page, pageSize }
}
