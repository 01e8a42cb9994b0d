import { type AckProgress, type ActionInput, type ActionOutput, type AckStatusRow, shanghaiDate } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import type { PersonDoc } from '../../repos/people'
import { PEOPLE } from '../../repos/people'
import { loadDepartments } from '../../repos/departments'
import { readAll } from '../../repos/read-all'
import {
  ackDueOn,
  loadVersion,
  loadVersionInForce,
  POLICY_ACKS,
  POLICY_VERSIONS,
  policyAckId,
  toVersionSummary,
  type PolicyAckDoc,
  type PolicyVersionHeader,
} from '../../repos/policy'
import { notify } from '../../notify/notifier'

type StaffMember = Pick<PersonDoc, '_id' | 'name' | 'departmentId'>

interface Standing {
  person: StaffMember
  ack: PolicyAckDoc | null
  acknowledged: boolean
  overdue: boolean
}

/** Heads see their department whatever they ask for; admins the department asked for, or all. */
function scopeDepartment(me: PersonDoc, asked: string | undefined): string | undefined {
  if (me.role === 'head') {
    if (asked && asked !== me.departmentId) refuse('OUT_OF_SCOPE')
    return me.departmentId
  }
  return asked
}

async function versionFor(ctx: ActionContext, versionId: string | undefined): Promise<PolicyVersionHeader | null> {
  if (!versionId) return loadVersionInForce(ctx.db, shanghaiDate(ctx.now()))
  const version = await loadVersion(ctx.db, versionId)
  if (!version || version.status !== 'published') refuse('NOT_FOUND')
  return version as unknown as PolicyVersionHeader
}

/** Everyone in service within scope, with where they stand on one version. */
async function standings(ctx: ActionContext, version: PolicyVersionHeader, departmentId: string | undefined): Promise<Standing[]> {
  const today = shanghaiDate(ctx.now())
  const pastDue = today > ackDueOn(version)
  const staffWhere = departmentId ? { status: 'active', departmentId } : { status: 'active' }
  const [staff, acks] = await Promise.all([
    readAll<StaffMember>(ctx.db, PEOPLE, staffWhere, { name: true, departmentId: true }),
    // Joined by person, not by the department stored on the ack: someone who moved since still counts once, where they are now.
    readAll<PolicyAckDoc>(ctx.db, POLICY_ACKS, { versionId: version._id }),
  ])
  const byPerson = new Map(acks.map((a) => [a.personId, a]))
  return staff.map((person) => {
    const ack = byPerson.get(person._id) ?? null
    const acknowledged = Boolean(ack?.acknowledgedAt)
    return { person, ack, acknowledged, overdue: !acknowledged && pastDue }
  })
}

function rate(acknowledged: number, staff: number): number {
  return staff === 0 ? 100 : Math.round((acknowledged / staff) * 1000) / 10
}

export async function ackProgress(input: ActionInput<'policy.ackProgress'>, ctx: ActionContext): Promise<AckProgress> {
  const me = requirePerson(ctx)
  const departmentId = scopeDepartment(me, undefined)
  const version = await versionFor(ctx, input.versionId)
  if (!version) return { version: null, dueOn: null, departments: [], staffCount: 0, acknowledgedCount: 0, overdueCount: 0, rate: 0 }
  const today = shanghaiDate(ctx.now())
  const inForce = await loadVersionInForce(ctx.db, today)
  const [rows, departments] = await Promise.all([standings(ctx, version, departmentId), loadDepartments(ctx.db)])
  const perDepartment = departments
    .filter((d) => !departmentId || d._id === departmentId)
    .map((d) => {
      const mine = rows.filter((r) => r.person.departmentId === d._id)
      const acknowledgedCount = mine.filter((r) => r.acknowledged).length
      return {
        departmentId: d._id,
        departmentName: d.name,
        staffCount: mine.length,
        acknowledgedCount,
        overdueCount: mine.filter((r) => r.overdue).length,
        rate: rate(acknowledgedCount, mine.length),
      }
    })
  const acknowledgedCount = rows.filter((r) => r.acknowledged).length
  return {
    version: toVersionSummary(version, inForce?._id ?? null, today),
    dueOn: ackDueOn(version),
    departments: perDepartment,
    staffCount: rows.length,
    acknowledgedCount,
    overdueCount: rows.filter((r) => r.overdue).length,
    rate: rate(acknowledgedCount, rows.length),
  }
}

export async function listAckStatus(input: ActionInput<'policy.listAckStatus'>, ctx: ActionContext): Promise<ActionOutput<'policy.listAckStatus'>> {
  const me = requirePerson(ctx)
  const departmentId = scopeDepartment(me, input.departmentId)
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  const version = await versionFor(ctx, input.versionId)
  if (!version) return { items: [], total: 0, page, pageSize }
  const [rows, departments] = await Promise.all([standings(ctx, version, departmentId), loadDepartments(ctx.db)])
  const names = new Map(departments.map((d) => [d._id, d.name]))
  const filter = input.filter ?? 'all'
  const chosen = rows
    .filter((r) => filter === 'all' || (filter === 'acknowledged' ? r.acknowledged : filter === 'pending' ? !r.acknowledged : r.overdue))
    // The unacknowledged first: that is who the list is opened to chase.
    .sort((a, b) => Number(a.acknowledged) - Number(b.acknowledged) || a.person.name.localeCompare(b.person.name, 'zh-CN'))
  const items: AckStatusRow[] = chosen.slice((page - 1) * pageSize, page * pageSize).map((r) => ({
    personId: r.person._id,
    personName: r.person.name,
    departmentName: names.get(r.person.departmentId) ?? '',
    acknowledgedAt: r.ack?.acknowledgedAt ? r.ack.acknowledgedAt.toISOString() : null,
    quizFailedAttempts: r.ack ? r.ack.quizFailedAttempts : null,
    overdue: r.overdue,
    lastRemindedAt: r.ack?.lastRemindedAt ? r.ack.lastRemindedAt.toISOString() : null,
  }))
  return { items, total: chosen.length, page, pageSize }
}

/** Marks the reminder on each person's acknowledgement record, creating the record where there is none yet. */
async function stampReminders(ctx: ActionContext, version: PolicyVersionHeader, people: StaffMember[], now: Date): Promise<void> {
  const _ = ctx.db.command
  for (let i = 0; i < people.length; i += 100) {
    const chunk = people.slice(i, i + 100)
    const ids = chunk.map((p) => policyAckId(version._id, p._id))
    await ctx.db.collection(POLICY_ACKS).where({ _id: _.in(ids) }).update({ data: { lastRemindedAt: now } })
    const { data: present } = await ctx.db.collection<{ _id: string }>(POLICY_ACKS).where({ _id: _.in(ids) }).field({ _id: true }).limit(1000).get()
    const have = new Set(present.map((d) => d._id))
    for (const person of chunk) {
      const _id = policyAckId(version._id, person._id)
      if (have.has(_id)) continue
      const fresh: PolicyAckDoc = {
        _id,
        versionId: version._id,
        versionNumber: version.number ?? 0,
        personId: person._id,
        departmentId: person.departmentId,
        acknowledgedAt: null,
        quizAsked: 0,
        quizFailedAttempts: 0,
        lastRemindedAt: now,
      }
      // The person may have acknowledged between the read and here; their record then stands.
      await ctx.db.collection(POLICY_ACKS).add({ data: { ...fresh } }).catch(() => ctx.db.collection(POLICY_ACKS).where({ _id }).update({ data: { lastRemindedAt: now } }))
    }
  }
}

/**
 * Reminds everyone in scope who has not acknowledged the version, skipping those already
 * reminded today (Shanghai date), and audits who was reminded. Used by heads and admins
 * in one tap and by the daily job.
 */
export async function remindPending(ctx: ActionContext, version: PolicyVersionHeader, departmentId: string | undefined): Promise<{ reminded: number; skipped: number }> {
  const now = ctx.now()
  const today = shanghaiDate(now)
  const pending = (await standings(ctx, version, departmentId)).filter((r) => !r.acknowledged)
  const remindedToday = (r: Standing) => r.ack?.lastRemindedAt && shanghaiDate(r.ack.lastRemindedAt) === today
  const people = pending.filter((r) => !remindedToday(r)).map((r) => r.person)
  if (people.length > 0) {
    await stampReminders(ctx, version, people, now)
    await writeAudit(ctx, {
      action: ctx.action,
      targetCollection: POLICY_VERSIONS,
      targetId: version._id,
      before: null,
      after: { departmentId: departmentId ?? null, reminded: people.map((p) => p._id) },
    })
    await notify(
      ctx,
      people.map((p) => p._id),
      { template: 'policyReminder', kind: 'policy', recordId: version._id, title: `请确认${version.document.title}`, detail: `第${version.number}版，截止${ackDueOn(version)}` },
    )
  }
  return { reminded: people.length, skipped: pending.length - people.length }
}

export async function remindPolicy(input: ActionInput<'policy.remind'>, ctx: ActionContext): Promise<ActionOutput<'policy.remind'>> {
  const me = requirePerson(ctx)
  const departmentId = scopeDepartment(me, input.departmentId)
  const inForce = await loadVersionInForce(ctx.db, shanghaiDate(ctx.now()))
  if (!inForce || inForce._id !== input.versionId) refuse('POLICY_NOT_IN_FORCE')
  return remindPending(ctx, inForce, departmentId)
}
