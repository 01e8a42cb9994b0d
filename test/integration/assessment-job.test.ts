import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { defaultAssessmentRules, type Envelope, type Evidence, type TodoItem } from '../../types/contract'
import { assessmentTodos } from '../../cloudfunctions/src/actions/assessment'
import { continueEvent, serveJobEvent, type ContinueEvent } from '../../cloudfunctions/src/assessment/protocol'
import { resultData, runAssessment, writeResults, type RunOptions, type RunStep } from '../../cloudfunctions/src/assessment/runner'
import { systemContext, type ActionContext } from '../../cloudfunctions/src/core/context'
import type { Database, DocData } from '../../cloudfunctions/src/core/sdk-types'
import { scoreMonth } from '../../cloudfunctions/src/domain/assessment/score'
import { loadRun, type ResultDoc, type RunDoc } from '../../cloudfunctions/src/repos/assessment-results'
import type { PersonDoc } from '../../cloudfunctions/src/repos/people'
import { resetDemoCompany } from '../../scripts/local-cloud/seed'
import { startLocalCloud as startRuntime, type LocalCloud } from '../../scripts/local-cloud/server'
import { noEvidence } from '../doubles/assessment'
import { cast, openidOf } from '../support/company'
import { connectSdk } from '../support/local-cloud'
import { useScenario } from '../support/scenario'

/** A Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`)
const OCTOBER = '2026-10'
const NOVEMBER = '2026-11'
const STAFF = 33

/** No records in the month; the policy in force acknowledged, as everyone seeded has. */
const nobody: Evidence = { ...noEvidence(), policyAcknowledged: true }

/** What 李娜's October records below add up to. */
const linaOctober: Evidence = {
  // On time: one; late: two, one of them sent at 00:30 on 1 October (16:30Z the day before); still open past its deadline: one.
  notices: { due: 4, onTime: 1 },
  followUps: { due: 3, onTime: 1, late: 1, overdue: 1 },
  spotChecks: { count: 3, repliesWithin: 1, repliesObserved: 2, rubricAverage: 86.7 },
  importedReply: { averageFirstReplyMinutes: 18, replyRate: 0.9 },
  feedback: { count: 2, satisfactionAverage: 4.5, complaints: 1 },
  selfCheckDone: true,
  archiveConfirmed: false,
  policyAcknowledged: true,
  tasks: { due: 2, onTime: 1 },
  violations: { count: 2, points: 6, confidentiality: 1 },
}

async function add(db: Database, collection: string, docs: DocData[]): Promise<void> {
  await db.collection(collection).add({ data: docs })
}

/**
 * The seed dates its notice and policy acknowledgements from the real clock; the tests pin
 * them: version 1 in force since 1 September and acknowledged then by all but the seed's three.
 */
async function pinSeed(db: Database): Promise<void> {
  const _ = db.command
  await db.collection('notice_receipts').where({ _id: _.exists(true) }).remove()
  await db.collection('notices').where({ _id: _.exists(true) }).remove()
  await db.collection('policy_versions').doc('policy-v1').update({ data: { effectiveFrom: '2026-09-01' } })
  await db.collection('policy_acks').where({ acknowledgedAt: _.neq(null) }).update({ data: { acknowledgedAt: sh('2026-09-02T10:00:00') } })
}

function receipt(id: string, personId: string, sentAt: Date, fields: DocData): DocData {
  return {
    _id: `rcpt-${id}-${personId}`,
    noticeId: id,
    personId,
    departmentId: 'dept-sales-east',
    sentAt,
    deadlineAt: new Date(sentAt.getTime() + 2 * 3600_000),
    requireAck: true,
    pending: false,
    acknowledgedAt: new Date(sentAt.getTime() + 30 * 60_000),
    workingMinutes: 30,
    onTime: true,
    ...fields,
  }
}

/** Hand-built October (and a little September and November) for 李娜 and 张伟. */
async function octoberRecords(db: Database): Promise<void> {
  const lina = cast.eastEmployee
  const zhang = cast.eastColleague
  await add(
    db,
    'notices',
    ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'].map((id, i) => ({ _id: id, title: `通知${i + 1}`, sentAt: new Date(0) })),
  )
  await add(db, 'notice_receipts', [
    receipt('n1', lina, sh('2026-10-12T10:00:00'), {}),
    receipt('n2', lina, sh('2026-10-20T10:00:00'), { acknowledgedAt: sh('2026-10-21T10:00:00'), onTime: false }),
    receipt('n3', lina, sh('2026-10-28T10:00:00'), { pending: true, acknowledgedAt: null, onTime: null, workingMinutes: null }),
    // Sent late on the 31st, due on 2 November: not yet decided when October ended.
    receipt('n4', lina, sh('2026-10-31T23:30:00'), { deadlineAt: sh('2026-11-02T10:00:00'), pending: true, acknowledgedAt: null, onTime: null, workingMinutes: null }),
    // 00:30 on 1 November in Shanghai.
    receipt('n5', lina, new Date('2026-10-31T16:30:00Z'), {}),
    // 00:30 on 1 October in Shanghai, acknowledged late.
    receipt('n6', lina, new Date('2026-09-30T16:30:00Z'), { acknowledgedAt: new Date('2026-10-01T08:00:00Z'), onTime: false }),
    receipt('n7', lina, sh('2026-10-15T10:00:00'), { requireAck: false, deadlineAt: null, acknowledgedAt: null, onTime: null }),
  ])
  await add(db, 'customers', [
    { _id: 'cust-1', name: '上海华飞科技', ownerId: lina, departmentId: 'dept-sales-east' },
    { _id: 'cust-2', name: '杭州云帆贸易', ownerId: lina, departmentId: 'dept-sales-east' },
  ])
  const followUp = (id: string, customerId: string, dueOn: string, status: string, onTime: boolean | null, doneAt: Date | null) => ({
    _id: id,
    customerId,
    ownerId: lina,
    departmentId: 'dept-sales-east',
    dueOn,
    what: '回访',
    status,
    onTime,
    doneAt,
  })
  await add(db, 'follow_ups', [
    followUp('fu-1', 'cust-1', '2026-10-10', 'done', true, sh('2026-10-10T15:00:00')),
    followUp('fu-2', 'cust-2', '2026-10-15', 'done', false, sh('2026-10-17T09:00:00')),
    followUp('fu-3', 'cust-1', '2026-10-31', 'planned', null, null),
    followUp('fu-4', 'cust-2', '2026-11-01', 'planned', null, null),
    followUp('fu-5', 'cust-2', '2026-10-20', 'cancelled', null, null),
  ])
  await add(db, 'customer_feedback', [
    { _id: 'fb-1', customerId: 'cust-1', ownerId: lina, departmentId: 'dept-sales-east', on: '2026-10-05', satisfaction: 5, complaint: false },
    { _id: 'fb-2', customerId: 'cust-2', ownerId: lina, departmentId: 'dept-sales-east', on: '2026-10-31', satisfaction: 4, complaint: true },
    { _id: 'fb-3', customerId: 'cust-2', ownerId: lina, departmentId: 'dept-sales-east', on: '2026-11-01', satisfaction: 1, complaint: true },
  ])
  await add(db, 'self_checks', [{ _id: `selfcheck-${lina}-2026-10`, personId: lina, departmentId: 'dept-sales-east', month: '2026-10' }])
  await add(db, 'archive_confirmations', [{ _id: `archive-${lina}-2026-09`, personId: lina, departmentId: 'dept-sales-east', month: '2026-09' }])
  await add(db, 'tasks', [
    { _id: 'task-1', title: '整理重点客户名单', assigneeIds: [lina, zhang], status: 'done', dueOn: '2026-10-08', onTime: true, doneAt: sh('2026-10-08T17:00:00') },
    { _id: 'task-2', title: '提交季度拜访计划', assigneeIds: [lina], status: 'in_progress', dueOn: '2026-10-30', onTime: null, doneAt: null },
    { _id: 'task-3', title: '更新报价单', assigneeIds: [lina], status: 'cancelled', dueOn: '2026-10-12', onTime: null, doneAt: null },
    { _id: 'task-4', title: '核对合同归档', assigneeIds: [zhang], status: 'done', dueOn: '2026-10-09', onTime: false, doneAt: sh('2026-10-12T10:00:00') },
  ])
  const spot = (id: string, status: string, month: string | null, firstReplyMinutes: number | null, rubricPercent: number | null, scoredAt: Date | null) => ({
    _id: id,
    roundId: 'round-1',
    personId: lina,
    departmentId: 'dept-sales-east',
    checkerId: cast.eastHead,
    status,
    month,
    scoredAt,
    firstReplyMinutes,
    rubric: null,
    rubricPercent,
    notes: id === 'spot-1' ? '回复清楚' : '',
    screenshots: [],
  })
  await add(db, 'spot_checks', [
    spot('spot-1', 'scored', '2026-10', 12, 86.7, sh('2026-10-09T10:00:00')),
    spot('spot-2', 'scored', '2026-10', 45, 73.3, sh('2026-10-16T10:00:00')),
    spot('spot-3', 'scored', '2026-10', null, 100, sh('2026-10-23T10:00:00')),
    spot('spot-4', 'pending', null, null, null, null),
  ])
  const violation = (id: string, category: string, points: number, status: string, occurredOn: string) => ({
    _id: id,
    personId: lina,
    departmentId: 'dept-sales-east',
    month: occurredOn.slice(0, 7),
    occurredOn,
    clause: { versionId: 'policy-v1', versionNumber: 1, chapterKey: 'c5', sectionKey: 's3', label: `第五章 ${id}` },
    category,
    severity: 'major',
    points,
    penalty: '警告',
    status,
    recordedAt: sh(`${occurredOn}T18:00:00`),
  })
  await add(db, 'violations', [
    violation('vio-1', 'confidentiality', 5, 'recorded', '2026-10-14'),
    violation('vio-2', 'communication', 2, 'overturned', '2026-10-18'),
    violation('vio-3', 'account', 1, 'upheld', '2026-10-25'),
    violation('vio-4', 'account', 3, 'recorded', '2026-11-02'),
  ])
  await add(db, 'reply_stats', [{ _id: `reply-2026-10-${lina}`, month: '2026-10', personId: lina, departmentId: 'dept-sales-east', averageFirstReplyMinutes: 18, replyRate: 0.9, importedAt: new Date() }])
}

async function results(db: Database, month: string): Promise<ResultDoc[]> {
  return (await db.collection<ResultDoc>('assessment_results').where({ month }).orderBy('_id', 'asc').limit(1000).get()).data
}

const withoutRun = (docs: ResultDoc[]) => docs.map(({ runId: _runId, ...rest }) => rest)

async function granted<T = any>(call: Promise<Envelope<any>>): Promise<T> {
  const res = await call
  if (!res.ok) throw new Error(`refused: ${res.error.code}`)
  return res.data as T
}

describe('the monthly assessment job', () => {
  const world = useScenario()
  const as = world.as
  const system = (action = 'assessment.run'): ActionContext => systemContext({ db: world.db, now: () => world.now }, action)

  /** Carries a run to its end the way the chain of invocations would, chunk after chunk from the stored cursor. */
  async function runToEnd(runId: string, options: RunOptions = {}): Promise<RunStep> {
    const run = (await loadRun(world.db, runId))!
    let position = { month: run.month, runId, cursor: run.cursor }
    for (let i = 0; i < 200; i++) {
      const step = await runAssessment(system(), position, options)
      if (!step.more) return step
      position = { ...position, cursor: step.cursor }
    }
    throw new Error('run did not end')
  }

  async function start(month: string): Promise<string> {
    const run = await granted<{ id: string }>(as(cast.admin)('assessment.runMonth', { month }))
    return run.id
  }

  async function computed(month: string): Promise<string> {
    const runId = await start(month)
    await runToEnd(runId)
    return runId
  }

  async function published(month: string): Promise<string> {
    const runId = await computed(month)
    await granted(as(cast.admin)('assessment.publishMonth', { month }))
    return runId
  }

  async function todosOf(personId: string): Promise<TodoItem[]> {
    const person = (await world.db.collection('people').doc(personId).get()).data as unknown as PersonDoc
    return assessmentTodos({ ...system('todo.list'), openid: () => openidOf(personId), caller: { kind: 'person', openid: openidOf(personId), person: { ...person, _id: personId } } })
  }

  beforeEach(async () => {
    await pinSeed(world.db)
    await octoberRecords(world.db)
  })

  describe('evidence and results', () => {
    it('counts each source for the month in Shanghai time and scores it with the rules in force', async () => {
      const started = await as(cast.admin)('assessment.runMonth', { month: OCTOBER })
      expect(started).toEqual({
        ok: true,
        data: {
          id: expect.stringMatching(/^arun-/),
          month: OCTOBER,
          status: 'running',
          trigger: 'admin',
          preview: false,
          ruleVersion: 0,
          staffCount: STAFF,
          processed: 0,
          startedAt: world.now.toISOString(),
          startedByName: '陈静',
          finishedAt: null,
          publishedAt: null,
          publishedByName: null,
          stalled: false,
          lastError: null,
        },
      })
      const runId = (started as { data: { id: string } }).data.id
      const end = await runToEnd(runId, { batchSize: 7 })
      expect(end).toMatchObject({ outcome: 'finished', status: 'done', processed: STAFF, more: false })

      const docs = await results(world.db, OCTOBER)
      expect(docs).toHaveLength(STAFF)
      const lina = docs.find((d) => d.personId === cast.eastEmployee)!
      expect(lina).toEqual({
        _id: `result-2026-10-${cast.eastEmployee}`,
        month: OCTOBER,
        personId: cast.eastEmployee,
        personName: '李娜',
        departmentId: 'dept-sales-east',
        runId,
        ruleVersion: 0,
        evidence: linaOctober,
        score: scoreMonth(linaOctober, defaultAssessmentRules),
        computedAt: world.now,
        total: scoreMonth(linaOctober, defaultAssessmentRules).total,
        grade: scoreMonth(linaOctober, defaultAssessmentRules).grade,
        appeal: null,
        appealStatus: null,
        adjustment: null,
      })
      // A shared task counts for each assignee; 张伟 has nothing else.
      expect(docs.find((d) => d.personId === cast.eastColleague)!.evidence).toEqual({ ...nobody, tasks: { due: 2, onTime: 1 } })
      expect(docs.find((d) => d.personId === 'p-marketing-03')!.evidence).toEqual(nobody)
      // One of the three the seed left without acknowledging the policy.
      expect(docs.find((d) => d.personId === 'p-marketing-05')!.evidence).toEqual({ ...nobody, policyAcknowledged: false })

      const run = (await loadRun(world.db, runId))!
      expect(run).toMatchObject({ status: 'done', processed: STAFF, cursor: 'p-service-07', finishedAt: world.now, attempts: 0, lastError: null, rules: defaultAssessmentRules })
      const audit = (await world.db.collection('audit_log').where({ targetId: runId }).orderBy('action', 'asc').get()).data
      expect(audit.map((a) => [a.action, a.actorName, a.after])).toEqual([
        ['assessment.run', '系统', { status: 'done', month: OCTOBER, processed: STAFF, ruleVersion: 0 }],
        ['assessment.runMonth', '陈静', { month: OCTOBER, trigger: 'admin', preview: false, ruleVersion: 0, staffCount: STAFF }],
      ])
    })

    it('puts a notice sent at 2026-10-31T16:30Z into November, and previews November as of now', async () => {
      world.now = sh('2026-11-27T10:00:00')
      const runId = await start(NOVEMBER)
      expect((await loadRun(world.db, runId))!.preview).toBe(true)
      await runToEnd(runId)
      const lina = (await results(world.db, NOVEMBER)).find((d) => d.personId === cast.eastEmployee)!
      expect(lina.evidence).toEqual({
        ...nobody,
        // n5 only; n4 (sent 23:30 on 31 October) stays in October.
        notices: { due: 1, onTime: 1 },
        // Due on 1 November and still open on the 27th.
        followUps: { due: 1, onTime: 0, late: 0, overdue: 1 },
        feedback: { count: 1, satisfactionAverage: 1, complaints: 1 },
        violations: { count: 1, points: 3, confidentiality: 0 },
      })
      // A preview cannot be published.
      expect(await as(cast.admin)('assessment.publishMonth', { month: NOVEMBER })).toMatchObject({ ok: false, error: { code: 'ASSESSMENT_NOT_READY' } })
      expect(await as(cast.admin)('assessment.runMonth', { month: '2026-12' })).toMatchObject({ ok: false, error: { code: 'MONTH_NOT_ASSESSABLE' } })
    })

    it('judges the policy version in force on the month’s last day, acknowledged by then', async () => {
      await add(world.db, 'policy_versions', [{ _id: 'policy-v2', status: 'published', number: 2, effectiveFrom: '2026-10-20', ackWithinDays: 7, document: { title: '制度', chapters: [] } }])
      await add(world.db, 'policy_acks', [
        { _id: `ack-policy-v2-${cast.eastEmployee}`, versionId: 'policy-v2', versionNumber: 2, personId: cast.eastEmployee, departmentId: 'dept-sales-east', acknowledgedAt: sh('2026-10-31T23:59:00') },
        { _id: `ack-policy-v2-${cast.eastColleague}`, versionId: 'policy-v2', versionNumber: 2, personId: cast.eastColleague, departmentId: 'dept-sales-east', acknowledgedAt: sh('2026-11-01T00:01:00') },
      ])
      await computed(OCTOBER)
      const docs = await results(world.db, OCTOBER)
      expect(docs.filter((d) => d.evidence.policyAcknowledged).map((d) => d.personId)).toEqual([cast.eastEmployee])
    })

    it('assesses who left during the month but not who left before it, and drops results of people no longer assessed', async () => {
      await world.db.collection('people').doc('p-marketing-06').update({ data: { status: 'left', leftAt: sh('2026-10-15T12:00:00') } })
      await world.db.collection('people').doc('p-marketing-05').update({ data: { status: 'left', leftAt: sh('2026-09-30T12:00:00') } })
      await add(world.db, 'assessment_results', [{ _id: 'result-2026-10-p-marketing-05', month: OCTOBER, personId: 'p-marketing-05', runId: 'arun-earlier', total: 80 }])
      const runId = await computed(OCTOBER)
      const docs = await results(world.db, OCTOBER)
      expect(docs).toHaveLength(STAFF - 1)
      expect(docs.map((d) => d.personId)).toContain('p-marketing-06')
      expect(docs.map((d) => d.personId)).not.toContain('p-marketing-05')
      expect((await loadRun(world.db, runId))!.staffCount).toBe(STAFF - 1)
    })
  })

  describe('runs', () => {
    it('computes the same documents again, with no duplicates', async () => {
      await computed(OCTOBER)
      const first = await results(world.db, OCTOBER)
      const again = await computed(OCTOBER)
      const second = await results(world.db, OCTOBER)
      expect(second).toHaveLength(STAFF)
      expect(second.every((d) => d.runId === again)).toBe(true)
      expect(withoutRun(second)).toEqual(withoutRun(first))
      expect((await world.db.collection('assessment_runs').where({ month: OCTOBER }).count()).total).toBe(2)
    })

    it('resumes a run that crashed mid-way from its stored cursor, ending with what an uninterrupted run writes', async () => {
      await computed(OCTOBER)
      const uninterrupted = withoutRun(await results(world.db, OCTOBER))

      const runId = await start(OCTOBER)
      let batches = 0
      const crashing: RunOptions = {
        batchSize: 10,
        chunkSize: 20,
        onBatchWritten: () => {
          batches += 1
          // The second batch's results are written, its cursor not yet moved.
          if (batches === 2) throw new Error('instance killed')
        },
      }
      await expect(runAssessment(system(), { month: OCTOBER, runId, cursor: null }, crashing)).rejects.toThrow('instance killed')
      const crashed = (await loadRun(world.db, runId))!
      expect(crashed).toMatchObject({ status: 'running', processed: 10, cursor: 'p-sales-east-01' })

      // An invocation told to start anywhere but the stored cursor does nothing.
      const digest = world.cloud.database.digest()
      expect(await runAssessment(system(), { month: OCTOBER, runId, cursor: null })).toMatchObject({ outcome: 'stale', more: false })
      expect(world.cloud.database.digest()).toBe(digest)

      const end = await runToEnd(runId, { batchSize: 10, chunkSize: 20 })
      expect(end).toMatchObject({ outcome: 'finished', processed: STAFF })
      const resumed = await results(world.db, OCTOBER)
      expect(resumed.every((d) => d.runId === runId)).toBe(true)
      expect(withoutRun(resumed)).toEqual(uninterrupted)
    })

    it('lets two invocations of one run race over the same batches: one carries on, the other stops, and the results are what one invocation writes', async () => {
      await computed(OCTOBER)
      const alone = withoutRun(await results(world.db, OCTOBER))
      const runId = await start(OCTOBER)
      const options: RunOptions = { batchSize: 10, chunkSize: 1000 }
      // Both read and write the first batches before either moves the cursor.
      const steps = await Promise.all([
        runAssessment(system(), { month: OCTOBER, runId, cursor: null }, options),
        runAssessment(system(), { month: OCTOBER, runId, cursor: null }, options),
      ])
      expect(steps.map((s) => s.outcome).sort()).toEqual(['finished', 'stale'])
      const raced = await results(world.db, OCTOBER)
      expect(raced).toHaveLength(STAFF)
      expect(raced.every((d) => d.runId === runId)).toBe(true)
      expect(withoutRun(raced)).toEqual(alone)
    })

    it('rewrites a batch one document at a time when another invocation wrote into it between the removal and the insert', async () => {
      const earlierRunId = await computed(OCTOBER)
      const earlier = await results(world.db, OCTOBER)
      const runId = await computed(OCTOBER)
      const run = (await loadRun(world.db, runId))!
      const batch = (await results(world.db, OCTOBER)).slice(0, 3)
      const [first] = earlier
      // The other invocation's write lands right after this batch's removal.
      const racing = new Proxy(world.db, {
        get(db, key, receiver) {
          if (key !== 'collection') return Reflect.get(db, key, receiver)
          return (name: string) => {
            const collection = db.collection(name)
            if (name !== 'assessment_results') return collection
            return Object.assign(Object.create(collection), {
              where: (query: DocData) => {
                const selected = collection.where(query)
                return Object.assign(Object.create(selected), {
                  remove: async () => {
                    const removed = await selected.remove()
                    const { _id, ...data } = first!
                    await db.collection(name).add({ data: { _id, ...data } })
                    return removed
                  },
                })
              },
            })
          }
        },
      })
      const people = batch.map((r) => ({ _id: r.personId, name: r.personName, departmentId: r.departmentId }))
      await writeResults(racing, run, people, new Map(batch.map((r) => [r.personId, r.evidence])))
      const after = (await results(world.db, OCTOBER)).slice(0, 3)
      expect(first!.runId).toBe(earlierRunId)
      expect(after).toEqual(batch.map((r) => ({ _id: r._id, ...resultData(run, people.find((p) => p._id === r.personId)!, r.evidence) })))
    })

    it('hands on from invocation to invocation, retries a failed one from the stored cursor, and lets the timer assess last month', async () => {
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
      world.now = sh('2026-11-01T02:00:00')
      const handed: ContinueEvent[] = []
      let failures = 0
      const deps = {
        db: world.db,
        now: () => world.now,
        handOn: async (event: ContinueEvent) => void handed.push(event),
        options: {
          chunkSize: 12,
          onBatchWritten: () => {
            if (handed.length === 1 && failures === 0) {
              failures += 1
              throw new Error('database busy')
            }
          },
        },
      }
      const first = await serveJobEvent({ Type: 'Timer' }, deps)
      expect(first).toEqual({ ok: true, data: { month: OCTOBER, runId: expect.stringMatching(/^arun-/), outcome: 'progressed', processed: 12, more: true } })
      const runId = (first as { data: { runId: string } }).data.runId
      expect(handed).toEqual([{ Type: 'Continue', month: OCTOBER, runId, cursor: 'p-sales-east-03' }])

      expect(await serveJobEvent(handed[0], deps)).toEqual({ ok: true, data: { month: OCTOBER, runId, outcome: 'retrying', processed: 12, more: true } })
      expect(handed[1]).toEqual(handed[0])
      expect((await loadRun(world.db, runId))!).toMatchObject({ attempts: 1, lastError: 'database busy', status: 'running' })

      expect(await serveJobEvent(handed[1], deps)).toMatchObject({ ok: true, data: { outcome: 'progressed', processed: 24, more: true } })
      expect(await serveJobEvent(handed[2], deps)).toMatchObject({ ok: true, data: { outcome: 'finished', processed: STAFF, more: false } })
      expect(handed).toHaveLength(3)
      expect(logged).toHaveBeenCalledTimes(1)
      logged.mockRestore()
      expect((await loadRun(world.db, runId))!).toMatchObject({ status: 'done', trigger: 'timer', preview: false, attempts: 0, lastError: null, startedByName: null })

      // The same invocation delivered twice finds the run moved on.
      expect(await serveJobEvent(handed[2], deps)).toMatchObject({ ok: true, data: { outcome: 'stale', more: false } })
      // A timer firing again leaves a month already computed after it ended alone.
      expect(await serveJobEvent({ Type: 'Timer' }, deps)).toMatchObject({ ok: true, data: { month: OCTOBER, runId, outcome: 'skipped' } })
      expect(await serveJobEvent({ Type: 'Continue', month: OCTOBER, runId }, deps)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      expect(await serveJobEvent({ action: 'assessment.runMonth' }, deps)).toMatchObject({ ok: false, error: { code: 'BAD_ACTION' } })
    })

    it('gives a run up after repeated failures, and starting the month again begins afresh', async () => {
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
      const handed: ContinueEvent[] = []
      const deps = {
        db: world.db,
        now: () => world.now,
        handOn: async (event: ContinueEvent) => void handed.push(event),
        options: {
          onBatchWritten: () => {
            throw new Error('disk full')
          },
        },
      }
      const runId = await start(OCTOBER)
      const event = continueEvent({ month: OCTOBER, _id: runId, cursor: null })
      expect(await serveJobEvent(event, deps)).toMatchObject({ ok: true, data: { outcome: 'retrying' } })
      expect(await serveJobEvent(event, deps)).toMatchObject({ ok: true, data: { outcome: 'retrying' } })
      expect(await serveJobEvent(event, deps)).toMatchObject({ ok: true, data: { outcome: 'gave_up', more: false } })
      expect(handed).toHaveLength(2)
      expect(logged).toHaveBeenCalledTimes(3)
      logged.mockRestore()
      expect((await loadRun(world.db, runId))!).toMatchObject({ status: 'failed', attempts: 3, lastError: 'disk full' })
      expect(await todosOf(cast.admin)).toEqual([
        { kind: 'assessment', id: OCTOBER, title: '2026-10月度考核计算未完成', subtitle: `已计算0/${STAFF}人，请重新计算`, statusLabel: '待处理', since: world.now.toISOString() },
      ])
      world.now = sh('2026-11-27T10:05:00')
      const again = await start(OCTOBER)
      expect(again).not.toBe(runId)
    })

    it('resumes the month’s unfinished run instead of starting another, and shows it as stalled once it stops moving', async () => {
      world.now = sh('2026-11-01T09:00:00')
      const runId = await start(OCTOBER)
      await runAssessment(system(), { month: OCTOBER, runId, cursor: null }, { chunkSize: 5 })
      world.now = sh('2026-11-01T09:10:00')
      expect(await as(cast.admin)('assessment.getRun', { month: OCTOBER })).toMatchObject({
        ok: true,
        data: { month: OCTOBER, run: { id: runId, status: 'running', processed: 5, stalled: true }, published: false, publishedAt: null },
      })
      expect(await todosOf(cast.admin)).toEqual([
        { kind: 'assessment', id: OCTOBER, title: '2026-10月度考核计算未完成', subtitle: `已计算5/${STAFF}人，请重新计算`, statusLabel: '待处理', since: sh('2026-11-01T09:00:00').toISOString() },
      ])
      expect(await as(cast.admin)('assessment.runMonth', { month: OCTOBER })).toMatchObject({ ok: true, data: { id: runId, processed: 5 } })
      expect((await world.db.collection('assessment_runs').count()).total).toBe(1)
      await runToEnd(runId)
      expect(await as(cast.admin)('assessment.getRun', { runId })).toMatchObject({ ok: true, data: { run: { status: 'done', processed: STAFF, stalled: false } } })
      expect(await todosOf(cast.admin)).toEqual([
        { kind: 'assessment', id: OCTOBER, title: '2026-10月度考核结果待发布', subtitle: `已计算${STAFF}人，发布后员工可查看`, statusLabel: '待发布', since: world.now.toISOString() },
      ])
      expect(await as(cast.admin)('assessment.getRun', { runId: 'arun-missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect(await as(cast.admin)('assessment.getRun', {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    })
  })

  describe('publication', () => {
    it('freezes the month: no new run, no timer run, and a run caught mid-way stops without writing', async () => {
      const firstRun = await computed(OCTOBER)
      const second = await start(OCTOBER)
      expect(await as(cast.admin)('assessment.publishMonth', { month: OCTOBER })).toMatchObject({ ok: false, error: { code: 'ASSESSMENT_NOT_READY' } })
      await runToEnd(second)
      const publishedRun = await as(cast.admin)('assessment.publishMonth', { month: OCTOBER })
      expect(publishedRun).toMatchObject({ ok: true, data: { id: second, publishedAt: world.now.toISOString(), publishedByName: '陈静' } })
      const frozen = await results(world.db, OCTOBER)

      const digest = world.cloud.database.digest()
      expect(await as(cast.admin)('assessment.runMonth', { month: OCTOBER })).toMatchObject({ ok: false, error: { code: 'MONTH_PUBLISHED' } })
      expect(await as(cast.admin)('assessment.publishMonth', { month: OCTOBER })).toMatchObject({ ok: false, error: { code: 'MONTH_PUBLISHED' } })
      world.now = sh('2026-11-01T02:00:00')
      expect(await serveJobEvent({ Type: 'Timer' }, { db: world.db, now: () => world.now, handOn: async () => undefined })).toMatchObject({ ok: false, error: { code: 'MONTH_PUBLISHED' } })
      expect(world.cloud.database.digest()).toBe(digest)

      // A run still going when the month was published (a start and a publication crossing).
      await world.db.collection('assessment_runs').doc(firstRun).update({ data: { status: 'running', cursor: null, processed: 0 } })
      expect(await runAssessment(system(), { month: OCTOBER, runId: firstRun, cursor: null })).toMatchObject({ outcome: 'frozen', more: false })
      expect((await loadRun(world.db, firstRun))!).toMatchObject({ status: 'failed', lastError: 'MONTH_PUBLISHED' })
      expect(await results(world.db, OCTOBER)).toEqual(frozen)
    })

    it('shows employees and heads their results only once published, with the evidence behind them', async () => {
      await computed(OCTOBER)
      expect(await as(cast.eastEmployee)('assessment.getMine', { month: OCTOBER })).toMatchObject({ ok: true, data: { month: OCTOBER, published: false, result: null, trend: [] } })
      expect(await as(cast.eastEmployee)('assessment.getMine', {})).toMatchObject({ ok: true, data: { month: null, result: null } })
      expect(await as(cast.eastHead)('assessment.listResults', { month: OCTOBER })).toEqual({ ok: true, data: { items: [], total: 0, page: 1, pageSize: 20, month: OCTOBER, published: false, visible: false } })
      // Admins see the run's results before publishing.
      expect(await as(cast.admin)('assessment.getMine', { month: OCTOBER, personId: cast.eastEmployee })).toMatchObject({ ok: true, data: { published: false, result: { personId: cast.eastEmployee, published: false, canAppeal: false } } })

      await granted(as(cast.admin)('assessment.publishMonth', { month: OCTOBER }))
      const score = scoreMonth(linaOctober, defaultAssessmentRules)
      const mine = await as(cast.eastEmployee)('assessment.getMine', {})
      expect(mine).toEqual({
        ok: true,
        data: {
          month: OCTOBER,
          personId: cast.eastEmployee,
          personName: '李娜',
          published: true,
          result: {
            id: `result-2026-10-${cast.eastEmployee}`,
            month: OCTOBER,
            personId: cast.eastEmployee,
            personName: '李娜',
            departmentId: 'dept-sales-east',
            departmentName: '华东销售部',
            runId: expect.stringMatching(/^arun-/),
            ruleVersion: 0,
            evidence: linaOctober,
            score,
            computedAt: world.now.toISOString(),
            total: score.total,
            grade: score.grade,
            appeal: null,
            adjustment: null,
            published: true,
            canAppeal: true,
          },
          trend: [{ month: OCTOBER, total: score.total, grade: score.grade }],
          details: {
            lateNotices: [
              { noticeId: 'n6', title: '通知6', sentAt: '2026-09-30T16:30:00.000Z', deadlineAt: '2026-09-30T18:30:00.000Z', acknowledgedAt: '2026-10-01T08:00:00.000Z' },
              { noticeId: 'n2', title: '通知2', sentAt: sh('2026-10-20T10:00:00').toISOString(), deadlineAt: sh('2026-10-20T12:00:00').toISOString(), acknowledgedAt: sh('2026-10-21T10:00:00').toISOString() },
              { noticeId: 'n3', title: '通知3', sentAt: sh('2026-10-28T10:00:00').toISOString(), deadlineAt: sh('2026-10-28T12:00:00').toISOString(), acknowledgedAt: null },
            ],
            followUps: [
              { followUpId: 'fu-2', customerId: 'cust-2', customerName: '杭州云帆贸易', dueOn: '2026-10-15', state: 'late', doneAt: sh('2026-10-17T09:00:00').toISOString() },
              { followUpId: 'fu-3', customerId: 'cust-1', customerName: '上海华飞科技', dueOn: '2026-10-31', state: 'overdue', doneAt: null },
            ],
            lateTasks: [{ taskId: 'task-2', title: '提交季度拜访计划', dueOn: '2026-10-30', doneAt: null }],
            spotChecks: [
              { spotCheckId: 'spot-1', scoredAt: sh('2026-10-09T10:00:00').toISOString(), firstReplyMinutes: 12, rubricPercent: 86.7, notes: '回复清楚' },
              { spotCheckId: 'spot-2', scoredAt: sh('2026-10-16T10:00:00').toISOString(), firstReplyMinutes: 45, rubricPercent: 73.3, notes: null },
              { spotCheckId: 'spot-3', scoredAt: sh('2026-10-23T10:00:00').toISOString(), firstReplyMinutes: null, rubricPercent: 100, notes: null },
            ],
            violations: [
              { violationId: 'vio-1', occurredOn: '2026-10-14', clauseLabel: '第五章 vio-1', category: 'confidentiality', severity: 'major', points: 5, status: 'recorded' },
              { violationId: 'vio-2', occurredOn: '2026-10-18', clauseLabel: '第五章 vio-2', category: 'communication', severity: 'major', points: 2, status: 'overturned' },
              { violationId: 'vio-3', occurredOn: '2026-10-25', clauseLabel: '第五章 vio-3', category: 'account', severity: 'major', points: 1, status: 'upheld' },
            ],
          },
        },
      })
      // Heads open their department's people, not others'.
      expect(await as(cast.eastHead)('assessment.getMine', { month: OCTOBER, personId: cast.eastEmployee })).toMatchObject({ ok: true, data: { result: { personId: cast.eastEmployee, canAppeal: false } } })
      expect(await as(cast.southHead)('assessment.getMine', { month: OCTOBER, personId: cast.eastEmployee })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
      expect(await as(cast.eastColleague)('assessment.getMine', { month: OCTOBER, personId: cast.eastEmployee })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    })

    it('lists a month’s results by total, for a head their department only, and counts grades per department', async () => {
      await published(OCTOBER)
      const head = await granted(as(cast.eastHead)('assessment.listResults', { month: OCTOBER, pageSize: 100 }))
      expect(head).toMatchObject({ total: 9, month: OCTOBER, published: true, visible: true })
      const totals = head.items.map((r: { total: number }) => r.total)
      expect(totals).toEqual([...totals].sort((a, b) => b - a))
      expect(head.items.every((r: { departmentName: string }) => r.departmentName === '华东销售部')).toBe(true)
      const score = scoreMonth(linaOctober, defaultAssessmentRules)
      // 李娜 has the lowest total of the department.
      expect(head.items[head.items.length - 1]).toEqual({
        id: `result-2026-10-${cast.eastEmployee}`,
        personId: cast.eastEmployee,
        personName: '李娜',
        departmentId: 'dept-sales-east',
        departmentName: '华东销售部',
        total: score.total,
        grade: score.grade,
        computedTotal: score.total,
        appealStatus: null,
        insufficientCount: score.indicators.filter((i) => i.insufficient).length,
      })
      expect(await as(cast.eastHead)('assessment.listResults', { month: OCTOBER, departmentId: 'dept-sales-south' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
      expect(await as(cast.eastEmployee)('assessment.listResults', { month: OCTOBER })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      const ascending = await granted(as(cast.admin)('assessment.listResults', { month: OCTOBER, sort: 'totalAsc', pageSize: 5, page: 1 }))
      expect(ascending).toMatchObject({ total: STAFF, page: 1, pageSize: 5 })
      expect(ascending.items[0].personId).toBe(cast.eastEmployee)
      expect(await granted(as(cast.admin)('assessment.listResults', { month: OCTOBER, keyword: '李' }))).toMatchObject({ total: 1, items: [{ personName: '李娜' }] })

      const distribution = await granted(as(cast.admin)('assessment.distribution', { month: OCTOBER }))
      expect(distribution.grades).toEqual(['优秀', '良好', '合格', '不合格'])
      expect(distribution.total.count).toBe(STAFF)
      // One grade's results: as many as the distribution counts, company-wide and for a head's department.
      for (const { grade, count } of distribution.total.counts as Array<{ grade: string; count: number }>) {
        const graded = await granted(as(cast.admin)('assessment.listResults', { month: OCTOBER, grade, pageSize: 100 }))
        expect([grade, graded.total]).toEqual([grade, count])
        expect(graded.items.every((r: { grade: string }) => r.grade === grade)).toBe(true)
        const east = distribution.departments.find((d: { departmentId: string }) => d.departmentId === 'dept-sales-east').counts.find((c: { grade: string }) => c.grade === grade)?.count ?? 0
        expect([grade, (await granted(as(cast.eastHead)('assessment.listResults', { month: OCTOBER, grade, pageSize: 100 }))).total]).toEqual([grade, east])
      }
      expect(distribution.departments.map((d: { departmentName: string; count: number }) => [d.departmentName, d.count])).toEqual([
        ['华东销售部', 9],
        ['华南销售部', 8],
        ['客户服务部', 7],
        ['市场部', 6],
        ['行政部', 3],
      ])
      const east = distribution.departments.find((d: { departmentId: string }) => d.departmentId === 'dept-sales-east')
      expect(east.counts.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(9)
      expect(east.counts.find((c: { grade: string }) => c.grade === score.grade).count).toBeGreaterThanOrEqual(1)
      expect(distribution.total.counts.map((c: { count: number }) => c.count).reduce((a: number, b: number) => a + b, 0)).toBe(STAFF)
    })
  })

  describe('appeals', () => {
    it('takes one appeal on a published result and keeps an adjustment beside the computed score', async () => {
      const id = `result-2026-10-${cast.eastEmployee}`
      await computed(OCTOBER)
      expect(await as(cast.eastEmployee)('assessment.appeal', { id, reason: '10月31日的客户投诉已核实为误会' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      await granted(as(cast.admin)('assessment.publishMonth', { month: OCTOBER }))
      const untouched = world.cloud.database.digest()
      expect(await as(cast.eastEmployee)('assessment.appeal', { id, reason: '不对' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      expect(await as(cast.eastEmployee)('assessment.appeal', { id, reason: '理'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      expect(await as(cast.eastColleague)('assessment.appeal', { id, reason: '10月31日的客户投诉已核实为误会' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect(await as(cast.eastHead)('assessment.appeal', { id, reason: '10月31日的客户投诉已核实为误会' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await as(cast.admin)('assessment.decideAppeal', { id, decision: 'uphold', comment: '维持原结果' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
      expect(world.cloud.database.digest()).toBe(untouched)

      world.now = sh('2026-11-28T09:00:00')
      const appealed = await as(cast.eastEmployee)('assessment.appeal', { id, reason: ' 10月31日的客户投诉已核实为误会 ' })
      expect(appealed).toMatchObject({
        ok: true,
        data: { id, appeal: { reason: '10月31日的客户投诉已核实为误会', appealedAt: world.now.toISOString(), status: 'pending', decidedAt: null, decidedByName: null, comment: null }, adjustment: null, canAppeal: false },
      })
      expect(await as(cast.eastEmployee)('assessment.appeal', { id, reason: '再次申诉，请重新核实' })).toMatchObject({ ok: false, error: { code: 'RESULT_ALREADY_APPEALED' } })
      expect(await todosOf(cast.eastEmployee)).toEqual([
        { kind: 'assessment', id: OCTOBER, title: '我对2026-10考核结果的申诉', subtitle: '10月31日的客户投诉已核实为误会', statusLabel: '申诉处理中', since: world.now.toISOString() },
      ])
      expect(await todosOf(cast.admin)).toEqual([
        { kind: 'assessment', id, title: '李娜对2026-10考核结果的申诉', subtitle: '10月31日的客户投诉已核实为误会', statusLabel: '待处理', since: world.now.toISOString() },
      ])
      expect(await as(cast.eastHead)('assessment.decideAppeal', { id, decision: 'uphold', comment: '维持原结果' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await as(cast.admin)('assessment.decideAppeal', { id, decision: 'adjust', total: 70.25, comment: '投诉不成立' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })

      world.now = sh('2026-11-29T10:00:00')
      const score = scoreMonth(linaOctober, defaultAssessmentRules)
      const decided = await as(cast.admin)('assessment.decideAppeal', { id, decision: 'adjust', total: 80.5, comment: '投诉不成立，恢复沟通质量得分' })
      expect(decided).toMatchObject({
        ok: true,
        data: {
          score,
          total: 80.5,
          grade: '良好',
          appeal: { status: 'adjusted', decidedAt: world.now.toISOString(), decidedByName: '陈静', comment: '投诉不成立，恢复沟通质量得分' },
          adjustment: { total: 80.5, grade: '良好', comment: '投诉不成立，恢复沟通质量得分', adjustedAt: world.now.toISOString(), adjustedByName: '陈静' },
        },
      })
      const stored = (await world.db.collection('assessment_results').doc(id).get()).data as unknown as ResultDoc
      expect(stored).toMatchObject({ score, evidence: linaOctober, total: 80.5, grade: '良好', appealStatus: 'adjusted' })
      expect(await as(cast.admin)('assessment.decideAppeal', { id, decision: 'uphold', comment: '维持原结果' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
      expect(await granted(as(cast.eastHead)('assessment.listResults', { month: OCTOBER, pageSize: 100 }))).toMatchObject({
        items: expect.arrayContaining([expect.objectContaining({ personId: cast.eastEmployee, total: 80.5, grade: '良好', computedTotal: score.total, appealStatus: 'adjusted' })]),
      })
      expect(await as(cast.eastEmployee)('assessment.getMine', { month: OCTOBER })).toMatchObject({ ok: true, data: { trend: [{ month: OCTOBER, total: 80.5, grade: '良好' }], result: { canAppeal: false } } })
      expect(await todosOf(cast.eastEmployee)).toEqual([])
      expect(await todosOf(cast.admin)).toEqual([])
      const audit = (await world.db.collection('audit_log').where({ targetId: id }).orderBy('at', 'asc').get()).data
      expect(audit.map((a) => [a.action, a.actorId])).toEqual([
        ['assessment.appeal', cast.eastEmployee],
        ['assessment.decideAppeal', cast.admin],
      ])
    })

    it('queues every pending appeal for admins, oldest month first, paged, until it is decided', async () => {
      const SEPTEMBER = '2026-09'
      await published(SEPTEMBER)
      await published(OCTOBER)
      const result = (month: string, personId: string) => `result-${month}-${personId}`
      const appeal = async (personId: string, month: string, at: string) => {
        world.now = sh(at)
        await granted(as(personId)('assessment.appeal', { id: result(month, personId), reason: '抽查当天客户已改用电话沟通，请复核' }))
      }
      await appeal(cast.eastEmployee, OCTOBER, '2026-11-27T11:00:00')
      await appeal(cast.southHead, OCTOBER, '2026-11-27T15:00:00')
      await appeal(cast.eastColleague, SEPTEMBER, '2026-11-28T09:00:00')
      await appeal(cast.serviceEmployee, OCTOBER, '2026-11-28T10:00:00')
      // Decided already: not in the queue.
      await appeal(cast.eastHead, OCTOBER, '2026-11-27T10:30:00')
      await granted(as(cast.admin)('assessment.decideAppeal', { id: result(OCTOBER, cast.eastHead), decision: 'uphold', comment: '抽查记录无误，维持原结果' }))
      // The admin's own appeal waits for another admin.
      await appeal(cast.admin, OCTOBER, '2026-11-27T09:30:00')

      const queue = async (page: number, pageSize: number) => granted(as(cast.admin)('assessment.listAppeals', { page, pageSize }))
      const first = await queue(1, 3)
      expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 })
      expect(first.items.map((r: { id: string }) => r.id)).toEqual([result(SEPTEMBER, cast.eastColleague), result(OCTOBER, cast.eastEmployee), result(OCTOBER, cast.southHead)])
      const stored = (await world.db.collection('assessment_results').doc(result(OCTOBER, cast.eastEmployee)).get()).data as unknown as ResultDoc
      expect(first.items[1]).toEqual({
        id: result(OCTOBER, cast.eastEmployee),
        month: OCTOBER,
        personId: cast.eastEmployee,
        personName: '李娜',
        departmentId: 'dept-sales-east',
        departmentName: '华东销售部',
        total: stored.total,
        grade: stored.grade,
        reason: '抽查当天客户已改用电话沟通，请复核',
        appealedAt: sh('2026-11-27T11:00:00').toISOString(),
      })
      expect((await queue(2, 3)).items.map((r: { id: string }) => r.id)).toEqual([result(OCTOBER, cast.serviceEmployee)])
      // One department's appeals.
      const east = await granted(as(cast.admin)('assessment.listAppeals', { departmentId: 'dept-sales-east' }))
      expect(east.items.map((r: { id: string }) => r.id)).toEqual([result(SEPTEMBER, cast.eastColleague), result(OCTOBER, cast.eastEmployee)])
      // Heads see their own department's, their own appeal included; only admins decide them.
      expect((await granted(as(cast.eastHead)('assessment.listAppeals', {}))).items.map((r: { id: string }) => r.id)).toEqual(east.items.map((r: { id: string }) => r.id))
      expect((await granted(as(cast.southHead)('assessment.listAppeals', {}))).items.map((r: { id: string }) => r.id)).toEqual([result(OCTOBER, cast.southHead)])
      expect(await as(cast.eastHead)('assessment.listAppeals', { departmentId: 'dept-sales-south' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })

      await granted(as(cast.admin)('assessment.decideAppeal', { id: result(OCTOBER, cast.eastEmployee), decision: 'adjust', total: 85, comment: '客户已确认改用电话，恢复该项得分' }))
      const after = await queue(1, 20)
      expect(after.total).toBe(3)
      expect(after.items.map((r: { id: string }) => r.id)).toEqual([result(SEPTEMBER, cast.eastColleague), result(OCTOBER, cast.southHead), result(OCTOBER, cast.serviceEmployee)])
      // The queue is the same pending set the to-do list brings to the admin.
      expect((await todosOf(cast.admin)).filter((t) => t.id.startsWith('result-')).map((t) => t.id).sort()).toEqual(after.items.map((r: { id: string }) => r.id).sort())
    })

    it('lets an admin uphold, but not decide an appeal on their own result', async () => {
      await published(OCTOBER)
      const own = `result-2026-10-${cast.admin}`
      await granted(as(cast.admin)('assessment.appeal', { id: own, reason: '本月抽查样本过少，请复核' }))
      expect(await as(cast.admin)('assessment.decideAppeal', { id: own, decision: 'uphold', comment: '维持原结果' })).toMatchObject({ ok: false, error: { code: 'SELF_APPROVAL' } })
      const id = `result-2026-10-${cast.eastEmployee}`
      await granted(as(cast.eastEmployee)('assessment.appeal', { id, reason: '10月31日的客户投诉已核实为误会' }))
      const before = (await world.db.collection('assessment_results').doc(id).get()).data as unknown as ResultDoc
      expect(await as(cast.admin)('assessment.decideAppeal', { id, decision: 'uphold', comment: '投诉属实，维持原结果' })).toMatchObject({
        ok: true,
        data: { total: before.total, grade: before.grade, adjustment: null, appeal: { status: 'upheld', comment: '投诉属实，维持原结果' } },
      })
    })
  })
})

/**
 * The function itself on the local runtime: built from source into a throw-away folder (the
 * shared cloudfunctions/ build stays untouched), started by its timer event, handing each
 * chunk on to a new invocation through cloud.callFunction until the run is done.
 */
describe('the assessment cloud function', () => {
  let cloud: LocalCloud
  let root: string
  let dataDir: string
  const previousChunk = process.env.ASSESSMENT_CHUNK_SIZE

  beforeAll(async () => {
    const cache = path.resolve(__dirname, '../../node_modules/.cache')
    mkdirSync(cache, { recursive: true })
    // Inside the project, so the bundle finds wx-server-sdk in node_modules as a deployed one does in its folder.
    root = mkdtempSync(path.join(cache, 'assessment-fn-'))
    dataDir = mkdtempSync(path.join(cache, 'assessment-data-'))
    const dir = path.join(root, 'assessment')
    mkdirSync(dir)
    await build({
      entryPoints: [path.resolve(__dirname, '../../cloudfunctions/src/functions/assessment/index.ts')],
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      logLevel: 'warning',
    })
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'assessment', main: 'index.js' }))
    copyFileSync(path.resolve(__dirname, '../../cloudfunctions/assessment/config.json'), path.join(dir, 'config.json'))
    // Ten people per invocation: the demo company's 33 take four invocations.
    process.env.ASSESSMENT_CHUNK_SIZE = '10'
    cloud = await startRuntime({ dataDir, port: 0, functionsRoot: root, timers: false })
    await resetDemoCompany(connectSdk(cloud.cloudEndpoint).db)
  }, 60_000)

  afterAll(async () => {
    if (previousChunk === undefined) delete process.env.ASSESSMENT_CHUNK_SIZE
    else process.env.ASSESSMENT_CHUNK_SIZE = previousChunk
    await cloud?.close()
    rmSync(root, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('runs last month from the timer to the end, one chunk per invocation', async () => {
    const db = connectSdk(cloud.cloudEndpoint).db
    const first = (await cloud.pool.invoke('assessment', { Type: 'Timer', TriggerName: 'monthly' }, { WX_SOURCE: 'wx_trigger' })) as { ok: boolean; data: { runId: string; processed: number; more: boolean } }
    expect(first).toMatchObject({ ok: true, data: { outcome: 'progressed', processed: 10, more: true } })
    let run: RunDoc | null = null
    for (let i = 0; i < 150; i++) {
      run = await loadRun(db, first.data.runId)
      if (run?.status !== 'running') break
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    expect(run).toMatchObject({ status: 'done', processed: STAFF, trigger: 'timer' })
    expect((await db.collection('assessment_results').where({ month: run!.month, runId: run!._id }).count()).total).toBe(STAFF)
  }, 60_000)

  it('refuses a mini-program user calling it directly', async () => {
    await expect(cloud.pool.invoke('assessment', { Type: 'Timer' }, { WX_OPENID: 'o-someone', WX_SOURCE: 'wx_client' })).resolves.toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行此操作' } })
  })
})
