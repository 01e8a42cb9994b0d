import type { CustomerDetail, TodoItem, Todos } from '../../types/contract'
import { seedDemoAssessments } from '../../scripts/local-cloud/seed-assessments'
import { seedDemoWorkRecords } from '../../scripts/local-cloud/seed-work'
import { demoSelfIntroduction } from '../../scripts/local-cloud/seed-policy'
import { cast } from '../support/company'
import { useScenario } from '../support/scenario'

/**
 * The demo work records `npm start` seeds, read back through the real actions: a field the
 * seed names differently from the cloud functions fails an output check or a count here.
 * The scenario clock is Friday 2026-11-27, 10:00 in Shanghai.
 */
const world = useScenario()
const as = world.as

const lina = cast.eastEmployee
const wanglei = cast.eastHead
const linTao = cast.southHead
const admin = cast.admin
const hejia = 'p-sales-south-02'
const liuyang = 'p-sales-east-04'
const yuanye = 'p-marketing-02'
const hanbing = 'p-service-02'
const guoqiang = 'p-sales-south-03'

beforeEach(async () => {
  await seedDemoWorkRecords(world.db, world.now)
})

async function must<T = any>(promise: Promise<{ ok: boolean; data?: T; error?: { code: string; message?: string } }>): Promise<T> {
  const res = await promise
  if (!res.ok) throw new Error(`refused: ${res.error?.code} ${res.error?.message ?? ''}`)
  return res.data as T
}

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id)
const ofKind = (items: TodoItem[], kind: TodoItem['kind']) => items.filter((i) => i.kind === kind)

describe('customers', () => {
  it('lists an owner’s own customers, and a department’s or everyone’s for heads and admins', async () => {
    const mine = await must(as(lina)('customer.list', { scope: 'mine', pageSize: 50 }))
    expect(mine.total).toBe(6)
    expect(ids(mine.items).sort()).toEqual(['demo-cust-01', 'demo-cust-02', 'demo-cust-03', 'demo-cust-04', 'demo-cust-05', 'demo-cust-06'])
    expect(mine.items.find((c: { id: string }) => c.id === 'demo-cust-01')).toMatchObject({
      name: '钱国栋',
      company: '苏州恒润机械有限公司',
      phoneMasked: '137****5537',
      ownerName: '李娜',
      departmentName: '华东销售部',
      lastContactOn: '2026-11-17',
      nextFollowUpOn: '2026-11-24',
    })

    expect((await must(as(wanglei)('customer.list', { scope: 'managed' }))).total).toBe(20)
    expect((await must(as(admin)('customer.list', { scope: 'managed' }))).total).toBe(40)
    const due = await must(as(admin)('customer.list', { scope: 'managed', filter: 'due' }))
    expect(ids(due.items).sort()).toEqual(['demo-cust-01', 'demo-cust-21'])
    const complaints = await must(as(admin)('customer.list', { scope: 'managed', filter: 'complaints' }))
    expect(complaints.items).toEqual([expect.objectContaining({ id: 'demo-cust-34', name: '许文涛', complaintCount: 1 })])
  })

  it('opens a customer file with its timeline and counts as seeded', async () => {
    const detail: CustomerDetail = await must(as(lina)('customer.get', { customerId: 'demo-cust-01' }))
    expect(detail).toMatchObject({
      phone: '13730065537',
      addedByName: '李娜',
      consentAt: '2026-10-18T01:30:00.000Z',
      canWrite: true,
      timelineTotal: 5,
      stats: { contacts: 3, followUpsOpen: 1, followUpsOnTime: 1, followUpsLate: 0, followUpsOverdue: 1, feedbackCount: 1, averageSatisfaction: 5, complaints: 0 },
    })
    expect(detail.openFollowUps).toEqual([expect.objectContaining({ id: 'demo-fu-01-2', dueOn: '2026-11-24', state: 'overdue', daysOverdue: 3, plannedByName: '李娜' })])
    expect(detail.timeline.map((e) => `${e.kind}:${e.on}`)).toEqual([
      'contact:2026-11-17',
      'feedback:2026-10-28',
      'contact:2026-10-24',
      'followUp:2026-10-24',
      'contact:2026-10-18',
    ])
    const closed = detail.timeline.find((e) => e.kind === 'followUp')
    expect(closed).toMatchObject({ byName: '李娜', followUp: { state: 'done_on_time', onTime: true, closedByName: '李娜' } })

    // The head reads the same file but does not write to it.
    expect(await must(as(wanglei)('customer.get', { customerId: 'demo-cust-01' }))).toMatchObject({ canWrite: false, timelineTotal: 5 })

    const complaint: CustomerDetail = await must(as(hanbing)('customer.get', { customerId: 'demo-cust-34' }))
    expect(complaint.stats).toEqual({ contacts: 3, followUpsOpen: 1, followUpsOnTime: 1, followUpsLate: 0, followUpsOverdue: 0, feedbackCount: 2, averageSatisfaction: 3, complaints: 1 })
    expect(complaint.timeline.filter((e) => e.kind === 'feedback')).toEqual([
      expect.objectContaining({ on: '2026-11-15', satisfaction: 4, complaint: false }),
      expect.objectContaining({ on: '2026-11-07', satisfaction: 2, complaint: true, content: '上月订单比约定晚到一周，事先也没人通知' }),
    ])

    const late: CustomerDetail = await must(as(lina)('customer.get', { customerId: 'demo-cust-04' }))
    expect(late.stats).toMatchObject({ followUpsOnTime: 0, followUpsLate: 1 })
    expect(late.timeline.find((e) => e.kind === 'followUp')).toMatchObject({ followUp: { state: 'done_late', onTime: false } })
    const dormant: CustomerDetail = await must(as(lina)('customer.get', { customerId: 'demo-cust-05' }))
    expect(dormant.timeline.find((e) => e.kind === 'followUp')).toMatchObject({ followUp: { state: 'cancelled', status: 'cancelled', onTime: null } })
  })

  it('keeps every customer’s counters in step with the records they count', async () => {
    const { items } = await must(as(admin)('customer.list', { scope: 'managed', pageSize: 50 }))
    expect(items).toHaveLength(40)
    const totals = { contacts: 0, followUpsOpen: 0, followUpsOnTime: 0, followUpsLate: 0, feedbackCount: 0, complaints: 0 }
    for (const { id } of items) {
      const detail: CustomerDetail = await must(as(admin)('customer.get', { customerId: id }))
      const closed = detail.timeline.flatMap((e) => (e.kind === 'followUp' ? [e.followUp] : []))
      expect({ id, total: detail.timelineTotal, contacts: detail.stats.contacts, open: detail.stats.followUpsOpen, onTime: detail.stats.followUpsOnTime, late: detail.stats.followUpsLate }).toEqual({
        id,
        total: detail.timeline.length,
        contacts: detail.timeline.filter((e) => e.kind === 'contact').length,
        open: detail.openFollowUps.length,
        onTime: closed.filter((f) => f.state === 'done_on_time').length,
        late: closed.filter((f) => f.state === 'done_late').length,
      })
      expect(detail.nextFollowUpOn).toBe(detail.openFollowUps[0]?.dueOn ?? null)
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += detail.stats[key]
    }
    expect(totals).toEqual({ contacts: 82, followUpsOpen: 26, followUpsOnTime: 16, followUpsLate: 9, feedbackCount: 26, complaints: 1 })
  })

  it('shows the overdue follow-up and the one due today', async () => {
    const overdue = await must(as(lina)('customer.listFollowUps', { window: 'overdue' }))
    expect(overdue.total).toBe(1)
    expect(overdue.items[0]).toMatchObject({ id: 'demo-fu-01-2', customerName: '钱国栋', ownerName: '李娜', departmentName: '华东销售部', state: 'overdue', daysOverdue: 3 })

    const due = await must(as(admin)('customer.listFollowUps', { scope: 'managed', window: 'due' }))
    expect(due.items.map((f: { id: string; state: string }) => `${f.id}:${f.state}`)).toEqual(['demo-fu-01-2:overdue', 'demo-fu-21-1:due_today'])
    expect((await must(as(admin)('customer.listFollowUps', { scope: 'managed', window: 'open' }))).total).toBe(26)
  })

  it('has the company’s own self-introduction', async () => {
    expect(await must(as(lina)('customer.getSelfIntroduction', {}))).toMatchObject({ template: demoSelfIntroduction, isDefault: false, updatedByName: '陈静' })
  })
})

describe('tasks', () => {
  it('lists all tasks for the admin by state, with the one overdue', async () => {
    const all = await must(as(admin)('task.list', { scope: 'all', filter: 'all', pageSize: 50 }))
    expect(all).toMatchObject({ total: 15, overdueCount: 1 })
    const count = async (filter: string) => (await must(as(admin)('task.list', { scope: 'all', filter }))).total
    expect({ active: await count('active'), done: await count('done'), cancelled: await count('cancelled') }).toEqual({ active: 9, done: 5, cancelled: 1 })
    const overdue = await must(as(admin)('task.list', { scope: 'all', filter: 'overdue' }))
    expect(overdue.items).toEqual([expect.objectContaining({ id: 'demo-task-06', status: 'in_progress', progress: 50, dueOn: '2026-11-24', overdue: true, overdueDays: 3 })])

    const done = await must(as(admin)('task.list', { scope: 'all', filter: 'done' }))
    expect(Object.fromEntries(done.items.map((t: { id: string; onTime: boolean }) => [t.id, t.onTime]))).toEqual({
      'demo-task-09': true,
      'demo-task-10': true,
      'demo-task-11': false,
      'demo-task-12': false,
      'demo-task-13': true,
    })
    expect((await must(as(wanglei)('task.list', { scope: 'department', filter: 'all' }))).total).toBe(5)
  })

  it('opens a cross-department task with its leads and history, and a rescheduled one', async () => {
    const joint = await must(as(wanglei)('task.get', { id: 'demo-task-07' }))
    expect(joint).toMatchObject({ crossDepartment: true, status: 'in_progress', progress: 45, historyCount: 3, revision: 2, creatorName: '陈静', available: [] })
    expect(joint.assignees.map((a: { name: string; departmentName: string; isOwner: boolean }) => `${a.name}/${a.departmentName}/${a.isOwner}`)).toEqual([
      '邓超/市场部/true',
      '许晴/市场部/false',
      '赵雪/华东销售部/true',
      '宋雨/华南销售部/true',
    ])
    expect(joint.history.map((h: { kind: string; actorName: string; progress: number | null }) => `${h.kind}:${h.actorName}:${h.progress}`)).toEqual([
      'create:陈静:null',
      'progress:邓超:20',
      'progress:赵雪:45',
    ])
    expect((await must(as('p-marketing-03')('task.get', { id: 'demo-task-07' }))).available).toEqual(['update', 'complete'])

    const moved = await must(as('p-service-01')('task.get', { id: 'demo-task-05' }))
    expect(moved.history.map((h: { kind: string }) => h.kind)).toEqual(['create', 'progress', 'due', 'progress'])
    expect(moved.history[2]).toMatchObject({ fromDueOn: '2026-11-25', toDueOn: '2026-12-03' })
    expect(moved).toMatchObject({ dueOn: '2026-12-03', overdue: false, revision: 3 })

    const cancelled = await must(as(admin)('task.get', { id: 'demo-task-14' }))
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '场地没有落实，活动改到明年一季度', cancelledAt: expect.any(String) })
  })
})

describe('archives', () => {
  it('gives the admin this month’s coverage per department', async () => {
    const coverage = await must(as(admin)('archive.coverage', {}))
    expect(coverage).toMatchObject({ month: '2026-11', dueOn: '2026-11-25', windowStart: '2026-09-01' })
    expect(coverage.total).toEqual({ staffCount: 33, confirmedCount: 8, incompleteCount: 1, recordsAdded: 13, dormantCount: 14 })
    const rows = Object.fromEntries(
      coverage.departments.map((d: Record<string, number | string>) => [d.departmentName, [d.staffCount, d.confirmedCount, d.incompleteCount, d.recordsAdded, d.dormantCount]]),
    )
    expect(rows).toEqual({
      行政部: [3, 2, 0, 1, 1],
      华东销售部: [9, 2, 0, 4, 4],
      华南销售部: [8, 1, 0, 3, 3],
      客户服务部: [7, 2, 1, 3, 3],
      市场部: [6, 1, 0, 2, 3],
    })

    const lastMonth = await must(as(admin)('archive.coverage', { month: '2026-10' }))
    expect(lastMonth.total).toMatchObject({ confirmedCount: 29, incompleteCount: 3, recordsAdded: 12 })
    const incomplete = await must(as(admin)('archive.listConfirmations', { month: '2026-10', status: 'incomplete' }))
    expect(incomplete.items.map((r: { personName: string }) => r.personName).sort()).toEqual(['杨帆', '罗斌', '沈珂'].sort())
  })

  it('lists the records and a person’s month', async () => {
    expect((await must(as(admin)('archive.list', { scope: 'all' }))).total).toBe(30)
    const mine = await must(as(lina)('archive.list', { scope: 'mine' }))
    expect(mine.items.map((r: { title: string; backedUpOn: string }) => `${r.backedUpOn} ${r.title}`)).toEqual([
      '2026-11-21 客户名片电子版汇总',
      '2026-10-28 恒润机械设备采购合同（扫描件）',
      '2026-09-30 启明贸易微信聊天记录导出',
    ])
    expect(mine.items[1]).toMatchObject({ category: 'contract', location: 'cloud', customerName: '苏州恒润机械有限公司', departmentName: '华东销售部', revision: 0 })
    const monthly = await must(as(lina)('archive.getMonthly', {}))
    expect(monthly).toMatchObject({ month: '2026-11', overdue: false, recordsThisMonth: 1, lastBackedUpOn: '2026-11-21', confirmation: { complete: true, onTime: true } })
    const earlier = await must(as(lina)('archive.getMonthly', { month: '2026-10' }))
    expect(earlier.confirmation).toMatchObject({ month: '2026-10', classified: true, cleaned: true, backedUp: true })
  })
})

describe('marketing material and business groups', () => {
  it('has approved material in the library and one item waiting for review', async () => {
    const library = await must(as(lina)('marketing.list', { scope: 'library' }))
    expect(library.total).toBe(5)
    expect(Object.fromEntries(library.items.map((m: { id: string; pushCount: number }) => [m.id, m.pushCount]))).toEqual({
      'demo-mkt-01': 2,
      'demo-mkt-02': 3,
      'demo-mkt-03': 1,
      'demo-mkt-04': 1,
      'demo-mkt-05': 0,
    })
    expect(library.items.every((m: { flagCount: number }) => m.flagCount === 0)).toBe(true)

    const review = await must(as(admin)('marketing.list', { scope: 'review' }))
    expect(review.items).toEqual([expect.objectContaining({ id: 'demo-mkt-06', status: 'pending', authorName: '马丽', flagCount: 4 })])
    expect((await must(as(linTao)('marketing.list', { scope: 'review' }))).total).toBe(1)
    expect((await must(as(wanglei)('marketing.list', { scope: 'review' }))).total).toBe(0)

    const pending = await must(as(linTao)('marketing.get', { id: 'demo-mkt-06' }))
    expect(pending.flags.map((f: { kind: string; term: string }) => `${f.kind}:${f.term}`)).toEqual(['absolute:全网最低', 'price:原价3980元', 'price:活动价2680元', 'promise:保证'])
    expect(pending.available).toEqual(['approve', 'reject'])

    const rejected = await must(as(guoqiang)('marketing.get', { id: 'demo-mkt-07' }))
    expect(rejected).toMatchObject({ status: 'rejected', reviewerName: '林涛', canPush: false })
    expect(rejected.timeline.map((e: { event: string }) => e.event)).toEqual(['submit', 'reject'])
    expect(rejected.reviewComment).toContain('稳赚不赔')

    const pushes = await must(as(admin)('marketing.listPushes', {}))
    expect(pushes.total).toBe(7)
    expect((await must(as(admin)('marketing.listPushes', { itemId: 'demo-mkt-01' }))).items).toEqual([
      expect.objectContaining({ byName: '李娜', customers: ['孙丽华', '郑晓燕'], groups: [{ id: 'demo-group-01', name: '华东重点客户交流群' }], count: 38 }),
      expect.objectContaining({ byName: '袁野', customers: [], groups: [{ id: 'demo-group-06', name: '新品体验官群' }], count: 58 }),
    ])
    expect((await must(as(linTao)('marketing.listPushes', {}))).total).toBe(1)
  })

  it('flags the group without a purpose and the one not reviewed for four months', async () => {
    const all = await must(as(admin)('group.list', { scope: 'all' }))
    expect(all).toMatchObject({ total: 10, flaggedCount: 2 })
    const flagged = await must(as(admin)('group.list', { scope: 'all', flaggedOnly: true }))
    expect(flagged.items.map((g: { id: string; name: string; flags: string[] }) => [g.id, g.name, g.flags])).toEqual([
      ['demo-group-09', '老客户回访群', ['review_overdue']],
      ['demo-group-08', '华南客户临时群', ['no_purpose']],
    ])
    expect(flagged.items[0]).toMatchObject({ lastReviewedAt: '2026-07-27T07:00:00.000Z', reviewDueOn: '2026-10-27' })

    const reviewed = await must(as(linTao)('group.get', { id: 'demo-group-03' }))
    expect(reviewed.reviews.map((r: { at: string; byName: string }) => `${r.at.slice(0, 10)} ${r.byName}`)).toEqual(['2026-11-17 林涛', '2026-08-24 林涛'])
    expect(reviewed).toMatchObject({ flags: [], reviewDueOn: '2027-02-17', available: ['update', 'review', 'dissolve'] })
    const dissolved = await must(as(admin)('group.get', { id: 'demo-group-10' }))
    expect(dissolved).toMatchObject({ status: 'dissolved', flags: [], dissolvedByName: '赵雪', available: [] })
  })
})

describe('to-do lists', () => {
  const todos = (personId: string): Promise<Todos> => must(as(personId)('todo.list', {}))

  it('brings the seeded work to the people it waits for', async () => {
    const linaTodos = await todos(lina)
    expect(ofKind(linaTodos.mine, 'customer')).toEqual([expect.objectContaining({ id: 'demo-cust-01', title: '跟进客户：钱国栋（已逾期3天）', statusLabel: '已逾期' })])
    expect(ofKind(linaTodos.mine, 'task')).toEqual([])
    expect(ofKind(linaTodos.mine, 'archive')).toEqual([])

    const hejiaTodos = await todos(hejia)
    expect(ofKind(hejiaTodos.mine, 'customer')).toEqual([expect.objectContaining({ id: 'demo-cust-21', title: '跟进客户：邓志华（今天到期）' })])
    expect(ofKind(hejiaTodos.mine, 'task')).toEqual([expect.objectContaining({ id: 'demo-task-03', title: '任务：提交本周客户拜访计划（今天到期）' })])

    const liuyangTodos = await todos(liuyang)
    expect(ofKind(liuyangTodos.mine, 'task')).toEqual([expect.objectContaining({ id: 'demo-task-06', statusLabel: '已逾期' })])
    expect(ofKind(liuyangTodos.mine, 'archive')).toEqual([expect.objectContaining({ id: '2026-11', statusLabel: '已逾期' })])

    expect(ofKind((await todos(yuanye)).mine, 'task')).toEqual([expect.objectContaining({ id: 'demo-task-02', title: '任务：更新朋友圈素材库目录（明天到期）' })])
    expect(ofKind((await todos(wanglei)).mine, 'task')).toEqual([expect.objectContaining({ id: 'demo-task-06', subtitle: '本部门执行人：刘洋 · 截止 2026-11-24' })])

    for (const decider of [linTao, admin]) {
      expect(ofKind((await todos(decider)).approvals, 'marketing')).toEqual([expect.objectContaining({ id: 'demo-mkt-06', statusLabel: '待审核' })])
    }
    expect(ofKind((await todos(wanglei)).approvals, 'marketing')).toEqual([])
  })
})

describe('spot checks', () => {
  const round1 = 'demo-round-01'
  const round2 = 'demo-round-02'
  const huangpeng = 'p-sales-east-07'
  const tangning = 'p-service-03'

  it('has last month’s round scored in full and this month’s waiting for its checker', async () => {
    const rounds = await must(as(admin)('spotCheck.listRounds', {}))
    expect(rounds.items.map((r: { id: string; month: string; createdByName: string; sampledCount: number; scoredCount: number }) => [r.id, r.month, r.createdByName, r.sampledCount, r.scoredCount])).toEqual([
      [round2, '2026-11', '林涛', 1, 0],
      [round1, '2026-10', '陈静', 4, 4],
    ])

    const done = await must(as(admin)('spotCheck.getRound', { id: round1 }))
    expect(done).toMatchObject({ departmentNames: ['华东销售部', '客户服务部'], size: 4, candidateCount: 16, reproducible: true })
    expect(done.allocation).toEqual([
      { departmentId: 'dept-sales-east', departmentName: '华东销售部', eligible: 9, sampled: 2 },
      { departmentId: 'dept-service', departmentName: '客户服务部', eligible: 7, sampled: 2 },
    ])
    expect(done.checks.map((c: { personName: string; status: string; month: string; firstReplyMinutes: number | null; rubricPercent: number }) => [c.personName, c.status, c.month, c.firstReplyMinutes, c.rubricPercent])).toEqual([
      ['黄鹏', 'scored', '2026-10', 8, 93.3],
      ['王磊', 'scored', '2026-10', 42, 73.3],
      ['唐宁', 'scored', '2026-10', null, 86.7],
      ['董洁', 'scored', '2026-10', 15, 73.3],
    ])
    // The head sees their own department's part of the admin's round.
    expect((await must(as('p-service-01')('spotCheck.getRound', { id: round1 }))).checks.map((c: { personName: string }) => c.personName)).toEqual(['唐宁', '董洁'])

    const waiting = await must(as(linTao)('spotCheck.getRound', { id: round2 }))
    expect(waiting).toMatchObject({ departmentNames: ['华南销售部'], reproducible: true, scoredCount: 0 })
    const toScore = await must(as(linTao)('spotCheck.list', { scope: 'toScore' }))
    expect(toScore.items).toEqual([expect.objectContaining({ id: `${round2}-p-sales-south-04`, personName: '马丽', status: 'pending', roundMonth: '2026-11', month: null })])
    expect(ofKind((await must<Todos>(as(linTao)('todo.list', {}))).approvals, 'spotcheck')).toEqual([expect.objectContaining({ id: `${round2}-p-sales-south-04`, title: '抽查评分：马丽' })])
    // Not announced to the person before it is scored.
    expect(await as('p-sales-south-04')('spotCheck.get', { id: `${round2}-p-sales-south-04` })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('shows the person their scored check with the rubric and the checker’s notes', async () => {
    const mine = await must(as(huangpeng)('spotCheck.listMine', {}))
    expect(mine.items).toEqual([expect.objectContaining({ id: `${round1}-${huangpeng}`, checkerName: '陈静', rubricPercent: 93.3, commented: false })])
    const check = await must(as(huangpeng)('spotCheck.get', { id: `${round1}-${huangpeng}` }))
    expect(check).toMatchObject({
      status: 'scored',
      scoredAt: '2026-10-12T07:30:00.000Z',
      scoredByName: '陈静',
      firstReplyMinutes: 8,
      rubric: { clarity: 5, courtesy: 5, infoHandling: 4 },
      notes: '报价说明条理清楚，客户追问交货期时也给了明确答复',
      available: ['comment'],
    })
    expect((await must(as(tangning)('spotCheck.listMine', {}))).items).toEqual([expect.objectContaining({ firstReplyMinutes: null, rubricPercent: 86.7 })])
  })
})

describe('violations', () => {
  it('has last month’s two violations citing the policy in force, one of them under appeal', async () => {
    const all = await must(as(admin)('violation.list', { scope: 'all', month: '2026-10' }))
    expect(all.items.map((v: { id: string; personName: string; status: string; severity: string; points: number; clause: { label: string } }) => [v.id, v.personName, v.status, v.severity, v.points, v.clause.label])).toEqual([
      ['demo-violation-02', '唐宁', 'appealed', 'major', 5, '第1版 2.2 账号使用与保管'],
      ['demo-violation-01', '张伟', 'recorded', 'minor', 2, '第1版 3.3 沟通态度与语言文明'],
    ])
    expect((await must(as(admin)('violation.list', { scope: 'all' }))).total).toBe(2)

    const minor = await must(as(cast.eastColleague)('violation.get', { id: 'demo-violation-01' }))
    expect(minor).toMatchObject({
      occurredOn: '2026-10-14',
      category: 'communication',
      penalty: '口头警告',
      recordedByName: '王磊',
      clause: { versionId: 'policy-v1', versionNumber: 1, chapterKey: 'communication', sectionKey: 'communication-manners' },
      appealDeadline: '2026-10-30',
      // The window closed before the scenario's today.
      available: [],
    })
    expect((await must(as(wanglei)('violation.list', { scope: 'department' }))).items.map((v: { id: string }) => v.id)).toEqual(['demo-violation-01'])

    const appeals = await must(as(admin)('violation.list', { scope: 'appeals' }))
    expect(appeals.items).toEqual([expect.objectContaining({ id: 'demo-violation-02', personName: '唐宁', departmentName: '客户服务部', appealedAt: '2026-10-21T03:05:00.000Z' })])
    const appealed = await must(as(admin)('violation.get', { id: 'demo-violation-02' }))
    expect(appealed).toMatchObject({ recordedByName: '谢芳', appealReason: expect.stringContaining('从轻处理'), available: ['uphold', 'overturn'] })
    expect(appealed.history.map((h: { kind: string; actorName: string }) => `${h.kind}:${h.actorName}`)).toEqual(['record:谢芳', 'appeal:唐宁'])
    expect(ofKind((await must<Todos>(as(admin)('todo.list', {}))).approvals, 'violation')).toEqual([expect.objectContaining({ id: 'demo-violation-02', title: '唐宁申诉违规记录' })])
  })
})

describe('assessments', () => {
  it('publishes the last three closed months through the real job, each employee reading theirs, and leaves published months alone when seeded again', async () => {
    const months = await seedDemoAssessments(world.db, world.now)
    expect(months).toHaveLength(3)
    expect([...months].sort()).toEqual(months)
    const latest = months[months.length - 1]!
    const mine = await must(as(lina)('assessment.getMine', {}))
    expect(mine).toMatchObject({ month: latest, personId: lina, published: true })
    const runs = await world.db.collection('assessment_runs').where({ month: latest }).count()
    const digest = world.cloud.database.digest()
    expect(await seedDemoAssessments(world.db, world.now)).toEqual([])
    expect(world.cloud.database.digest()).toBe(digest)
    expect((await world.db.collection('assessment_runs').where({ month: latest }).count()).total).toBe(runs.total)
  })
})
