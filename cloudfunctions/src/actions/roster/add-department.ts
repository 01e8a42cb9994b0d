import type { ActionInput, ActionOutput } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import type { ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import { DEPARTMENTS } from '../../repos/departments'

export async function addDepartment(
  input: ActionInput<'roster.addDepartment'>,
  ctx: ActionContext,
): Promise<ActionOutput<'roster.addDepartment'>> {
  const name = input.name.trim()
  const { total } = await ctx.db.collection(DEPARTMENTS).where({ name }).count()
  if (total > 0) refuse('DEPARTMENT_EXISTS')
  const now = ctx.now()
  const id = newId('dept', now)
  const doc = { name, headId: null, createdAt: now, updatedAt: now }
  try {
    await ctx.db.collection(DEPARTMENTS).add({ data: { _id: id, ...doc } })
  } catch (err) {
    // Two admins adding the same name at once: the unique index on name decides.
    if (/duplicate/i.test(String((err as Error)?.message ?? err))) refuse('DEPARTMENT_EXISTS')
    throw err
  }
  await writeAudit(ctx, { action: ctx.action, targetCollection: DEPARTMENTS, targetId: id, before: null, after: doc })
  return { id, name, headId: null, headName: null, staffCount: 0 }
}
