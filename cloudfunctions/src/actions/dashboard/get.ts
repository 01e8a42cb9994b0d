import {
  accountStatuses,
  accountStatusLabels,
  ANOMALY_RESPONSE_TARGET_HOURS,
  anomalyTypeLabels,
  anomalyTypes,
  approvalKindLabels,
  approvalKinds,
  DASHBOARD_TREND_MONTHS,
  shanghaiDate,
  shanghaiMonth,
  type ActionInput,
  type ApprovalKind,
  type Dashboard,
} from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { DocData } from '../../core/sdk-types'
import { ageHours, average, bandCondition, type ComparisonOperators, hoursBefore, medianWindow, monthBounds, monthsEndingWith, num, rate, rowsByKey, scoreBands } from '../../domain/dashboard'
import { ACCOUNTS } from '../../repos/accounts'
import { ANOMALIES } from '../../repos/anomalies'
import { APPLICATIONS, OPEN_APPLICATION_STATUSES } from '../../repos/applications'
import { ASSESSMENT_RESULTS, latestRun, publishedMonths } from '../../repos/assessment-results'
import { loadRulesInForce } from '../../repos/assessment-rules'
import { DELEGATIONS } from '../../repos/delegations'
import { loadDepartments, type DepartmentDoc } from '../../repos/departments'
import { HANDOVERS } from '../../repos/handovers'
import { MARKETING_ITEMS } from '../../repos/marketing'
import { NOTICE_RECEIPTS } from '../../repos/notices'
import { PEOPLE } from '../../repos/people'
import { ackDueOn, loadVersionInForce, POLICY_ACKS } from '../../repos/policy'
import { SPOT_CHECKS } from '../../repos/spot-checks'
import { VIOLATIONS } from '../../repos/violations'
import { drill } from './drill'

/** Groups are departments, statuses, types or grades: tens at most. WeChat returns 20 aggregate rows unless told otherwise. */
const GROUP_LIMIT = 1000

type Where = Record<string, unknown>

interface Scope {
  ctx: ActionContext
  /** The department the figures are limited to, or undefined for the company. */
  departmentId: string | undefined
  isHead: boolean
  now: Date
  month: string
}

/** `where` limited to the department in scope. */
function scoped(scope: Scope, where: Where): Where {
  return scope.departmentId ? { ...where, departmentId: scope.departmentId } : where
}

/** A department filter for a drill query: heads' pages are their department already. */
function deptQuery(scope: Scope, departmentId?: string): string | undefined {
  return scope.isHead ? undefined : (departmentId ?? scope.departmentId)
}

async function group(scope: Scope, collection: string, match: Where, spec: DocData): Promise<DocData[]> {
  const { list } = await scope.ctx.db.collection(collection).aggregate().match(match).group(spec).limit(GROUP_LIMIT).end()
  return list
}

function countIf(scope: Scope, condition: unknown): unknown {
  const $ = scope.ctx.db.command.aggregate
  return $.sum($.cond({ if: condition, then: 1, else: 0 }))
}

async function accountFigures(scope: Scope, departments: DepartmentDoc[]): Promise<Dashboard['accounts']> {
  const $ = scope.ctx.db.command.aggregate
  const sums = Object.fromEntries(accountStatuses.map((s) => [s, countIf(scope, $.eq(['$status', s]))]))
  const rows = rowsByKey(await group(scope, ACCOUNTS, scoped(scope, {}), { _id: '$departmentId', total: $.sum(1), ...sums }))
  const byDepartment = departments.map((d) => {
    const row = rows.get(d._id) ?? {}
    return {
      departmentId: d._id,
      departmentName: d.name,
      total: num(row.total),
      counts: Object.fromEntries(accountStatuses.map((s) => [s, num(row[s])])),
      drill: drill('accounts', { departmentId: deptQuery(scope, d._id) }),
    }
  })
  return {
    total: byDepartment.reduce((n, d) => n + d.total, 0),
    byStatus: accountStatuses.map((status) => ({
      status,
      label: accountStatusLabels[status],
      count: byDepartment.reduce((n, d) => n + (d.counts[status] ?? 0), 0),
      drill: drill('accounts', { status, departmentId: deptQuery(scope) }),
    })),
    byDepartment,
    drill: drill('accounts', { departmentId: deptQuery(scope) }),
  }
}

interface Waiting {
  collection: string
  where: Where
  /** Since when the item has waited; dotted for a nested field. */
  since: string
}

/** What waits for a decision, of each kind: the records themselves, as the to-do lists derive them. */
function waitingOf(scope: Scope): Record<ApprovalKind, Waiting> {
  const _ = scope.ctx.db.command
  return {
    application: { collection: APPLICATIONS, where: scoped(scope, { status: _.in(OPEN_APPLICATION_STATUSES) }), since: 'submittedAt' },
    delegation: { collection: DELEGATIONS, where: scoped(scope, { status: 'pending' }), since: 'requestedAt' },
    handover: { collection: HANDOVERS, where: scoped(scope, { status: _.in(['designating', 'in_progress']) }), since: 'startedAt' },
    marketing: { collection: MARKETING_ITEMS, where: scoped(scope, { status: 'pending' }), since: 'submittedAt' },
    violationAppeal: { collection: VIOLATIONS, where: scoped(scope, { status: 'appealed' }), since: 'appealedAt' },
    resultAppeal: { collection: ASSESSMENT_RESULTS, where: scoped(scope, { appealStatus: 'pending' }), since: 'appeal.appealedAt' },
  }
}

function sinceOf(doc: DocData, path: string): Date | null {
  let value: unknown = doc
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as DocData)[key] : undefined
  return value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null
}

/** Count, oldest and median age of one kind: a count, then the first item and the middle one or two in waiting order. */
async function waitingAges(scope: Scope, w: Waiting): Promise<{ count: number; oldestHours: number | null; medianHours: number | null }> {
  const coll = () => scope.ctx.db.collection(w.collection).where(w.where).orderBy(w.since, 'asc').field({ [w.since.split('.')[0]]: true })
  const { total } = await scope.ctx.db.collection(w.collection).where(w.where).count()
  const window = medianWindow(total)
  if (!window) return { count: 0, oldestHours: null, medianHours: null }
  const [oldest, middle] = await Promise.all([coll().limit(1).get(), coll().skip(window.skip).limit(window.take).get()])
  const hoursOf = (doc: DocData | undefined) => {
    const since = doc ? sinceOf(doc, w.since) : null
    return since ? ageHours(since, scope.now) : null
  }
  const middleHours = middle.data.map(hoursOf).filter((h): h is number => h !== null)
  return {
    count: total,
    oldestHours: hoursOf(oldest.data[0]),
    medianHours: middleHours.length ? Math.round((middleHours.reduce((a, b) => a + b, 0) / middleHours.length) * 10) / 10 : null,
  }
}

function approvalDrill(scope: Scope, kind: ApprovalKind): Dashboard['approvals']['byKind'][number]['drill'] {
  const departmentId = deptQuery(scope)
  switch (kind) {
    case 'application':
      return drill('applications', { status: 'open', departmentId })
    case 'delegation':
      return drill('delegations', { scope: 'all', status: 'pending', departmentId })
    case 'handover':
      return drill('handovers', { scope: 'handling', status: 'unfinished', departmentId })
    case 'marketing':
      return drill('marketingReview', { departmentId })
    case 'violationAppeal':
      return scope.isHead ? drill('violations', { scope: 'department', status: 'appealed' }) : drill('violations', { scope: 'appeals', departmentId })
    case 'resultAppeal':
      return scope.isHead ? drill('assessmentTeam', { appealStatus: 'pending' }) : drill('assessmentAdmin', { tab: 'appeals', departmentId })
  }
}

async function approvalFigures(scope: Scope): Promise<Dashboard['approvals']> {
  const waiting = waitingOf(scope)
  const byKind = await Promise.all(
    approvalKinds.map(async (kind) => ({ kind, label: approvalKindLabels[kind], ...(await waitingAges(scope, waiting[kind])), drill: approvalDrill(scope, kind) })),
  )
  const oldest = byKind.map((k) => k.oldestHours).filter((h): h is number => h !== null)
  return { total: byKind.reduce((n, k) => n + k.count, 0), oldestHours: oldest.length ? Math.max(...oldest) : null, byKind }
}

async function anomalyFigures(scope: Scope): Promise<Dashboard['anomalies']> {
  const _ = scope.ctx.db.command
  const $ = _.aggregate
  const targets = ANOMALY_RESPONSE_TARGET_HOURS
  const [open, lateAck, lateResolve] = await Promise.all([
    group(scope, ANOMALIES, scoped(scope, { status: _.in(['open', 'acknowledged']) }), { _id: '$type', open: $.sum(1), unacknowledged: countIf(scope, $.eq(['$status', 'open'])) }),
    group(scope, ANOMALIES, scoped(scope, { status: 'open', reportedAt: _.lt(hoursBefore(scope.now, targets.acknowledge)) }), { _id: '$type', n: $.sum(1) }),
    group(scope, ANOMALIES, scoped(scope, { status: 'acknowledged', reportedAt: _.lt(hoursBefore(scope.now, targets.resolve)) }), { _id: '$type', n: $.sum(1) }),
  ])
  const openBy = rowsByKey(open)
  const ackBy = rowsByKey(lateAck)
  const resolveBy = rowsByKey(lateResolve)
  const departmentId = deptQuery(scope)
  const byType = anomalyTypes.map((type) => ({
    type,
    label: anomalyTypeLabels[type],
    open: num(openBy.get(type)?.open),
    pastTarget: num(ackBy.get(type)?.n) + num(resolveBy.get(type)?.n),
    drill: drill('anomalies', { scope: 'handling', status: 'unresolved', type, departmentId }),
  }))
  return {
    targetHours: { acknowledge: targets.acknowledge, resolve: targets.resolve },
    open: byType.reduce((n, t) => n + t.open, 0),
    unacknowledged: open.reduce((n, row) => n + num(row.unacknowledged), 0),
    pastTarget: byType.reduce((n, t) => n + t.pastTarget, 0),
    byType,
    drill: drill('anomalies', { scope: 'handling', status: 'unresolved', departmentId }),
  }
}

/**
 * Acknowledgements of the version in force per department, counted where the person was when
 * they acknowledged; capped at the department's staff so that people who left since do not
 * push a department past 100 %.
 */
async function policyFigures(scope: Scope, departments: DepartmentDoc[]): Promise<Dashboard['policyAck']> {
  const _ = scope.ctx.db.command
  const $ = _.aggregate
  const version = await loadVersionInForce(scope.ctx.db, shanghaiDate(scope.now))
  const [staff, acks] = await Promise.all([
    group(scope, PEOPLE, scoped(scope, { status: 'active' }), { _id: '$departmentId', n: $.sum(1) }),
    version ? group(scope, POLICY_ACKS, scoped(scope, { versionId: version._id, acknowledgedAt: _.neq(null) }), { _id: '$departmentId', n: $.sum(1) }) : Promise.resolve([]),
  ])
  const staffBy = rowsByKey(staff)
  const acksBy = rowsByKey(acks)
  const versionId = version?._id
  const rows = departments.map((d) => {
    const required = version ? num(staffBy.get(d._id)?.n) : 0
    const acknowledged = Math.min(required, num(acksBy.get(d._id)?.n))
    return {
      departmentId: d._id,
      departmentName: d.name,
      required,
      acknowledged,
      rate: rate(acknowledged, required),
      drill: drill('policyProgress', { versionId, departmentId: deptQuery(scope, d._id), filter: 'pending' }),
    }
  })
  const required = rows.reduce((n, r) => n + r.required, 0)
  const acknowledged = rows.reduce((n, r) => n + r.acknowledged, 0)
  return {
    version: version ? { id: version._id, number: version.number ?? 0, title: version.document.title, dueOn: ackDueOn(version) } : null,
    required,
    acknowledged,
    rate: rate(acknowledged, required),
    departments: rows,
    drill: drill('policyProgress', { versionId, departmentId: deptQuery(scope) }),
  }
}

async function noticeFigures(scope: Scope, departments: DepartmentDoc[]): Promise<Dashboard['noticesOverdue']> {
  const _ = scope.ctx.db.command
  const { start, end } = monthBounds(scope.month)
  const rows = rowsByKey(
    await group(scope, NOTICE_RECEIPTS, scoped(scope, { pending: true, sentAt: _.gte(start).and(_.lt(end)), deadlineAt: _.lt(scope.now) }), {
      _id: '$departmentId',
      n: _.aggregate.sum(1),
    }),
  )
  const perDepartment = departments.map((d) => ({
    departmentId: d._id,
    departmentName: d.name,
    count: num(rows.get(d._id)?.n),
    drill: drill('overdueNotices', { month: scope.month, departmentId: deptQuery(scope, d._id) }),
  }))
  return {
    count: perDepartment.reduce((n, d) => n + d.count, 0),
    departments: perDepartment,
    drill: drill('overdueNotices', { month: scope.month, departmentId: deptQuery(scope) }),
  }
}

async function spotCheckFigures(scope: Scope, departments: DepartmentDoc[]): Promise<Dashboard['spotChecks']> {
  const $ = scope.ctx.db.command.aggregate
  const rows = rowsByKey(
    await group(scope, SPOT_CHECKS, scoped(scope, { roundMonth: scope.month }), { _id: '$departmentId', sampled: $.sum(1), scored: countIf(scope, $.eq(['$status', 'scored'])) }),
  )
  const perDepartment = departments.map((d) => ({
    departmentId: d._id,
    departmentName: d.name,
    sampled: num(rows.get(d._id)?.sampled),
    scored: num(rows.get(d._id)?.scored),
    drill: drill('spotCheckRounds', { tab: 'results', roundMonth: scope.month, departmentId: deptQuery(scope, d._id) }),
  }))
  return {
    sampled: perDepartment.reduce((n, d) => n + d.sampled, 0),
    scored: perDepartment.reduce((n, d) => n + d.scored, 0),
    departments: perDepartment,
    drill: drill('spotCheckRounds', { tab: 'results', roundMonth: scope.month, departmentId: deptQuery(scope) }),
  }
}

/** The month's results table (the admin page shows the run and the appeals, not the people). */
function resultsDrill(scope: Scope, month: string, extra: Record<string, string | undefined> = {}) {
  return drill('assessmentTeam', { month, departmentId: deptQuery(scope), ...extra })
}

async function scoreFigures(scope: Scope, published: boolean): Promise<Dashboard['scores']> {
  const $ = scope.ctx.db.command.aggregate
  const visible = published || !scope.isHead
  const match = scoped(scope, { month: scope.month })
  const bandSums = Object.fromEntries(scoreBands.map((band, i) => [`b${i}`, countIf(scope, bandCondition($ as unknown as ComparisonOperators, band, '$total'))]))
  const [run, grades, bands] = await Promise.all([
    latestRun(scope.ctx.db, scope.month),
    visible ? group(scope, ASSESSMENT_RESULTS, match, { _id: '$grade', n: $.sum(1), sum: $.sum('$total') }) : Promise.resolve([]),
    visible ? group(scope, ASSESSMENT_RESULTS, match, { _id: null, ...bandSums }) : Promise.resolve([]),
  ])
  // The grades the month was computed with; a month never computed shows today's.
  const labels = (run?.rules ?? (await loadRulesInForce(scope.ctx.db)).rules).grades.map((g) => g.label)
  const byGradeRows = rowsByKey(grades)
  for (const key of byGradeRows.keys()) if (!labels.includes(key)) labels.push(key)
  const count = grades.reduce((n, row) => n + num(row.n), 0)
  const sum = grades.reduce((n, row) => n + num(row.sum), 0)
  const bandRow = bands[0] ?? {}
  return {
    published,
    visible,
    count,
    average: average(sum, count),
    byGrade: labels.map((grade) => ({ grade, count: num(byGradeRows.get(grade)?.n), drill: resultsDrill(scope, scope.month, { grade }) })),
    byBand: scoreBands.map((band, i) => ({ from: band.from, to: band.to, label: band.label, count: num(bandRow[`b${i}`]) })),
    drill: resultsDrill(scope, scope.month),
  }
}

/** Average total per department for each month of the trend, one aggregation per month (heads: published months only). */
async function trendFigures(scope: Scope, departments: DepartmentDoc[], published: Map<string, Date>): Promise<Dashboard['trend']> {
  const $ = scope.ctx.db.command.aggregate
  const months = monthsEndingWith(scope.month, DASHBOARD_TREND_MONTHS).map((month) => ({ month, published: published.has(month), visible: published.has(month) || !scope.isHead }))
  const perMonth = await Promise.all(
    months.map(async (m) =>
      m.visible ? rowsByKey(await group(scope, ASSESSMENT_RESULTS, scoped(scope, { month: m.month }), { _id: '$departmentId', n: $.sum(1), sum: $.sum('$total') })) : new Map<string, DocData>(),
    ),
  )
  return {
    months,
    departments: departments.map((d) => ({
      departmentId: d._id,
      departmentName: d.name,
      points: months.map((m, i) => {
        const row = perMonth[i].get(d._id)
        return {
          month: m.month,
          count: num(row?.n),
          average: average(num(row?.sum), num(row?.n)),
          drill: drill('assessmentTeam', { month: m.month, departmentId: deptQuery(scope, d._id) }),
        }
      }),
    })),
    overall: months.map((m, i) => {
      const rows = [...perMonth[i].values()]
      const n = rows.reduce((t, r) => t + num(r.n), 0)
      return { month: m.month, count: n, average: average(rows.reduce((t, r) => t + num(r.sum), 0), n), drill: resultsDrill(scope, m.month) }
    }),
  }
}

/** Heads see their own department (asking for another is refused); admins the department asked for, or all. */
export async function getDashboard(input: ActionInput<'dashboard.get'>, ctx: ActionContext): Promise<Dashboard> {
  const me = requirePerson(ctx)
  const isHead = me.role === 'head'
  if (isHead && input.departmentId && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
  const departmentId = isHead ? me.departmentId : input.departmentId
  const now = ctx.now()
  const month = input.month ?? shanghaiMonth(now)
  const all = await loadDepartments(ctx.db)
  const departments = departmentId ? all.filter((d) => d._id === departmentId) : all
  if (departmentId && departments.length === 0) refuse('NOT_FOUND')
  const scope: Scope = { ctx, departmentId, isHead, now, month }
  const published = await publishedMonths(ctx.db, monthsEndingWith(month, DASHBOARD_TREND_MONTHS))
  const [accounts, approvals, anomalies, policyAck, noticesOverdue, spotChecks, scores, trend] = await Promise.all([
    accountFigures(scope, departments),
    approvalFigures(scope),
    anomalyFigures(scope),
    policyFigures(scope, departments),
    noticeFigures(scope, departments),
    spotCheckFigures(scope, departments),
    scoreFigures(scope, published.has(month)),
    trendFigures(scope, departments, published),
  ])
  return {
    month,
    departmentId: departmentId ?? null,
    departments: departments.map((d) => ({ id: d._id, name: d.name })),
    asOf: now.toISOString(),
    accounts,
    approvals,
    anomalies,
    policyAck,
    noticesOverdue,
    spotChecks,
    scores,
    trend,
  }
}
