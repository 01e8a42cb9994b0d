import type { ActionInput, ActionOutput } from '../../../../types/contract'
import type { ActionContext } from '../../core/context'
import { loadDepartments } from '../../repos/departments'
import { PEOPLE } from '../../repos/people'

export async function listDepartments(
  _input: ActionInput<'roster.listDepartments'>,
  ctx: ActionContext,
): Promise<ActionOutput<'roster.listDepartments'>> {
  const departments = await loadDepartments(ctx.db)
  const { list } = await ctx.db
    .collection(PEOPLE)
    .aggregate()
    .match({ status: 'active' })
    .group({ _id: '$departmentId', count: ctx.db.command.aggregate.sum(1) })
    // WeChat returns only 20 aggregate rows unless told otherwise.
    .limit(1000)
    .end()
  const counts = new Map(list.map((row) => [row._id as string, row.count as number]))
  const headIds = departments.map((d) => d.headId).filter((id): id is string => Boolean(id))
  const heads = headIds.length
    ? (await ctx.db.collection(PEOPLE).where({ _id: ctx.db.command.in(headIds) }).field({ name: true }).limit(1000).get()).data
    : []
  const headNames = new Map(heads.map((h) => [h._id as string, h.name as string]))
  return {
    items: departments.map((d) => ({
      id: d._id,
      name: d.name,
      headId: d.headId,
      headName: d.headId ? (headNames.get(d.headId) ?? null) : null,
      staffCount: counts.get(d._id) ?? 0,
    })),
  }
}
