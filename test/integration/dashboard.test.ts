import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Dashboard, DashboardDrill } from '../../types/contract'
import { drillPages } from '../../cloudfunctions/src/actions/dashboard/drill'
import { seedDemoWorkRecords } from '../../scripts/local-cloud/seed-work'
import { cast, giveAccount } from '../support/company'
import { useScenario } from '../support/scenario'

/**
 * The admin and head dashboards over the demo company with its work records; the scenario
 * clock is Friday 2026-11-27, 10:00 in Shanghai. Records the seed leaves empty (accounts,
 * approvals, anomalies, assessment results) are added here and counted exactly; seeded ones
 * (notice receipts, spot checks, policy acknowledgements) are checked against the records.
 */
const world = useScenario()
const as = world.as
const admin = cast.admin
const eastHead = cast.eastHead
const south = 'p-sales-south-02'
const hoursAgo = (h: number) => new Date(world.now.getTime() - h * 3600_000)
const sh = (local: string) => new Date(`${local}+08:00`)

beforeEach(async () => {
  await seedDemoWorkRecords(world.db, world.now)
})

async function dashboard(personId: string, payload: Record<string, unknown> = {}): Promise<Dashboard> {
  const res = await as(personId)('dashboard.get', payload)
  if (!res.ok) throw new Error(`dashboard.get refused: ${res.error.code}`)
  return res.data as Dashboard
}

async function add(collection: string, docs: Array<Record<string, unknown>>): Promise<void> {
  await world.db.collection(collection).add({ data: docs })
}

async function count(collection: string, where: Record<string, unknown>): Promise<number> {
  return (await world.db.collection(collection).where(where).count()).total
}

const byKind = (d: Dashboard, kind: string) => d.approvals.byKind.find((k) => k.kind === kind)!
const dept = <T extends { departmentId: string }>(rows: T[], id: string) => rows.find((r) => r.departmentId === id)!

describe('accounts, approvals and anomalies', () => {
  beforeEach(async () => {
    await giveAccount(world.db, cast.eastEmployee, 'east_li_na')
    await giveAccount(world.db, cast.eastColleague, 'east_zhang_wei', 'suspended')
    await giveAccount(world.db, south, 'south_he_jia')
    await add('account_applications', [
      { _id: 'app-1', applicantId: 'p-sales-east-04', departmentId: 'dept-sales-east', status: 'pending_head', headStep: 'head', submittedAt: hoursAgo(10) },
      { _id: 'app-2', applicantId: 'p-sales-east-05', departmentId: 'dept-sales-east', status: 'pending_admin', headStep: 'head', submittedAt: hoursAgo(30) },
      { _id: 'app-3', applicantId: 'p-sales-south-03', departmentId: 'dept-sales-south', status: 'pending_head', headStep: 'head', submittedAt: hoursAgo(50) },
      { _id: 'app-4', applicantId: 'p-sales-south-04', departmentId: 'dept-sales-south', status: 'activated', headStep: 'head', submittedAt: hoursAgo(500) },
    ])
    await add('delegations', [{ _id: 'dlg-1', holderId: cast.eastEmployee, departmentId: 'dept-sales-east', status: 'pending', requestedAt: hoursAgo(4) }])
    await add('anomalies', [
      { _id: 'an-1', departmentId: 'dept-sales-east', reporterId: cast.eastEmployee, type: 'stolen', status: 'open', reportedAt: hoursAgo(1) },
      { _id: 'an-2', departmentId: 'dept-sales-east', reporterId: cast.eastEmployee, type: 'stolen', status: 'open', reportedAt: hoursAgo(3) },
      { _id: 'an-3', departmentId: 'dept-sales-east', reporterId: cast.eastColleague, type: 'lost_phone', status: 'acknowledged', reportedAt: hoursAgo(80) },
      { _id: 'an-4', departmentId: 'dept-sales-east', reporterId: cast.eastColleague, type: 'fraud', status: 'resolved', reportedAt: hoursAgo(200) },
      { _id: 'an-5', departmentId: 'dept-sales-south', reporterId: south, type: 'fraud', status: 'acknowledged', reportedAt: hoursAgo(5) },
    ])
  })

  it('counts accounts by status and department, and drills into the registry', async () => {
    const d = await dashboard(admin)
    expect(d.month).toBe('2026-11')
    expect(d.departmentId).toBeNull()
    expect(d.departments).toHaveLength(5)
    expect(d.accounts.total).toBe(3)
    expect(Object.fromEntries(d.accounts.byStatus.map((s) => [s.status, s.count]))).toEqual({ active: 2, delegated: 0, handing_over: 0, suspended: 1, closed: 0 })
    expect(dept(d.accounts.byDepartment, 'dept-sales-east')).toMatchObject({ total: 2, counts: { active: 1, suspended: 1 } })
    expect(d.accounts.byStatus.find((s) => s.status === 'suspended')!.drill).toEqual({ page: '/packages/account/accounts/index', query: { status: 'suspended' }, exact: true })
    expect(dept(d.accounts.byDepartment, 'dept-sales-east').drill).toEqual({ page: '/packages/account/accounts/index', query: { departmentId: 'dept-sales-east' }, exact: true })
  })

  it('counts what waits for a decision, with the oldest and median age in hours', async () => {
    const d = await dashboard(admin)
    expect(byKind(d, 'application')).toMatchObject({ count: 3, oldestHours: 50, medianHours: 30, label: '账号申请' })
    expect(byKind(d, 'delegation')).toMatchObject({ count: 1, oldestHours: 4, medianHours: 4 })
    expect(byKind(d, 'handover')).toMatchObject({ count: 0, oldestHours: null, medianHours: null })
    const appealed = await count('violations', { status: 'appealed' })
    expect(byKind(d, 'violationAppeal').count).toBe(appealed)
    expect(d.approvals.total).toBe(d.approvals.byKind.reduce((n, k) => n + k.count, 0))
    expect(d.approvals.oldestHours).toBeGreaterThanOrEqual(50)
    expect(byKind(d, 'violationAppeal').drill).toEqual({ page: '/packages/supervision/violations/index', query: { scope: 'appeals' }, exact: true })
    expect(byKind(d, 'application').drill).toEqual({ page: '/packages/account/applications/index', query: { status: 'open' }, exact: true })

    const head = await dashboard(eastHead)
    // Two waiting in 华东销售部: the median of 10 and 30 hours.
    expect(byKind(head, 'application')).toMatchObject({ count: 2, oldestHours: 30, medianHours: 20 })
    expect(byKind(head, 'delegation').count).toBe(1)
  })

  it('counts open anomalies against the response target, by type', async () => {
    const d = await dashboard(admin)
    expect(d.anomalies).toMatchObject({ targetHours: { acknowledge: 2, resolve: 72 }, open: 4, unacknowledged: 2, pastTarget: 2 })
    const type = (t: string) => d.anomalies.byType.find((x) => x.type === t)!
    expect(type('stolen')).toMatchObject({ open: 2, pastTarget: 1 })
    expect(type('lost_phone')).toMatchObject({ open: 1, pastTarget: 1 })
    expect(type('fraud')).toMatchObject({ open: 1, pastTarget: 0 })
    expect(type('stolen').drill).toEqual({ page: '/packages/account/anomalies/index', query: { scope: 'handling', status: 'unresolved', type: 'stolen' }, exact: true })

    const south = await dashboard(admin, { departmentId: 'dept-sales-south' })
    expect(south.anomalies).toMatchObject({ open: 1, unacknowledged: 0, pastTarget: 0 })
    expect(south.accounts.total).toBe(1)
    expect(byKind(south, 'application')).toMatchObject({ count: 1, oldestHours: 50, medianHours: 50 })
    expect(south.departments).toEqual([{ id: 'dept-sales-south', name: '华南销售部' }])
  })

  it('gives a head their own department only, and refuses another department without writing', async () => {
    const head = await dashboard(eastHead)
    expect(head.departmentId).toBe('dept-sales-east')
    expect(head.departments.map((x) => x.id)).toEqual(['dept-sales-east'])
    expect(head.accounts.total).toBe(2)
    expect(head.anomalies).toMatchObject({ open: 3, pastTarget: 2 })
    expect(await dashboard(eastHead, { departmentId: 'dept-sales-east' })).toEqual(head)

    const before = world.cloud.database.digest()
    expect(await as(eastHead)('dashboard.get', { departmentId: 'dept-sales-south' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.eastEmployee)('dashboard.get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(world.cloud.database.digest()).toBe(before)
  })
})

describe('policy, notices and spot checks', () => {
  it('gives the acknowledgement rate per department as the progress page does', async () => {
    const d = await dashboard(admin)
    const progress = await as(admin)('policy.ackProgress', {})
    if (!progress.ok) throw new Error('ackProgress refused')
    const p = progress.data as { version: { id: string }; staffCount: number; acknowledgedCount: number; rate: number; departments: Array<{ departmentId: string; staffCount: number; acknowledgedCount: number; rate: number }> }
    expect(d.policyAck.version?.id).toBe(p.version.id)
    expect(d.policyAck).toMatchObject({ required: p.staffCount, acknowledged: p.acknowledgedCount, rate: p.rate })
    for (const row of p.departments) {
      expect(dept(d.policyAck.departments, row.departmentId)).toMatchObject({ required: row.staffCount, acknowledged: row.acknowledgedCount, rate: row.rate })
    }
    expect(d.policyAck.drill).toEqual({ page: '/packages/policy/progress/index', query: { versionId: p.version.id }, exact: true })
    expect(dept(d.policyAck.departments, 'dept-service').drill).toEqual({ page: '/packages/policy/progress/index', query: { versionId: p.version.id, departmentId: 'dept-service', filter: 'pending' }, exact: true })
  })

  it('counts receipts past their deadline among the month’s notices, by department and month', async () => {
    const before = await dashboard(admin)
    const receipt = (id: string, personId: string, departmentId: string, sentAt: Date, deadlineAt: Date | null, pending: boolean) => ({
      _id: id, noticeId: 'notice-x', personId, departmentId, sentAt, deadlineAt, requireAck: deadlineAt !== null, pending, acknowledgedAt: pending ? null : sentAt,
    })
    await add('notice_receipts', [
      receipt('r-1', cast.eastEmployee, 'dept-sales-east', sh('2026-11-20T09:00:00'), sh('2026-11-20T11:00:00'), true),
      receipt('r-2', cast.eastColleague, 'dept-sales-east', sh('2026-11-20T09:00:00'), sh('2026-11-20T11:00:00'), true),
      receipt('r-3', south, 'dept-sales-south', sh('2026-11-20T09:00:00'), sh('2026-11-20T11:00:00'), false),
      // Not yet due, and sent last month.
      receipt('r-4', south, 'dept-sales-south', sh('2026-11-27T09:00:00'), sh('2026-11-27T14:00:00'), true),
      receipt('r-5', south, 'dept-sales-south', sh('2026-10-30T09:00:00'), sh('2026-10-30T11:00:00'), true),
    ])
    const after = await dashboard(admin)
    expect(after.noticesOverdue.count).toBe(before.noticesOverdue.count + 2)
    expect(dept(after.noticesOverdue.departments, 'dept-sales-east').count).toBe(dept(before.noticesOverdue.departments, 'dept-sales-east').count + 2)
    expect(dept(after.noticesOverdue.departments, 'dept-sales-south').count).toBe(dept(before.noticesOverdue.departments, 'dept-sales-south').count)
    const october = await dashboard(admin, { month: '2026-10', departmentId: 'dept-sales-south' })
    expect(october.noticesOverdue.count).toBe(1)
    expect(october.noticesOverdue.drill).toEqual({ page: '/packages/notice/overdue/index', query: { month: '2026-10', departmentId: 'dept-sales-south' }, exact: true })
    // The page opened lists exactly the receipts counted.
    const listed = async (personId: string, payload: Record<string, unknown>) => {
      const res = await as(personId)('notice.listOverdueReceipts', { page: 1, pageSize: 100, ...payload })
      if (!res.ok) throw new Error(`notice.listOverdueReceipts refused: ${res.error.code}`)
      return res.data as { total: number; items: Array<{ personId: string }> }
    }
    expect((await listed(admin, { month: '2026-10', departmentId: 'dept-sales-south' })).items.map((r) => r.personId)).toEqual([south])
    expect((await listed(admin, { month: '2026-11' })).total).toBe(after.noticesOverdue.count)
    const head = await dashboard(eastHead)
    expect((await listed(eastHead, { month: '2026-11' })).total).toBe(head.noticesOverdue.count)
  })

  it('counts the month’s spot checks, scored and sampled, per department', async () => {
    for (const month of ['2026-10', '2026-11']) {
      const d = await dashboard(admin, { month })
      expect(d.spotChecks.sampled).toBe(await count('spot_checks', { roundMonth: month }))
      expect(d.spotChecks.scored).toBe(await count('spot_checks', { roundMonth: month, status: 'scored' }))
      for (const row of d.spotChecks.departments) {
        expect(row.sampled).toBe(await count('spot_checks', { roundMonth: month, departmentId: row.departmentId }))
        expect(row.scored).toBe(await count('spot_checks', { roundMonth: month, departmentId: row.departmentId, status: 'scored' }))
      }
    }
    const last = await dashboard(admin, { month: '2026-10' })
    expect(last.spotChecks.sampled).toBeGreaterThan(0)
    const head = await dashboard(eastHead, { month: '2026-10' })
    expect(head.spotChecks.sampled).toBe(await count('spot_checks', { roundMonth: '2026-10', departmentId: 'dept-sales-east' }))
    expect(dept(last.spotChecks.departments, 'dept-sales-east').drill).toEqual({
      page: '/packages/supervision/spot-check-rounds/index',
      query: { tab: 'results', roundMonth: '2026-10', departmentId: 'dept-sales-east' },
      exact: true,
    })
    // The results tab lists exactly the checks counted.
    const listed = await as(admin)('spotCheck.list', { scope: 'all', roundMonth: '2026-10', departmentId: 'dept-sales-east', page: 1, pageSize: 100 })
    expect(listed).toMatchObject({ ok: true, data: { total: dept(last.spotChecks.departments, 'dept-sales-east').sampled } })
  })
})

describe('assessment scores', () => {
  const result = (month: string, personId: string, departmentId: string, total: number, grade: string) => ({ _id: `result-${month}-${personId}`, month, personId, departmentId, total, grade, appealStatus: null })

  beforeEach(async () => {
    await add('assessment_results', [
      result('2026-11', 'p-sales-east-02', 'dept-sales-east', 95, '优秀'),
      result('2026-11', 'p-sales-east-03', 'dept-sales-east', 85, '良好'),
      result('2026-11', 'p-sales-east-04', 'dept-sales-east', 72, '合格'),
      result('2026-11', 'p-sales-south-02', 'dept-sales-south', 58, '不合格'),
      result('2026-11', 'p-sales-south-03', 'dept-sales-south', 100, '优秀'),
      result('2026-10', 'p-sales-east-02', 'dept-sales-east', 80, '良好'),
      result('2026-10', 'p-sales-east-03', 'dept-sales-east', 90, '优秀'),
    ])
    await add('assessment_runs', [{ _id: 'run-2026-10', month: '2026-10', status: 'done', preview: false, startedAt: sh('2026-11-01T02:00:00'), publishedAt: sh('2026-11-03T10:00:00') }])
  })

  it('gives the month’s distribution by grade and ten-point band, and the trend by department', async () => {
    const d = await dashboard(admin)
    expect(d.scores).toMatchObject({ published: false, visible: true, count: 5, average: 82 })
    expect(d.scores.byGrade.map((g) => [g.grade, g.count])).toEqual([['优秀', 2], ['良好', 1], ['合格', 1], ['不合格', 1]])
    expect(d.scores.byBand.filter((b) => b.count > 0).map((b) => [b.label, b.count])).toEqual([['50-59', 1], ['70-79', 1], ['80-89', 1], ['90-100', 2]])
    expect(d.trend.months.map((m) => m.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'])
    expect(d.trend.months.slice(-2)).toEqual([{ month: '2026-10', published: true, visible: true }, { month: '2026-11', published: false, visible: true }])
    const east = dept(d.trend.departments, 'dept-sales-east').points
    expect(east.slice(-2).map((p) => [p.count, p.average])).toEqual([[2, 85], [3, 84]])
    expect(east[0]).toMatchObject({ count: 0, average: null })
    expect(d.trend.overall.slice(-2).map((p) => [p.count, p.average])).toEqual([[2, 85], [5, 82]])
    expect(d.scores.byGrade[0].drill).toEqual({ page: '/packages/assessment/team/index', query: { month: '2026-11', grade: '优秀' }, exact: true })
    expect(d.scores.drill).toEqual({ page: '/packages/assessment/team/index', query: { month: '2026-11' }, exact: true })
    expect(dept(d.trend.departments, 'dept-sales-east').points[4]!.drill).toEqual({ page: '/packages/assessment/team/index', query: { month: '2026-10', departmentId: 'dept-sales-east' }, exact: true })

    const south = await dashboard(admin, { departmentId: 'dept-sales-south' })
    expect(south.scores).toMatchObject({ count: 2, average: 79 })
    expect(south.trend.departments.map((x) => x.departmentId)).toEqual(['dept-sales-south'])
  })

  it('shows heads published months only', async () => {
    const head = await dashboard(eastHead)
    expect(head.scores).toMatchObject({ published: false, visible: false, count: 0, average: null })
    expect(head.scores.byGrade.every((g) => g.count === 0)).toBe(true)
    expect(head.trend.overall.slice(-2).map((p) => [p.count, p.average])).toEqual([[2, 85], [0, null]])
    const october = await dashboard(eastHead, { month: '2026-10' })
    expect(october.scores).toMatchObject({ published: true, visible: true, count: 2, average: 85 })
    expect(october.scores.drill).toEqual({ page: '/packages/assessment/team/index', query: { month: '2026-10' }, exact: true })
  })
})

describe('input', () => {
  it('refuses bad input and an unknown department with nothing written', async () => {
    const before = world.cloud.database.digest()
    for (const payload of [{ month: '2026-13' }, { month: '2026/11' }, { departmentId: '' }, { scope: 'all' }, { month: 202611 }]) {
      expect(await as(admin)('dashboard.get', payload)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
    expect(await as(admin)('dashboard.get', { departmentId: 'dept-nowhere' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(world.cloud.database.digest()).toBe(before)
  })

  it('drills only into pages the mini program has', () => {
    for (const { page } of Object.values(drillPages)) {
      expect(existsSync(path.join(__dirname, '../../src', `${page}.tsx`))).toBe(true)
    }
  })
})

/** Every drill-down of a dashboard, named by where it sits: `accounts.byStatus.suspended.drill`. */
function drillsOf(d: Dashboard): Array<[string, DashboardDrill]> {
  const found: Array<[string, DashboardDrill]> = []
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item: Record<string, unknown>, i) => walk(item, `${at}.${String(item.kind ?? item.status ?? item.type ?? item.grade ?? item.departmentId ?? item.month ?? i)}`))
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'drill') found.push([`${at}.drill`.replace(/^\./, ''), inner as DashboardDrill])
        else walk(inner, `${at}.${key}`)
      }
    }
  }
  walk(d, '')
  return found
}

describe('drill-downs', () => {
  it('are exact for every figure, for admins company-wide, by department and by month, and for heads', async () => {
    for (const [who, payload] of [
      [admin, {}],
      [admin, { departmentId: 'dept-sales-east' }],
      [admin, { month: '2026-10' }],
      [eastHead, {}],
    ] as const) {
      const all = drillsOf(await dashboard(who, payload))
      expect(all.length).toBeGreaterThan(30)
      const pages = Object.values(drillPages).map((p) => p.page as string)
      for (const [at, drill] of all) {
        expect([at, pages.includes(drill.page)]).toEqual([at, true])
        expect([at, drill.exact]).toEqual([at, true])
      }
    }
  })
})
