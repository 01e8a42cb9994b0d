import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RETENTION_RUN_ACTION, type RetentionRunSummary } from '../../types/contract'
import { systemContext } from '../../cloudfunctions/src/core/context'
import type { Database, DocData } from '../../cloudfunctions/src/core/sdk-types'
import { ANONYMIZED_NAME } from '../../cloudfunctions/src/domain/retention'
import { enforceRetention, enforceRetentionIfDue, RETENTION_PEOPLE_PER_RUN } from '../../cloudfunctions/src/jobs/retention'
import { readAll } from '../../cloudfunctions/src/repos/read-all'
import { cast } from '../support/company'
import { useScenario } from '../support/scenario'

/**
 * The retention job against the real embedded database: people who left at various times,
 * each with a record in every collection that holds personal data. Only the records of the
 * one whose period has run out may change, exactly as docs/data-protection.md says; every
 * other document of every collection stays byte for byte, and the audit log only grows by the
 * run's own entry.
 */

/** A Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`)
/** 03:00 on Saturday 28 November 2026 in Shanghai: the run after the scenario's day. */
const RUN_AT = sh('2026-11-28T03:00:00')
const PAST = sh('2024-05-20T10:00:00')

const collections: string[] = (JSON.parse(readFileSync(join(__dirname, '../../cloudfunctions/database.json'), 'utf8')) as { collections: Array<{ name: string }> }).collections.map((c) => c.name)

const GONE = 'p-gone'
/** Left under two years ago. */
const RECENT = 'p-recent'
/** Left exactly two years before the run's day, which is therefore their last day kept. */
const EDGE = 'p-edge'
/** Marked as left without a leaving time (an old import): never expired by the job. */
const UNDATED = 'p-undated'
const LINA = cast.eastEmployee

const departed: Array<{ id: string; name: string; leftAt: Date | null }> = [
  { id: GONE, name: '王五', leftAt: sh('2024-06-01T18:00:00') },
  { id: RECENT, name: '赵六', leftAt: sh('2025-06-01T18:00:00') },
  { id: EDGE, name: '钱七', leftAt: sh('2024-11-28T10:00:00') },
  { id: UNDATED, name: '孙八', leftAt: null },
]

/** One record per collection holding personal data, for one departed person. */
function recordsOf(id: string, name: string, leftAt: Date | null, n: number): Record<string, DocData[]> {
  const mobile = `1380000900${n}`
  const departmentId = 'dept-sales-east'
  return {
    people: [
      { _id: id, name, mobile, email: `${id}@example.com`, departmentId, role: 'employee', status: 'left', ...(leftAt ? { leftAt } : {}), openid: `o-${id}`, createdAt: PAST, updatedAt: PAST },
    ],
    policy_acks: [{ _id: `ack-${id}`, versionId: 'policy-v1', versionNumber: 1, personId: id, departmentId, acknowledgedAt: PAST, quizAsked: 0, quizFailedAttempts: 0, lastRemindedAt: null }],
    notice_receipts: [{ _id: `rcpt-${id}`, noticeId: `notice-${id}`, personId: id, departmentId, sentAt: PAST, deadlineAt: null, requireAck: false, pending: false, acknowledgedAt: null, workingMinutes: null, onTime: null }],
    self_checks: [{ _id: `sc-${id}`, personId: id, departmentId, month: '2024-05', passed: true, issues: [], note: '已检查', submittedAt: PAST }],
    archive_confirmations: [{ _id: `ac-${id}`, personId: id, departmentId, month: '2024-05', complete: true, note: null, confirmedAt: PAST, updatedAt: PAST, onTime: true }],
    reply_stats: [{ _id: `reply-2024-05-${id}`, month: '2024-05', personId: id, departmentId, averageFirstReplyMinutes: 12, replyRate: 0.9, importedAt: PAST, importedBy: cast.admin }],
    notifications: [{ _id: `ntf-${id}`, recipientId: id, template: 'workNotice', kind: 'notice', recordId: `notice-${id}`, title: '周会', status: 'sent', error: null, createdAt: PAST }],
    message_quota: [{ _id: `quota-${id}`, personId: id, workNotice: 2 }],
    assessment_results: [
      { _id: `2024-05-${id}`, month: '2024-05', personId: id, personName: name, departmentId, runId: 'run-2024-05', total: 81, grade: 'B', appeal: null, appealStatus: null, adjustment: null },
      { _id: `2024-04-${id}`, month: '2024-04', personId: id, personName: name, departmentId, runId: 'run-2024-04', total: 70, grade: 'C', appeal: null, appealStatus: null, adjustment: null },
    ],
    account_applications: [
      {
        _id: `app-${id}`,
        applicantId: id,
        applicantName: name,
        departmentId,
        status: 'activated',
        realName: name,
        mobile,
        email: `${id}@example.com`,
        contactChangeReason: '换了手机号',
        purpose: '维护华东区客户',
        timeline: [
          { at: PAST, actorId: id, actorName: name, event: 'submit', comment: null },
          { at: PAST, actorId: cast.eastHead, actorName: '陈主管', event: 'approve', comment: '同意' },
        ],
        submittedAt: PAST,
        updatedAt: PAST,
      },
    ],
    accounts: [{ _id: `acct-${id}`, wechatId: `wx_${id}`, holderId: id, holderName: name, departmentId, status: 'closed', boundPhone: '13912345678', activatedOn: '2024-01-02', applicationId: `app-${id}`, createdAt: PAST, updatedAt: PAST }],
    delegations: [
      {
        _id: `del-${id}`,
        accountId: 'acct-lina',
        accountWechatId: 'wx_lina',
        holderId: LINA,
        holderName: '李娜',
        delegateId: id,
        delegateName: name,
        departmentId,
        reason: '休假',
        status: 'ended',
        timeline: [{ at: PAST, actorId: LINA, actorName: '李娜', event: 'request', comment: null }],
        requestedAt: PAST,
        updatedAt: PAST,
      },
    ],
    handovers: [
      {
        _id: `ho-${id}`,
        accountId: `acct-${id}`,
        holderId: id,
        holderName: name,
        receiverId: LINA,
        receiverName: '李娜',
        leaving: true,
        status: 'closed',
        startedById: cast.admin,
        startedByName: '管理员',
        checklist: { customers: { at: PAST, byId: id, byName: name }, groups: { at: PAST, byId: cast.admin, byName: '管理员' } },
        startedAt: PAST,
        updatedAt: PAST,
      },
    ],
    anomalies: [{ _id: `an-${id}`, reporterId: id, reporterName: name, departmentId, accountId: `acct-${id}`, type: 'stolen', status: 'resolved', description: '陌生设备登录', reportedAt: PAST, updatedAt: PAST }],
    customers: [{ _id: `cust-${id}`, name: `客户${n}`, company: null, phone: '13900000000', ownerId: LINA, departmentId, addedById: id, addedByName: name, consentAt: PAST, createdAt: PAST, updatedAt: PAST }],
    customer_contacts: [{ _id: `cc-${id}`, customerId: `cust-${id}`, ownerId: id, departmentId, byName: name, on: '2024-05-02', channel: 'wechat', summary: '介绍产品', nextStep: null, createdAt: PAST }],
    customer_feedback: [{ _id: `fb-${id}`, customerId: `cust-${id}`, ownerId: id, departmentId, byName: name, on: '2024-05-03', satisfaction: 5, complaint: false, content: '满意', createdAt: PAST }],
    follow_ups: [{ _id: `fu-${id}`, customerId: `cust-${id}`, ownerId: id, departmentId, dueOn: '2024-05-10', what: '回访', status: 'done', plannedById: id, plannedByName: name, plannedAt: PAST, closedByName: name, updatedAt: PAST }],
    archive_records: [{ _id: `ar-${id}`, ownerId: id, ownerName: name, departmentId, category: 'contract', title: '合同', customerName: `客户${n}`, createdAt: PAST, updatedAt: PAST, revision: 1 }],
    business_groups: [{ _id: `grp-${id}`, name: `客户群${n}`, ownerId: LINA, ownerName: '李娜', createdById: id, createdByName: name, departmentId, status: 'active', createdAt: PAST, updatedAt: PAST }],
    marketing_items: [{ _id: `mi-${id}`, title: '新品', text: '新品上市', authorId: id, authorName: name, departmentId, status: 'approved', reviewerId: cast.admin, reviewerName: '管理员', submittedAt: PAST, updatedAt: PAST }],
    marketing_pushes: [{ _id: `mp-${id}`, itemId: `mi-${id}`, itemTitle: '新品', byId: id, byName: name, departmentId, at: PAST, customers: [`cust-${id}`], groups: [], count: 1, note: null }],
    tasks: [
      {
        _id: `task-${id}`,
        title: '整理客户',
        creatorId: cast.eastHead,
        creatorName: '陈主管',
        assigneeIds: [LINA, id],
        assignees: [
          { personId: LINA, name: '李娜', departmentId },
          { personId: id, name, departmentId },
        ],
        status: 'done',
        createdAt: PAST,
        updatedAt: PAST,
      },
    ],
    spot_checks: [{ _id: `spot-${id}`, roundId: 'round-old', personId: id, personName: name, departmentId, checkerId: cast.eastHead, checkerName: '陈主管', status: 'scored', notes: '回复及时', employeeComment: '已整改', createdAt: PAST, updatedAt: PAST }],
    violations: [{ _id: `vio-${id}`, personId: id, personName: name, departmentId, month: '2024-05', points: 3, status: 'upheld', appealReason: '不服', recordedById: cast.admin, recordedByName: '管理员', recordedAt: PAST, updatedAt: PAST }],
    notices: [{ _id: `notice-${id}`, title: '周会', body: '周会改期', senderId: id, senderName: name, senderDepartmentId: departmentId, sentAt: PAST }],
    audit_log: [{ _id: `audit-${id}`, actorId: id, actorName: name, actorOpenid: `o-${id}`, action: 'account.submitApplication', targetCollection: 'account_applications', targetId: `app-${id}`, before: null, after: { realName: name, mobile }, at: PAST }],
  }
}

type Snapshot = Record<string, Map<string, DocData>>

async function snapshot(db: Database): Promise<Snapshot> {
  const all: Snapshot = {}
  for (const name of collections) all[name] = new Map((await readAll<DocData>(db, name, {})).map((d) => [String(d._id), d]))
  return all
}

/** The snapshot with the changes the retention job is expected to make, and nothing else. */
function expected(before: Snapshot, changes: { deleted: Record<string, string[]>; updated: Record<string, Record<string, (doc: DocData) => DocData>> }): Snapshot {
  const after: Snapshot = {}
  for (const [name, docs] of Object.entries(before)) {
    const next = new Map(docs)
    for (const id of changes.deleted[name] ?? []) {
      expect(next.has(id)).toBe(true)
      next.delete(id)
    }
    for (const [id, change] of Object.entries(changes.updated[name] ?? {})) {
      expect(next.has(id)).toBe(true)
      next.set(id, change(next.get(id)!))
    }
    after[name] = next
  }
  return after
}

const plainOf = (s: Snapshot) => Object.fromEntries(Object.entries(s).map(([name, docs]) => [name, Object.fromEntries(docs)]))

const anonymize =
  (...fields: string[]) =>
  (doc: DocData): DocData => ({ ...doc, ...Object.fromEntries(fields.map((f) => [f, ANONYMIZED_NAME])) })

describe('retention job', () => {
  const world = useScenario()
  const job = (at: Date) => enforceRetention(systemContext({ db: world.db, now: () => at }, 'jobs.enforceRetention'))
  const hourly = (at: Date) => enforceRetentionIfDue(systemContext({ db: world.db, now: () => at }, 'jobs.enforceRetention'))

  beforeEach(async () => {
    await world.db.collection('assessment_runs').add({
      data: [
        { _id: 'run-2024-05', month: '2024-05', status: 'done', preview: false, publishedAt: sh('2024-06-03T10:00:00'), startedAt: PAST, updatedAt: PAST },
        { _id: 'run-2024-04', month: '2024-04', status: 'done', preview: true, publishedAt: null, startedAt: PAST, updatedAt: PAST },
      ],
    })
    for (const [n, person] of departed.entries()) {
      for (const [collection, docs] of Object.entries(recordsOf(person.id, person.name, person.leftAt, n))) await world.db.collection(collection).add({ data: docs })
    }
  })

  it('clears exactly the expired person’s data, leaves every other document as it was, and audits the run', async () => {
    const before = await snapshot(world.db)
    const summary = await job(RUN_AT)
    const after = await snapshot(world.db)

    const runEntries = [...after.audit_log.values()].filter((e) => !before.audit_log.has(String(e._id)))
    expect(runEntries).toHaveLength(1)
    expect(runEntries[0]).toMatchObject({ action: RETENTION_RUN_ACTION, actorId: null, actorName: '系统', targetCollection: 'people', after: summary })
    after.audit_log.delete(String(runEntries[0]._id))

    const want = expected(before, {
      deleted: {
        policy_acks: [`ack-${GONE}`],
        notice_receipts: [`rcpt-${GONE}`],
        self_checks: [`sc-${GONE}`],
        archive_confirmations: [`ac-${GONE}`],
        reply_stats: [`reply-2024-05-${GONE}`],
        notifications: [`ntf-${GONE}`],
        message_quota: [`quota-${GONE}`],
        // The unpublished (preview) result goes; the published one stays, name and all.
        assessment_results: [`2024-04-${GONE}`],
      },
      updated: {
        people: {
          [GONE]: ({ openid: _openid, ...doc }) => ({ ...doc, name: ANONYMIZED_NAME, mobile: '', email: '', anonymizedAt: RUN_AT, updatedAt: RUN_AT }),
        },
        account_applications: {
          [`app-${GONE}`]: (doc) => ({
            ...doc,
            applicantName: ANONYMIZED_NAME,
            realName: ANONYMIZED_NAME,
            mobile: '',
            email: '',
            contactChangeReason: null,
            timeline: [{ ...(doc.timeline as DocData[])[0], actorName: ANONYMIZED_NAME }, (doc.timeline as DocData[])[1]],
          }),
        },
        accounts: { [`acct-${GONE}`]: anonymize('holderName') },
        delegations: { [`del-${GONE}`]: anonymize('delegateName') },
        handovers: {
          [`ho-${GONE}`]: (doc) => {
            const checklist = doc.checklist as Record<string, DocData>
            return { ...doc, holderName: ANONYMIZED_NAME, checklist: { ...checklist, customers: { ...checklist.customers, byName: ANONYMIZED_NAME } } }
          },
        },
        anomalies: { [`an-${GONE}`]: anonymize('reporterName') },
        customers: { [`cust-${GONE}`]: anonymize('addedByName') },
        customer_contacts: { [`cc-${GONE}`]: anonymize('byName') },
        customer_feedback: { [`fb-${GONE}`]: anonymize('byName') },
        follow_ups: { [`fu-${GONE}`]: anonymize('plannedByName', 'closedByName') },
        archive_records: { [`ar-${GONE}`]: anonymize('ownerName') },
        business_groups: { [`grp-${GONE}`]: anonymize('createdByName') },
        marketing_items: { [`mi-${GONE}`]: anonymize('authorName') },
        marketing_pushes: { [`mp-${GONE}`]: anonymize('byName') },
        tasks: { [`task-${GONE}`]: (doc) => ({ ...doc, assignees: [(doc.assignees as DocData[])[0], { ...(doc.assignees as DocData[])[1], name: ANONYMIZED_NAME }] }) },
        spot_checks: { [`spot-${GONE}`]: (doc) => ({ ...doc, personName: ANONYMIZED_NAME, employeeComment: null }) },
        violations: { [`vio-${GONE}`]: (doc) => ({ ...doc, personName: ANONYMIZED_NAME, appealReason: null }) },
      },
    })
    expect(plainOf(after)).toEqual(plainOf(want))

    expect(summary).toEqual({
      at: RUN_AT.toISOString(),
      periodMonths: 24,
      personIds: [GONE],
      remaining: 0,
      complete: true,
      deleted: { policy_acks: 1, notice_receipts: 1, self_checks: 1, archive_confirmations: 1, reply_stats: 1, notifications: 1, message_quota: 1, assessment_results: 1 },
      anonymized: {
        account_applications: 1,
        accounts: 1,
        delegations: 1,
        handovers: 1,
        anomalies: 1,
        customers: 1,
        customer_contacts: 1,
        customer_feedback: 1,
        follow_ups: 1,
        archive_records: 1,
        business_groups: 1,
        marketing_items: 1,
        marketing_pushes: 1,
        tasks: 1,
        spot_checks: 1,
        violations: 1,
        people: 1,
      },
    })
    // Nothing left that could name them, outside the audit log, the notices they sent and the published result.
    const text = JSON.stringify(plainOf(after), (key, value) => (key === 'audit_log' || key === 'notices' || key === `2024-05-${GONE}` ? undefined : value))
    expect(text).not.toContain('王五')
    expect(text).not.toContain('13800009000')
  })

  it('changes nothing when run again, apart from the new run’s own audit entry', async () => {
    await job(RUN_AT)
    const before = await snapshot(world.db)
    const summary = await job(sh('2026-11-28T04:00:00'))
    const after = await snapshot(world.db)
    expect(summary).toMatchObject({ personIds: [], remaining: 0, complete: true, deleted: {}, anonymized: {} })
    const added = [...after.audit_log.keys()].filter((id) => !before.audit_log.has(id))
    expect(added).toHaveLength(1)
    after.audit_log.delete(added[0])
    expect(plainOf(after)).toEqual(plainOf(before))
  })

  it('clears the next person the day after their last day kept, and follows the configured period', async () => {
    await job(RUN_AT)
    // 钱七 left on 28 November 2024: kept through 28 November 2026, cleared on the 29th.
    expect(await job(sh('2026-11-28T23:59:00'))).toMatchObject({ personIds: [] })
    expect(await job(sh('2026-11-29T03:00:00'))).toMatchObject({ personIds: [EDGE] })
    // 赵六 left on 1 June 2025; with a 36-month period that is still a long way off, with 24 not yet either.
    await world.db.collection('settings').doc('retention').set({ data: { periodMonths: 36 } })
    expect(await job(sh('2027-06-02T03:00:00'))).toMatchObject({ periodMonths: 36, personIds: [] })
    await world.db.collection('settings').doc('retention').set({ data: { periodMonths: 24 } })
    expect(await job(sh('2027-06-02T03:00:00'))).toMatchObject({ periodMonths: 24, personIds: [RECENT] })
    // The one without a leaving time is never cleared by the job.
    expect(((await world.db.collection('people').doc(UNDATED).get()).data as DocData).name).toBe('孙八')
  })

  it('runs from the hourly job at 03:00 Shanghai only, and goes on in later hours while people remain', async () => {
    expect(await hourly(sh('2026-11-28T02:00:00'))).toBeNull()
    expect(await hourly(sh('2026-11-28T10:00:00'))).toBeNull()
    // More expired people than one run takes: the rest are cleared in the following hours.
    const many = RETENTION_PEOPLE_PER_RUN + 5
    for (let i = 0; i < many; i++) {
      await world.db.collection('people').add({
        data: { _id: `p-old-${String(i).padStart(2, '0')}`, name: `离职${i}`, mobile: `1370000${String(i).padStart(4, '0')}`, email: '', departmentId: 'dept-service', role: 'employee', status: 'left', leftAt: sh('2023-01-10T12:00:00'), createdAt: PAST, updatedAt: PAST },
      })
    }
    const first = (await hourly(sh('2026-11-28T03:05:00'))) as RetentionRunSummary
    expect(first).toMatchObject({ complete: false, remaining: many + 1 - RETENTION_PEOPLE_PER_RUN })
    expect(first.personIds).toHaveLength(RETENTION_PEOPLE_PER_RUN)
    const second = (await hourly(sh('2026-11-28T04:05:00'))) as RetentionRunSummary
    expect(second).toMatchObject({ complete: true, remaining: 0 })
    expect(second.personIds).toHaveLength(many + 1 - RETENTION_PEOPLE_PER_RUN)
    expect(await hourly(sh('2026-11-28T05:05:00'))).toBeNull()
    const left = await readAll<DocData>(world.db, 'people', { status: 'left' })
    expect(left.filter((p) => p.anonymizedAt).map((p) => p._id).sort()).toEqual([GONE, ...Array.from({ length: many }, (_, i) => `p-old-${String(i).padStart(2, '0')}`)].sort())
  })
})

describe('retention settings', () => {
  const world = useScenario()
  const admin = () => world.as(cast.admin)

  it('shows the default period and the last run, and lets an admin change the period, audited', async () => {
    expect(await admin()('retention.getSettings', {})).toEqual({ ok: true, data: { periodMonths: 24, isDefault: true, lastRun: null } })
    const summary = await enforceRetention(systemContext({ db: world.db, now: () => RUN_AT }, 'jobs.enforceRetention'))
    expect(await admin()('retention.getSettings', {})).toEqual({ ok: true, data: { periodMonths: 24, isDefault: true, lastRun: summary } })

    expect(await admin()('retention.updateSettings', { periodMonths: 36 })).toMatchObject({ ok: true, data: { periodMonths: 36, isDefault: false } })
    const { data } = await world.db.collection('audit_log').where({ action: 'retention.updateSettings' }).get()
    expect(data).toEqual([expect.objectContaining({ actorId: cast.admin, targetCollection: 'settings', targetId: 'retention', before: { periodMonths: 24 }, after: { periodMonths: 36 } })])
    expect(await admin()('retention.updateSettings', { periodMonths: 12 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await admin()('retention.updateSettings', { periodMonths: 121 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await world.as(cast.eastEmployee)('retention.updateSettings', { periodMonths: 30 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await admin()('retention.getSettings', {})).toMatchObject({ ok: true, data: { periodMonths: 36 } })
  })
})
