import type { Database } from '../../cloudfunctions/src/core/sdk-types'
import { apiCaller, GatewayClient } from '../support/api'
import { cast, freshCompany, openidOf } from '../support/company'
import { connectSdk, startLocalCloud, type TestCloud } from '../support/local-cloud'

let cloud: TestCloud
let db: Database
let call: ReturnType<typeof apiCaller>

const as = (personId: string) => (action: string, payload?: unknown) => call(openidOf(personId), action, payload)
const employee = () => as(cast.eastEmployee)
const eastHead = () => as(cast.eastHead)
const southHead = () => as(cast.southHead)
const admin = () => as(cast.admin)

async function rosterContacts(personId: string): Promise<{ mobile: string; email: string; name: string }> {
  return (await db.collection('people').doc(personId).get()).data as { mobile: string; email: string; name: string }
}

async function submitFor(personId: string, extra: Record<string, unknown> = {}) {
  const me = await rosterContacts(personId)
  return as(personId)('account.submitApplication', { realName: me.name, mobile: me.mobile, email: me.email, purpose: '对接华东区重点客户，日常沟通与售后跟进', ...extra })
}

async function submitted(personId: string = cast.eastEmployee): Promise<string> {
  const res = await submitFor(personId)
  if (!res.ok) throw new Error(`submit failed: ${res.error.code}`)
  return res.data.id as string
}

async function auditFor(targetId: string) {
  return (await db.collection('audit_log').where({ targetId }).get()).data
}

beforeAll(async () => {
  cloud = await startLocalCloud()
  db = connectSdk(cloud.cloudEndpoint).db
  call = apiCaller(db)
})

afterAll(async () => {
  await cloud.close()
})

beforeEach(async () => {
  await freshCompany(db)
})

describe('the application journey', () => {
  it('goes from application to an active account in the registry, with a timeline and audit trail', async () => {
    const id = await submitted()
    const submittedDetail = await employee()('account.getApplication', { id })
    expect(submittedDetail).toMatchObject({ ok: true, data: { status: 'pending_head', available: ['withdraw'], applicantName: '李娜', departmentName: '华东销售部' } })

    expect(await eastHead()('account.getApplication', { id })).toMatchObject({ ok: true, data: { available: ['headApprove', 'headReject'] } })
    const approved = await eastHead()('account.reviewApplication', { id, decision: 'approve', comment: '同意' })
    expect(approved).toMatchObject({ ok: true, data: { status: 'pending_admin', available: [] } })

    const activated = await admin()('account.activateApplication', { id, wechatId: 'lina_sales01', boundPhone: '13912345678', activatedOn: '2026-11-27' })
    expect(activated).toMatchObject({ ok: true, data: { status: 'activated', account: { wechatId: 'lina_sales01' } } })
    if (!activated.ok) return
    expect(activated.data.timeline.map((t: { event: string }) => t.event)).toEqual(['submit', 'headApprove', 'activate'])
    expect(activated.data.timeline.map((t: { actorName: string }) => t.actorName)).toEqual(['李娜', '王磊', '陈静'])

    const mine = await employee()('account.listAccounts', {})
    expect(mine).toMatchObject({ ok: true, data: { total: 1, items: [{ wechatId: 'lina_sales01', holderName: '李娜', status: 'active', boundPhoneMasked: '139****5678', activatedOn: '2026-11-27' }] } })

    expect((await auditFor(id)).map((a) => a.action).sort()).toEqual(['account.activateApplication', 'account.reviewApplication', 'account.submitApplication'])
  })

  it('lets the applicant withdraw while pending, and then apply again', async () => {
    const id = await submitted()
    expect(await employee()('account.withdrawApplication', { id })).toMatchObject({ ok: true, data: { status: 'withdrawn', available: [] } })
    expect(await eastHead()('account.reviewApplication', { id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    expect(await submitFor(cast.eastEmployee)).toMatchObject({ ok: true, data: { status: 'pending_head' } })
  })

  it('records a rejection with its reason, and requires one', async () => {
    const id = await submitted()
    expect(await eastHead()('account.reviewApplication', { id, decision: 'reject' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('驳回时请填写原因') } })
    const rejected = await eastHead()('account.reviewApplication', { id, decision: 'reject', comment: '暂无业务需要' })
    expect(rejected).toMatchObject({ ok: true, data: { status: 'rejected' } })
    if (rejected.ok) expect(rejected.data.timeline[1]).toMatchObject({ event: 'headReject', comment: '暂无业务需要' })
  })

  it('lets the administration decline after the head approved', async () => {
    const id = await submitted()
    await eastHead()('account.reviewApplication', { id, decision: 'approve' })
    expect(await admin()('account.declineActivation', { id, comment: '号源不足，下月再开' })).toMatchObject({ ok: true, data: { status: 'rejected' } })
  })
})

describe('rules', () => {
  it('keeps one open application per person, even under simultaneous submissions', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => submitFor(cast.eastEmployee)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(5).fill('APPLICATION_OPEN'))
    expect((await db.collection('account_applications').where({ applicantId: cast.eastEmployee }).count()).total).toBe(1)
  })

  it('asks for a reason when contacts differ from the roster', async () => {
    expect(await submitFor(cast.eastEmployee, { mobile: '13700001111' })).toMatchObject({ ok: false, error: { code: 'CONTACT_REASON_REQUIRED' } })
    const res = await submitFor(cast.eastEmployee, { mobile: '13700001111', contactChangeReason: '已更换工作手机' })
    expect(res).toMatchObject({ ok: true, data: { mobile: '13700001111', contactChangeReason: '已更换工作手机' } })
  })

  it('refuses a second account for someone who holds one', async () => {
    const id = await submitted()
    await eastHead()('account.reviewApplication', { id, decision: 'approve' })
    await admin()('account.activateApplication', { id, wechatId: 'lina_sales01', boundPhone: '13912345678', activatedOn: '2026-11-27' })
    expect(await submitFor(cast.eastEmployee)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_ALREADY_HELD' } })
  })

  it('refuses a WeChat ID already in the registry and leaves the application waiting', async () => {
    const first = await submitted(cast.eastEmployee)
    const second = await submitted(cast.eastColleague)
    for (const id of [first, second]) await eastHead()('account.reviewApplication', { id, decision: 'approve' })
    await admin()('account.activateApplication', { id: first, wechatId: 'team_east01', boundPhone: '13912345678', activatedOn: '2026-11-27' })
    const digest = cloud.database.digest()
    expect(await admin()('account.activateApplication', { id: second, wechatId: 'TEAM_east01', boundPhone: '13912345679', activatedOn: '2026-11-27' })).toMatchObject({ ok: false, error: { code: 'WECHAT_ID_TAKEN' } })
    expect(cloud.database.digest()).toBe(digest)
    expect(await admin()('account.getApplication', { id: second })).toMatchObject({ ok: true, data: { status: 'pending_admin', available: ['activate', 'adminReject'] } })
  })

  it('has admins take the head step of a head’s own application, never the head', async () => {
    const id = await submitted(cast.eastHead)
    expect(await eastHead()('account.reviewApplication', { id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'SELF_APPROVAL', message: '不能审批自己的申请' } })
    const todos = await admin()('todo.list', {})
    expect(todos.ok && todos.data.approvals.map((t: { id: string }) => t.id)).toEqual([id])
    expect(await admin()('account.reviewApplication', { id, decision: 'approve' })).toMatchObject({ ok: true, data: { status: 'pending_admin' } })
  })
})

describe('authorization matrix', () => {
  type Outcome = 'ok' | string
  /** Each action against an employee's application, by who calls it; the cells are checked from fresh state. */
  const matrix: Array<{ action: string; stage: 'pending_head' | 'pending_admin'; payload: (id: string) => unknown; expect: Record<'owner' | 'ownHead' | 'otherHead' | 'admin' | 'colleague', Outcome> }> = [
    { action: 'account.getApplication', stage: 'pending_head', payload: (id) => ({ id }), expect: { owner: 'ok', ownHead: 'ok', otherHead: 'OUT_OF_SCOPE', admin: 'ok', colleague: 'FORBIDDEN' } },
    { action: 'account.reviewApplication', stage: 'pending_head', payload: (id) => ({ id, decision: 'approve' }), expect: { owner: 'FORBIDDEN', ownHead: 'ok', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN', colleague: 'FORBIDDEN' } },
    { action: 'account.withdrawApplication', stage: 'pending_head', payload: (id) => ({ id }), expect: { owner: 'ok', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'FORBIDDEN', colleague: 'FORBIDDEN' } },
    { action: 'account.activateApplication', stage: 'pending_admin', payload: (id) => ({ id, wechatId: 'matrix_01', boundPhone: '13912345678', activatedOn: '2026-11-27' }), expect: { owner: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'ok', colleague: 'FORBIDDEN' } },
    { action: 'account.declineActivation', stage: 'pending_admin', payload: (id) => ({ id, comment: '不予开通' }), expect: { owner: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'ok', colleague: 'FORBIDDEN' } },
  ]
  const callers = { owner: cast.eastEmployee, ownHead: cast.eastHead, otherHead: cast.southHead, admin: cast.admin, colleague: cast.eastColleague } as const
  const cells = matrix.flatMap((row) => (Object.keys(callers) as Array<keyof typeof callers>).map((who) => [row.action, who, row.expect[who], row] as const))

  it.each(cells)('%s by %s → %s', async (_action, who, want, row) => {
    const id = await submitted()
    if (row.stage === 'pending_admin') await eastHead()('account.reviewApplication', { id, decision: 'approve' })
    const digest = cloud.database.digest()
    const res = await as(callers[who])(row.action, row.payload(id))
    if (want === 'ok') expect(res.ok).toBe(true)
    else {
      expect(res).toMatchObject({ ok: false, error: { code: want } })
      expect(cloud.database.digest()).toBe(digest)
    }
  })
})

describe('lists and to-dos', () => {
  it('shows each person what waits for them, and their own open requests', async () => {
    const id = await submitted()
    const applicationsIn = (res: { ok: boolean; data?: { approvals: Array<{ kind: string }>; mine: Array<{ kind: string }> } }, list: 'approvals' | 'mine') =>
      res.ok ? res.data![list].filter((t) => t.kind === 'application') : []
    expect(applicationsIn(await eastHead()('todo.list', {}), 'approvals')).toMatchObject([{ kind: 'application', id, title: '李娜申请业务微信账号', statusLabel: '待负责人审批' }])
    expect(applicationsIn(await eastHead()('todo.list', {}), 'mine')).toEqual([])
    expect(applicationsIn(await southHead()('todo.list', {}), 'approvals')).toEqual([])
    expect(applicationsIn(await admin()('todo.list', {}), 'approvals')).toEqual([])
    expect(applicationsIn(await employee()('todo.list', {}), 'approvals')).toEqual([])
    expect(applicationsIn(await employee()('todo.list', {}), 'mine')).toMatchObject([{ id }])
    await eastHead()('account.reviewApplication', { id, decision: 'approve' })
    expect(applicationsIn(await eastHead()('todo.list', {}), 'approvals')).toEqual([])
    expect(applicationsIn(await admin()('todo.list', {}), 'approvals')).toMatchObject([{ id, statusLabel: '待行政部开通' }])
  })

  it('scopes the account registry by role', async () => {
    for (const [personId, wechatId] of [[cast.eastEmployee, 'east_a01'], [cast.serviceEmployee, 'service_a01']] as const) {
      const id = await submitted(personId)
      const head = personId === cast.eastEmployee ? cast.eastHead : 'p-service-01'
      await as(head)('account.reviewApplication', { id, decision: 'approve' })
      await admin()('account.activateApplication', { id, wechatId, boundPhone: '13912345678', activatedOn: '2026-11-27' })
    }
    const total = async (personId: string, payload = {}) => {
      const res = await as(personId)('account.listAccounts', payload)
      return res.ok ? res.data.total : res.error.code
    }
    expect(await total(cast.admin)).toBe(2)
    expect(await total(cast.eastHead)).toBe(1)
    expect(await total(cast.eastColleague)).toBe(0)
    expect(await total(cast.eastEmployee)).toBe(1)
    expect(await total(cast.eastHead, { departmentId: 'dept-service' })).toBe('OUT_OF_SCOPE')
    expect(await total(cast.admin, { keyword: 'service' })).toBe(1)
    expect(await total(cast.admin, { keyword: '李娜' })).toBe(1)
  })

  it('lists pending and all applications only to those entitled', async () => {
    await submitted()
    expect(await employee()('account.listApplications', { scope: 'all' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await admin()('account.listApplications', { scope: 'all' })).toMatchObject({ ok: true, data: { total: 1 } })
    expect(await eastHead()('account.listApplications', { scope: 'pending' })).toMatchObject({ ok: true, data: { total: 1 } })
    expect(await employee()('account.listApplications', { scope: 'mine' })).toMatchObject({ ok: true, data: { total: 1 } })
  })

  it('lists a department’s open applications, whoever decides them, as the dashboard counts them', async () => {
    const east = await submitted()
    const south = await submitted('p-sales-south-02')
    const approved = await submitted(cast.eastColleague)
    expect(await eastHead()('account.reviewApplication', { id: approved, decision: 'approve' })).toMatchObject({ ok: true })
    const withdrawn = await submitted('p-sales-east-04')
    expect(await as('p-sales-east-04')('account.withdrawApplication', { id: withdrawn })).toMatchObject({ ok: true })
    const ids = async (personId: string, payload: Record<string, unknown>) => {
      const res = await as(personId)('account.listApplications', { scope: 'department', page: 1, pageSize: 50, ...payload })
      if (!res.ok) throw new Error(`refused: ${res.error.code}`)
      return (res.data as { items: Array<{ id: string }> }).items.map((a) => a.id).sort()
    }
    expect(await ids(cast.admin, { status: 'open' })).toEqual([east, south, approved].sort())
    expect(await ids(cast.admin, { status: 'open', departmentId: 'dept-sales-east' })).toEqual([east, approved].sort())
    expect(await ids(cast.eastHead, { status: 'open' })).toEqual([east, approved].sort())
    expect(await ids(cast.eastHead, { status: 'withdrawn', departmentId: 'dept-sales-east' })).toEqual([withdrawn])
    const dashboard = await admin()('dashboard.get', { departmentId: 'dept-sales-east' })
    expect(dashboard).toMatchObject({ ok: true, data: { approvals: { byKind: expect.arrayContaining([expect.objectContaining({ kind: 'application', count: 2 })]) } } })

    expect(await eastHead()('account.listApplications', { scope: 'department', departmentId: 'dept-sales-south' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await employee()('account.listApplications', { scope: 'department' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await admin()('account.listApplications', { scope: 'department', status: 'waiting' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})

describe('double taps and races through the gateway', () => {
  it('turns 100 simultaneous identical approvals into exactly one transition and one audit entry', async () => {
    const id = await submitted()
    const client = new GatewayClient(cloud.url)
    await client.signIn({ personId: cast.eastHead })
    const results = await Promise.all(Array.from({ length: 100 }, () => client.call('account.reviewApplication', { id, decision: 'approve' })))
    const ok = results.filter((r) => r.body.ok)
    expect(ok).toHaveLength(1)
    expect(results.filter((r) => !r.body.ok).every((r) => !r.body.ok && ['CONFLICT', 'INVALID_STATE'].includes(r.body.error.code))).toBe(true)
    const doc = (await db.collection('account_applications').doc(id).get()).data as { status: string; timeline: unknown[] }
    expect(doc.status).toBe('pending_admin')
    expect(doc.timeline).toHaveLength(2)
    expect((await auditFor(id)).filter((a) => a.action === 'account.reviewApplication')).toHaveLength(1)
  }, 60_000)
})
