import { cast } from '../support/company'
import { useScenario } from '../support/scenario'

/**
 * Receipts past their deadline across the month's notices; the scenario clock is Friday
 * 2026-11-27, 10:00 in Shanghai.
 */
const world = useScenario()
const as = world.as
const sh = (local: string) => new Date(`${local}+08:00`)

function notice(id: string, title: string, sentAt: Date, deadlineAt: Date | null) {
  return {
    _id: id, title, body: '正文', senderId: cast.admin, senderName: '管理员', senderDepartmentId: 'dept-admin', audience: { kind: 'all' }, audienceLabel: '全体员工',
    requireAck: deadlineAt !== null, ackWithinWorkingMinutes: deadlineAt ? 120 : null, deadlineAt, sentAt, recipientCount: 3, acknowledgedCount: 0, lateCount: 0,
  }
}

function receipt(noticeId: string, personId: string, departmentId: string, sentAt: Date, deadlineAt: Date | null, pending: boolean) {
  return { _id: `rcpt-${noticeId}-${personId}`, noticeId, personId, departmentId, sentAt, deadlineAt, requireAck: deadlineAt !== null, pending, acknowledgedAt: pending ? null : sentAt, workingMinutes: null, onTime: null }
}

beforeEach(async () => {
  const early = sh('2026-07-20T09:00:00')
  const late = sh('2026-07-25T09:00:00')
  const due = (sent: Date) => new Date(sent.getTime() + 2 * 3600_000)
  await world.db.collection('notices').add({
    data: [notice('n-early', '周会改期', early, due(early)), notice('n-late', '安全自查', late, due(late)), notice('n-open', '年度培训', sh('2026-07-31T09:00:00'), sh('2026-11-27T11:30:00')), notice('n-june', '六月总结', sh('2026-06-30T09:00:00'), sh('2026-06-30T11:00:00'))],
  })
  await world.db.collection('notice_receipts').add({
    data: [
      receipt('n-early', cast.eastEmployee, 'dept-sales-east', early, due(early), true),
      receipt('n-early', cast.eastColleague, 'dept-sales-east', early, due(early), false),
      receipt('n-early', 'p-sales-south-02', 'dept-sales-south', early, due(early), true),
      receipt('n-late', cast.eastColleague, 'dept-sales-east', late, due(late), true),
      // Not yet due (the deadline is later today), and sent the month before.
      receipt('n-open', cast.eastEmployee, 'dept-sales-east', sh('2026-07-31T09:00:00'), sh('2026-11-27T11:30:00'), true),
      receipt('n-june', cast.eastEmployee, 'dept-sales-east', sh('2026-06-30T09:00:00'), sh('2026-06-30T11:00:00'), true),
    ],
  })
})

async function listed(personId: string, payload: Record<string, unknown>) {
  const res = await as(personId)('notice.listOverdueReceipts', { page: 1, pageSize: 20, ...payload })
  if (!res.ok) throw new Error(`refused: ${res.error.code}`)
  return res.data as { total: number; items: Array<Record<string, unknown>> }
}

it('lists a month’s receipts past their deadline, longest late first, with person, department, notice and lateness', async () => {
  const all = await listed(cast.admin, { month: '2026-07' })
  expect(all.total).toBe(3)
  expect(all.items[0]).toEqual({
    noticeId: 'n-early',
    noticeTitle: '周会改期',
    personId: cast.eastEmployee,
    personName: '李娜',
    departmentId: 'dept-sales-east',
    departmentName: '华东销售部',
    sentAt: sh('2026-07-20T09:00:00').toISOString(),
    deadlineAt: sh('2026-07-20T11:00:00').toISOString(),
    // 2026-07-20 11:00 to 2026-11-27 10:00: 130 days less an hour.
    lateMinutes: 130 * 1440 - 60,
  })
  expect(all.items.map((r) => [r.noticeId, r.personId])).toEqual([
    ['n-early', cast.eastEmployee],
    ['n-early', 'p-sales-south-02'],
    ['n-late', cast.eastColleague],
  ])
  expect((await listed(cast.admin, { month: '2026-07', departmentId: 'dept-sales-south' })).items.map((r) => r.personId)).toEqual(['p-sales-south-02'])
  expect((await listed(cast.admin, { month: '2026-06' })).items.map((r) => r.noticeId)).toEqual(['n-june'])
  const paged = await listed(cast.admin, { month: '2026-07', page: 2, pageSize: 2 })
  expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ noticeId: 'n-late' }] })
})

it('gives a head their own department and refuses another, with nothing written', async () => {
  expect((await listed(cast.eastHead, { month: '2026-07' })).items.map((r) => r.personId)).toEqual([cast.eastEmployee, cast.eastColleague])
  expect((await listed(cast.eastHead, { month: '2026-07', departmentId: 'dept-sales-east' })).total).toBe(2)
  const before = world.cloud.database.digest()
  expect(await as(cast.eastHead)('notice.listOverdueReceipts', { month: '2026-07', departmentId: 'dept-sales-south' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  expect(await as(cast.eastEmployee)('notice.listOverdueReceipts', { month: '2026-07' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  for (const payload of [{}, { month: '2026-13' }, { month: '2026-07', departmentId: '' }, { month: '2026-07', filter: 'overdue' }]) {
    expect(await as(cast.admin)('notice.listOverdueReceipts', payload)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  }
  expect(world.cloud.database.digest()).toBe(before)
})
