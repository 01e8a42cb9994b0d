import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import { relationsTo } from '../../domain/workflow/relations'
import type { Relation } from '../../domain/workflow/workflow'
import { DEPARTMENTS, type DepartmentDoc } from '../../repos/departments'

export async function loadDepartment(ctx: ActionContext, id: string): Promise<DepartmentDoc | null> {
  const { data } = await ctx.db.collection<DepartmentDoc>(DEPARTMENTS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

/** How the caller stands to a record owned by `ownerId` in `departmentId`, judged against the department's current head. */
export async function callerRelationsTo(
  ctx: ActionContext,
  ownerId: string,
  departmentId: string,
): Promise<{ relations: Relation[]; departmentName: string }> {
  const me = requirePerson(ctx)
  const department = await loadDepartment(ctx, departmentId)
  const relations = relationsTo(
    { id: me._id, role: me.role, departmentId: me.departmentId },
    { ownerId, departmentId, departmentHeadId: department?.headId ?? null },
  )
  return { relations, departmentName: department?.name ?? '' }
}

/** Who may see a request at all: its owner, whoever decides it, and admins. */
export function refuseUnlessVisible(relations: readonly Relation[]): void {
  if (relations.some((r) => r === 'owner' || r === 'ownHead' || r === 'admin')) return
  refuse(relations.includes('otherHead') ? 'OUT_OF_SCOPE' : 'FORBIDDEN')
}

