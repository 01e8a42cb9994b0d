import type { Notice } from '../../types/contract'
import { demoPeople, demoWorkingTime } from '../../scripts/local-cloud/seed'
import { cast, openidOf } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as

/** A Shanghai wall-clock time, as the office reads deadlines. */
const sh = (local: string) => new Date(`${local}+08:00`)
const iso = (local: string) => sh(local).toISOString()

const east = (n: number) => `p-sales-east-${String(n).padStart(2, '0')}`
const EAST_STAFF = [2, 3, 4, 5, 6, 7, 8, 9].map(east)
const nameOf = (personId: string) => demoPeople.find((p) => p.id === personId)?.name

const defaults = {
  title: '周会改期',
  body: '本周例会改到周四下午三点，请相互转告。',
  audience: { kind: 'departments', departmentIds: ['dept-sales-east'] },
  requireAck: true,
}

async function send(personId: string, extra: Record<string, unknown> = {}): Promise<Notice> {
  const res = await as(personId)('notice.send', { ...defaults, ...extra })
  if (!res.ok) throw new Error(`notice.send refused: ${res.error.code}`)
  return res.data as Notice
}

async function acknowledge(personId: string, noticeId: string) {
  return as(personId)('notice.acknowledge', { noticeId })
}

async function noticeAsSender(senderId: string, noticeId: string): Promise<Notice> {
  const res = await as(senderId)('notice.get', { noticeId })
  if (!res.ok) throw new Error(`notice.get refused: ${res.error.code}`)
  return res.data.notice as Notice
}

async function total(collection: string, where: Record<string, unknown> = {}): Promise<number> {
  return (await world.db.collection(collection).where(where).count()).total
}

/** What a refused write must leave untouched. */
async function written() {
  return { notices: await total('notices'), receipts: await total('notice_receipts'), audit: await total('audit_log'), notifications: await total('notifications') }
}

async function receiptsOf(noticeId: string) {
  return (await world.db.collection('notice_receipts').where({ noticeId }).orderBy('personId', 'asc').get()).data as Array<Record<string, any>>
}

async function auditOf(action: string) {
  return (await world.db.collection('audit_log').where({ action }).get()).data as Array<Record<string, any>>
}

describe('notice.send', () => {
  it('sends to everyone in service except the sender, with the deadline counted in working time', async () => {
    await world.db.collection('people').doc('p-marketing-06').update({ data: { status: 'left' } })
    world.now = sh('2026-11-27T17:00:00')
    const notice = await send(cast.admin, { audience: { kind: 'all' }, ackWithinWorkingMinutes: 120 })
    expect(notice).toEqual({
      id: expect.stringMatching(/^notice-/),
      title: '周会改期',
      body: '本周例会改到周四下午三点，请相互转告。',
      senderId: cast.admin,
      senderName: '陈静',
      audienceLabel: '全体员工',
      requireAck: true,
      ackWithinWorkingMinutes: 120,
      // One hour left on Friday, the other on Monday morning.
      deadlineAt: iso('2026-11-30T10:00:00'),
      sentAt: iso('2026-11-27T17:00:00'),
      recipientCount: 31,
      acknowledgedCount: 0,
      lateCount: 0,
      overdueCount: 0,
    })
    const receipts = await receiptsOf(notice.id)
    const expected = demoPeople
      .map((p) => p.id)
      .filter((id) => id !== cast.admin && id !== 'p-marketing-06')
      .sort()
    expect(receipts.map((r) => r.personId)).toEqual(expected)
    expect(receipts[0]).toEqual({
      _id: `rcpt-${notice.id}-${expected[0]}`,
      noticeId: notice.id,
      personId: expected[0],
      departmentId: 'dept-admin',
      sentAt: sh('2026-11-27T17:00:00'),
      deadlineAt: sh('2026-11-30T10:00:00'),
      requireAck: true,
      pending: true,
      acknowledgedAt: null,
      workingMinutes: null,
      onTime: null,
    })
  })

  it('sends to chosen departments, each person once, and defaults to two working hours', async () => {
    const notice = await send(cast.admin, { audience: { kind: 'departments', departmentIds: ['dept-sales-east', 'dept-service', 'dept-sales-east'] } })
    // Sent Friday 10:00: two working hours end exactly at the 12:00 lunch break, not after it.
    expect(notice).toMatchObject({ audienceLabel: '华东销售部、客户服务部', recipientCount: 16, ackWithinWorkingMinutes: 120, deadlineAt: iso('2026-11-27T12:00:00') })
    const receipts = await receiptsOf(notice.id)
    expect(receipts).toHaveLength(16)
    expect(receipts.filter((r) => r.departmentId === 'dept-sales-east')).toHaveLength(9)
    expect(receipts.filter((r) => r.departmentId === 'dept-service')).toHaveLength(7)

    // The admin's own department, without the admin.
    const own = await send(cast.admin, { audience: { kind: 'departments', departmentIds: ['dept-admin'] } })
    expect(own).toMatchObject({ audienceLabel: '行政部', recipientCount: 2 })
    expect((await receiptsOf(own.id)).map((r) => r.personId)).toEqual(['p-admin-01', 'p-admin-03'])
  })

  it('sends to named people, naming up to three of them, and asks nothing when no acknowledgement is wanted', async () => {
    const three = await send(cast.admin, { audience: { kind: 'people', personIds: ['p-service-02', east(3), east(2), east(3), cast.admin] }, requireAck: false, ackWithinWorkingMinutes: 240 })
    expect(three).toMatchObject({ audienceLabel: '李娜、张伟、韩冰', recipientCount: 3, requireAck: false, ackWithinWorkingMinutes: null, deadlineAt: null, overdueCount: 0 })
    const receipts = await receiptsOf(three.id)
    expect(receipts.map((r) => [r.personId, r.pending, r.deadlineAt])).toEqual([
      [east(2), false, null],
      [east(3), false, null],
      ['p-service-02', false, null],
    ])

    const four = await send(cast.admin, { audience: { kind: 'people', personIds: ['p-service-02', 'p-sales-south-02', east(3), east(2)] } })
    expect(four).toMatchObject({ audienceLabel: '李娜、张伟、何佳等4人', recipientCount: 4 })
  })

  it('leaves people who have left out of a named audience', async () => {
    await world.db.collection('people').doc(east(9)).update({ data: { status: 'left' } })
    const notice = await send(cast.admin, { audience: { kind: 'people', personIds: [east(2), east(9)] } })
    expect(notice).toMatchObject({ audienceLabel: '李娜', recipientCount: 1 })
    const before = await written()
    expect(await as(cast.admin)('notice.send', { ...defaults, audience: { kind: 'people', personIds: [east(9)] } })).toMatchObject({ ok: false, error: { code: 'NO_RECIPIENTS' } })
    expect(await written()).toEqual(before)
  })

  it('skips the New Year holiday and the weekend after it', async () => {
    world.now = sh('2026-12-31T17:00:00')
    const notice = await send(cast.admin, { audience: { kind: 'people', personIds: [east(2)] }, ackWithinWorkingMinutes: 120 })
    expect(notice.deadlineAt).toBe(iso('2027-01-04T10:00:00'))
    expect((await receiptsOf(notice.id))[0].deadlineAt).toEqual(sh('2027-01-04T10:00:00'))
  })

  it('lets a head send within their own department only', async () => {
    const dept = await send(cast.eastHead)
    expect(dept).toMatchObject({ senderId: cast.eastHead, senderName: '王磊', audienceLabel: '华东销售部', recipientCount: 8 })
    expect((await receiptsOf(dept.id)).map((r) => r.personId)).toEqual(EAST_STAFF)
    const people = await send(cast.eastHead, { audience: { kind: 'people', personIds: [east(4), east(5)] } })
    expect(people).toMatchObject({ audienceLabel: '刘洋、杨帆', recipientCount: 2 })

    const before = await written()
    const refusals = [
      { kind: 'all' },
      { kind: 'departments', departmentIds: ['dept-sales-south'] },
      { kind: 'departments', departmentIds: ['dept-sales-east', 'dept-service'] },
      { kind: 'people', personIds: ['p-sales-south-02'] },
      { kind: 'people', personIds: [east(2), 'p-service-03'] },
    ]
    for (const audience of refusals) {
      expect(await as(cast.eastHead)('notice.send', { ...defaults, audience })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    }
    expect(await written()).toEqual(before)
  })

  it('is not for employees', async () => {
    const before = await written()
    expect(await as(cast.eastEmployee)('notice.send', defaults)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastEmployee)('notice.send', { ...defaults, audience: { kind: 'people', personIds: [east(3)] } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await written()).toEqual(before)
  })

  it('refuses unknown departments and people, and an audience of only the sender', async () => {
    const before = await written()
    const cases: Array<[string, unknown, string]> = [
      [cast.admin, { kind: 'departments', departmentIds: ['dept-nowhere'] }, 'NOT_FOUND'],
      [cast.admin, { kind: 'departments', departmentIds: ['dept-sales-east', 'dept-nowhere'] }, 'NOT_FOUND'],
      [cast.admin, { kind: 'people', personIds: ['p-nobody'] }, 'NOT_FOUND'],
      [cast.admin, { kind: 'people', personIds: [east(2), 'p-nobody'] }, 'NOT_FOUND'],
      [cast.eastHead, { kind: 'departments', departmentIds: ['dept-nowhere'] }, 'NOT_FOUND'],
      [cast.eastHead, { kind: 'people', personIds: [east(2), 'p-nobody'] }, 'NOT_FOUND'],
      [cast.admin, { kind: 'people', personIds: [cast.admin] }, 'NO_RECIPIENTS'],
      [cast.eastHead, { kind: 'people', personIds: [cast.eastHead, cast.eastHead] }, 'NO_RECIPIENTS'],
    ]
    for (const [sender, audience, code] of cases) {
      expect([sender, audience, await as(sender)('notice.send', { ...defaults, audience })]).toMatchObject([sender, audience, { ok: false, error: { code } }])
    }
    expect(await written()).toEqual(before)
  })

  it('refuses bad input and writes nothing', async () => {
    const before = await written()
    const bad: Array<Record<string, unknown>> = [
      { ...defaults, title: '' },
      { ...defaults, title: '   ' },
      { ...defaults, title: '通'.repeat(41) },
      { ...defaults, body: '' },
      { ...defaults, body: '字'.repeat(2001) },
      { ...defaults, ackWithinWorkingMinutes: 10 },
      { ...defaults, ackWithinWorkingMinutes: 2401 },
      { ...defaults, ackWithinWorkingMinutes: 90.5 },
      { ...defaults, urgent: true },
      { ...defaults, audience: { kind: 'departments', departmentIds: [] } },
      { ...defaults, audience: { kind: 'people', personIds: [east(2)], departmentIds: ['dept-sales-east'] } },
      { ...defaults, audience: { kind: 'everyone' } },
      { title: defaults.title, body: defaults.body, audience: defaults.audience },
    ]
    for (const payload of bad) {
      expect([payload, await as(cast.admin)('notice.send', payload)]).toMatchObject([payload, { ok: false, error: { code: 'BAD_INPUT' } }])
    }
    expect(await written()).toEqual(before)
    // The boundaries themselves are accepted, with the title trimmed.
    const edge = await send(cast.admin, { title: ` ${'通'.repeat(40)} `, body: '字'.repeat(2000), ackWithinWorkingMinutes: 30 })
    expect(edge).toMatchObject({ title: '通'.repeat(40), ackWithinWorkingMinutes: 30, deadlineAt: iso('2026-11-27T10:30:00') })
  })

  it('writes one audit entry per notice, naming the sender', async () => {
    const notice = await send(cast.eastHead, { audience: { kind: 'people', personIds: [east(2), east(3)] } })
    const entries = await auditOf('notice.send')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorId: cast.eastHead,
      actorName: '王磊',
      actorOpenid: openidOf(cast.eastHead),
      targetCollection: 'notices',
      targetId: notice.id,
      before: null,
      after: { title: '周会改期', audience: '李娜、张伟', recipientCount: 2, requireAck: true, deadlineAt: iso('2026-11-27T12:00:00') },
    })
  })
})

describe('notice.acknowledge', () => {
  /** Sent Friday 17:30: half an hour that day, the other ninety minutes on Monday, so due Monday 10:30. */
  async function fridayEvening(extra: Record<string, unknown> = {}) {
    world.now = sh('2026-11-27T17:30:00')
    const notice = await send(cast.eastHead, extra)
    expect(notice.deadlineAt).toBe(iso('2026-11-30T10:30:00'))
    return notice
  }

  it('records an acknowledgement in time with the working minutes it took', async () => {
    const notice = await fridayEvening()
    world.now = sh('2026-11-30T09:15:00')
    expect(await acknowledge(east(2), notice.id)).toEqual({
      ok: true,
      data: {
        noticeId: notice.id,
        title: '周会改期',
        body: '本周例会改到周四下午三点，请相互转告。',
        senderName: '王磊',
        sentAt: iso('2026-11-27T17:30:00'),
        requireAck: true,
        deadlineAt: iso('2026-11-30T10:30:00'),
        acknowledgedAt: iso('2026-11-30T09:15:00'),
        workingMinutes: 45,
        onTime: true,
        overdue: false,
      },
    })
    expect(await noticeAsSender(cast.eastHead, notice.id)).toMatchObject({ recipientCount: 8, acknowledgedCount: 1, lateCount: 0, overdueCount: 0 })
    const [receipt] = (await world.db.collection('notice_receipts').where({ _id: `rcpt-${notice.id}-${east(2)}` }).get()).data
    expect(receipt).toMatchObject({ pending: false, acknowledgedAt: sh('2026-11-30T09:15:00'), workingMinutes: 45, onTime: true })
    const entries = await auditOf('notice.acknowledge')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorId: east(2),
      actorName: '李娜',
      targetCollection: 'notice_receipts',
      targetId: `rcpt-${notice.id}-${east(2)}`,
      before: { acknowledgedAt: null },
      after: { acknowledgedAt: iso('2026-11-30T09:15:00'), workingMinutes: 45, onTime: true },
    })
  })

  it('counts the very deadline as in time and a minute after it as late', async () => {
    const notice = await fridayEvening()
    world.now = sh('2026-11-30T10:30:00')
    expect(await acknowledge(east(2), notice.id)).toMatchObject({ ok: true, data: { workingMinutes: 120, onTime: true, overdue: false } })
    world.now = sh('2026-11-30T10:31:00')
    expect(await acknowledge(east(3), notice.id)).toMatchObject({ ok: true, data: { acknowledgedAt: iso('2026-11-30T10:31:00'), workingMinutes: 121, onTime: false, overdue: false } })
    // Six people are still silent after the deadline.
    expect(await noticeAsSender(cast.eastHead, notice.id)).toMatchObject({ acknowledgedCount: 2, lateCount: 1, overdueCount: 6 })
  })

  it('keeps the first acknowledgement when acknowledged again', async () => {
    const notice = await fridayEvening()
    world.now = sh('2026-11-30T09:15:00')
    const first = await acknowledge(east(2), notice.id)
    world.now = sh('2026-11-30T15:00:00')
    const again = await acknowledge(east(2), notice.id)
    expect(again).toEqual(first)
    expect(again).toMatchObject({ ok: true, data: { acknowledgedAt: iso('2026-11-30T09:15:00'), workingMinutes: 45, onTime: true } })
    expect(await noticeAsSender(cast.eastHead, notice.id)).toMatchObject({ acknowledgedCount: 1, lateCount: 0, overdueCount: 7 })
    expect(await auditOf('notice.acknowledge')).toHaveLength(1)
  })

  it('refuses people the notice was not sent to, and unknown notices', async () => {
    const notice = await send(cast.eastHead, { audience: { kind: 'people', personIds: [east(2)] } })
    const before = await written()
    for (const personId of [cast.eastHead, east(3), cast.admin, 'p-sales-south-02']) {
      expect([personId, await acknowledge(personId, notice.id)]).toMatchObject([personId, { ok: false, error: { code: 'NOT_RECIPIENT' } }])
    }
    expect(await acknowledge(east(2), 'notice-nope')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await as(east(2))('notice.acknowledge', { noticeId: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await written()).toEqual(before)
    expect(await noticeAsSender(cast.eastHead, notice.id)).toMatchObject({ acknowledgedCount: 0 })
  })

  it('records reading a notice that asked for no acknowledgement, with no verdict on timeliness', async () => {
    const notice = await send(cast.admin, { audience: { kind: 'people', personIds: [east(2), east(3)] }, requireAck: false })
    world.now = sh('2026-11-27T10:20:00')
    expect(await acknowledge(east(2), notice.id)).toMatchObject({
      ok: true,
      data: { requireAck: false, deadlineAt: null, acknowledgedAt: iso('2026-11-27T10:20:00'), workingMinutes: 20, onTime: null, overdue: false },
    })
    world.now = sh('2026-12-07T10:00:00')
    expect(await noticeAsSender(cast.admin, notice.id)).toMatchObject({ recipientCount: 2, acknowledgedCount: 1, lateCount: 0, overdueCount: 0 })
  })

  it('counts the same person once when they tap twice at once', async () => {
    const notice = await fridayEvening()
    world.now = sh('2026-11-30T09:00:00')
    const results = await Promise.all([acknowledge(east(2), notice.id), acknowledge(east(2), notice.id)])
    expect(results.map((r) => r.ok)).toEqual([true, true])
    expect(results[0]).toEqual(results[1])
    expect(results[0]).toMatchObject({ data: { acknowledgedAt: iso('2026-11-30T09:00:00'), workingMinutes: 30, onTime: true } })
    expect(await noticeAsSender(cast.eastHead, notice.id)).toMatchObject({ acknowledgedCount: 1, lateCount: 0 })
    expect(await auditOf('notice.acknowledge')).toHaveLength(1)
  })

  it('keeps the counts equal to the receipts when the whole company acknowledges at once', async () => {
    world.now = sh('2026-11-27T17:30:00')
    const notice = await send(cast.admin, { audience: { kind: 'all' } })
    expect(notice).toMatchObject({ recipientCount: 32, deadlineAt: iso('2026-11-30T10:30:00') })
    const everyone = demoPeople.map((p) => p.id).filter((id) => id !== cast.admin)
    const silent = everyone[everyone.length - 1]
    const onTime = everyone.slice(0, 16)
    const late = everyone.slice(16, -1)

    world.now = sh('2026-11-30T09:00:00')
    // One of them taps twice while everyone else taps once.
    const first = await Promise.all([...onTime, onTime[0]].map((id) => acknowledge(id, notice.id)))
    world.now = sh('2026-11-30T11:00:00')
    const second = await Promise.all(late.map((id) => acknowledge(id, notice.id)))
    expect([...first, ...second].filter((r) => !r.ok)).toEqual([])

    const receipts = await receiptsOf(notice.id)
    expect(receipts.filter((r) => r.onTime === true).map((r) => r.personId)).toEqual([...onTime].sort())
    expect(receipts.filter((r) => r.onTime === false).map((r) => r.personId)).toEqual([...late].sort())
    expect(receipts.filter((r) => r.acknowledgedAt === null).map((r) => r.personId)).toEqual([silent])
    expect(await noticeAsSender(cast.admin, notice.id)).toMatchObject({ recipientCount: 32, acknowledgedCount: 31, lateCount: 15, overdueCount: 1 })
    expect(await auditOf('notice.acknowledge')).toHaveLength(31)
  })
})

describe('reading notices', () => {
  /** The seeded notice is dated from the wall clock, so it is taken out where order or counts depend on dates. */
  async function withoutSeededNotice() {
    await world.db.collection('notice_receipts').where({ noticeId: 'notice-demo-1' }).remove()
    await world.db.collection('notices').where({ _id: 'notice-demo-1' }).remove()
  }

  it('lists my notices with those awaiting acknowledgement first', async () => {
    await withoutSeededNotice()
    const me = as(east(2))
    world.now = sh('2026-11-27T10:00:00')
    const a = await send(cast.eastHead, { title: '通知A' })
    world.now = sh('2026-11-27T11:00:00')
    const b = await send(cast.admin, { title: '通知B', requireAck: false, audience: { kind: 'all' } })
    world.now = sh('2026-11-27T14:00:00')
    const c = await send(cast.eastHead, { title: '通知C', ackWithinWorkingMinutes: 480 })
    // Someone else's notice is not mine.
    await send(cast.southHead, { audience: { kind: 'departments', departmentIds: ['dept-sales-south'] } })

    const all = await me('notice.listMine', {})
    expect(all).toMatchObject({ ok: true, data: { total: 3, pendingCount: 2, page: 1, pageSize: 20 } })
    if (!all.ok) return
    expect(all.data.items.map((r: { title: string }) => r.title)).toEqual(['通知C', '通知A', '通知B'])
    expect(all.data.items[2]).toEqual({
      noticeId: b.id,
      title: '通知B',
      body: defaults.body,
      senderName: '陈静',
      sentAt: iso('2026-11-27T11:00:00'),
      requireAck: false,
      deadlineAt: null,
      acknowledgedAt: null,
      workingMinutes: null,
      onTime: null,
      overdue: false,
    })

    // Waiting ones alone: the oldest first, since its deadline comes first.
    const pending = await me('notice.listMine', { pendingOnly: true })
    expect(pending).toMatchObject({ ok: true, data: { total: 2, pendingCount: 2 } })
    if (pending.ok) expect(pending.data.items.map((r: { noticeId: string }) => r.noticeId)).toEqual([a.id, c.id])

    const page2 = await me('notice.listMine', { page: 2, pageSize: 2 })
    expect(page2).toMatchObject({ ok: true, data: { total: 3, page: 2, pageSize: 2, pendingCount: 2 } })
    if (page2.ok) expect(page2.data.items.map((r: { noticeId: string }) => r.noticeId)).toEqual([b.id])

    world.now = sh('2026-11-27T15:00:00')
    await acknowledge(east(2), a.id)
    const after = await me('notice.listMine', {})
    expect(after).toMatchObject({ ok: true, data: { total: 3, pendingCount: 1 } })
    if (after.ok) expect(after.data.items.map((r: { noticeId: string }) => r.noticeId)).toEqual([c.id, b.id, a.id])

    expect(await me('notice.listMine', { pendingOnly: true, extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await me('notice.listMine', { pageSize: 101 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('flags a waiting notice as overdue once its deadline has passed', async () => {
    await withoutSeededNotice()
    const me = as(east(2))
    const notice = await send(cast.eastHead)
    world.now = sh('2026-11-27T10:01:00')
    const plain = await send(cast.eastHead, { title: '无需确认', requireAck: false })
    const overdue = async () => {
      const res = await me('notice.listMine', {})
      return res.ok ? res.data.items.map((r: { noticeId: string; overdue: boolean }) => [r.noticeId, r.overdue]) : res.error.code
    }
    world.now = sh('2026-11-27T12:00:00')
    expect(await overdue()).toEqual([
      [notice.id, false],
      [plain.id, false],
    ])
    world.now = sh('2026-11-27T13:31:00')
    expect(await overdue()).toEqual([
      [notice.id, true],
      [plain.id, false],
    ])
    expect(await noticeAsSender(cast.eastHead, notice.id)).toMatchObject({ overdueCount: 8 })
    expect(await noticeAsSender(cast.eastHead, plain.id)).toMatchObject({ overdueCount: 0 })
    await acknowledge(east(2), notice.id)
    expect(await overdue()).toEqual([
      [plain.id, false],
      [notice.id, false],
    ])
  })

  it('shows a notice to its recipients with their receipt, and the counts to its sender and admins only', async () => {
    const notice = await send(cast.eastHead, { audience: { kind: 'people', personIds: [east(2), east(3)] } })
    const recipient = await as(east(2))('notice.get', { noticeId: notice.id })
    expect(recipient).toMatchObject({ ok: true, data: { notice: { id: notice.id, recipientCount: 2 }, canSeeReceipts: false, receipt: { noticeId: notice.id, acknowledgedAt: null, overdue: false } } })
    expect(await as(cast.eastHead)('notice.get', { noticeId: notice.id })).toMatchObject({ ok: true, data: { notice: { id: notice.id }, receipt: null, canSeeReceipts: true } })
    expect(await as(cast.admin)('notice.get', { noticeId: notice.id })).toMatchObject({ ok: true, data: { notice: { id: notice.id }, receipt: null, canSeeReceipts: true } })
    for (const personId of [east(4), cast.southHead, cast.serviceEmployee]) {
      expect([personId, await as(personId)('notice.get', { noticeId: notice.id })]).toMatchObject([personId, { ok: false, error: { code: 'NOT_FOUND' } }])
    }
    expect(await as(cast.admin)('notice.get', { noticeId: 'notice-nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    world.now = sh('2026-11-27T10:05:00')
    await acknowledge(east(3), notice.id)
    expect(await as(east(3))('notice.get', { noticeId: notice.id })).toMatchObject({
      ok: true,
      data: { notice: { acknowledgedCount: 1 }, receipt: { acknowledgedAt: iso('2026-11-27T10:05:00'), workingMinutes: 5, onTime: true }, canSeeReceipts: false },
    })
  })

  it('lists to heads the notices they sent, and to admins every notice', async () => {
    world.now = sh('2026-11-27T10:00:00')
    const fromEast = await send(cast.eastHead)
    world.now = sh('2026-11-27T10:10:00')
    const fromSouth = await send(cast.southHead, { audience: { kind: 'departments', departmentIds: ['dept-sales-south'] } })
    world.now = sh('2026-11-27T10:20:00')
    const fromAdmin = await send(cast.admin, { audience: { kind: 'all' } })

    const mine = await as(cast.eastHead)('notice.listSent', {})
    expect(mine).toMatchObject({ ok: true, data: { total: 1, page: 1, pageSize: 20 } })
    if (mine.ok) expect(mine.data.items.map((n: Notice) => n.id)).toEqual([fromEast.id])
    expect(mine).toMatchObject({ ok: true, data: { items: [{ senderId: cast.eastHead, audienceLabel: '华东销售部', recipientCount: 8 }] } })

    const all = await as(cast.admin)('notice.listSent', {})
    expect(all).toMatchObject({ ok: true, data: { total: 4 } })
    if (!all.ok) return
    const ids = all.data.items.map((n: Notice) => n.id)
    expect(ids.filter((id: string) => id !== 'notice-demo-1')).toEqual([fromAdmin.id, fromSouth.id, fromEast.id])
    expect(all.data.items.find((n: Notice) => n.id === 'notice-demo-1')).toMatchObject({ senderName: '陈静', audienceLabel: '全体员工', recipientCount: 32, acknowledgedCount: 29, lateCount: 2 })

    const page = await as(cast.admin)('notice.listSent', { page: 2, pageSize: 3 })
    expect(page).toMatchObject({ ok: true, data: { total: 4, page: 2, pageSize: 3 } })
    if (page.ok) expect(page.data.items).toHaveLength(1)
    expect(await as(cast.eastEmployee)('notice.listSent', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('notice.listReceipts', () => {
  const rows = async (personId: string, noticeId: string, filter?: string, paging: Record<string, number> = {}) => {
    const res = await as(personId)('notice.listReceipts', { noticeId, ...(filter ? { filter } : {}), ...paging })
    if (!res.ok) throw new Error(`notice.listReceipts refused: ${res.error.code}`)
    return res.data as { items: Array<Record<string, unknown>>; total: number; page: number; pageSize: number }
  }
  const people = (page: { items: Array<Record<string, unknown>> }) => page.items.map((r) => r.personId)

  it('shows who acknowledged, when and how fast, the silent ones first', async () => {
    world.now = sh('2026-11-27T17:30:00')
    const notice = await send(cast.eastHead)
    world.now = sh('2026-11-27T17:40:00')
    await acknowledge(east(3), notice.id)
    world.now = sh('2026-11-30T09:00:00')
    await acknowledge(east(2), notice.id)

    // Before the deadline nobody is overdue, however many are still silent.
    expect(await rows(cast.eastHead, notice.id, 'overdue')).toEqual({ items: [], total: 0, page: 1, pageSize: 20 })
    expect(people(await rows(cast.eastHead, notice.id, 'pending'))).toEqual([4, 5, 6, 7, 8, 9].map(east))

    world.now = sh('2026-11-30T11:00:00')
    await acknowledge(east(4), notice.id)

    const all = await rows(cast.eastHead, notice.id)
    expect(all.total).toBe(8)
    expect(people(all)).toEqual([east(5), east(6), east(7), east(8), east(9), east(3), east(2), east(4)])
    expect(all.items[0]).toEqual({ personId: east(5), personName: '杨帆', departmentName: '华东销售部', acknowledgedAt: null, workingMinutes: null, onTime: null, overdue: true })
    expect(all.items.slice(5)).toEqual([
      { personId: east(3), personName: '张伟', departmentName: '华东销售部', acknowledgedAt: iso('2026-11-27T17:40:00'), workingMinutes: 10, onTime: true, overdue: false },
      { personId: east(2), personName: '李娜', departmentName: '华东销售部', acknowledgedAt: iso('2026-11-30T09:00:00'), workingMinutes: 30, onTime: true, overdue: false },
      { personId: east(4), personName: '刘洋', departmentName: '华东销售部', acknowledgedAt: iso('2026-11-30T11:00:00'), workingMinutes: 150, onTime: false, overdue: false },
    ])
    expect(all.items.map((r) => r.personName)).toEqual([east(5), east(6), east(7), east(8), east(9), east(3), east(2), east(4)].map(nameOf))

    expect(people(await rows(cast.eastHead, notice.id, 'onTime'))).toEqual([east(3), east(2)])
    expect(people(await rows(cast.eastHead, notice.id, 'late'))).toEqual([east(4)])
    const pending = await rows(cast.eastHead, notice.id, 'pending')
    const overdue = await rows(cast.eastHead, notice.id, 'overdue')
    expect(people(pending)).toEqual([5, 6, 7, 8, 9].map(east))
    expect(overdue).toEqual(pending)
    expect(overdue.items.map((r) => r.overdue)).toEqual([true, true, true, true, true])

    const page = await rows(cast.admin, notice.id, 'all', { page: 2, pageSize: 3 })
    expect({ total: page.total, page: page.page, pageSize: page.pageSize, people: people(page) }).toEqual({ total: 8, page: 2, pageSize: 3, people: [east(8), east(9), east(3)] })
  })

  it('is for the sender and admins only', async () => {
    const notice = await send(cast.eastHead)
    expect(await as(cast.southHead)('notice.listReceipts', { noticeId: notice.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastEmployee)('notice.listReceipts', { noticeId: notice.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.admin)('notice.listReceipts', { noticeId: 'notice-nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await as(cast.admin)('notice.listReceipts', { noticeId: notice.id, filter: 'silent' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect((await rows(cast.admin, notice.id)).total).toBe(8)
  })
})

describe('reaching recipients', () => {
  it('sends a subscribe message to recipients who consented, only when acknowledgement is asked', async () => {
    expect(await as(east(2))('notify.recordConsent', { accepted: ['workNotice'] })).toMatchObject({ ok: true, data: { quota: { workNotice: 1 } } })
    await send(cast.eastHead, { title: '仅通知', requireAck: false, audience: { kind: 'people', personIds: [east(2), east(3)] } })
    expect(world.sent).toEqual([])

    const notice = await send(cast.eastHead, { title: '请确认客户名单', audience: { kind: 'people', personIds: [east(2), east(3)] } })
    expect(world.sent).toEqual([
      {
        touser: openidOf(east(2)),
        templateId: 'tmpl-work-notice',
        page: `/packages/notice/detail/index?id=${encodeURIComponent(notice.id)}`,
        data: { thing1: { value: '请确认客户名单' }, thing2: { value: '王磊发来，请及时确认' }, time3: { value: '2026-11-27 10:00' } },
      },
    ])
    const logged = (await world.db.collection('notifications').where({ recordId: notice.id }).orderBy('recipientId', 'asc').get()).data
    expect(logged.map((n) => [n.recipientId, n.template, n.status])).toEqual([
      [east(2), 'workNotice', 'sent'],
      [east(3), 'workNotice', 'no_consent'],
    ])

    // The one consent is spent.
    await send(cast.eastHead, { audience: { kind: 'people', personIds: [east(2)] } })
    expect(world.sent).toHaveLength(1)
  })

  it('puts a waiting notice on the to-do list until it is acknowledged', async () => {
    const noticeTodos = async (personId: string) => {
      const res = await as(personId)('todo.list', {})
      if (!res.ok) throw new Error(res.error.code)
      return res.data.mine.filter((t: { kind: string }) => t.kind === 'notice')
    }
    // The seeded notice was acknowledged by this person long ago.
    expect(await noticeTodos(east(2))).toEqual([])
    const notice = await send(cast.eastHead, { title: '请确认客户名单' })
    await send(cast.eastHead, { title: '仅通知', requireAck: false })
    const item = { kind: 'notice', id: notice.id, title: '工作通知：请确认客户名单', subtitle: '王磊发来，请确认收到', statusLabel: '待确认', since: iso('2026-11-27T10:00:00') }
    expect(await noticeTodos(east(2))).toEqual([item])
    world.now = sh('2026-11-27T16:00:00')
    expect(await noticeTodos(east(2))).toEqual([{ ...item, statusLabel: '已逾期' }])
    await acknowledge(east(2), notice.id)
    expect(await noticeTodos(east(2))).toEqual([])
    expect(await noticeTodos(east(3))).toEqual([{ ...item, statusLabel: '已逾期' }])
  })
})

describe('working-time settings', () => {
  const calendar = {
    workdays: [5, 4, 3, 2, 1],
    periods: [
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ],
    holidays: ['2027-01-01', '2026-11-30'],
    extraWorkdays: ['2026-11-28'],
  }

  it('returns the seeded calendar to anyone signed in', async () => {
    expect(await as(cast.eastEmployee)('worktime.getSettings', {})).toEqual({ ok: true, data: demoWorkingTime })
  })

  it('refuses calendars that make no sense, and non-admins, changing nothing', async () => {
    const before = await written()
    const bad = [
      { ...calendar, periods: [{ start: '09:00', end: '12:00' }, { start: '11:30', end: '18:00' }] },
      { ...calendar, periods: [{ start: '13:30', end: '18:00' }, { start: '09:00', end: '12:00' }] },
      { ...calendar, periods: [{ start: '12:00', end: '09:00' }] },
      { ...calendar, holidays: ['2026-11-28'], extraWorkdays: ['2026-11-28'] },
      { ...calendar, workdays: [] },
      { ...calendar, workdays: [1, 1, 2] },
      { ...calendar, workdays: [0, 1] },
      { ...calendar, updatedAt: '2026-11-27' },
    ]
    for (const payload of bad) {
      expect([payload, await as(cast.admin)('worktime.updateSettings', payload)]).toMatchObject([payload, { ok: false, error: { code: 'BAD_INPUT' } }])
    }
    expect(await as(cast.eastHead)('worktime.updateSettings', calendar)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await written()).toEqual(before)
    expect(await as(cast.admin)('worktime.getSettings', {})).toEqual({ ok: true, data: demoWorkingTime })
  })

  it('saves an admin’s calendar, which later deadlines follow while earlier ones keep theirs', async () => {
    world.now = sh('2026-11-27T17:00:00')
    const earlier = await send(cast.eastHead)
    expect(earlier.deadlineAt).toBe(iso('2026-11-30T10:00:00'))

    const saved = { workdays: [1, 2, 3, 4, 5], periods: calendar.periods, holidays: ['2026-11-30', '2027-01-01'], extraWorkdays: ['2026-11-28'] }
    expect(await as(cast.admin)('worktime.updateSettings', calendar)).toEqual({ ok: true, data: saved })
    expect(await as(cast.eastEmployee)('worktime.getSettings', {})).toEqual({ ok: true, data: saved })
    const [entry, ...more] = await auditOf('worktime.updateSettings')
    expect(more).toEqual([])
    expect(entry).toMatchObject({ actorId: cast.admin, targetCollection: 'settings', targetId: 'worktime', before: demoWorkingTime, after: saved })

    // Friday 17:00–17:30, then the make-up Saturday from 08:30.
    const friday = await send(cast.eastHead)
    expect(friday.deadlineAt).toBe(iso('2026-11-28T10:00:00'))
    // Saturday 17:00–17:30, then Sunday off and Monday a holiday: Tuesday from 08:30.
    world.now = sh('2026-11-28T17:00:00')
    const saturday = await send(cast.eastHead)
    expect(saturday.deadlineAt).toBe(iso('2026-12-01T10:00:00'))

    expect(await noticeAsSender(cast.eastHead, earlier.id)).toMatchObject({ deadlineAt: iso('2026-11-30T10:00:00') })
    // Working minutes of an acknowledgement follow the calendar in force: Monday is now a holiday.
    world.now = sh('2026-12-01T09:00:00')
    expect(await acknowledge(east(2), earlier.id)).toMatchObject({ ok: true, data: { workingMinutes: 30 + 480 + 30, onTime: false } })
  })
})
