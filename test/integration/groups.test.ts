import type { GroupDetail } from '../../types/contract'
import { cast } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as

/** A Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`)

async function create(personId: string = cast.eastEmployee, extra: Record<string, unknown> = {}): Promise<GroupDetail> {
  const res = await as(personId)('group.create', { name: '华东门锁老客户群', purpose: '老客户售后与新品通知', relatedTo: '华东区门锁老客户', memberCount: 86, ...extra })
  if (!res.ok) throw new Error(`group.create refused: ${res.error.code}`)
  return res.data as GroupDetail
}

async function listed(personId: string, payload: Record<string, unknown>) {
  const res = await as(personId)('group.list', payload)
  if (!res.ok) throw new Error(`group.list refused: ${res.error.code}`)
  return { total: res.data.total as number, flaggedCount: res.data.flaggedCount as number, names: res.data.items.map((g: { name: string }) => g.name) as string[] }
}

describe('registering a group', () => {
  it('registers the caller as owner, due for review three months on', async () => {
    const group = await create()
    expect(group).toEqual({
      id: expect.stringMatching(/^group-/),
      name: '华东门锁老客户群',
      purpose: '老客户售后与新品通知',
      ownerId: cast.eastEmployee,
      ownerName: '李娜',
      departmentId: 'dept-sales-east',
      departmentName: '华东销售部',
      relatedTo: '华东区门锁老客户',
      memberCount: 86,
      status: 'active',
      createdAt: '2026-11-27T02:00:00.000Z',
      lastReviewedAt: null,
      lastReviewedByName: null,
      reviewDueOn: '2027-02-27',
      flags: [],
      createdByName: '李娜',
      dissolvedAt: null,
      dissolvedByName: null,
      dissolveNote: null,
      reviews: [],
      available: ['update', 'dissolve'],
    })
    const audit = (await world.db.collection('audit_log').where({ targetId: group.id }).get()).data
    expect(audit.map((a) => a.action)).toEqual(['group.create'])
  })

  it('flags a group registered without a purpose until it has one', async () => {
    const group = await create(cast.eastEmployee, { purpose: '   ', relatedTo: undefined })
    expect(group).toMatchObject({ purpose: null, relatedTo: null, flags: ['no_purpose'] })
    const fixed = await as(cast.eastEmployee)('group.update', { id: group.id, purpose: '重点客户项目沟通' })
    expect(fixed).toMatchObject({ ok: true, data: { purpose: '重点客户项目沟通', flags: [] } })
  })

  it('takes an owner from the caller’s department only; admins register for any department', async () => {
    expect(await create(cast.eastEmployee, { ownerId: cast.eastColleague })).toMatchObject({ ownerId: cast.eastColleague, ownerName: '张伟', createdByName: '李娜', departmentId: 'dept-sales-east' })
    const digest = world.cloud.database.digest()
    expect(await as(cast.eastEmployee)('group.create', { name: '跨部门群', memberCount: 5, ownerId: cast.serviceEmployee })).toMatchObject({ ok: false, error: { code: 'GROUP_OWNER_INVALID' } })
    expect(await as(cast.eastHead)('group.create', { name: '跨部门群', memberCount: 5, ownerId: 'p-nobody' })).toMatchObject({ ok: false, error: { code: 'GROUP_OWNER_INVALID' } })
    await world.db.collection('people').doc(cast.eastColleague).update({ data: { status: 'left' } })
    const afterLeaving = world.cloud.database.digest()
    expect(await as(cast.eastEmployee)('group.create', { name: '离职同事的群', memberCount: 5, ownerId: cast.eastColleague })).toMatchObject({ ok: false, error: { code: 'GROUP_OWNER_INVALID' } })
    expect(world.cloud.database.digest()).toBe(afterLeaving)
    expect(afterLeaving).not.toBe(digest)
    expect(await create(cast.admin, { ownerId: cast.serviceEmployee })).toMatchObject({ ownerName: '韩冰', departmentId: 'dept-service', departmentName: '客户服务部' })
  })

  it('validates the registration', async () => {
    const digest = world.cloud.database.digest()
    const send = (extra: Record<string, unknown>) => as(cast.eastEmployee)('group.create', { name: '客户群', memberCount: 10, ...extra })
    expect(await send({ name: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('群名称不能为空') } })
    expect(await send({ memberCount: 501 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('微信群最多500人') } })
    expect(await send({ memberCount: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await send({ memberCount: 2.5 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await send({ relatedTo: '项'.repeat(61) })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('相关客户或项目不能超过60个字') } })
    expect(await send({ status: 'dissolved' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(world.cloud.database.digest()).toBe(digest)
  })
})

describe('periodic review', () => {
  it('flags a group not reviewed within three months of registration, and a review clears it', async () => {
    world.now = sh('2026-08-27T09:00:00')
    const group = await create()
    expect(group.reviewDueOn).toBe('2026-11-27')

    world.now = sh('2026-11-27T23:59:00')
    expect(await as(cast.eastHead)('group.get', { id: group.id })).toMatchObject({ ok: true, data: { flags: [], available: ['update', 'review', 'dissolve'] } })
    world.now = sh('2026-11-28T00:00:00')
    expect(await as(cast.eastHead)('group.get', { id: group.id })).toMatchObject({ ok: true, data: { flags: ['review_overdue'] } })
    expect(await listed(cast.eastHead, { scope: 'department', flaggedOnly: true })).toEqual({ total: 1, flaggedCount: 1, names: ['华东门锁老客户群'] })

    world.now = sh('2026-11-28T10:00:00')
    const reviewed = await as(cast.eastHead)('group.review', { id: group.id, stillNeeded: true, membersRelevant: true, note: '成员均为在服务客户' })
    expect(reviewed).toMatchObject({
      ok: true,
      data: {
        flags: [],
        lastReviewedAt: '2026-11-28T02:00:00.000Z',
        lastReviewedByName: '王磊',
        reviewDueOn: '2027-02-28',
        reviews: [{ at: '2026-11-28T02:00:00.000Z', byName: '王磊', stillNeeded: true, membersRelevant: true, note: '成员均为在服务客户' }],
      },
    })
    expect(await listed(cast.eastHead, { scope: 'department', flaggedOnly: true })).toEqual({ total: 0, flaggedCount: 0, names: [] })

    world.now = sh('2027-03-01T09:00:00')
    const again = await as(cast.admin)('group.review', { id: group.id, stillNeeded: false, membersRelevant: false })
    expect(again).toMatchObject({ ok: true, data: { flags: ['not_needed', 'members_irrelevant'], reviewDueOn: '2027-06-01', reviews: [{ byName: '陈静', note: null }, { byName: '王磊' }] } })
    expect(await listed(cast.admin, { scope: 'all', flaggedOnly: true })).toEqual({ total: 1, flaggedCount: 1, names: ['华东门锁老客户群'] })
    const audit = (await world.db.collection('audit_log').where({ targetId: group.id }).get()).data.map((a) => a.action)
    expect(audit.sort()).toEqual(['group.create', 'group.review', 'group.review'])
  })

  it('is for the department’s head and admins only', async () => {
    const group = await create()
    const digest = world.cloud.database.digest()
    const review = { id: group.id, stillNeeded: true, membersRelevant: true }
    expect(await as(cast.eastEmployee)('group.review', review)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.southHead)('group.review', review)).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.eastHead)('group.review', { id: group.id, stillNeeded: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('请回答成员是否仍与业务相关') } })
    expect(world.cloud.database.digest()).toBe(digest)
    // A head's own group is still reviewed by them, as the department's check.
    const headsOwn = await create(cast.eastHead)
    expect(await as(cast.eastHead)('group.review', { ...review, id: headsOwn.id })).toMatchObject({ ok: true, data: { lastReviewedByName: '王磊' } })
  })
})

describe('changing and dissolving', () => {
  it('lets owner, head and admin correct an active group; a new owner comes from the same department', async () => {
    const group = await create()
    world.now = sh('2026-11-27T11:00:00')
    expect(await as(cast.eastHead)('group.update', { id: group.id, ownerId: cast.eastColleague, memberCount: 90, relatedTo: '' })).toMatchObject({
      ok: true,
      data: { ownerId: cast.eastColleague, ownerName: '张伟', memberCount: 90, relatedTo: null, name: '华东门锁老客户群' },
    })
    const digest = world.cloud.database.digest()
    expect(await as(cast.eastHead)('group.update', { id: group.id, ownerId: cast.serviceEmployee })).toMatchObject({ ok: false, error: { code: 'GROUP_OWNER_INVALID' } })
    // The previous owner has handed it on.
    expect(await as(cast.eastEmployee)('group.update', { id: group.id, name: '新名称' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.southHead)('group.update', { id: group.id, name: '新名称' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(world.cloud.database.digest()).toBe(digest)
    // Nothing to change writes nothing.
    expect(await as(cast.eastColleague)('group.update', { id: group.id, memberCount: 90 })).toMatchObject({ ok: true, data: { memberCount: 90 } })
    expect(world.cloud.database.digest()).toBe(digest)
    const audit = (await world.db.collection('audit_log').where({ targetId: group.id, action: 'group.update' }).get()).data
    expect(audit).toMatchObject([{ before: { ownerId: cast.eastEmployee, ownerName: '李娜', memberCount: 86, relatedTo: '华东区门锁老客户' }, after: { ownerId: cast.eastColleague, memberCount: 90, relatedTo: null } }])
  })

  it('dissolves a group once; a dissolved group is no longer flagged or changed', async () => {
    const group = await create(cast.eastEmployee, { purpose: undefined })
    expect(group.flags).toEqual(['no_purpose'])
    world.now = sh('2026-11-30T15:00:00')
    expect(await as(cast.eastEmployee)('group.dissolve', { id: group.id, note: '项目已结束' })).toMatchObject({
      ok: true,
      data: { status: 'dissolved', flags: [], dissolvedAt: '2026-11-30T07:00:00.000Z', dissolvedByName: '李娜', dissolveNote: '项目已结束', available: [] },
    })
    const digest = world.cloud.database.digest()
    expect(await as(cast.eastEmployee)('group.dissolve', { id: group.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    expect(await as(cast.eastHead)('group.review', { id: group.id, stillNeeded: true, membersRelevant: true })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    expect(await as(cast.eastEmployee)('group.update', { id: group.id, purpose: '补写目的' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    expect(world.cloud.database.digest()).toBe(digest)
    expect(await listed(cast.eastHead, { scope: 'department', flaggedOnly: true })).toEqual({ total: 0, flaggedCount: 0, names: [] })
    expect(await listed(cast.eastHead, { scope: 'department', status: 'dissolved' })).toEqual({ total: 1, flaggedCount: 0, names: ['华东门锁老客户群'] })
  })
})

describe('who sees which groups', () => {
  it('shows owners their groups, heads their department’s and admins all', async () => {
    await create(cast.eastEmployee, { name: '李娜的群' })
    world.now = sh('2026-11-27T11:00:00')
    await create(cast.eastColleague, { name: '张伟的群', purpose: undefined })
    world.now = sh('2026-11-27T12:00:00')
    await create(cast.southHead, { name: '华南的群' })

    expect(await listed(cast.eastEmployee, { scope: 'mine' })).toEqual({ total: 1, flaggedCount: 0, names: ['李娜的群'] })
    expect(await listed(cast.eastHead, { scope: 'department' })).toEqual({ total: 2, flaggedCount: 1, names: ['张伟的群', '李娜的群'] })
    expect(await listed(cast.eastHead, { scope: 'department', departmentId: 'dept-sales-east', keyword: '李娜' })).toEqual({ total: 1, flaggedCount: 0, names: ['李娜的群'] })
    expect(await listed(cast.admin, { scope: 'all' })).toEqual({ total: 3, flaggedCount: 1, names: ['华南的群', '张伟的群', '李娜的群'] })
    expect(await listed(cast.admin, { scope: 'department', departmentId: 'dept-sales-south' })).toEqual({ total: 1, flaggedCount: 0, names: ['华南的群'] })
    expect(await listed(cast.admin, { scope: 'all', flaggedOnly: true })).toEqual({ total: 1, flaggedCount: 1, names: ['张伟的群'] })

    expect(await as(cast.eastEmployee)('group.list', { scope: 'department' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastHead)('group.list', { scope: 'all' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastHead)('group.list', { scope: 'department', departmentId: 'dept-sales-south' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  })

  it('opens a group for its owner, their head and admins only', async () => {
    const group = await create()
    expect(await as(cast.eastColleague)('group.get', { id: group.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.southHead)('group.get', { id: group.id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.admin)('group.get', { id: group.id })).toMatchObject({ ok: true, data: { available: ['update', 'review', 'dissolve'] } })
    expect(await as(cast.eastEmployee)('group.get', { id: 'group-missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
