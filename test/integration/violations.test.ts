import type { PolicyDocument, TodoItem, ViolationDetail } from '../../types/contract'
import type { ActionContext } from '../../cloudfunctions/src/core/context'
import type { PersonDoc } from '../../cloudfunctions/src/repos/people'
import { violationTodoBuckets, violationTodos } from '../../cloudfunctions/src/actions/violation'
import { violationEvidence } from '../../cloudfunctions/src/domain/violation'
import { loadMonthViolations } from '../../cloudfunctions/src/repos/violations'
import { demoPolicy, demoQuiz } from '../../scripts/local-cloud/seed-policy'
import { cast, openidOf } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as

/** A Shanghai wall-clock time; the scenario starts on Friday 2026-11-27 at 10:00. */
const sh = (local: string) => new Date(`${local}+08:00`)
const adminHead = 'p-admin-01'
const southEmployee = 'p-sales-south-02'

const base = {
  personId: cast.eastEmployee,
  occurredOn: '2026-11-25',
  versionId: 'policy-v1',
  sectionKey: 'communication-messages',
  category: 'communication',
  severity: 'major',
  penalty: '书面警告',
  description: '客户咨询报价后超过两个工作日未回复，客户投诉。',
}

async function record(by: string = cast.eastHead, extra: Record<string, unknown> = {}): Promise<ViolationDetail> {
  const res = await as(by)('violation.record', { ...base, ...extra })
  if (!res.ok) throw new Error(`violation.record refused: ${res.error.code}`)
  return res.data as ViolationDetail
}

async function appeal(id: string, personId: string = cast.eastEmployee): Promise<ViolationDetail> {
  const res = await as(personId)('violation.appeal', { id, reason: '当时在外培训，已提前交代同事代为回复。' })
  if (!res.ok) throw new Error(`violation.appeal refused: ${res.error.code}`)
  return res.data as ViolationDetail
}

/** The data of an answer that must have been ok. */
function dataOf(res: { ok: boolean; data?: any; error?: { code: string } }): any {
  if (!res.ok) throw new Error(`refused: ${res.error?.code}`)
  return res.data
}

async function stored(id: string): Promise<Record<string, any>> {
  return (await world.db.collection('violations').doc(id).get()).data as Record<string, any>
}

async function count(collection: string, where: Record<string, unknown> = {}): Promise<number> {
  return (await world.db.collection(collection).where(where).count()).total
}

async function auditOf(targetId: string): Promise<Array<{ action: string; actorId: string }>> {
  const { data } = await world.db.collection('audit_log').where({ targetId }).orderBy('at', 'asc').get()
  return data.map((a) => ({ action: a.action as string, actorId: a.actorId as string }))
}

async function logged(recipientId: string): Promise<Array<{ kind: string; recordId: string; title: string }>> {
  const { data } = await world.db.collection('notifications').where({ recipientId }).orderBy('createdAt', 'asc').get()
  return data.map((n) => ({ kind: n.kind as string, recordId: n.recordId as string, title: n.title as string }))
}

/** Calls expected to be refused, each leaving the database exactly as it was. */
async function refusedWithoutWriting(call: () => Promise<{ ok: boolean; error?: { code: string } }>, code: string): Promise<void> {
  const before = world.cloud.database.digest()
  const res = await call()
  expect(res).toMatchObject({ ok: false, error: { code } })
  expect(world.cloud.database.digest()).toBe(before)
}

async function contextOf(personId: string): Promise<ActionContext> {
  const person = (await world.db.collection('people').doc(personId).get()).data as unknown as PersonDoc
  return {
    db: world.db,
    now: () => world.now,
    openid: () => openidOf(personId),
    phone: { resolve: async () => null },
    messages: { send: async () => undefined },
    templateIds: {},
    caller: { kind: 'person', openid: openidOf(personId), person },
    action: 'todo.list',
  }
}

async function todosOf(personId: string): Promise<TodoItem[]> {
  return violationTodos(await contextOf(personId))
}

/** Version 2 in force from today: a section added to chapter 一 renumbers nothing in 三, one section removed. */
async function publishVersion2(): Promise<string> {
  const admin = as(cast.admin)
  const started = await admin('policy.startDraft', {})
  if (!started.ok) throw new Error(started.error.code)
  const document: PolicyDocument = structuredClone(demoPolicy)
  document.chapters[2].sections.reverse()
  document.chapters[4].sections = document.chapters[4].sections.filter((s) => s.key !== 'information-backup')
  const quiz = { ...demoQuiz, questions: demoQuiz.questions.filter((q) => q.sectionKey !== 'information-backup') }
  const versionId = started.data.version.id as string
  const saved = await admin('policy.saveDraft', { versionId, revision: started.data.version.revision, document, quiz, changeSummary: '调整沟通规范顺序' })
  if (!saved.ok) throw new Error(saved.error.code)
  const published = await admin('policy.publish', { versionId, revision: saved.data.revision, effectiveFrom: '2026-11-27', changeSummary: '调整沟通规范顺序', ackWithinDays: 5 })
  if (!published.ok) throw new Error(published.error.code)
  return versionId
}

describe('violation.record', () => {
  it('records a violation of a section in force against someone of the head’s department, and tells them', async () => {
    const v = await record()
    expect(v).toEqual({
      id: expect.stringMatching(/^violation-/),
      personId: cast.eastEmployee,
      personName: '李娜',
      departmentId: 'dept-sales-east',
      departmentName: '华东销售部',
      month: '2026-11',
      occurredOn: '2026-11-25',
      clause: { versionId: 'policy-v1', versionNumber: 1, chapterKey: 'communication', sectionKey: 'communication-messages', label: '第1版 3.2 信息发布与回复' },
      category: 'communication',
      severity: 'major',
      points: 5,
      penalty: '书面警告',
      status: 'recorded',
      stands: true,
      recordedAt: '2026-11-27T02:00:00.000Z',
      recordedByName: '王磊',
      appealDeadline: '2026-12-12',
      appealedAt: null,
      description: '客户咨询报价后超过两个工作日未回复，客户投诉。',
      appealReason: null,
      decidedAt: null,
      decidedByName: null,
      decisionComment: null,
      history: [{ kind: 'record', at: '2026-11-27T02:00:00.000Z', actorName: '王磊', note: '书面警告' }],
      // The head records; the appeal is the person's.
      available: [],
    })
    // The fields the monthly assessment reads, under their agreed names.
    expect(await stored(v.id)).toMatchObject({
      personId: cast.eastEmployee,
      departmentId: 'dept-sales-east',
      month: '2026-11',
      occurredOn: '2026-11-25',
      clause: { versionId: 'policy-v1', versionNumber: 1, chapterKey: 'communication', sectionKey: 'communication-messages', label: '第1版 3.2 信息发布与回复' },
      category: 'communication',
      severity: 'major',
      points: 5,
      penalty: '书面警告',
      status: 'recorded',
      recordedAt: new Date('2026-11-27T02:00:00Z'),
      recordedById: cast.eastHead,
    })
    expect(await auditOf(v.id)).toEqual([{ action: 'violation.record', actorId: cast.eastHead }])
    expect(await logged(cast.eastEmployee)).toEqual([{ kind: 'violation', recordId: v.id, title: '违规记录：扣5分' }])
    const seen = await as(cast.eastEmployee)('violation.get', { id: v.id })
    expect(seen).toMatchObject({ ok: true, data: { id: v.id, available: ['appeal'] } })
  })

  it('deducts the severity’s default unless the recorder adjusts it, and files it under the month it happened', async () => {
    expect((await record(cast.eastHead, { severity: 'minor' })).points).toBe(2)
    expect((await record(cast.eastHead, { severity: 'serious' })).points).toBe(10)
    expect((await record(cast.eastHead, { severity: 'serious', points: 0 })).points).toBe(0)
    const october = await record(cast.admin, { severity: 'minor', points: 30, occurredOn: '2026-10-31' })
    expect(october).toMatchObject({ points: 30, month: '2026-10', recordedByName: '陈静' })
  })

  it('lets an admin record against anyone, heads included', async () => {
    const v = await record(cast.admin, { personId: cast.southHead, sectionKey: 'information-confidential', category: 'confidentiality' })
    expect(v).toMatchObject({ personId: cast.southHead, departmentId: 'dept-sales-south', clause: { label: '第1版 5.3 信息保密与权限管理', chapterKey: 'information' } })
  })

  it('refuses, writing nothing: other departments, oneself, employees, the future, people who left, unknown people', async () => {
    await refusedWithoutWriting(() => as(cast.southHead)('violation.record', base), 'OUT_OF_SCOPE')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, personId: southEmployee }), 'OUT_OF_SCOPE')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, personId: cast.eastHead }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.admin)('violation.record', { ...base, personId: cast.admin }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.eastColleague)('violation.record', base), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, occurredOn: '2026-11-28' }), 'DATE_IN_FUTURE')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, personId: 'p-nobody' }), 'NOT_FOUND')
    await world.db.collection('people').doc(cast.eastColleague).update({ data: { status: 'left' } })
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, personId: cast.eastColleague }), 'PERSON_LEFT')
  })

  it('refuses a clause outside the version in force, and malformed input, writing nothing', async () => {
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, versionId: 'policy-v9' }), 'POLICY_NOT_IN_FORCE')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, sectionKey: 'communication' }), 'VIOLATION_CLAUSE_INVALID')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, points: 31 }), 'BAD_INPUT')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, points: 2.5 }), 'BAD_INPUT')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, penalty: '   ' }), 'BAD_INPUT')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, description: '经'.repeat(501) }), 'BAD_INPUT')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, severity: 'fatal' }), 'BAD_INPUT')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, occurredOn: '2026-02-30' }), 'BAD_INPUT')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, status: 'overturned' }), 'BAD_INPUT')
  })

  it('cites the new version once it is in force, numbered as it now reads, and keeps old labels as they were', async () => {
    const old = await record()
    const v2 = await publishVersion2()
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', base), 'POLICY_NOT_IN_FORCE')
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.record', { ...base, versionId: v2, sectionKey: 'information-backup' }), 'VIOLATION_CLAUSE_INVALID')
    const clauses = await as(cast.eastHead)('violation.clauses', {})
    expect(clauses).toMatchObject({ ok: true, data: { version: { id: v2, number: 2, title: demoPolicy.title } } })
    const labels = dataOf(clauses).sections.map((s: { label: string }) => s.label)
    expect(labels).toContain('3.2 信息发布与回复')
    expect(labels).toContain('3.1 沟通态度与语言文明')
    expect(dataOf(clauses).sections.some((s: { sectionKey: string }) => s.sectionKey === 'information-backup')).toBe(false)
    const v = await record(cast.eastHead, { versionId: v2, sectionKey: 'communication-manners' })
    expect(v.clause).toEqual({ versionId: v2, versionNumber: 2, chapterKey: 'communication', sectionKey: 'communication-manners', label: '第2版 3.1 沟通态度与语言文明' })
    expect((await stored(old.id)).clause.label).toBe('第1版 3.2 信息发布与回复')
  })
})

describe('violation.clauses', () => {
  it('lists every section of the version in force in reading order', async () => {
    const res = await as(cast.admin)('violation.clauses', {})
    expect(res.ok).toBe(true)
    const sections = demoPolicy.chapters.flatMap((c, ci) => c.sections.map((s, si) => ({ chapterKey: c.key, chapterTitle: c.title, sectionKey: s.key, label: `${ci + 1}.${si + 1} ${s.heading}` })))
    expect(dataOf(res)).toEqual({ version: { id: 'policy-v1', number: 1, title: demoPolicy.title }, sections })
  })
})

describe('violation.get', () => {
  it('shows the record to the person, their head and admins only', async () => {
    const v = await record()
    for (const who of [cast.eastEmployee, cast.eastHead, cast.admin]) expect(await as(who)('violation.get', { id: v.id })).toMatchObject({ ok: true, data: { id: v.id } })
    expect(await as(cast.southHead)('violation.get', { id: v.id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.eastColleague)('violation.get', { id: v.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.admin)('violation.get', { id: 'violation-nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('appealing', () => {
  it('lets the person appeal once with a reason, tells the admins, and keeps it counting meanwhile', async () => {
    const v = await record()
    world.now = sh('2026-11-30T09:15:00')
    const appealed = await appeal(v.id)
    expect(appealed).toMatchObject({
      status: 'appealed',
      stands: true,
      appealReason: '当时在外培训，已提前交代同事代为回复。',
      appealedAt: '2026-11-30T01:15:00.000Z',
      available: [],
      history: [
        { kind: 'record', actorName: '王磊' },
        { kind: 'appeal', at: '2026-11-30T01:15:00.000Z', actorName: '李娜', note: '当时在外培训，已提前交代同事代为回复。' },
      ],
    })
    expect(await logged(cast.admin)).toEqual([{ kind: 'violation', recordId: v.id, title: '李娜申诉违规记录' }])
    expect(await as(cast.admin)('violation.get', { id: v.id })).toMatchObject({ ok: true, data: { available: ['uphold', 'overturn'] } })
    await refusedWithoutWriting(() => as(cast.eastEmployee)('violation.appeal', { id: v.id, reason: '再申诉一次' }), 'ALREADY_APPEALED')
    expect(await auditOf(v.id)).toEqual([
      { action: 'violation.record', actorId: cast.eastHead },
      { action: 'violation.appeal', actorId: cast.eastEmployee },
    ])
  })

  it('takes one of two appeals sent at the same moment', async () => {
    const v = await record()
    const results = await Promise.all([1, 2].map((n) => as(cast.eastEmployee)('violation.appeal', { id: v.id, reason: `第${n}次提交` })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'ALREADY_APPEALED' }) })])
    expect(await count('audit_log', { targetId: v.id, action: 'violation.appeal' })).toBe(1)
  })

  it('is open until the end of the 15th day after recording', async () => {
    const v = await record()
    const late = await record(cast.eastHead, { severity: 'minor' })
    world.now = sh('2026-12-12T23:50:00')
    expect((await appeal(v.id)).status).toBe('appealed')
    world.now = sh('2026-12-13T00:05:00')
    expect(await as(cast.eastEmployee)('violation.get', { id: late.id })).toMatchObject({ ok: true, data: { available: [], appealDeadline: '2026-12-12' } })
    await refusedWithoutWriting(() => as(cast.eastEmployee)('violation.appeal', { id: late.id, reason: '晚了' }), 'APPEAL_WINDOW_CLOSED')
  })

  it('is for the person alone', async () => {
    const v = await record()
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.appeal', { id: v.id, reason: '替员工申诉' }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.admin)('violation.appeal', { id: v.id, reason: '替员工申诉' }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.southHead)('violation.appeal', { id: v.id, reason: '替员工申诉' }), 'OUT_OF_SCOPE')
    await refusedWithoutWriting(() => as(cast.eastColleague)('violation.appeal', { id: v.id, reason: '替同事申诉' }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.eastEmployee)('violation.appeal', { id: v.id, reason: ' ' }), 'BAD_INPUT')
  })
})

describe('deciding an appeal', () => {
  it('upholds: the violation keeps counting, and the person hears of it', async () => {
    const v = await record()
    await appeal(v.id)
    world.now = sh('2026-12-01T14:00:00')
    const res = await as(cast.admin)('violation.decide', { id: v.id, outcome: 'upheld' })
    expect(res).toMatchObject({
      ok: true,
      data: { status: 'upheld', stands: true, decidedAt: '2026-12-01T06:00:00.000Z', decidedByName: '陈静', decisionComment: null, available: [] },
    })
    expect(dataOf(res).history.map((h: { kind: string }) => h.kind)).toEqual(['record', 'appeal', 'upheld'])
    expect(await logged(cast.eastEmployee)).toEqual([
      { kind: 'violation', recordId: v.id, title: '违规记录：扣5分' },
      { kind: 'violation', recordId: v.id, title: '申诉未通过，维持原记录' },
    ])
    await refusedWithoutWriting(() => as(cast.admin)('violation.decide', { id: v.id, outcome: 'overturned', comment: '改判' }), 'INVALID_STATE')
    await refusedWithoutWriting(() => as(cast.eastEmployee)('violation.appeal', { id: v.id, reason: '不服' }), 'ALREADY_APPEALED')
  })

  it('overturns only with a reason; an overturned violation no longer counts', async () => {
    const v = await record()
    await appeal(v.id)
    await refusedWithoutWriting(() => as(cast.admin)('violation.decide', { id: v.id, outcome: 'overturned' }), 'BAD_INPUT')
    await refusedWithoutWriting(() => as(cast.admin)('violation.decide', { id: v.id, outcome: 'overturned', comment: ' ' }), 'BAD_INPUT')
    const res = await as(cast.admin)('violation.decide', { id: v.id, outcome: 'overturned', comment: '  核实已安排同事代回复，不属违规 ' })
    expect(res).toMatchObject({ ok: true, data: { status: 'overturned', stands: false, decisionComment: '核实已安排同事代回复，不属违规' } })
    expect(dataOf(res).history[2]).toEqual({ kind: 'overturned', at: '2026-11-27T02:00:00.000Z', actorName: '陈静', note: '核实已安排同事代回复，不属违规' })
    expect(await stored(v.id)).toMatchObject({ status: 'overturned', decidedById: cast.admin })
    expect(await auditOf(v.id)).toEqual([
      { action: 'violation.record', actorId: cast.eastHead },
      { action: 'violation.appeal', actorId: cast.eastEmployee },
      { action: 'violation.decide', actorId: cast.admin },
    ])
  })

  it('is not for heads, nor before an appeal, nor for an admin about their own appeal', async () => {
    const v = await record()
    await refusedWithoutWriting(() => as(cast.admin)('violation.decide', { id: v.id, outcome: 'upheld' }), 'INVALID_STATE')
    await appeal(v.id)
    await refusedWithoutWriting(() => as(cast.eastHead)('violation.decide', { id: v.id, outcome: 'upheld' }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.eastEmployee)('violation.decide', { id: v.id, outcome: 'overturned', comment: '我没有违规' }), 'FORBIDDEN')
    // 行政部's head records against the admin, who appeals: another admin must decide.
    const own = await record(adminHead, { personId: cast.admin })
    await appeal(own.id, cast.admin)
    await refusedWithoutWriting(() => as(cast.admin)('violation.decide', { id: own.id, outcome: 'overturned', comment: '撤销' }), 'SELF_APPROVAL')
  })

  it('takes one of two decisions made at the same moment', async () => {
    const v = await record()
    await appeal(v.id)
    const results = await Promise.all([
      as(cast.admin)('violation.decide', { id: v.id, outcome: 'upheld' }),
      as(cast.admin)('violation.decide', { id: v.id, outcome: 'overturned', comment: '情况属实，撤销' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'INVALID_STATE' }) })])
    expect(await count('audit_log', { targetId: v.id, action: 'violation.decide' })).toBe(1)
  })
})

describe('violation.list', () => {
  async function ids(personId: string, payload: Record<string, unknown>): Promise<string[]> {
    const res = await as(personId)('violation.list', payload)
    if (!res.ok) throw new Error(`violation.list refused: ${res.error.code}`)
    return res.data.items.map((i: { id: string }) => i.id)
  }

  it('gives each their own, a head their department, admins all, newest first, filtered and searched', async () => {
    const a = await record()
    world.now = sh('2026-11-27T11:00:00')
    const b = await record(cast.eastHead, { personId: cast.eastColleague, occurredOn: '2026-10-30' })
    world.now = sh('2026-11-27T12:00:00')
    const c = await record(cast.admin, { personId: southEmployee })
    await appeal(a.id)

    expect(await ids(cast.eastEmployee, { scope: 'mine' })).toEqual([a.id])
    expect(await ids(cast.eastHead, { scope: 'department' })).toEqual([b.id, a.id])
    expect(await ids(cast.eastHead, { scope: 'department', status: 'appealed' })).toEqual([a.id])
    expect(await ids(cast.eastHead, { scope: 'department', month: '2026-10' })).toEqual([b.id])
    expect(await ids(cast.eastHead, { scope: 'department', keyword: '张' })).toEqual([b.id])
    expect(await ids(cast.southHead, { scope: 'department' })).toEqual([c.id])
    expect(await ids(cast.admin, { scope: 'all' })).toEqual([c.id, b.id, a.id])
    expect(await ids(cast.admin, { scope: 'all', departmentId: 'dept-sales-south' })).toEqual([c.id])
    expect(await ids(cast.admin, { scope: 'all', status: 'recorded' })).toEqual([c.id, b.id])
    expect(await ids(cast.admin, { scope: 'department', departmentId: 'dept-sales-east' })).toEqual([b.id, a.id])
    expect(await ids(cast.admin, { scope: 'appeals' })).toEqual([a.id])
    expect(await ids(cast.admin, { scope: 'appeals', departmentId: 'dept-sales-east' })).toEqual([a.id])
    expect(await ids(cast.admin, { scope: 'appeals', departmentId: 'dept-sales-south' })).toEqual([])
    const page = await as(cast.admin)('violation.list', { scope: 'all', page: 2, pageSize: 2 })
    expect(page).toMatchObject({ ok: true, data: { total: 3, page: 2, pageSize: 2, items: [{ id: a.id, personName: '李娜', departmentName: '华东销售部', status: 'appealed', stands: true }] } })
  })

  it('refuses what the caller may not list', async () => {
    expect(await as(cast.eastEmployee)('violation.list', { scope: 'department' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastHead)('violation.list', { scope: 'all' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastHead)('violation.list', { scope: 'appeals' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.southHead)('violation.list', { scope: 'department', departmentId: 'dept-sales-east' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  })

  it('leaves an admin’s own appeal out of their queue', async () => {
    const own = await record(adminHead, { personId: cast.admin })
    await appeal(own.id, cast.admin)
    expect(await ids(cast.admin, { scope: 'appeals' })).toEqual([])
    expect(await ids(cast.admin, { scope: 'mine' })).toEqual([own.id])
  })
})

describe('to-do lists', () => {
  it('shows the person a new violation for a week unless they appeal, and admins the appeals to decide', async () => {
    const v = await record()
    expect(await todosOf(cast.eastEmployee)).toEqual([
      { kind: 'violation', id: v.id, title: '违规记录：沟通规范，扣5分', subtitle: '第1版 3.2 信息发布与回复 · 2026-12-12前可申诉', statusLabel: '请查看', since: '2026-11-27T02:00:00.000Z' },
    ])
    expect(await todosOf(cast.eastHead)).toEqual([])
    expect(await todosOf(cast.admin)).toEqual([])

    const other = await record(cast.eastHead, { severity: 'minor' })
    world.now = sh('2026-11-28T09:00:00')
    await appeal(other.id)
    expect((await todosOf(cast.eastEmployee)).map((t) => t.id)).toEqual([v.id])
    const buckets = await violationTodoBuckets(await contextOf(cast.admin))
    expect(buckets).toEqual({
      approvals: [{ kind: 'violation', id: other.id, title: '李娜申诉违规记录', subtitle: '第1版 3.2 信息发布与回复：当时在外培训，已提前交代同事代为回复。', statusLabel: '待裁定', since: '2026-11-28T01:00:00.000Z' }],
      mine: [],
    })

    world.now = sh('2026-12-04T10:01:00')
    expect(await todosOf(cast.eastEmployee)).toEqual([])
    await as(cast.admin)('violation.decide', { id: other.id, outcome: 'upheld' })
    expect(await todosOf(cast.admin)).toEqual([])
  })
})

describe('assessment evidence', () => {
  it('counts the month’s violations that stand, by the month they happened', async () => {
    await record(cast.eastHead, { severity: 'minor' })
    await record(cast.eastHead, { severity: 'serious', category: 'confidentiality', sectionKey: 'information-confidential' })
    const overturned = await record(cast.eastHead, { severity: 'major', category: 'confidentiality', sectionKey: 'information-confidential' })
    await record(cast.eastHead, { severity: 'major', occurredOn: '2026-10-20' })
    await appeal(overturned.id)
    await as(cast.admin)('violation.decide', { id: overturned.id, outcome: 'overturned', comment: '证据不足' })
    expect(violationEvidence(await loadMonthViolations(world.db, '2026-11', cast.eastEmployee))).toEqual({ count: 2, points: 12, confidentiality: 1 })
    expect(violationEvidence(await loadMonthViolations(world.db, '2026-10', cast.eastEmployee))).toEqual({ count: 1, points: 5, confidentiality: 0 })
    expect(await loadMonthViolations(world.db, '2026-11')).toHaveLength(3)
  })
})
