import { cast, giveAccount } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as

async function report(personId: string = cast.eastEmployee, extra: Record<string, unknown> = {}) {
  return as(personId)('anomaly.report', {
    type: 'stolen',
    occurredAt: '2026-11-27T09:30:00+08:00',
    description: '早上发现账号向多位客户发送了陌生链接，不是我本人操作。',
    screenshots: ['cloud://local.bucket/uploads/shot-1.png'],
    ...extra,
  })
}

it('goes from report to resolution, suspending the account and timing each step', async () => {
  const accountId = await giveAccount(world.db, cast.eastEmployee, 'lina_sales01')
  const reported = await report()
  expect(reported).toMatchObject({ ok: true, data: { status: 'open', accountId, accountWechatId: 'lina_sales01', accountStatus: 'active', available: [] } })
  if (!reported.ok) return
  const id = reported.data.id

  const headTodos = await as(cast.eastHead)('todo.list', {})
  expect(headTodos).toMatchObject({ ok: true, data: { approvals: [{ kind: 'anomaly', id, title: '李娜报告：账号被盗用', statusLabel: '待处理' }] } })

  world.now = new Date('2026-11-27T02:12:00Z')
  expect(await as(cast.eastHead)('anomaly.acknowledge', { id })).toMatchObject({ ok: true, data: { status: 'acknowledged', minutesToAcknowledge: 12, acknowledgedBy: '王磊', available: ['recordMeasure', 'resolve'] } })

  world.now = new Date('2026-11-27T02:20:00Z')
  const suspended = await as(cast.eastHead)('anomaly.recordMeasure', { id, type: 'suspend_account', note: '先停用，防止继续外发' })
  expect(suspended).toMatchObject({ ok: true, data: { accountStatus: 'suspended', measures: [{ type: 'suspend_account', actorName: '王磊' }] } })
  expect(await as(cast.eastHead)('anomaly.recordMeasure', { id, type: 'warn_customers' })).toMatchObject({ ok: true, data: { measures: [{}, { type: 'warn_customers' }] } })
  expect(await as(cast.admin)('account.listAccounts', { status: 'suspended' })).toMatchObject({ ok: true, data: { total: 1, items: [{ id: accountId, status: 'suspended' }] } })

  world.now = new Date('2026-11-27T05:00:00Z')
  const resolved = await as(cast.eastHead)('anomaly.resolve', { id, resolution: '已找回账号并修改密码，已提醒客户' })
  expect(resolved).toMatchObject({ ok: true, data: { status: 'resolved', minutesToAcknowledge: 12, minutesToResolve: 180, available: [] } })
  expect(await as(cast.eastEmployee)('anomaly.get', { id })).toMatchObject({ ok: true, data: { status: 'resolved', resolution: '已找回账号并修改密码，已提醒客户' } })
  expect(await as(cast.eastHead)('todo.list', {})).toMatchObject({ ok: true, data: { approvals: [] } })
  const audit = (await world.db.collection('audit_log').where({ targetId: id }).get()).data.map((a) => a.action)
  expect(audit.sort()).toEqual(['anomaly.acknowledge', 'anomaly.recordMeasure', 'anomaly.recordMeasure', 'anomaly.report', 'anomaly.resolve'])
})

it('lets admins see and handle every report, and keeps other heads out', async () => {
  const reported = await report()
  if (!reported.ok) throw new Error('report failed')
  const id = reported.data.id
  expect(await as(cast.admin)('anomaly.list', { scope: 'handling', status: 'open' })).toMatchObject({ ok: true, data: { total: 1 } })
  expect(await as(cast.southHead)('anomaly.list', { scope: 'handling' })).toMatchObject({ ok: true, data: { total: 0 } })
  expect(await as(cast.southHead)('anomaly.get', { id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  expect(await as(cast.southHead)('anomaly.acknowledge', { id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  expect(await as(cast.eastColleague)('anomaly.get', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await as(cast.eastEmployee)('anomaly.acknowledge', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await as(cast.admin)('anomaly.acknowledge', { id })).toMatchObject({ ok: true, data: { acknowledgedBy: '陈静' } })
})

it('sends a head’s own report to the admins', async () => {
  const reported = await report(cast.eastHead)
  if (!reported.ok) throw new Error('report failed')
  expect(await as(cast.eastHead)('anomaly.acknowledge', { id: reported.data.id })).toMatchObject({ ok: false, error: { code: 'SELF_APPROVAL' } })
  expect(await as(cast.admin)('todo.list', {})).toMatchObject({ ok: true, data: { approvals: [{ kind: 'anomaly', id: reported.data.id }] } })
})

it('refuses measures before acknowledgement, double acknowledgement and a second suspension', async () => {
  await giveAccount(world.db, cast.eastEmployee, 'lina_sales01')
  const reported = await report()
  if (!reported.ok) throw new Error('report failed')
  const id = reported.data.id
  expect(await as(cast.eastHead)('anomaly.recordMeasure', { id, type: 'change_password' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
  const both = await Promise.all([as(cast.eastHead)('anomaly.acknowledge', { id }), as(cast.admin)('anomaly.acknowledge', { id })])
  expect(both.filter((r) => r.ok)).toHaveLength(1)
  await as(cast.eastHead)('anomaly.recordMeasure', { id, type: 'suspend_account' })
  const digest = world.cloud.database.digest()
  expect(await as(cast.eastHead)('anomaly.recordMeasure', { id, type: 'suspend_account' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_NOT_SUSPENDABLE' } })
  expect(world.cloud.database.digest()).toBe(digest)
})

it('validates the report itself', async () => {
  const digest = world.cloud.database.digest()
  expect(await report(cast.eastEmployee, { occurredAt: '2026-11-28T09:30:00+08:00' })).toMatchObject({ ok: false, error: { code: 'OCCURRED_IN_FUTURE' } })
  expect(await report(cast.eastEmployee, { description: '被盗了' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('至少10个字') } })
  expect(await report(cast.eastEmployee, { type: 'hacked' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  expect(await report(cast.eastEmployee, { screenshots: ['http://evil.example/x.png'] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  const otherAccount = await giveAccount(world.db, cast.eastColleague, 'colleague_01')
  const afterSeed = world.cloud.database.digest()
  expect(await report(cast.eastEmployee, { accountId: otherAccount })).toMatchObject({ ok: false, error: { code: 'NOT_ACCOUNT_HOLDER' } })
  expect(world.cloud.database.digest()).toBe(afterSeed)
  expect(digest).not.toBe(afterSeed)
})

it('lists reports by type, unresolved status and department; heads only their own department', async () => {
  const ids: Record<string, string> = {}
  for (const [key, personId, type] of [
    ['eastStolen', cast.eastEmployee, 'stolen'],
    ['eastFraud', cast.eastColleague, 'fraud'],
    ['serviceStolen', cast.serviceEmployee, 'stolen'],
  ] as const) {
    const made = await report(personId, { type })
    if (!made.ok) throw new Error(`report refused: ${made.error.code}`)
    ids[key] = made.data.id
  }
  expect(await as(cast.eastHead)('anomaly.acknowledge', { id: ids.eastFraud })).toMatchObject({ ok: true })
  expect(await as(cast.eastHead)('anomaly.resolve', { id: ids.eastFraud, resolution: '已核实并提醒客户' })).toMatchObject({ ok: true })
  const listed = async (personId: string, payload: Record<string, unknown>) => {
    const res = await as(personId)('anomaly.list', { scope: 'handling', page: 1, pageSize: 20, ...payload })
    if (!res.ok) throw new Error(`anomaly.list refused: ${res.error.code}`)
    return (res.data as { items: Array<{ id: string }> }).items.map((a) => a.id).sort()
  }

  expect(await listed(cast.admin, { type: 'stolen' })).toEqual([ids.eastStolen, ids.serviceStolen].sort())
  expect(await listed(cast.admin, { type: 'stolen', departmentId: 'dept-sales-east' })).toEqual([ids.eastStolen])
  expect(await listed(cast.admin, { status: 'unresolved', departmentId: 'dept-sales-east' })).toEqual([ids.eastStolen])
  expect(await listed(cast.admin, { status: 'resolved' })).toEqual([ids.eastFraud])
  expect(await listed(cast.eastHead, { departmentId: 'dept-sales-east', status: 'unresolved' })).toEqual([ids.eastStolen])
  expect(await listed(cast.eastHead, { type: 'stolen' })).toEqual([ids.eastStolen])

  expect(await as(cast.eastHead)('anomaly.list', { scope: 'handling', page: 1, pageSize: 20, departmentId: 'dept-service' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  expect(await as(cast.admin)('anomaly.list', { scope: 'handling', page: 1, pageSize: 20, type: 'hacked' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
})
