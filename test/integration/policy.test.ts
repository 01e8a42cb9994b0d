import { systemContext } from '../../cloudfunctions/src/core/context'
import { remindPendingPolicy } from '../../cloudfunctions/src/jobs/policy-reminders'
import { demoPolicy, demoQuiz } from '../../scripts/local-cloud/seed-policy'
import { DEMO_POLICY_PENDING_IDS } from '../../scripts/local-cloud/seed'
import type { PolicyDocument } from '../../types/contract'
import { cast, openidOf } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as
const pending = DEMO_POLICY_PENDING_IDS[0]
const admin = () => as(cast.admin)

const rightAnswer = (key: string) => demoQuiz.questions.find((q) => q.key === key)!.answer

async function questionsFor(personId: string): Promise<string[]> {
  const res = await as(personId)('policy.getCurrent', {})
  if (!res.ok) throw new Error(res.error.code)
  return res.data.inForce.questions.map((q: { key: string }) => q.key)
}

async function acknowledge(personId: string, versionId: string, choose: (key: string) => number = rightAnswer) {
  const keys = await questionsFor(personId)
  return as(personId)('policy.acknowledge', { versionId, readToEnd: true, confirmed: true, answers: keys.map((questionKey) => ({ questionKey, choice: choose(questionKey) })) })
}

async function count(collection: string, where: Record<string, unknown> = {}): Promise<number> {
  return (await world.db.collection(collection).where(where).count()).total
}

/** Version 2: one clause added to 3.2 and a new section, published by the admin effective `on`. */
async function publishVersion2(on = '2026-11-27'): Promise<string> {
  const started = await admin()('policy.startDraft', {})
  if (!started.ok) throw new Error(started.error.code)
  const document: PolicyDocument = structuredClone(demoPolicy)
  document.chapters[2].sections[1].clauses.push('节假日期间的客户消息，由值班同事在4小时内首次回复。')
  document.chapters[0].sections.push({ key: 'general-scope-partners', heading: '外包人员', clauses: ['外包及实习人员使用业务微信，同样适用本制度。'] })
  const versionId = started.data.version.id
  const saved = await admin()('policy.saveDraft', { versionId, revision: started.data.version.revision, document, quiz: demoQuiz, changeSummary: '补充节假日回复要求' })
  if (!saved.ok) throw new Error(saved.error.code)
  const published = await admin()('policy.publish', { versionId, revision: saved.data.revision, effectiveFrom: on, changeSummary: '补充节假日回复要求', ackWithinDays: 5 })
  if (!published.ok) throw new Error(published.error.code)
  return versionId
}

describe('reading and acknowledging the version in force', () => {
  it('asks those who have not acknowledged, and tells whoami to show it first', async () => {
    expect(await as(pending)('session.whoami', {})).toMatchObject({ ok: true, data: { status: 'bound', policyToAcknowledge: { versionId: 'policy-v1', number: 1, overdue: true } } })
    expect(await as(cast.eastEmployee)('session.whoami', {})).toMatchObject({ ok: true, data: { policyToAcknowledge: null } })
    const current = await as(pending)('policy.getCurrent', {})
    expect(current).toMatchObject({ ok: true, data: { inForce: { version: { id: 'policy-v1', number: 1, inForce: true }, acknowledgement: null, overdue: true }, upcoming: null } })
    if (!current.ok) return
    expect(current.data.inForce.questions).toHaveLength(demoQuiz.askCount)
    // Readers never get the answers.
    expect(current.data.inForce.questions[0]).not.toHaveProperty('answer')
    expect(current.data.inForce.document.chapters).toHaveLength(demoPolicy.chapters.length)
    // The same reader gets the same questions each time.
    expect(await questionsFor(pending)).toEqual(current.data.inForce.questions.map((q: { key: string }) => q.key))
    const todos = await as(pending)('todo.list', {})
    expect(todos.ok && todos.data.mine[0]).toMatchObject({ kind: 'policy', id: 'policy-v1', statusLabel: '已逾期', subtitle: `确认截止 ${current.data.inForce.dueOn}` })
  })

  it('sends a wrong answer back to the clause to re-read, counts the attempt, then accepts the right answers', async () => {
    const keys = await questionsFor(pending)
    const wrongKey = keys[1]
    const wrong = await acknowledge(pending, 'policy-v1', (key) => (key === wrongKey ? (rightAnswer(key) + 1) % demoQuiz.questions.find((q) => q.key === key)!.options.length : rightAnswer(key)))
    const question = demoQuiz.questions.find((q) => q.key === wrongKey)!
    const section = demoPolicy.chapters.flatMap((c, ci) => c.sections.map((s, si) => ({ ...s, label: `${ci + 1}.${si + 1} ${s.heading}` }))).find((s) => s.key === question.sectionKey)!
    expect(wrong).toEqual({ ok: true, data: { outcome: 'retry', wrong: [{ questionKey: wrongKey, prompt: question.prompt, sectionKey: section.key, sectionLabel: section.label, clauses: section.clauses }] } })
    expect(await as(pending)('session.whoami', {})).toMatchObject({ ok: true, data: { policyToAcknowledge: { versionId: 'policy-v1' } } })

    world.now = new Date('2026-11-27T03:00:00Z')
    const accepted = await acknowledge(pending, 'policy-v1')
    expect(accepted).toEqual({ ok: true, data: { outcome: 'acknowledged', acknowledgement: { versionId: 'policy-v1', versionNumber: 1, acknowledgedAt: '2026-11-27T03:00:00.000Z', quizAsked: 3, quizFailedAttempts: 1 } } })
    expect(await as(pending)('session.whoami', {})).toMatchObject({ ok: true, data: { policyToAcknowledge: null } })
    expect(await count('audit_log', { action: 'policy.acknowledge', actorId: pending })).toBe(2)
  })

  it('keeps the first acknowledgement when acknowledged again, also for two taps at once', async () => {
    world.now = new Date('2026-11-27T03:00:00Z')
    const [a, b] = await Promise.all([acknowledge(pending, 'policy-v1'), acknowledge(pending, 'policy-v1')])
    expect(a).toMatchObject({ ok: true, data: { outcome: 'acknowledged', acknowledgement: { acknowledgedAt: '2026-11-27T03:00:00.000Z' } } })
    expect(b).toEqual(a)
    world.now = new Date('2026-11-28T03:00:00Z')
    expect(await acknowledge(pending, 'policy-v1')).toEqual(a)
    expect(await count('policy_acks', { personId: pending })).toBe(1)
    expect(await count('audit_log', { action: 'policy.acknowledge', actorId: pending })).toBe(1)
  })

  it('refuses incomplete quizzes, versions not in force, and anything naming someone else, writing nothing', async () => {
    const before = [await count('policy_acks'), await count('audit_log')]
    const keys = await questionsFor(pending)
    const attempts = [
      [{ versionId: 'policy-v1', readToEnd: true, confirmed: true, answers: keys.slice(0, 2).map((questionKey) => ({ questionKey, choice: rightAnswer(questionKey) })) }, 'QUIZ_INCOMPLETE'],
      [{ versionId: 'policy-v9', readToEnd: true, confirmed: true, answers: [] }, 'POLICY_NOT_IN_FORCE'],
      [{ versionId: 'policy-v1', readToEnd: false, confirmed: true, answers: [] }, 'BAD_INPUT'],
      [{ versionId: 'policy-v1', readToEnd: true, answers: [] }, 'BAD_INPUT'],
      // The caller is who WeChat says they are; naming another person is not part of the input.
      [{ versionId: 'policy-v1', readToEnd: true, confirmed: true, answers: [], personId: cast.eastEmployee }, 'BAD_INPUT'],
    ] as const
    for (const [payload, code] of attempts) {
      expect(await as(pending)('policy.acknowledge', payload)).toMatchObject({ ok: false, error: { code } })
    }
    expect([await count('policy_acks'), await count('audit_log')]).toEqual(before)
  })
})

describe('drafting and publishing', () => {
  it('opens one draft from the latest version, however many times it is asked for', async () => {
    const [a, b] = await Promise.all([admin()('policy.startDraft', {}), admin()('policy.startDraft', {})])
    expect(a).toMatchObject({ ok: true, data: { version: { id: 'policy-v2', status: 'draft', number: null, revision: 0 }, quiz: { askCount: 3 }, previousNumber: 1 } })
    expect(b).toMatchObject({ ok: true, data: { version: { id: 'policy-v2' } } })
    expect(await count('policy_versions', { status: 'draft' })).toBe(1)
    if (!a.ok) return
    expect(a.data.document).toEqual(demoPolicy)
    expect(a.data.comparison.counts).toEqual({ added: 0, removed: 0, changed: 0 })
    // Drafts are the admins' business only.
    expect(await as(cast.eastEmployee)('policy.getVersion', { versionId: 'policy-v2' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await as(cast.eastEmployee)('policy.listVersions', {})).toMatchObject({ ok: true, data: { total: 1, items: [{ id: 'policy-v1', inForce: true }] } })
    expect(await admin()('policy.listVersions', {})).toMatchObject({ ok: true, data: { total: 2, items: [{ id: 'policy-v2', status: 'draft' }, { id: 'policy-v1' }] } })
    // Quiz answers are not for readers either.
    expect(await as(cast.eastEmployee)('policy.getVersion', { versionId: 'policy-v1' })).toMatchObject({ ok: true, data: { quiz: null } })
  })

  it('refuses a save over someone else’s newer save, and quiz questions pointing at removed sections', async () => {
    const started = await admin()('policy.startDraft', {})
    if (!started.ok) throw new Error(started.error.code)
    const versionId = started.data.version.id
    const first = await admin()('policy.saveDraft', { versionId, revision: 0, document: demoPolicy, quiz: demoQuiz, changeSummary: '第一次保存' })
    expect(first).toMatchObject({ ok: true, data: { revision: 1 } })
    expect(await admin()('policy.saveDraft', { versionId, revision: 0, document: demoPolicy, quiz: demoQuiz, changeSummary: '旧页面保存' })).toMatchObject({ ok: false, error: { code: 'DRAFT_STALE' } })
    const withoutSection: PolicyDocument = structuredClone(demoPolicy)
    const removed = demoQuiz.questions[0].sectionKey
    for (const chapter of withoutSection.chapters) chapter.sections = chapter.sections.filter((s) => s.key !== removed)
    withoutSection.chapters = withoutSection.chapters.filter((c) => c.sections.length > 0)
    expect(await admin()('policy.saveDraft', { versionId, revision: 1, document: withoutSection, quiz: demoQuiz, changeSummary: '删一节' })).toMatchObject({
      ok: false,
      error: { code: 'QUIZ_SECTION_MISSING', details: { questions: demoQuiz.questions.filter((q) => q.sectionKey === removed).map((q) => q.key) } },
    })
    expect(await admin()('policy.publish', { versionId, revision: 1, effectiveFrom: '2026-11-26', changeSummary: '补充', ackWithinDays: 7 })).toMatchObject({ ok: false, error: { code: 'EFFECTIVE_DATE_PAST' } })
    expect(await admin()('policy.publish', { versionId, revision: 0, effectiveFrom: '2026-11-27', changeSummary: '补充', ackWithinDays: 7 })).toMatchObject({ ok: false, error: { code: 'DRAFT_STALE' } })
    expect(await admin()('policy.discardDraft', { versionId, revision: 1 })).toEqual({ ok: true, data: { discarded: true } })
    expect(await count('policy_versions', { status: 'draft' })).toBe(0)
    expect(await admin()('policy.discardDraft', { versionId, revision: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('puts a version published for today in force: everyone acknowledges again, and the old version can no longer be acknowledged', async () => {
    const versionId = await publishVersion2()
    expect(versionId).toBe('policy-v2')
    expect(await as(cast.eastEmployee)('session.whoami', {})).toMatchObject({ ok: true, data: { policyToAcknowledge: { versionId: 'policy-v2', number: 2, dueOn: '2026-12-02', overdue: false } } })
    expect(await acknowledge(pending, 'policy-v1')).toMatchObject({ ok: false, error: { code: 'POLICY_NOT_IN_FORCE' } })
    expect(await acknowledge(cast.eastEmployee, 'policy-v2')).toMatchObject({ ok: true, data: { outcome: 'acknowledged', acknowledgement: { versionNumber: 2 } } })
    const compared = await as(cast.eastEmployee)('policy.getVersion', { versionId, compare: true })
    expect(compared).toMatchObject({ ok: true, data: { version: { number: 2, inForce: true, changeSummary: '补充节假日回复要求' }, previousNumber: 1, comparison: { counts: { added: 1, removed: 0, changed: 1 } } } })
    expect(await as(cast.eastEmployee)('policy.listVersions', {})).toMatchObject({ ok: true, data: { items: [{ id: 'policy-v2', inForce: true }, { id: 'policy-v1', inForce: false }] } })
    // Without the comparison the reader still learns there is a version to compare with.
    expect(await as(cast.eastEmployee)('policy.getVersion', { versionId })).toMatchObject({ ok: true, data: { previousNumber: 1, comparison: null } })
    expect(await as(cast.eastEmployee)('policy.getVersion', { versionId: 'policy-v1' })).toMatchObject({ ok: true, data: { previousNumber: null, comparison: null } })
    expect(await count('audit_log', { action: 'policy.publish', targetId: versionId })).toBe(1)
  })

  it('keeps the current version in force until a later effective date, and refuses to go back before it', async () => {
    await publishVersion2('2026-12-01')
    expect(await as(cast.eastEmployee)('session.whoami', {})).toMatchObject({ ok: true, data: { policyToAcknowledge: null } })
    expect(await as(cast.eastEmployee)('policy.getCurrent', {})).toMatchObject({ ok: true, data: { inForce: { version: { id: 'policy-v1' } }, upcoming: { id: 'policy-v2', upcoming: true } } })
    expect(await acknowledge(cast.eastEmployee, 'policy-v2')).toMatchObject({ ok: false, error: { code: 'POLICY_NOT_IN_FORCE' } })
    const next = await admin()('policy.startDraft', {})
    if (!next.ok) throw new Error(next.error.code)
    expect(next.data.version.id).toBe('policy-v3')
    expect(await admin()('policy.publish', { versionId: 'policy-v3', revision: 0, effectiveFrom: '2026-11-30', changeSummary: '再改', ackWithinDays: 7 })).toMatchObject({ ok: false, error: { code: 'EFFECTIVE_BEFORE_PREVIOUS' } })
    world.now = new Date('2026-12-01T01:00:00Z')
    expect(await as(cast.eastEmployee)('session.whoami', {})).toMatchObject({ ok: true, data: { policyToAcknowledge: { versionId: 'policy-v2' } } })
  })
})

describe('progress and reminders', () => {
  it('shows admins every department’s rate and heads their own', async () => {
    const all = await admin()('policy.ackProgress', {})
    expect(all).toMatchObject({ ok: true, data: { version: { id: 'policy-v1' }, staffCount: 33, acknowledgedCount: 30, overdueCount: 3, rate: 90.9 } })
    if (!all.ok) return
    expect(all.data.departments.find((d: { departmentId: string }) => d.departmentId === 'dept-service')).toEqual({ departmentId: 'dept-service', departmentName: '客户服务部', staffCount: 7, acknowledgedCount: 6, overdueCount: 1, rate: 85.7 })
    expect(all.data.departments.find((d: { departmentId: string }) => d.departmentId === 'dept-sales-east')).toMatchObject({ staffCount: 9, acknowledgedCount: 9, rate: 100 })

    const south = await as(cast.southHead)('policy.ackProgress', {})
    expect(south).toMatchObject({ ok: true, data: { staffCount: 8, acknowledgedCount: 7, departments: [{ departmentId: 'dept-sales-south' }] } })
    if (south.ok) expect(south.data.departments).toHaveLength(1)
    expect(await as(cast.southHead)('policy.listAckStatus', { filter: 'overdue' })).toMatchObject({ ok: true, data: { total: 1, items: [{ personId: 'p-sales-south-07', overdue: true, acknowledgedAt: null }] } })
    expect(await as(cast.southHead)('policy.listAckStatus', { departmentId: 'dept-service' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })

    // The rate moves as soon as someone acknowledges.
    await acknowledge('p-service-06', 'policy-v1')
    expect(await admin()('policy.ackProgress', {})).toMatchObject({ ok: true, data: { acknowledgedCount: 31, overdueCount: 2, rate: 93.9 } })
  })

  it('counts only people in service, in the department they are in now', async () => {
    await world.db.collection('people').doc('p-marketing-05').update({ data: { status: 'left' } })
    await world.db.collection('people').doc('p-sales-east-04').update({ data: { departmentId: 'dept-service' } })
    const all = await admin()('policy.ackProgress', {})
    expect(all).toMatchObject({ ok: true, data: { staffCount: 32, acknowledgedCount: 30 } })
    if (!all.ok) return
    expect(all.data.departments.find((d: { departmentId: string }) => d.departmentId === 'dept-service')).toMatchObject({ staffCount: 8, acknowledgedCount: 7 })
  })

  it('reminds those who have not acknowledged at most once a day, by subscribe message where they agreed to one', async () => {
    await as(pending)('notify.recordConsent', { accepted: ['policyReminder'] })
    expect(await admin()('policy.remind', { versionId: 'policy-v1' })).toEqual({ ok: true, data: { reminded: 3, skipped: 0 } })
    expect(world.sent).toMatchObject([{ touser: openidOf(pending), templateId: 'tmpl-policy-reminder', page: '/packages/policy/read/index' }])
    expect(await admin()('policy.remind', { versionId: 'policy-v1' })).toEqual({ ok: true, data: { reminded: 0, skipped: 3 } })
    expect(await as(cast.southHead)('policy.listAckStatus', { filter: 'pending' })).toMatchObject({ ok: true, data: { items: [{ personId: pending, lastRemindedAt: '2026-11-27T02:00:00.000Z' }] } })
    world.now = new Date('2026-11-28T02:00:00Z')
    expect(await as(cast.southHead)('policy.remind', { versionId: 'policy-v1' })).toEqual({ ok: true, data: { reminded: 1, skipped: 0 } })
    expect(await as(cast.southHead)('policy.remind', { versionId: 'policy-v1', departmentId: 'dept-service' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    // A reminder leaves the person's later acknowledgement to count as usual.
    expect(await acknowledge(pending, 'policy-v1')).toMatchObject({ ok: true, data: { outcome: 'acknowledged', acknowledgement: { quizFailedAttempts: 0 } } })
    expect(await admin()('policy.remind', { versionId: 'policy-v2' })).toMatchObject({ ok: false, error: { code: 'POLICY_NOT_IN_FORCE' } })
  })

  it('reminds daily from the hourly job: in the 10 o’clock hour of working days only, once a day', async () => {
    const sent = world.sent
    const job = (at: string) => remindPendingPolicy(systemContext({ db: world.db, now: () => new Date(at), messages: { send: async (m) => void sent.push(m) }, templateIds: { policyReminder: 'tmpl-policy-reminder' } }, 'jobs.remindPendingPolicy'))
    // One consent per message: two accepted prompts, two reminders delivered.
    await as(pending)('notify.recordConsent', { accepted: ['policyReminder'] })
    await as(pending)('notify.recordConsent', { accepted: ['policyReminder'] })
    expect(await job('2026-11-27T01:05:00Z')).toBeNull() // 09:05
    expect(await job('2026-11-27T02:05:00Z')).toEqual({ reminded: 3, skipped: 0 }) // 10:05 Friday
    expect(await job('2026-11-27T02:45:00Z')).toEqual({ reminded: 0, skipped: 3 })
    expect(await job('2026-11-28T02:05:00Z')).toBeNull() // Saturday
    expect(await job('2026-12-31T02:05:00Z')).toEqual({ reminded: 3, skipped: 0 })
    expect(await job('2027-01-01T02:05:00Z')).toBeNull() // the seeded New Year holiday
    expect(sent.map((m) => m.touser)).toEqual([openidOf(pending), openidOf(pending)])
    expect(await world.db.collection('audit_log').where({ action: 'jobs.remindPendingPolicy', actorName: '系统' }).count()).toMatchObject({ total: 2 })
  })
})
