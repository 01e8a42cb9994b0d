import { type ActionInput, type ActionOutput, type ArchiveCoverage, type ConfirmationRow, shanghaiMonth } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { confirmationDueOn, matchesFilter, recentWindow, summarizeCoverage, type ConfirmationFact } from '../../domain/archive'
import { ARCHIVE_CONFIRMATIONS, ARCHIVE_RECORDS, loadArchiveSettings, type ArchiveConfirmationDoc, type ArchiveRecordDoc } from '../../repos/archives'
import { loadDepartments, type DepartmentDoc } from '../../repos/departments'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { readAll } from '../../repos/read-all'

type Staff = Pick<PersonDoc, '_id' | 'name' | 'departmentId'>
type Confirmation = Pick<ArchiveConfirmationDoc, 'personId' | 'complete' | 'confirmedAt' | 'onTime'>

interface MonthFacts {
  departments: DepartmentDoc[]
  staff: Staff[]
  confirmations: Map<string, Confirmation>
  /** People in the scope with a backup dated in the month or the two before it. */
  recentOwners: Set<string>
}

/** Heads see their own department whatever they ask for; admins everyone's, or the one they name. */
async function departmentsInScope(ctx: ActionContext, departmentId: string | undefined): Promise<{ departments: DepartmentDoc[]; only: string | null }> {
  const me = requirePerson(ctx)
  if (me.role === 'head' && departmentId && departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
  const only = me.role === 'head' ? me.departmentId : (departmentId ?? null)
  const all = await loadDepartments(ctx.db)
  if (!only) return { departments: all, only }
  const departments = all.filter((d) => d._id === only)
  if (departments.length === 0) refuse('NOT_FOUND')
  return { departments, only }
}

/**
 * Staff, confirmations and recent backups for a month, one bounded read each. Within one
 * department the confirmations and backups are found by person, so someone who moved
 * departments counts where they are now.
 */
async function monthFacts(ctx: ActionContext, month: string, departmentId: string | undefined): Promise<MonthFacts> {
  const _ = ctx.db.command
  const { departments, only } = await departmentsInScope(ctx, departmentId)
  const staff = await readAll<Staff>(ctx.db, PEOPLE, only ? { status: 'active', departmentId: only } : { status: 'active' }, { name: true, departmentId: true })
  const ids = staff.map((p) => p._id)
  if (ids.length === 0) return { departments, staff, confirmations: new Map(), recentOwners: new Set() }
  const window = recentWindow(month)
  const backedUpOn = _.gte(window.start).and(_.lte(window.end))
  const [confirmations, recent] = await Promise.all([
    readAll<Confirmation>(ctx.db, ARCHIVE_CONFIRMATIONS, only ? { month, personId: _.in(ids) } : { month }, { personId: true, complete: true, confirmedAt: true, onTime: true }),
    readAll<Pick<ArchiveRecordDoc, 'ownerId'>>(ctx.db, ARCHIVE_RECORDS, only ? { ownerId: _.in(ids), backedUpOn } : { backedUpOn }, { ownerId: true }),
  ])
  return { departments, staff, confirmations: new Map(confirmations.map((c) => [c.personId, c])), recentOwners: new Set(recent.map((r) => r.ownerId)) }
}

function facts(confirmations: Map<string, Confirmation>): ConfirmationFact[] {
  return [...confirmations.values()].map((c) => ({ personId: c.personId, complete: c.complete }))
}

export async function archiveCoverage(input: ActionInput<'archive.coverage'>, ctx: ActionContext): Promise<ArchiveCoverage> {
  const month = input.month ?? shanghaiMonth(ctx.now())
  const [{ departments, staff, confirmations, recentOwners }, settings] = await Promise.all([monthFacts(ctx, month, input.departmentId), loadArchiveSettings(ctx.db)])
  const scoped = departments.length === 1 ? { departmentId: departments[0]!._id } : {}
  // Records count for the department they were made in.
  const added = await readAll<Pick<ArchiveRecordDoc, 'departmentId'>>(ctx.db, ARCHIVE_RECORDS, { createdMonth: month, ...scoped }, { departmentId: true })
  const addedByDepartment = new Map<string, number>()
  for (const r of added) addedByDepartment.set(r.departmentId, (addedByDepartment.get(r.departmentId) ?? 0) + 1)
  const summary = summarizeCoverage(
    departments.map((d) => ({ id: d._id, name: d.name })),
    staff.map((p) => ({ id: p._id, departmentId: p.departmentId })),
    facts(confirmations),
    recentOwners,
    addedByDepartment,
  )
  return {
    month,
    dueOn: confirmationDueOn(month, settings.confirmDueDay),
    dueDay: settings.confirmDueDay,
    windowStart: recentWindow(month).start,
    ...summary,
  }
}

/** The latest backup date each person has on record, whatever the month looked at. */
async function lastBackups(ctx: ActionContext, personIds: string[]): Promise<Map<string, string>> {
  const latest = await Promise.all(
    personIds.map((id) =>
      ctx.db
        .collection<Pick<ArchiveRecordDoc, 'backedUpOn'>>(ARCHIVE_RECORDS)
        .where({ ownerId: id })
        .orderBy('backedUpOn', 'desc')
        .field({ backedUpOn: true })
        .limit(1)
        .get()
        .then(({ data }) => [id, data[0]?.backedUpOn ?? null] as const),
    ),
  )
  return new Map(latest.flatMap(([id, on]) => (on ? [[id, on] as [string, string]] : [])))
}

export async function listConfirmations(input: ActionInput<'archive.listConfirmations'>, ctx: ActionContext): Promise<ActionOutput<'archive.listConfirmations'>> {
  const month = input.month ?? shanghaiMonth(ctx.now())
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  const { departments, staff, confirmations, recentOwners } = await monthFacts(ctx, month, input.departmentId)
  const names = new Map(departments.map((d) => [d._id, d.name]))
  const order = new Map(departments.map((d, i) => [d._id, i]))
  const matching = staff
    .filter((p) => matchesFilter(input.status, confirmations.get(p._id), !recentOwners.has(p._id)))
    .sort((a, b) => (order.get(a.departmentId) ?? 0) - (order.get(b.departmentId) ?? 0) || a.name.localeCompare(b.name, 'zh-CN'))
  const shown = matching.slice((page - 1) * pageSize, page * pageSize)
  const last = await lastBackups(
    ctx,
    shown.map((p) => p._id),
  )
  const items: ConfirmationRow[] = shown.map((p) => {
    const confirmation = confirmations.get(p._id)
    return {
      personId: p._id,
      personName: p.name,
      departmentId: p.departmentId,
      departmentName: names.get(p.departmentId) ?? '',
      confirmed: Boolean(confirmation),
      complete: confirmation ? confirmation.complete : null,
      confirmedAt: confirmation ? confirmation.confirmedAt.toISOString() : null,
      onTime: confirmation ? confirmation.onTime : null,
      dormant: !recentOwners.has(p._id),
      lastBackedUpOn: last.get(p._id) ?? null,
    }
  })
  return { month, items, total: matching.length, page, pageSize }
}
