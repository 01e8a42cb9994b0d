import { dispatch } from '../../cloudfunctions/src/core/dispatch'
import { devOpenidFor } from '../../scripts/local-cloud/dev-session'
import { DEMO_ADMIN_ID, demoPeople, resetDemoCompany } from '../../scripts/local-cloud/seed'
import type { Database } from '../../cloudfunctions/src/core/sdk-types'
import { apiCaller } from '../support/api'
import { connectSdk, startLocalCloud, type TestCloud } from '../support/local-cloud'

const HEADER = '姓名,手机,邮箱,部门,角色'
const ADMIN = devOpenidFor(DEMO_ADMIN_ID)
const EAST_HEAD_ID = 'p-sales-east-01'
const EAST_HEAD = devOpenidFor(EAST_HEAD_ID)
const EAST_EMPLOYEE = devOpenidFor('p-sales-east-02')

let cloud: TestCloud
let db: Database
let call: ReturnType<typeof apiCaller>
let phoneBook: Record<string, string>

async function bindAll(): Promise<void> {
  for (const person of demoPeople) {
    await db.collection('people').doc(person.id).update({ data: { openid: devOpenidFor(person.id) } })
  }
}

async function auditCount(): Promise<number> {
  return (await db.collection('audit_log').count()).total
}

beforeAll(async () => {
  cloud = await startLocalCloud({ functions: false })
  db = connectSdk(cloud.cloudEndpoint).db
  phoneBook = {}
  call = apiCaller(db, { phone: { resolve: async (code) => phoneBook[code] ?? null } })
})

afterAll(async () => {
  await cloud.close()
})

beforeEach(async () => {
  await resetDemoCompany(db)
  await bindAll()
})

describe('session.whoami', () => {
  it('tells a bound caller who they are, with masked contacts', async () => {
    const res = await call(EAST_HEAD, 'session.whoami')
    expect(res).toEqual({
      ok: true,
      data: {
        status: 'bound',
        person: expect.objectContaining({ id: EAST_HEAD_ID, name: '王磊', role: 'head', departmentName: '华东销售部', bound: true }),
        // 王磊 acknowledged the demo policy in the seed.
        policyToAcknowledge: null,
      },
    })
    if (res.ok) expect(res.data.person.mobileMasked).toMatch(/^139\*{4}\d{4}$/)
  })

  it('tells an unknown WeChat identity that it is not bound', async () => {
    expect(await call('someone-new', 'session.whoami')).toEqual({ ok: true, data: { status: 'unbound' } })
  })

  it('refuses a call with no platform identity at all', async () => {
    expect(await call(undefined, 'session.whoami')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } })
  })

  it('never takes identity from the payload or the event', async () => {
    expect(await call('someone-new', 'session.whoami', { openid: ADMIN })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const res = await dispatch(
      { action: 'session.whoami', payload: {}, openid: ADMIN, userInfo: { openId: ADMIN } },
      { db, openid: () => 'someone-new', now: () => new Date(), phone: { resolve: async () => null }, messages: { send: async () => undefined }, templateIds: {} },
    )
    expect(res).toEqual({ ok: true, data: { status: 'unbound' } })
  })
})

describe('session.bindByPhone', () => {
  beforeEach(async () => {
    const _ = db.command
    await db.collection('people').where({ _id: 'p-service-03' }).update({ data: { openid: _.remove() } })
  })

  it('binds the caller to the roster entry with the verified number, once, and audits it', async () => {
    const person = (await db.collection('people').doc('p-service-03').get()).data as { mobile: string }
    phoneBook['code-1'] = person.mobile
    const before = await auditCount()
    const res = await call('wx-new-openid', 'session.bindByPhone', { code: 'code-1' })
    expect(res).toMatchObject({ ok: true, data: { status: 'bound', person: { id: 'p-service-03' } } })
    expect(await call('wx-new-openid', 'session.whoami')).toMatchObject({ ok: true, data: { status: 'bound' } })
    expect(await auditCount()).toBe(before + 1)
    // The same number cannot be bound again from another WeChat.
    phoneBook['code-2'] = person.mobile
    expect(await call('wx-other-openid', 'session.bindByPhone', { code: 'code-2' })).toMatchObject({ ok: false, error: { code: 'ALREADY_BOUND' } })
  })

  it('lets exactly one of two simultaneous binds win', async () => {
    const person = (await db.collection('people').doc('p-service-03').get()).data as { mobile: string }
    phoneBook['a'] = person.mobile
    phoneBook['b'] = person.mobile
    const results = await Promise.all([call('wx-a', 'session.bindByPhone', { code: 'a' }), call('wx-b', 'session.bindByPhone', { code: 'b' })])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.error.code === 'ALREADY_BOUND')).toHaveLength(1)
  })

  it('refuses numbers outside the roster and codes WeChat did not confirm', async () => {
    phoneBook['stranger'] = '13700000000'
    expect(await call('wx-x', 'session.bindByPhone', { code: 'stranger' })).toMatchObject({ ok: false, error: { code: 'PHONE_NOT_IN_ROSTER', message: expect.stringContaining('花名册') } })
    expect(await call('wx-x', 'session.bindByPhone', { code: 'unknown' })).toMatchObject({ ok: false, error: { code: 'PHONE_UNAVAILABLE' } })
  })

  it('is only for callers who are not bound yet', async () => {
    expect(await call(EAST_EMPLOYEE, 'session.bindByPhone', { code: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('roster.import', () => {
  const good = `${HEADER}\n新员工甲,13600000001,jia@demo-corp.example.cn,市场部,员工\n新员工乙,13600000002,yi@demo-corp.example.cn,客户服务部,员工`

  it('validates without writing when commit is false', async () => {
    const digest = cloud.database.digest()
    const res = await call(ADMIN, 'roster.import', { csv: good, commit: false })
    expect(res).toEqual({ ok: true, data: { rows: 2, errors: [], committed: false, created: 2, updated: 0 } })
    expect(cloud.database.digest()).toBe(digest)
  })

  it('imports everything on commit, with an audit entry per change', async () => {
    const before = await auditCount()
    const res = await call(ADMIN, 'roster.import', { csv: good, commit: true })
    expect(res).toEqual({ ok: true, data: { rows: 2, errors: [], committed: true, created: 2, updated: 0 } })
    const { data } = await db.collection('people').where({ mobile: '13600000001' }).get()
    expect(data[0]).toMatchObject({ name: '新员工甲', departmentId: 'dept-marketing', role: 'employee', status: 'active' })
    expect(await auditCount()).toBe(before + 2)
    const audit = (await db.collection('audit_log').where({ targetId: data[0]._id }).get()).data[0]
    expect(audit).toMatchObject({ actorId: DEMO_ADMIN_ID, action: 'roster.import', before: null, after: expect.objectContaining({ name: '新员工甲' }) })
    expect(audit.at).toBeInstanceOf(Date)
  })

  it('imports nothing when any row is bad, and reports every bad row', async () => {
    const digest = cloud.database.digest()
    const csv = `${good}\n坏数据,1234,bad,研发部,员工`
    const res = await call(ADMIN, 'roster.import', { csv, commit: true })
    expect(res).toMatchObject({ ok: false, error: { code: 'ROSTER_INVALID', message: '花名册有错误，未导入任何数据' } })
    if (!res.ok) {
      expect((res.error.details as { errors: Array<{ line: number; field: string }> }).errors.map((e) => [e.line, e.field])).toEqual([
        [4, '手机'],
        [4, '邮箱'],
        [4, '部门'],
      ])
    }
    expect(cloud.database.digest()).toBe(digest)
  })

  it('moves the head of a department in one import and records it on the department', async () => {
    const csv = `${HEADER}\n王磊,${(await db.collection('people').doc(EAST_HEAD_ID).get()).data.mobile},p.east@demo-corp.example.cn,华东销售部,员工\n新负责人,13600000009,new.head@demo-corp.example.cn,华东销售部,部门负责人`
    const res = await call(ADMIN, 'roster.import', { csv, commit: true })
    expect(res).toMatchObject({ ok: true, data: { committed: true, created: 1, updated: 1 } })
    const dept = (await db.collection('departments').doc('dept-sales-east').get()).data
    const newHead = (await db.collection('people').where({ mobile: '13600000009' }).get()).data[0]
    expect(dept.headId).toBe(newHead._id)
  })

  it('is for admins only', async () => {
    for (const openid of [EAST_HEAD, EAST_EMPLOYEE]) {
      expect(await call(openid, 'roster.import', { csv: good, commit: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行此操作' } })
    }
    expect(await call('stranger', 'roster.import', { csv: good, commit: true })).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } })
  })
})

describe('roster.listPeople', () => {
  it('gives admins everyone, paginated and masked', async () => {
    const first = await call(ADMIN, 'roster.listPeople', { page: 1, pageSize: 10 })
    expect(first).toMatchObject({ ok: true, data: { total: demoPeople.length, page: 1, pageSize: 10 } })
    if (!first.ok) return
    expect(first.data.items).toHaveLength(10)
    expect(JSON.stringify(first.data)).not.toMatch(/139\d{8}/)
    const last = await call(ADMIN, 'roster.listPeople', { page: 4, pageSize: 10 })
    if (last.ok) expect(last.data.items).toHaveLength(demoPeople.length - 30)
  })

  it('keeps heads and employees inside their own department', async () => {
    const own = await call(EAST_HEAD, 'roster.listPeople', {})
    expect(own.ok).toBe(true)
    if (own.ok) {
      expect(own.data.items.length).toBeGreaterThan(1)
      expect(own.data.items.every((p: { departmentId: string }) => p.departmentId === 'dept-sales-east')).toBe(true)
    }
    expect(await call(EAST_HEAD, 'roster.listPeople', { departmentId: 'dept-marketing' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    const colleagues = await call(EAST_EMPLOYEE, 'roster.listPeople', { status: 'left' })
    expect(colleagues).toMatchObject({ ok: true, data: { total: 9 } })
    if (colleagues.ok) expect(colleagues.data.items.every((p: { departmentId: string; status: string }) => p.departmentId === 'dept-sales-east' && p.status === 'active')).toBe(true)
    expect(await call(EAST_EMPLOYEE, 'roster.listPeople', { departmentId: 'dept-marketing' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  })

  it('finds people by part of their name, treating the keyword as text', async () => {
    const res = await call(ADMIN, 'roster.listPeople', { keyword: '王' })
    expect(res.ok && res.data.items.map((p: { name: string }) => p.name)).toEqual(['王磊'])
    const regexy = await call(ADMIN, 'roster.listPeople', { keyword: '.*' })
    expect(regexy.ok && regexy.data.total).toBe(0)
  })
})

describe('roster.addDepartment and listDepartments', () => {
  it('adds a department once and lists it with head and staff counts', async () => {
    expect(await call(ADMIN, 'roster.addDepartment', { name: '研发部' })).toMatchObject({ ok: true, data: { name: '研发部', staffCount: 0 } })
    expect(await call(ADMIN, 'roster.addDepartment', { name: ' 研发部 ' })).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_EXISTS' } })
    const list = await call(EAST_EMPLOYEE, 'roster.listDepartments', {})
    expect(list.ok).toBe(true)
    if (!list.ok) return
    const east = list.data.items.find((d: { id: string }) => d.id === 'dept-sales-east')
    expect(east).toEqual({ id: 'dept-sales-east', name: '华东销售部', headId: EAST_HEAD_ID, headName: '王磊', staffCount: 9 })
    expect(list.data.items.some((d: { name: string }) => d.name === '研发部')).toBe(true)
  })
})

describe('bad input', () => {
  const cases: Array<[string, unknown]> = [
    ['roster.import', { csv: 42, commit: true }],
    ['roster.import', { csv: 'x' }],
    ['roster.import', { csv: 'x'.repeat(90_001), commit: false }],
    ['roster.addDepartment', { name: '' }],
    ['roster.addDepartment', { name: { $gt: '' } }],
    ['roster.listPeople', { pageSize: 1000 }],
    ['roster.listPeople', { keyword: { $regex: '.*' } }],
    ['session.bindByPhone', {}],
  ]
  it.each(cases)('%s %j is refused with a Chinese message and writes nothing', async (action, payload) => {
    const digest = cloud.database.digest()
    const res = await call(ADMIN, action, payload)
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    if (!res.ok) expect(res.error.message).toMatch(/^提交的内容不符合要求/)
    expect(cloud.database.digest()).toBe(digest)
  })

  it('refuses unknown actions', async () => {
    expect(await call(ADMIN, 'roster.dropEverything', {})).toMatchObject({ ok: false, error: { code: 'BAD_ACTION', message: '不支持的操作' } })
  })
})
