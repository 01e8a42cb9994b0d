import { systemContext } from '../../cloudfunctions/src/core/context'
import { maintainDelegations } from '../../cloudfunctions/src/jobs/delegations'
import { cast, giveAccount } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as
let accountId: string

const holder = () => as(cast.eastEmployee)
const head = () => as(cast.eastHead)


async function request(extra: Record<string, unknown> = {}) {
  return holder()('delegation.request', { accountId, delegateId: cast.eastColleague, startsOn: '2026-11-27', endsOn: '2026-11-30', reason: '出差期间请同事代为回复客户', ...extra })
}

async function accountStatus(): Promise<string> {
  return ((await world.db.collection('accounts').doc(accountId).get()).data as { status: string }).status
}

beforeEach(async () => {
  accountId = await giveAccount(world.db, cast.eastEmployee, 'lina_sales01')
})

it('is requested, approved by the head, shown on the account, and ends by itself after its last day', async () => {
  const requested = await request()
  expect(requested).toMatchObject({ ok: true, data: { status: 'pending', delegateName: '张伟', holderName: '李娜', inEffect: false, available: ['withdraw'] } })
  if (!requested.ok) return
  const id = requested.data.id
  expect(await head()('todo.list', {})).toMatchObject({ ok: true, data: { approvals: [{ kind: 'delegation', id, title: '李娜申请由张伟代操作' }] } })

  expect(await head()('delegation.review', { id, decision: 'approve' })).toMatchObject({ ok: true, data: { status: 'approved', inEffect: true } })
  expect(await accountStatus()).toBe('delegated')
  expect(await as(cast.admin)('account.listAccounts', {})).toMatchObject({ ok: true, data: { items: [{ id: accountId, status: 'delegated', delegation: { id, delegateName: '张伟', endsOn: '2026-11-30' } }] } })
  // The delegate sees it too: they are the one operating the account.
  expect(await as(cast.eastColleague)('delegation.get', { id })).toMatchObject({ ok: true, data: { status: 'approved' } })

  // Still in effect on the last day (Monday 30th, 23:30 Shanghai).
  world.now = new Date('2026-11-30T15:30:00Z')
  expect(await maintainDelegations(systemContext({ db: world.db, now: () => world.now }, 'jobs.maintainDelegations'))).toEqual({ ended: 0, started: 0 })
  expect(await accountStatus()).toBe('delegated')

  // Over from midnight Shanghai.
  world.now = new Date('2026-11-30T16:05:00Z')
  expect(await as(cast.admin)('account.listAccounts', {})).toMatchObject({ ok: true, data: { items: [{ delegation: null }] } })
  expect(await maintainDelegations(systemContext({ db: world.db, now: () => world.now }, 'jobs.maintainDelegations'))).toEqual({ ended: 1, started: 0 })
  expect(await maintainDelegations(systemContext({ db: world.db, now: () => world.now }, 'jobs.maintainDelegations'))).toEqual({ ended: 0, started: 0 })
  expect(await accountStatus()).toBe('active')
  const ended = await holder()('delegation.get', { id })
  expect(ended).toMatchObject({ ok: true, data: { status: 'ended', inEffect: false } })
  if (ended.ok) expect(ended.data.timeline.map((t: { event: string; actorName: string }) => `${t.event}:${t.actorName}`)).toEqual(['request:李娜', 'approve:王磊', 'expire:系统'])
})

it('starts a future delegation on its first day', async () => {
  const requested = await request({ startsOn: '2026-12-01', endsOn: '2026-12-03' })
  if (!requested.ok) throw new Error(requested.error.code)
  await head()('delegation.review', { id: requested.data.id, decision: 'approve' })
  expect(await accountStatus()).toBe('active')
  world.now = new Date('2026-11-30T16:00:00Z')
  expect(await maintainDelegations(systemContext({ db: world.db, now: () => world.now }, 'jobs.maintainDelegations'))).toEqual({ ended: 0, started: 1 })
  expect(await accountStatus()).toBe('delegated')
})

it('can be revoked early by the holder, their head or an admin, but not by others', async () => {
  const requested = await request()
  if (!requested.ok) throw new Error(requested.error.code)
  const id = requested.data.id
  await head()('delegation.review', { id, decision: 'approve' })
  expect(await as(cast.southHead)('delegation.revoke', { id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  expect(await as(cast.eastColleague)('delegation.revoke', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await as(cast.admin)('delegation.revoke', { id, comment: '客户投诉，提前收回' })).toMatchObject({ ok: true, data: { status: 'revoked' } })
  expect(await accountStatus()).toBe('active')
  expect(await holder()('delegation.revoke', { id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
})

it('refuses overlapping periods, bad periods, bad delegates and someone else’s account', async () => {
  const first = await request()
  if (!first.ok) throw new Error(first.error.code)
  const digest = world.cloud.database.digest()
  expect(await request({ startsOn: '2026-11-30', endsOn: '2026-12-02' })).toMatchObject({ ok: false, error: { code: 'DELEGATION_OVERLAP' } })
  expect(await request({ startsOn: '2026-11-26', endsOn: '2026-11-28' })).toMatchObject({ ok: false, error: { code: 'PERIOD_INVALID' } })
  expect(await request({ startsOn: '2026-12-10', endsOn: '2027-03-20' })).toMatchObject({ ok: false, error: { code: 'PERIOD_INVALID' } })
  expect(await request({ startsOn: '2026-12-10', endsOn: '2026-12-09' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('结束日期不能早于开始日期') } })
  expect(await request({ startsOn: '2026-12-10', endsOn: '2026-12-11', delegateId: cast.eastEmployee })).toMatchObject({ ok: false, error: { code: 'DELEGATE_INVALID' } })
  expect(await as(cast.eastColleague)('delegation.request', { accountId, delegateId: cast.eastHead, startsOn: '2026-12-10', endsOn: '2026-12-11', reason: '想替同事操作一下' })).toMatchObject({ ok: false, error: { code: 'NOT_ACCOUNT_HOLDER' } })
  expect(world.cloud.database.digest()).toBe(digest)
})

it('lets only one of two overlapping requests be approved, even at once', async () => {
  const a = await request({ startsOn: '2026-12-01', endsOn: '2026-12-05' })
  if (!a.ok) throw new Error(a.error.code)
  await holder()('delegation.withdraw', { id: a.data.id })
  const b = await request({ startsOn: '2026-12-01', endsOn: '2026-12-03', delegateId: 'p-sales-east-04' })
  const c = await request({ startsOn: '2026-12-04', endsOn: '2026-12-06' })
  if (!b.ok || !c.ok) throw new Error('requests failed')
  // Sneak an overlapping pending one past the request check, as two phones at once might.
  await world.db.collection('delegations').doc(c.data.id).update({ data: { startsOn: '2026-12-02' } })
  const results = await Promise.all([head()('delegation.review', { id: b.data.id, decision: 'approve' }), head()('delegation.review', { id: c.data.id, decision: 'approve' })])
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'DELEGATION_OVERLAP' } })
})

it('refuses delegating a suspended account', async () => {
  await world.db.collection('accounts').doc(accountId).update({ data: { status: 'suspended' } })
  expect(await request()).toMatchObject({ ok: false, error: { code: 'ACCOUNT_NOT_USABLE' } })
})

it('is revoked when the account is suspended or handed over, and the delegate can then no longer see the account', async () => {
  const approve = async () => {
    const requested = await request()
    if (!requested.ok) throw new Error(requested.error.code)
    await head()('delegation.review', { id: requested.data.id, decision: 'approve' })
    return requested.data.id as string
  }
  const first = await approve()
  expect(await as(cast.eastColleague)('account.get', { id: accountId })).toMatchObject({ ok: true, data: { delegation: { id: first } } })
  const report = await holder()('anomaly.report', { type: 'stolen', occurredAt: '2026-11-27T09:00:00+08:00', description: '账号被盗，正在外发可疑链接' })
  if (!report.ok) throw new Error(report.error.code)
  await head()('anomaly.acknowledge', { id: report.data.id })
  await head()('anomaly.recordMeasure', { id: report.data.id, type: 'suspend_account' })
  expect(await holder()('delegation.get', { id: first })).toMatchObject({ ok: true, data: { status: 'revoked', inEffect: false, available: [] } })
  expect(await as(cast.admin)('account.get', { id: accountId })).toMatchObject({ ok: true, data: { status: 'suspended', delegation: null } })
  expect(await as(cast.eastColleague)('account.get', { id: accountId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  await world.db.collection('accounts').doc(accountId).update({ data: { status: 'active' } })
  const second = await approve()
  const started = await holder()('handover.start', { accountId, leaving: true, reason: '离职交接' })
  expect(started.ok).toBe(true)
  expect(await holder()('delegation.get', { id: second })).toMatchObject({ ok: true, data: { status: 'revoked' } })
  if (started.ok) {
    await head()('handover.cancel', { id: started.data.id, comment: '留任' })
    expect(await as(cast.admin)('account.get', { id: accountId })).toMatchObject({ ok: true, data: { status: 'active', delegation: null } })
  }
})

it('lists a department’s pending requests, as the dashboard counts them; heads only their own department', async () => {
  const east = await request()
  if (!east.ok) throw new Error(east.error.code)
  const southAccount = await giveAccount(world.db, 'p-sales-south-02', 'south_he_jia')
  const south = await as('p-sales-south-02')('delegation.request', { accountId: southAccount, delegateId: 'p-sales-south-03', startsOn: '2026-11-27', endsOn: '2026-11-30', reason: '出差期间请同事代为回复客户' })
  if (!south.ok) throw new Error(south.error.code)
  const ids = async (personId: string, payload: Record<string, unknown>) => {
    const res = await as(personId)('delegation.list', { scope: 'all', status: 'pending', page: 1, pageSize: 20, ...payload })
    if (!res.ok) throw new Error(res.error.code)
    return (res.data as { items: Array<{ id: string }> }).items.map((d) => d.id).sort()
  }
  expect(await ids(cast.admin, {})).toEqual([east.data.id, south.data.id].sort())
  expect(await ids(cast.admin, { departmentId: 'dept-sales-south' })).toEqual([south.data.id])
  expect(await ids(cast.eastHead, { departmentId: 'dept-sales-east' })).toEqual([east.data.id])
  expect(await as(cast.admin)('dashboard.get', { departmentId: 'dept-sales-south' })).toMatchObject({
    ok: true,
    data: { approvals: { byKind: expect.arrayContaining([expect.objectContaining({ kind: 'delegation', count: 1, drill: expect.objectContaining({ exact: true }) })]) } },
  })
  expect(await head()('delegation.list', { scope: 'all', departmentId: 'dept-sales-south' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
})
