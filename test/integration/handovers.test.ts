import { cast, giveAccount } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as
let accountId: string

const leaver = cast.eastEmployee
const receiver = cast.eastColleague


async function started(by: string = leaver, leaving = true): Promise<string> {
  const res = await as(by)('handover.start', { accountId, leaving, reason: '李娜12月离职，客户交给张伟' })
  if (!res.ok) throw new Error(res.error.code)
  return res.data.id
}

async function account() {
  return (await world.db.collection('accounts').doc(accountId).get()).data as { status: string; holderId: string; holderName: string }
}

beforeEach(async () => {
  accountId = await giveAccount(world.db, leaver, 'lina_sales01')
})

it('hands the account to the receiver, ticked item by item, and marks the leaver as left', async () => {
  const id = await started()
  expect((await account()).status).toBe('handing_over')
  expect(await as(cast.eastHead)('todo.list', {})).toMatchObject({ ok: true, data: { approvals: [{ kind: 'handover', id, title: '李娜的账号交接' }] } })

  expect(await as(cast.eastHead)('handover.designate', { id, receiverId: receiver })).toMatchObject({ ok: true, data: { status: 'in_progress', receiverName: '张伟' } })
  const forLeaver = await as(leaver)('handover.get', { id })
  expect(forLeaver.ok && forLeaver.data.checklist.filter((c: { canTick: boolean }) => c.canTick).map((c: { item: string }) => c.item)).toEqual(['customers_transferred', 'personal_unbound', 'personal_info_cleared'])

  expect(await as(receiver)('handover.tick', { id, item: 'customers_transferred' })).toMatchObject({ ok: false, error: { code: 'NOT_RESPONSIBLE' } })
  for (const item of ['customers_transferred', 'personal_unbound', 'personal_info_cleared']) await as(leaver)('handover.tick', { id, item })
  expect(await as(cast.admin)('handover.close', { id, outcome: 'transfer' })).toMatchObject({ ok: false, error: { code: 'CHECKLIST_INCOMPLETE' } })
  await as(cast.admin)('handover.tick', { id, item: 'password_changed' })
  const confirmed = await as(receiver)('handover.tick', { id, item: 'receipt_confirmed' })
  expect(confirmed).toMatchObject({ ok: true, data: { done: 5, total: 5 } })
  // A second tick changes nothing.
  const before = world.cloud.database.digest()
  await as(receiver)('handover.tick', { id, item: 'receipt_confirmed' })
  expect(world.cloud.database.digest()).toBe(before)

  expect(await as(cast.admin)('handover.close', { id, outcome: 'transfer' })).toMatchObject({ ok: true, data: { status: 'closed', outcome: 'transfer' } })
  expect(await account()).toMatchObject({ status: 'active', holderId: receiver, holderName: '张伟' })
  expect(((await world.db.collection('people').doc(leaver).get()).data as { status: string }).status).toBe('left')
  expect(await as(leaver)('session.whoami', {})).toMatchObject({ ok: false, error: { code: 'PERSON_LEFT' } })
  expect(await as(receiver)('account.listAccounts', {})).toMatchObject({ ok: true, data: { total: 1, items: [{ id: accountId, holderName: '张伟' }] } })
})

it('can close the account instead, keeping the holder in the roster when they are not leaving', async () => {
  const id = await started(cast.eastHead, false)
  await as(cast.eastHead)('handover.designate', { id, receiverId: receiver })
  for (const item of ['customers_transferred', 'personal_unbound', 'personal_info_cleared']) await as(leaver)('handover.tick', { id, item })
  await as(cast.admin)('handover.tick', { id, item: 'password_changed' })
  await as(receiver)('handover.tick', { id, item: 'receipt_confirmed' })
  await as(cast.admin)('handover.close', { id, outcome: 'close' })
  expect(await account()).toMatchObject({ status: 'closed', holderId: leaver })
  expect(((await world.db.collection('people').doc(leaver).get()).data as { status: string }).status).toBe('active')
})

it('allows one open handover per account, even when started twice at once', async () => {
  const results = await Promise.all([as(leaver)('handover.start', { accountId, leaving: true, reason: '离职交接' }), as(cast.eastHead)('handover.start', { accountId, leaving: true, reason: '离职交接' })])
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'HANDOVER_OPEN' } })
})

it('restores the account when cancelled', async () => {
  await world.db.collection('accounts').doc(accountId).update({ data: { status: 'suspended' } })
  const id = await started()
  expect(await as(leaver)('handover.cancel', { id, comment: '不走了' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await as(cast.eastHead)('handover.cancel', { id, comment: '员工留任' })).toMatchObject({ ok: true, data: { status: 'cancelled' } })
  expect((await account()).status).toBe('suspended')
})

it('keeps other departments and strangers out', async () => {
  const digest = world.cloud.database.digest()
  expect(await as(cast.southHead)('handover.start', { accountId, leaving: true, reason: '越权发起' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  expect(await as(receiver)('handover.start', { accountId, leaving: true, reason: '越权发起' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(world.cloud.database.digest()).toBe(digest)
  const id = await started()
  expect(await as(cast.southHead)('handover.designate', { id, receiverId: receiver })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  expect(await as(cast.eastHead)('handover.designate', { id, receiverId: leaver })).toMatchObject({ ok: false, error: { code: 'RECEIVER_INVALID' } })
  expect(await as(cast.serviceEmployee)('handover.get', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

it('lists unfinished handovers by department, as the dashboard counts them; heads only their own department', async () => {
  const open = await started()
  const otherAccount = await giveAccount(world.db, 'p-sales-south-02', 'south_he_jia')
  const south = await as('p-sales-south-02')('handover.start', { accountId: otherAccount, leaving: false, reason: '调岗交接' })
  if (!south.ok) throw new Error(south.error.code)
  const done = await giveAccount(world.db, cast.eastColleague, 'east_zhang_wei')
  const cancelled = await as(cast.eastColleague)('handover.start', { accountId: done, leaving: false, reason: '调岗交接' })
  if (!cancelled.ok) throw new Error(cancelled.error.code)
  expect(await as(cast.eastHead)('handover.cancel', { id: cancelled.data.id, comment: '不再调岗' })).toMatchObject({ ok: true })

  const ids = async (personId: string, payload: Record<string, unknown>) => {
    const res = await as(personId)('handover.list', { scope: 'handling', page: 1, pageSize: 20, ...payload })
    if (!res.ok) throw new Error(res.error.code)
    return (res.data as { items: Array<{ id: string }> }).items.map((h) => h.id).sort()
  }
  expect(await ids(cast.admin, { status: 'unfinished' })).toEqual([open, south.data.id].sort())
  expect(await ids(cast.admin, { status: 'unfinished', departmentId: 'dept-sales-east' })).toEqual([open])
  expect(await ids(cast.admin, { status: 'cancelled', departmentId: 'dept-sales-east' })).toEqual([cancelled.data.id])
  expect(await ids(cast.eastHead, { status: 'unfinished', departmentId: 'dept-sales-east' })).toEqual([open])
  const dashboard = await as(cast.admin)('dashboard.get', { departmentId: 'dept-sales-east' })
  expect(dashboard).toMatchObject({ ok: true, data: { approvals: { byKind: expect.arrayContaining([expect.objectContaining({ kind: 'handover', count: 1 })]) } } })

  expect(await as(cast.eastHead)('handover.list', { scope: 'handling', departmentId: 'dept-sales-south' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  expect(await as(cast.admin)('handover.list', { scope: 'handling', status: 'open' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
})
