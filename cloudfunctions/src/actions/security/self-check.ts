import { type ActionInput, type ActionOutput, type SecuritySettings, type SelfCheck, type SelfCheckOverview, daysBetween, shanghaiDate, shanghaiMonth } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { passwordTooOld, selfCheckDueOn, selfCheckIssues } from '../../domain/self-check'
import { loadDepartments } from '../../repos/departments'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { SELF_CHECKS, selfCheckId, toSelfCheck, type SelfCheckDoc } from '../../repos/self-checks'
import { loadSecuritySettings, SECURITY_SETTINGS_ID, SETTINGS } from '../../repos/settings'

export async function selfCheckOverview(ctx: ActionContext, person: PersonDoc, month: string, settings: SecuritySettings): Promise<SelfCheckOverview> {
  const today = shanghaiDate(ctx.now())
  const [{ data: records }, { data: latest }] = await Promise.all([
    ctx.db.collection<SelfCheckDoc>(SELF_CHECKS).where({ _id: selfCheckId(person._id, month) }).limit(1).get(),
    ctx.db.collection<SelfCheckDoc>(SELF_CHECKS).where({ personId: person._id }).orderBy('month', 'desc').limit(1).get(),
  ])
  const record = records[0] ?? null
  const changedOn = latest[0]?.passwordChangedOn ?? null
  const dueOn = selfCheckDueOn(month, settings.selfCheckDueDay)
  return {
    month,
    dueOn,
    overdue: !record && today > dueOn,
    record: record ? toSelfCheck(record) : null,
    passwordAgeDays: changedOn ? daysBetween(changedOn, today) : null,
    passwordTooOld: passwordTooOld(changedOn, today, settings.passwordMaxAgeDays),
    settings,
  }
}

export async function getSelfCheck(input: ActionInput<'security.getSelfCheck'>, ctx: ActionContext): Promise<SelfCheckOverview> {
  const me = requirePerson(ctx)
  return selfCheckOverview(ctx, me, input.month ?? shanghaiMonth(ctx.now()), await loadSecuritySettings(ctx.db))
}

export async function submitSelfCheck(input: ActionInput<'security.submitSelfCheck'>, ctx: ActionContext): Promise<SelfCheck> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const today = shanghaiDate(now)
  if (input.passwordChangedOn > today) refuse('DATE_IN_FUTURE')
  const settings = await loadSecuritySettings(ctx.db)
  const month = shanghaiMonth(now)
  const issues = selfCheckIssues(input, today, settings.passwordMaxAgeDays)
  const id = selfCheckId(me._id, month)
  const doc: SelfCheckDoc = {
    _id: id,
    personId: me._id,
    departmentId: me.departmentId,
    month,
    paymentPasswordStrong: input.paymentPasswordStrong,
    passwordChangedOn: input.passwordChangedOn,
    securityVerificationOn: input.securityVerificationOn,
    noUnknownLinks: input.noUnknownLinks,
    note: input.note?.trim() || null,
    passed: issues.length === 0,
    issues,
    submittedAt: now,
  }
  const { _id, ...fields } = doc
  await ctx.db.collection(SELF_CHECKS).doc(_id).set({ data: fields })
  await writeAudit(ctx, { action: ctx.action, targetCollection: SELF_CHECKS, targetId: id, before: null, after: { month, passed: doc.passed, issues } })
  return toSelfCheck(doc)
}

export async function listSelfChecks(input: ActionInput<'security.listSelfChecks'>, ctx: ActionContext): Promise<ActionOutput<'security.listSelfChecks'>> {
  const me = requirePerson(ctx)
  const month = input.month ?? shanghaiMonth(ctx.now())
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  let departmentId = input.departmentId
  if (me.role === 'head') {
    if (departmentId && departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
    departmentId = me.departmentId
  }
  const staffWhere: Condition = departmentId ? { status: 'active', departmentId } : { status: 'active' }
  const checkWhere: Condition = departmentId ? { month, departmentId } : { month }
  // A department is tens to hundreds of people: one bounded read each, joined here.
  const [{ data: staff }, { data: checks }, departments] = await Promise.all([
    ctx.db.collection<PersonDoc>(PEOPLE).where(staffWhere).orderBy('name', 'asc').limit(1000).get(),
    ctx.db.collection<SelfCheckDoc>(SELF_CHECKS).where(checkWhere).limit(1000).get(),
    loadDepartments(ctx.db),
  ])
  const byPerson = new Map(checks.map((c) => [c.personId, c]))
  const names = new Map(departments.map((d) => [d._id, d.name]))
  const rows = staff
    .map((p) => {
      const check = byPerson.get(p._id)
      return {
        personId: p._id,
        personName: p.name,
        departmentName: names.get(p.departmentId) ?? '',
        done: Boolean(check),
        passed: check ? check.passed : null,
        submittedAt: check ? check.submittedAt.toISOString() : null,
      }
    })
    .filter((r) => input.done === undefined || r.done === input.done)
  return {
    month,
    doneCount: staff.filter((p) => byPerson.has(p._id)).length,
    staffCount: staff.length,
    items: rows.slice((page - 1) * pageSize, page * pageSize),
    total: rows.length,
    page,
    pageSize,
  }
}

export async function getSecuritySettings(_input: ActionInput<'security.getSettings'>, ctx: ActionContext): Promise<SecuritySettings> {
  return loadSecuritySettings(ctx.db)
}

export async function updateSecuritySettings(input: ActionInput<'security.updateSettings'>, ctx: ActionContext): Promise<SecuritySettings> {
  const before = await loadSecuritySettings(ctx.db)
  const after = { passwordMaxAgeDays: input.passwordMaxAgeDays, selfCheckDueDay: input.selfCheckDueDay }
  await ctx.db.collection(SETTINGS).doc(SECURITY_SETTINGS_ID).set({ data: { ...after, updatedAt: ctx.now() } })
  await writeAudit(ctx, { action: ctx.action, targetCollection: SETTINGS, targetId: SECURITY_SETTINGS_ID, before, after })
  return after
}
