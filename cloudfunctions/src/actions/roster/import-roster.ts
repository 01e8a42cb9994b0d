import type { ActionInput, ActionOutput } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import type { ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import { parseCsv } from '../../domain/csv'
import { planRosterImport, type RosterPerson } from '../../domain/roster/import-plan'
import { DEPARTMENTS, loadDepartments } from '../../repos/departments'
import { PEOPLE, type PersonDoc } from '../../repos/people'

const PAGE = 1000

async function loadRoster(ctx: ActionContext): Promise<RosterPerson[]> {
  const people: RosterPerson[] = []
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await ctx.db.collection<PersonDoc>(PEOPLE).orderBy('_id', 'asc').skip(offset).limit(PAGE).get()
    for (const p of data) {
      people.push({ id: p._id, name: p.name, mobile: p.mobile, email: p.email, departmentId: p.departmentId, role: p.role, status: p.status })
    }
    if (data.length < PAGE) return people
  }
}

/**
 * Validates the whole roster first; on commit every change (people, department heads
 * and their audit entries) lands in one transaction, so an import is never half done.
 */
export async function importRoster(
  input: ActionInput<'roster.import'>,
  ctx: ActionContext,
): Promise<ActionOutput<'roster.import'>> {
  const [departments, roster] = await Promise.all([loadDepartments(ctx.db), loadRoster(ctx)])
  const now = ctx.now()
  const plan = planRosterImport(
    parseCsv(input.csv),
    departments.map((d) => ({ id: d._id, name: d.name, headId: d.headId })),
    roster,
    () => newId('person', now),
  )
  const report = { rows: plan.rows, errors: plan.errors, committed: false, created: plan.creates.length, updated: plan.updates.length }
  if (!input.commit) return report
  if (plan.errors.length > 0) refuse('ROSTER_INVALID', { errors: plan.errors })

  await ctx.db.runTransaction(async (tx) => {
    for (const { id, ...fields } of plan.creates) {
      await tx.collection(PEOPLE).doc(id).set({ data: { ...fields, createdAt: now, updatedAt: now } })
      await writeAudit(ctx, { action: ctx.action, targetCollection: PEOPLE, targetId: id, before: null, after: fields }, tx)
    }
    for (const update of plan.updates) {
      await tx.collection(PEOPLE).doc(update.id).update({ data: { ...update.after, updatedAt: now } })
      const { id: _id, ...before } = update.before
      await writeAudit(ctx, { action: ctx.action, targetCollection: PEOPLE, targetId: update.id, before, after: update.after }, tx)
    }
    for (const change of plan.headChanges) {
      await tx.collection(DEPARTMENTS).doc(change.departmentId).update({ data: { headId: change.headId, updatedAt: now } })
      await writeAudit(
        ctx,
        { action: ctx.action, targetCollection: DEPARTMENTS, targetId: change.departmentId, before: { headId: change.before }, after: { headId: change.headId } },
        tx,
      )
    }
  })
  return { ...report, committed: true }
}
