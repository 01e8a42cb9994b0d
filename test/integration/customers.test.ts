import type { CustomerDetail, CustomerTimelineEntry, FollowUp } from '../../types/contract'
import { customerTodos } from '../../cloudfunctions/src/actions/customer'
import type { ActionContext } from '../../cloudfunctions/src/core/context'
import type { Database, DocData, Transaction } from '../../cloudfunctions/src/core/sdk-types'
import type { PersonDoc } from '../../cloudfunctions/src/repos/people'
import { apiCaller } from '../support/api'
import { cast, giveAccount, openidOf } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as

/** A Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`)

const owner = cast.eastEmployee

const basics = { name: '周建国', company: '杭州远望贸易有限公司', phone: '13800000001', source: 'self_added', tags: ['重点客户', '华东'], consent: true }

async function must<T = any>(promise: Promise<{ ok: boolean; data?: T; error?: { code: string } }>): Promise<T> {
  const res = await promise
  if (!res.ok) throw new Error(`refused: ${res.error?.code}`)
  return res.data as T
}

async function file(by: string = owner, extra: Record<string, unknown> = {}): Promise<CustomerDetail> {
  return must(as(by)('customer.create', { ...basics, ...extra }))
}

async function total(collection: string, where: Record<string, unknown> = {}): Promise<number> {
  return (await world.db.collection(collection).where(where).count()).total
}

async function stored(collection: string, id: string): Promise<Record<string, any>> {
  return (await world.db.collection(collection).doc(id).get()).data as Record<string, any>
}

/** A refusal must leave the database exactly as it was. */
async function expectRefusal(call: Promise<{ ok: boolean; error?: { code: string } }>, code: string): Promise<void> {
  const before = world.cloud.database.digest()
  expect(await call).toMatchObject({ ok: false, error: { code } })
  expect(world.cloud.database.digest()).toBe(before)
}

const kinds = (timeline: CustomerTimelineEntry[]) => timeline.map((e) => `${e.kind}:${e.on}`)

describe('filing a customer', () => {
  it('keeps the consent with its time, files it under the caller, and shows the phone masked in lists only', async () => {
    world.now = sh('2026-11-27T10:15:00')
    const detail = await file()
    expect(detail).toMatchObject({
      name: '周建国',
      company: '杭州远望贸易有限公司',
      phone: '13800000001',
      phoneMasked: '138****0001',
      source: 'self_added',
      tags: ['重点客户', '华东'],
      ownerId: owner,
      ownerName: '李娜',
      departmentId: 'dept-sales-east',
      departmentName: '华东销售部',
      addedByName: '李娜',
      consentAt: '2026-11-27T02:15:00.000Z',
      lastContactOn: null,
      nextFollowUpOn: null,
      canWrite: true,
      openFollowUps: [],
      timeline: [],
      timelineTotal: 0,
      stats: { contacts: 0, followUpsOpen: 0, followUpsOnTime: 0, followUpsLate: 0, followUpsOverdue: 0, feedbackCount: 0, averageSatisfaction: null, complaints: 0 },
    })
    const doc = await stored('customers', detail.id)
    expect(doc).toMatchObject({ ownerId: owner, departmentId: 'dept-sales-east', consentAt: sh('2026-11-27T10:15:00') })
    const [audit] = (await world.db.collection('audit_log').where({ action: 'customer.create' }).get()).data as Array<Record<string, any>>
    expect(audit).toMatchObject({ actorId: owner, targetId: detail.id, after: { consent: true, consentAt: '2026-11-27T02:15:00.000Z' } })
    expect(JSON.stringify(audit)).not.toContain('13800000001')

    const list = await must(as(owner)('customer.list', {}))
    expect(list).toMatchObject({ total: 1, items: [{ id: detail.id, phoneMasked: '138****0001' }] })
    expect(list.items[0]).not.toHaveProperty('phone')
  })

  it('takes a customer with only a name, leaving the rest empty', async () => {
    const detail = await file(owner, { company: undefined, phone: undefined, tags: undefined, source: 'customer_added' })
    expect(detail).toMatchObject({ company: null, phone: null, phoneMasked: null, tags: [], source: 'customer_added' })
  })

  it('refuses without the consent, or with a bad phone or tags, writing nothing', async () => {
    await expectRefusal(as(owner)('customer.create', { ...basics, consent: false }), 'BAD_INPUT')
    const { consent: _consent, ...withoutConsent } = basics
    await expectRefusal(as(owner)('customer.create', withoutConsent), 'BAD_INPUT')
    await expectRefusal(as(owner)('customer.create', { ...basics, phone: '12345' }), 'BAD_INPUT')
    await expectRefusal(as(owner)('customer.create', { ...basics, tags: ['一', '二', '三', '四', '五', '六', '七', '八', '九'] }), 'BAD_INPUT')
    await expectRefusal(as(owner)('customer.create', { ...basics, tags: ['这个标签写得实在是太长太长了'] }), 'BAD_INPUT')
    await expectRefusal(as(owner)('customer.create', { ...basics, tags: ['华东', '华东'] }), 'BAD_INPUT')
    await expectRefusal(as(owner)('customer.create', { ...basics, source: 'cold_call' }), 'BAD_INPUT')
    const res = await as(owner)('customer.create', { ...basics, consent: false })
    expect(res).toMatchObject({ ok: false, error: { message: expect.stringContaining('请确认已做自我介绍并征得客户同意') } })
    expect(await total('customers')).toBe(0)
  })

  it('refuses the same phone number twice in one person’s files, but not in a colleague’s', async () => {
    await file()
    await expectRefusal(as(owner)('customer.create', { ...basics, name: '周总' }), 'CUSTOMER_DUPLICATE')
    await file(cast.eastColleague)
    expect(await total('customers')).toBe(2)
  })

  it('lets the owner correct the basic information, and nobody else', async () => {
    const { id } = await file()
    await expectRefusal(as(cast.eastHead)('customer.update', { customerId: id, ...basics, consent: undefined, name: '改名' }), 'BAD_INPUT')
    const { consent: _c, ...fields } = basics
    await expectRefusal(as(cast.eastHead)('customer.update', { customerId: id, ...fields, name: '改名' }), 'FORBIDDEN')
    await expectRefusal(as(cast.admin)('customer.update', { customerId: id, ...fields, name: '改名' }), 'FORBIDDEN')
    await expectRefusal(as(cast.eastColleague)('customer.update', { customerId: id, ...fields, name: '改名' }), 'NOT_FOUND')
    const updated = await must<CustomerDetail>(as(owner)('customer.update', { customerId: id, name: '周建国', source: 'referral', tags: ['老客户'], phone: '13900000002' }))
    expect(updated).toMatchObject({ company: null, phone: '13900000002', source: 'referral', tags: ['老客户'] })
    expect(await stored('customers', id)).toMatchObject({ company: null, phone: '13900000002', tags: ['老客户'] })
  })
})

describe('who sees a customer file', () => {
  it('shows it in full to the owner, their head and admins; other heads are out of scope and colleagues never learn it exists', async () => {
    const { id } = await file()
    for (const who of [owner, cast.eastHead, cast.admin]) {
      expect(await as(who)('customer.get', { customerId: id })).toMatchObject({ ok: true, data: { id, phone: '13800000001', canWrite: who === owner } })
    }
    await expectRefusal(as(cast.southHead)('customer.get', { customerId: id }), 'OUT_OF_SCOPE')
    await expectRefusal(as(cast.eastColleague)('customer.get', { customerId: id }), 'NOT_FOUND')
    await expectRefusal(as(cast.serviceEmployee)('customer.get', { customerId: id }), 'NOT_FOUND')
    await expectRefusal(as(owner)('customer.get', { customerId: 'cust-nope' }), 'NOT_FOUND')
  })

  it('lets only the owner write to the file', async () => {
    const { id } = await file()
    const payloads: Array<[string, Record<string, unknown>]> = [
      ['customer.logContact', { customerId: id, on: '2026-11-27', channel: 'wechat', summary: '介绍新品' }],
      ['customer.planFollowUp', { customerId: id, dueOn: '2026-11-30', what: '发报价' }],
      ['customer.addFeedback', { customerId: id, on: '2026-11-27', satisfaction: 4, complaint: false }],
    ]
    for (const [action, payload] of payloads) {
      await expectRefusal(as(cast.eastHead)(action, payload), 'FORBIDDEN')
      await expectRefusal(as(cast.admin)(action, payload), 'FORBIDDEN')
      await expectRefusal(as(cast.southHead)(action, payload), 'OUT_OF_SCOPE')
      await expectRefusal(as(cast.eastColleague)(action, payload), 'NOT_FOUND')
    }
    const detail = await must<CustomerDetail>(as(owner)('customer.planFollowUp', { customerId: id, dueOn: '2026-11-30', what: '发报价' }))
    const followUpId = detail.openFollowUps[0]!.id
    await expectRefusal(as(cast.eastHead)('customer.closeFollowUp', { followUpId, outcome: 'done' }), 'FORBIDDEN')
    await expectRefusal(as(cast.eastColleague)('customer.closeFollowUp', { followUpId, outcome: 'done' }), 'NOT_FOUND')
  })
})

describe('the timeline', () => {
  it('merges communications, closed follow-ups and feedback newest first, with the counts', async () => {
    world.now = sh('2026-11-20T09:00:00')
    const { id } = await file()
    await must(as(owner)('customer.logContact', { customerId: id, on: '2026-11-18', channel: 'meeting', summary: '展会上认识，交换名片' }))
    await must(as(owner)('customer.logContact', { customerId: id, on: '2026-11-20', channel: 'wechat', summary: '发送产品目录', nextStep: '周五前报价' }))
    let detail = await must<CustomerDetail>(as(owner)('customer.planFollowUp', { customerId: id, dueOn: '2026-11-23', what: '电话确认报价' }))
    expect(detail.nextFollowUpOn).toBe('2026-11-23')
    detail = await must<CustomerDetail>(as(owner)('customer.planFollowUp', { customerId: id, dueOn: '2026-11-21', what: '发送报价单' }))
    expect(detail.nextFollowUpOn).toBe('2026-11-21')
    detail = await must<CustomerDetail>(as(owner)('customer.planFollowUp', { customerId: id, dueOn: '2026-11-25', what: '约见面' }))
    detail = await must<CustomerDetail>(as(owner)('customer.planFollowUp', { customerId: id, dueOn: '2026-12-10', what: '年底回访' }))
    expect(detail.openFollowUps.map((f: FollowUp) => [f.dueOn, f.state])).toEqual([
      ['2026-11-21', 'planned'],
      ['2026-11-23', 'planned'],
      ['2026-11-25', 'planned'],
      ['2026-12-10', 'planned'],
    ])
    const [quote, call, visit, yearEnd] = detail.openFollowUps

    // The quote goes out on its due day, at 23:59 Shanghai time: on time.
    world.now = sh('2026-11-21T23:59:00')
    detail = await must(as(owner)('customer.closeFollowUp', { followUpId: quote!.id, outcome: 'done', note: '已发' }))
    expect(detail.nextFollowUpOn).toBe('2026-11-23')
    // The call is made a minute after its due day ends: late.
    world.now = sh('2026-11-24T00:01:00')
    detail = await must(as(owner)('customer.closeFollowUp', { followUpId: call!.id, outcome: 'done' }))
    world.now = sh('2026-11-24T10:00:00')
    detail = await must(as(owner)('customer.closeFollowUp', { followUpId: yearEnd!.id, outcome: 'cancelled', note: '客户改为明年初再联系' }))
    expect(detail.nextFollowUpOn).toBe('2026-11-25')
    // Entries of one day stand in the order they were recorded, the latest on top.
    world.now = sh('2026-11-24T11:00:00')
    await must(as(owner)('customer.addFeedback', { customerId: id, on: '2026-11-24', satisfaction: 5, complaint: false, content: '报价清楚' }))
    world.now = sh('2026-11-24T11:05:00')
    await must(as(owner)('customer.addFeedback', { customerId: id, on: '2026-11-24', satisfaction: 2, complaint: true, content: '送货晚了两天' }))

    world.now = sh('2026-11-27T10:00:00')
    detail = await must(as(cast.eastHead)('customer.get', { customerId: id }))
    expect(kinds(detail.timeline)).toEqual([
      'feedback:2026-11-24',
      'feedback:2026-11-24',
      'followUp:2026-11-24',
      'followUp:2026-11-24',
      'followUp:2026-11-21',
      'contact:2026-11-20',
      'contact:2026-11-18',
    ])
    const followUps = detail.timeline.flatMap((e) => (e.kind === 'followUp' ? [e.followUp] : []))
    expect(followUps.map((f) => [f.what, f.state, f.onTime, f.note])).toEqual([
      ['年底回访', 'cancelled', null, '客户改为明年初再联系'],
      ['电话确认报价', 'done_late', false, null],
      ['发送报价单', 'done_on_time', true, '已发'],
    ])
    expect(detail.timeline[0]).toMatchObject({ kind: 'feedback', satisfaction: 2, complaint: true, content: '送货晚了两天', byName: '李娜' })
    expect(detail.timeline[5]).toMatchObject({ kind: 'contact', channel: 'wechat', summary: '发送产品目录', nextStep: '周五前报价' })
    expect(detail.openFollowUps.map((f) => [f.id, f.state, f.daysOverdue])).toEqual([[visit!.id, 'overdue', 2]])
    expect(detail.stats).toEqual({ contacts: 2, followUpsOpen: 1, followUpsOnTime: 1, followUpsLate: 1, followUpsOverdue: 1, feedbackCount: 2, averageSatisfaction: 3.5, complaints: 1 })
    expect(detail).toMatchObject({ lastContactOn: '2026-11-20', complaintCount: 1, timelineTotal: 7, canWrite: false })
  })

  it('keeps the latest contact date when an older communication is logged late', async () => {
    const { id } = await file()
    await must(as(owner)('customer.logContact', { customerId: id, on: '2026-11-26', channel: 'phone', summary: '电话沟通需求' }))
    const detail = await must<CustomerDetail>(as(owner)('customer.logContact', { customerId: id, on: '2026-11-02', channel: 'email', summary: '补记：首次邮件' }))
    expect(detail.lastContactOn).toBe('2026-11-26')
  })

  it('shows the newest hundred entries and says how many there are', async () => {
    const { id } = await file()
    const contacts = Array.from({ length: 104 }, (_, i) => ({
      _id: `contact-bulk-${String(i).padStart(3, '0')}`,
      customerId: id,
      ownerId: owner,
      departmentId: 'dept-sales-east',
      byName: '李娜',
      on: `2026-${i < 52 ? '10' : '11'}-${String((i % 26) + 1).padStart(2, '0')}`,
      channel: 'wechat',
      summary: `第${i}次沟通`,
      nextStep: null,
      createdAt: new Date(Date.UTC(2026, 9, 1) + i * 60_000),
    }))
    await world.db.collection('customer_contacts').add({ data: contacts })
    await world.db.collection('customers').doc(id).update({ data: { contactCount: 104 } })
    const detail = await must<CustomerDetail>(as(owner)('customer.addFeedback', { customerId: id, on: '2026-11-27', satisfaction: 4, complaint: false }))
    expect(detail.timeline).toHaveLength(100)
    expect(detail.timelineTotal).toBe(105)
    expect(detail.timeline[0]).toMatchObject({ kind: 'feedback', on: '2026-11-27' })
    const dates = detail.timeline.map((e) => e.on)
    expect([...dates].sort().reverse()).toEqual(dates)
    // The five oldest are left out: both of 10-01 and of 10-02, and one of the two 10-03.
    expect(detail.timeline.filter((e) => e.on <= '2026-10-02')).toEqual([])
    expect(detail.timeline.filter((e) => e.on === '2026-10-03')).toHaveLength(1)
  })

  it('refuses what cannot be: communications in the future, follow-ups in the past or over a year ahead, complaints without content', async () => {
    const { id } = await file()
    await expectRefusal(as(owner)('customer.logContact', { customerId: id, on: '2026-11-28', channel: 'wechat', summary: '明天的事' }), 'DATE_IN_FUTURE')
    await expectRefusal(as(owner)('customer.logContact', { customerId: id, on: '2026-11-27', channel: 'fax', summary: '传真' }), 'BAD_INPUT')
    await expectRefusal(as(owner)('customer.logContact', { customerId: id, on: '2026-11-27', channel: 'wechat', summary: '长'.repeat(301) }), 'BAD_INPUT')
    await expectRefusal(as(owner)('customer.planFollowUp', { customerId: id, dueOn: '2026-11-26', what: '昨天的事' }), 'FOLLOW_UP_DATE_INVALID')
    await expectRefusal(as(owner)('customer.planFollowUp', { customerId: id, dueOn: '2027-11-29', what: '太远了' }), 'FOLLOW_UP_DATE_INVALID')
    await expectRefusal(as(owner)('customer.planFollowUp', { customerId: id, dueOn: '2026-11-31', what: '不存在的日子' }), 'BAD_INPUT')
    await expectRefusal(as(owner)('customer.addFeedback', { customerId: id, on: '2026-11-27', satisfaction: 1, complaint: true }), 'BAD_INPUT')
    await expectRefusal(as(owner)('customer.addFeedback', { customerId: id, on: '2026-11-27', satisfaction: 6, complaint: false }), 'BAD_INPUT')
    await expectRefusal(as(owner)('customer.addFeedback', { customerId: id, on: '2026-11-28', satisfaction: 3, complaint: false }), 'DATE_IN_FUTURE')
    expect(await must(as(owner)('customer.planFollowUp', { customerId: id, dueOn: '2026-11-27', what: '今天就办' }))).toMatchObject({ openFollowUps: [{ state: 'due_today' }] })
  })

  it('closes a follow-up once; the second tap changes nothing', async () => {
    const { id } = await file()
    const planned = await must<CustomerDetail>(as(owner)('customer.planFollowUp', { customerId: id, dueOn: '2026-11-30', what: '发报价' }))
    const followUpId = planned.openFollowUps[0]!.id
    const results = await Promise.all([
      as(owner)('customer.closeFollowUp', { followUpId, outcome: 'done' }),
      as(owner)('customer.closeFollowUp', { followUpId, outcome: 'cancelled' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'INVALID_STATE' } })
    await expectRefusal(as(owner)('customer.closeFollowUp', { followUpId, outcome: 'done' }), 'INVALID_STATE')
    const doc = await stored('customers', id)
    expect(doc.openFollowUps).toBe(0)
    expect(doc.nextFollowUpOn).toBeNull()
    expect(doc.followUpsOnTime + (await total('follow_ups', { status: 'cancelled' }))).toBe(1)
  })

  it('counts every one of writes made at once to one customer (the same person on two devices, a double tap)', async () => {
    const { id } = await file()
    const results = await Promise.all([
      as(owner)('customer.logContact', { customerId: id, on: '2026-11-27', channel: 'wechat', summary: '手机上记录' }),
      as(owner)('customer.logContact', { customerId: id, on: '2026-11-26', channel: 'phone', summary: '电脑上记录' }),
      as(owner)('customer.addFeedback', { customerId: id, on: '2026-11-27', satisfaction: 5, complaint: false }),
    ])
    expect(results.map((r) => r.ok)).toEqual([true, true, true])
    expect(await total('customer_contacts', { customerId: id })).toBe(2)
    expect(await stored('customers', id)).toMatchObject({ contactCount: 2, lastContactOn: '2026-11-27', feedbackCount: 1, satisfactionSum: 5 })
  })
})

describe('finding customers', () => {
  async function several() {
    const a = await file(owner, { name: '周建国', company: '杭州远望贸易', phone: '13800000001', tags: ['重点客户'] })
    const b = await file(owner, { name: '吴晓', company: '宁波海星科技', phone: '13800000002', tags: ['展会'] })
    const c = await file(owner, { name: '郑伟', company: undefined, phone: undefined, tags: ['重点客户', '老客户'] })
    const d = await file(cast.eastColleague, { name: '周敏敏', company: '杭州远望贸易', phone: '13800000003', tags: [] })
    const e = await file(cast.southHead, { name: '陈南', company: '广州南风', phone: '13800000004', tags: [] })
    return { a, b, c, d, e }
  }
  const names = (res: { items: Array<{ name: string }> }) => res.items.map((i) => i.name).sort()

  it('searches one’s own by name, company, tag or whole phone number', async () => {
    await several()
    expect(names(await must(as(owner)('customer.list', { keyword: '周' })))).toEqual(['周建国'])
    expect(names(await must(as(owner)('customer.list', { keyword: '远望' })))).toEqual(['周建国'])
    expect(names(await must(as(owner)('customer.list', { keyword: '重点' })))).toEqual(['周建国', '郑伟'])
    expect(names(await must(as(owner)('customer.list', { keyword: '13800000002' })))).toEqual(['吴晓'])
    expect(names(await must(as(owner)('customer.list', { keyword: '1380000' })))).toEqual([])
    expect(names(await must(as(owner)('customer.list', { keyword: '.*' })))).toEqual([])
  })

  it('pages newest-worked first', async () => {
    const { a, b, c } = await several()
    world.now = sh('2026-11-27T11:00:00')
    await must(as(owner)('customer.logContact', { customerId: a.id, on: '2026-11-27', channel: 'phone', summary: '回访' }))
    const first = await must(as(owner)('customer.list', { page: 1, pageSize: 2 }))
    const second = await must(as(owner)('customer.list', { page: 2, pageSize: 2 }))
    expect(first.total).toBe(3)
    expect(first.items.map((i: { id: string }) => i.id)[0]).toBe(a.id)
    expect([...first.items, ...second.items].map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id, c.id].sort())
  })

  it('gives heads their department, admins everyone (by department if asked), and employees nothing beyond their own', async () => {
    await several()
    expect(names(await must(as(cast.eastHead)('customer.list', { scope: 'managed' })))).toEqual(['吴晓', '周建国', '周敏敏', '郑伟'])
    expect(names(await must(as(cast.eastHead)('customer.list', { scope: 'managed', keyword: '远望' })))).toEqual(['周建国', '周敏敏'])
    expect(names(await must(as(cast.admin)('customer.list', { scope: 'managed' })))).toHaveLength(5)
    expect(names(await must(as(cast.admin)('customer.list', { scope: 'managed', departmentId: 'dept-sales-south' })))).toEqual(['陈南'])
    const managed = await must(as(cast.eastHead)('customer.list', { scope: 'managed', keyword: '周建国' }))
    expect(managed.items[0]).toMatchObject({ ownerName: '李娜', departmentName: '华东销售部', phoneMasked: '138****0001' })
    await expectRefusal(as(owner)('customer.list', { scope: 'managed' }), 'FORBIDDEN')
    await expectRefusal(as(cast.eastHead)('customer.list', { scope: 'managed', departmentId: 'dept-sales-south' }), 'OUT_OF_SCOPE')
    expect(names(await must(as(cast.eastHead)('customer.list', {})))).toEqual([])
  })

  it('filters to customers with a follow-up due, or with a complaint', async () => {
    const { a, b, c } = await several()
    await must(as(owner)('customer.planFollowUp', { customerId: a.id, dueOn: '2026-11-27', what: '今天打电话' }))
    await must(as(owner)('customer.planFollowUp', { customerId: b.id, dueOn: '2026-11-28', what: '明天发资料' }))
    await must(as(owner)('customer.addFeedback', { customerId: c.id, on: '2026-11-27', satisfaction: 1, complaint: true, content: '服务态度差' }))
    expect(names(await must(as(owner)('customer.list', { filter: 'due' })))).toEqual(['周建国'])
    world.now = sh('2026-11-28T08:00:00')
    expect(names(await must(as(owner)('customer.list', { filter: 'due' })))).toEqual(['吴晓', '周建国'])
    expect(names(await must(as(owner)('customer.list', { filter: 'complaints' })))).toEqual(['郑伟'])
  })
})

describe('follow-ups due', () => {
  async function plan(by: string, name: string, dueOn: string, what = '跟进') {
    world.now = sh('2026-11-20T09:00:00')
    const c = await file(by, { name, phone: undefined })
    const detail = await must<CustomerDetail>(as(by)('customer.planFollowUp', { customerId: c.id, dueOn, what }))
    world.now = sh('2026-11-27T10:00:00')
    return { customer: c, followUp: detail.openFollowUps[0]! }
  }

  it('lists the caller’s due today and overdue, the longest waiting first, and heads their department’s overdue', async () => {
    await plan(owner, '今天的客户', '2026-11-27', '确认订单')
    await plan(owner, '逾期的客户', '2026-11-24', '催款')
    await plan(owner, '下周的客户', '2026-12-02')
    await plan(cast.eastColleague, '同事的客户', '2026-11-25', '送样品')
    await plan(cast.southHead, '华南的客户', '2026-11-20')

    const mine = await must(as(owner)('customer.listFollowUps', {}))
    expect(mine.items.map((f: FollowUp) => [f.customerName, f.state, f.daysOverdue])).toEqual([
      ['逾期的客户', 'overdue', 3],
      ['今天的客户', 'due_today', 0],
    ])
    expect(await must(as(owner)('customer.listFollowUps', { window: 'open' }))).toMatchObject({ total: 3 })

    const department = await must(as(cast.eastHead)('customer.listFollowUps', { scope: 'managed', window: 'overdue' }))
    expect(department.items.map((f: FollowUp) => [f.customerName, f.ownerName, f.daysOverdue])).toEqual([
      ['逾期的客户', '李娜', 3],
      ['同事的客户', '张伟', 2],
    ])
    expect(await must(as(cast.admin)('customer.listFollowUps', { scope: 'managed', window: 'overdue' }))).toMatchObject({ total: 3 })
    await expectRefusal(as(owner)('customer.listFollowUps', { scope: 'managed' }), 'FORBIDDEN')
    await expectRefusal(as(cast.southHead)('customer.listFollowUps', { scope: 'managed', departmentId: 'dept-sales-east' }), 'OUT_OF_SCOPE')
  })

  it('turns due today into overdue at midnight Shanghai time', async () => {
    await plan(owner, '周五的客户', '2026-11-27')
    world.now = new Date('2026-11-27T15:59:59Z')
    expect(await must(as(owner)('customer.listFollowUps', {}))).toMatchObject({ items: [{ state: 'due_today', daysOverdue: 0 }] })
    world.now = new Date('2026-11-27T16:00:00Z')
    expect(await must(as(owner)('customer.listFollowUps', {}))).toMatchObject({ items: [{ state: 'overdue', daysOverdue: 1 }] })
  })

  it('puts one to-do per customer on the caller’s list', async () => {
    const due = await plan(owner, '张三', '2026-11-27', '确认订单')
    const late = await plan(owner, '李四', '2026-11-25', '催款')
    world.now = sh('2026-11-20T09:00:00')
    await must(as(owner)('customer.planFollowUp', { customerId: late.customer.id, dueOn: '2026-11-26', what: '送合同' }))
    await plan(owner, '王五', '2026-11-30')
    await plan(cast.eastColleague, '赵六', '2026-11-20')

    const person = (await world.db.collection('people').doc(owner).get()).data as unknown as PersonDoc
    const ctx: ActionContext = {
      db: world.db,
      now: () => world.now,
      openid: () => openidOf(owner),
      phone: { resolve: async () => null },
      messages: { send: async () => undefined },
      templateIds: {},
      caller: { kind: 'person', openid: openidOf(owner), person },
      action: 'todo.list',
    }
    expect(await customerTodos(ctx)).toEqual([
      { kind: 'customer', id: late.customer.id, title: '跟进客户：李四（已逾期2天）', subtitle: '催款（另有1项待跟进）', statusLabel: '已逾期', since: '2026-11-24T16:00:00.000Z' },
      { kind: 'customer', id: due.customer.id, title: '跟进客户：张三（今天到期）', subtitle: '确认订单', statusLabel: '今天到期', since: '2026-11-26T16:00:00.000Z' },
    ])
  })
})

describe('the self-introduction template', () => {
  it('starts from the built-in wording, and only admins change it', async () => {
    expect(await must(as(owner)('customer.getSelfIntroduction', {}))).toMatchObject({ isDefault: true, template: expect.stringContaining('{姓名}'), updatedAt: null })
    const template = '您好，我是示例科技{部门}的{姓名}，想添加您为好友以便沟通合作事宜。'
    await expectRefusal(as(cast.eastHead)('customer.updateSelfIntroduction', { template }), 'FORBIDDEN')
    await expectRefusal(as(cast.admin)('customer.updateSelfIntroduction', { template: '您好，我是示例科技的销售，想添加您。' }), 'BAD_INPUT')
    await expectRefusal(as(cast.admin)('customer.updateSelfIntroduction', { template: '您好，我是{姓名}，想添加您为好友。' }), 'BAD_INPUT')
    expect(await must(as(cast.admin)('customer.updateSelfIntroduction', { template }))).toMatchObject({ template, isDefault: false, updatedByName: '陈静' })
    expect(await must(as(owner)('customer.getSelfIntroduction', {}))).toEqual({ template, isDefault: false, updatedAt: world.now.toISOString(), updatedByName: '陈静' })
    expect(await total('audit_log', { action: 'customer.updateSelfIntroduction' })).toBe(1)
  })
})

/**
 * The WeChat database under a handover close: the same, except that one document operation
 * inside transactions fails (a network error, a document gone), to see that nothing of a
 * half-done close is kept.
 */
function failingInTransactions(db: Database, fail: { collection: string; nth: number; how: 'throw' | 'vanish' }): Database {
  let seen = 0
  const wrapTx = (tx: Transaction): Transaction => ({
    rollback: (reason) => tx.rollback(reason),
    collection: <T = DocData>(name: string) => {
      const coll = tx.collection<T>(name)
      return {
        add: (options: { data: DocData }) => coll.add(options),
        doc: (id: string) => {
          const ref = coll.doc(id)
          return {
            get: () => ref.get(),
            set: (options: { data: DocData }) => ref.set(options),
            remove: () => ref.remove(),
            update: async (options: { data: DocData }) => {
              if (name === fail.collection && ++seen === fail.nth) {
                if (fail.how === 'throw') throw new Error('network lost part way')
                return { stats: { updated: 0 } }
              }
              return ref.update(options)
            },
          }
        },
      }
    },
  })
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'runTransaction') {
        return <R>(callback: (tx: Transaction) => Promise<R>, times?: number) => target.runTransaction((tx) => callback(wrapTx(tx)), times)
      }
      const value = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('customers in an account handover', () => {
  const receiver = cast.serviceEmployee
  let accountId: string
  let handoverId: string

  /** A handover of 李娜's account to 客户服务部's 韩冰, ready to close. */
  async function readyToClose(): Promise<void> {
    accountId = await giveAccount(world.db, owner, 'lina_sales01')
    handoverId = (await must<{ id: string }>(as(owner)('handover.start', { accountId, leaving: true, reason: '李娜离职，客户交给韩冰' }))).id
    await must(as(cast.eastHead)('handover.designate', { id: handoverId, receiverId: receiver }))
    for (const item of ['customers_transferred', 'personal_unbound', 'personal_info_cleared']) await must(as(owner)('handover.tick', { id: handoverId, item }))
    await must(as(cast.admin)('handover.tick', { id: handoverId, item: 'password_changed' }))
    await must(as(receiver)('handover.tick', { id: handoverId, item: 'receipt_confirmed' }))
  }

  /** Two customers with history and open follow-ups, and a colleague's customer that must not move. */
  async function customersWithHistory() {
    world.now = sh('2026-11-20T09:00:00')
    const first = await file(owner, { name: '周建国', phone: '13800000001' })
    const second = await file(owner, { name: '吴晓', phone: '13800000002' })
    const colleagues = await file(cast.eastColleague, { name: '同事的客户', phone: '13800000009' })
    await must(as(owner)('customer.logContact', { customerId: first.id, on: '2026-11-20', channel: 'meeting', summary: '拜访客户' }))
    world.now = sh('2026-11-20T10:00:00')
    await must(as(owner)('customer.addFeedback', { customerId: first.id, on: '2026-11-20', satisfaction: 4, complaint: false }))
    const withDone = await must<CustomerDetail>(as(owner)('customer.planFollowUp', { customerId: first.id, dueOn: '2026-11-21', what: '发报价' }))
    world.now = sh('2026-11-20T11:00:00')
    await must(as(owner)('customer.closeFollowUp', { followUpId: withDone.openFollowUps[0]!.id, outcome: 'done' }))
    await must(as(owner)('customer.planFollowUp', { customerId: first.id, dueOn: '2026-11-30', what: '确认合同' }))
    await must(as(owner)('customer.planFollowUp', { customerId: second.id, dueOn: '2026-11-26', what: '回访' }))
    world.now = sh('2026-11-27T10:00:00')
    return { first, second, colleagues }
  }

  async function owners(collection: string, where: Record<string, unknown>) {
    const { data } = await world.db.collection(collection).where(where).get()
    return (data as Array<{ ownerId: string; departmentId: string }>).map((d) => `${d.ownerId}@${d.departmentId}`).sort()
  }

  it('moves every customer of the holder with their open follow-ups to the receiver, who then sees them with their history', async () => {
    const { first, second, colleagues } = await customersWithHistory()
    await readyToClose()
    expect(await as(cast.admin)('handover.close', { id: handoverId, outcome: 'transfer' })).toMatchObject({ ok: true, data: { status: 'closed' } })

    const moved = `${receiver}@dept-service`
    expect(await owners('customers', { _id: world.db.command.in([first.id, second.id]) })).toEqual([moved, moved])
    expect(await owners('follow_ups', { status: 'planned' })).toEqual([moved, moved])
    // History stays as it was recorded, by whom and where.
    expect(await owners('follow_ups', { status: 'done' })).toEqual([`${owner}@dept-sales-east`])
    expect(await owners('customer_contacts', {})).toEqual([`${owner}@dept-sales-east`])
    expect(await owners('customer_feedback', {})).toEqual([`${owner}@dept-sales-east`])
    expect((await stored('customers', colleagues.id)).ownerId).toBe(cast.eastColleague)

    const list = await must(as(receiver)('customer.list', {}))
    expect(list.items.map((c: { name: string }) => c.name).sort()).toEqual(['吴晓', '周建国'])
    const detail = await must<CustomerDetail>(as(receiver)('customer.get', { customerId: first.id }))
    expect(detail).toMatchObject({ ownerName: '韩冰', departmentName: '客户服务部', canWrite: true, phone: '13800000001' })
    expect(kinds(detail.timeline)).toEqual(['followUp:2026-11-20', 'feedback:2026-11-20', 'contact:2026-11-20'])
    expect(detail.timeline.find((e) => e.kind === 'contact')).toMatchObject({ byName: '李娜', summary: '拜访客户' })
    expect(detail.openFollowUps.map((f) => [f.what, f.ownerName])).toEqual([['确认合同', '韩冰']])
    expect(await must(as(receiver)('customer.listFollowUps', {}))).toMatchObject({ total: 1, items: [{ customerName: '吴晓', state: 'overdue' }] })
    // The receiver's head now oversees them; the old head no longer does.
    expect(await as(cast.eastHead)('customer.get', { customerId: first.id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as('p-service-01')('customer.get', { customerId: first.id })).toMatchObject({ ok: true })
    expect(await must(as(receiver)('customer.logContact', { customerId: first.id, on: '2026-11-27', channel: 'phone', summary: '告知对接人变更' }))).toMatchObject({ stats: { contacts: 2 } })
    const [audit] = (await world.db.collection('audit_log').where({ action: 'handover.close', targetCollection: 'customers' }).get()).data as Array<Record<string, any>>
    expect(audit).toMatchObject({ targetId: owner, after: { ownerId: receiver, departmentId: 'dept-service', followUpCount: 2 } })
    expect([...audit.after.customerIds].sort()).toEqual([first.id, second.id].sort())
  })

  it('closes without touching customers when the account is closed instead', async () => {
    const { first } = await customersWithHistory()
    await readyToClose()
    await must(as(cast.admin)('handover.close', { id: handoverId, outcome: 'close' }))
    expect((await stored('customers', first.id)).ownerId).toBe(owner)
  })

  it.each([
    ['a failure part way through the follow-ups', { collection: 'follow_ups', nth: 2, how: 'throw' as const }, 'INTERNAL'],
    ['a customer gone part way through', { collection: 'customers', nth: 2, how: 'vanish' as const }, 'CONFLICT'],
  ])('moves nothing, and closes nothing, after %s', async (_what, fail, code) => {
    // The failure is logged as a server error; that is expected here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    await customersWithHistory()
    await readyToClose()
    const before = world.cloud.database.digest()
    const call = apiCaller(failingInTransactions(world.db, fail), { now: () => world.now })
    expect(await call(openidOf(cast.admin), 'handover.close', { id: handoverId, outcome: 'transfer' })).toMatchObject({ ok: false, error: { code } })
    expect(world.cloud.database.digest()).toBe(before)
    expect(await owners('follow_ups', { status: 'planned' })).toEqual([`${owner}@dept-sales-east`, `${owner}@dept-sales-east`])
    expect(await stored('handovers', handoverId)).toMatchObject({ status: 'in_progress' })
    expect(await stored('accounts', accountId)).toMatchObject({ holderId: owner, status: 'handing_over' })
    expect(await stored('people', owner)).toMatchObject({ status: 'active' })

    // Once the database behaves, the same close goes through whole.
    expect(await as(cast.admin)('handover.close', { id: handoverId, outcome: 'transfer' })).toMatchObject({ ok: true })
    expect(await owners('follow_ups', { status: 'planned' })).toEqual([`${receiver}@dept-service`, `${receiver}@dept-service`])
    quiet.mockRestore()
  })

  it('refuses a move too large for one transaction rather than move half', async () => {
    const now = new Date()
    const many = Array.from({ length: 401 }, (_, i) => ({
      _id: `cust-bulk-${String(i).padStart(3, '0')}`,
      name: `客户${i}`,
      company: null,
      phone: null,
      source: 'other',
      tags: [],
      ownerId: owner,
      departmentId: 'dept-sales-east',
      addedById: owner,
      addedByName: '李娜',
      consentAt: now,
      contactCount: 0,
      lastContactOn: null,
      openFollowUps: 0,
      nextFollowUpOn: null,
      followUpsOnTime: 0,
      followUpsLate: 0,
      feedbackCount: 0,
      satisfactionSum: 0,
      complaintCount: 0,
      createdAt: now,
      updatedAt: now,
    }))
    await world.db.collection('customers').add({ data: many })
    await readyToClose()
    await expectRefusal(as(cast.admin)('handover.close', { id: handoverId, outcome: 'transfer' }), 'TOO_MANY_CUSTOMERS')
    expect(await total('customers', { ownerId: owner })).toBe(401)

    await world.db.collection('customers').doc('cust-bulk-400').remove()
    expect(await as(cast.admin)('handover.close', { id: handoverId, outcome: 'transfer' })).toMatchObject({ ok: true })
    expect(await total('customers', { ownerId: receiver })).toBe(400)
  })
})
