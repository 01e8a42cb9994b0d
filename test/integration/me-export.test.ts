import type { DocData } from '../../cloudfunctions/src/core/sdk-types'
import { cast, openidOf } from '../support/company'
import { useScenario } from '../support/scenario'

/** me.exportData: the caller's own records and nobody else's, the export audited. */

const world = useScenario()
const LINA = cast.eastEmployee
const OTHER = cast.eastColleague
const PAST = new Date('2026-10-20T02:00:00Z')

/** The field that names the person, per section of the document. */
const ownerFields: Record<string, string[]> = {
  accountApplications: ['applicantId'],
  accounts: ['holderId'],
  delegations: ['holderId', 'delegateId'],
  handovers: ['holderId', 'receiverId'],
  anomaliesReported: ['reporterId'],
  noticeReceipts: ['personId'],
  policyAcknowledgements: ['personId'],
  selfChecks: ['personId'],
  archiveConfirmations: ['personId'],
  spotChecks: ['personId'],
  violations: ['personId'],
  assessmentResults: ['personId'],
  replyStats: ['personId'],
  messageConsents: ['personId'],
  notifications: ['recipientId'],
}

beforeEach(async () => {
  await world.db.collection('assessment_runs').add({
    data: [
      { _id: 'run-2026-09', month: '2026-09', status: 'done', preview: false, publishedAt: PAST, startedAt: PAST, updatedAt: PAST },
      { _id: 'run-2026-10', month: '2026-10', status: 'done', preview: false, publishedAt: null, startedAt: PAST, updatedAt: PAST },
    ],
  })
  for (const [personId, name] of [
    [LINA, '李娜'],
    [OTHER, '张伟'],
  ]) {
    await world.db.collection('assessment_results').add({
      data: [
        { _id: `2026-09-${personId}`, month: '2026-09', personId, personName: name, departmentId: 'dept-sales-east', runId: 'run-2026-09', total: 88, grade: 'A' },
        { _id: `2026-10-${personId}`, month: '2026-10', personId, personName: name, departmentId: 'dept-sales-east', runId: 'run-2026-10', total: 60, grade: 'C' },
      ],
    })
    await world.db.collection('violations').add({ data: { _id: `vio-${personId}`, personId, personName: name, departmentId: 'dept-sales-east', month: '2026-10', points: 2, status: 'upheld', recordedAt: PAST } })
    await world.db.collection('message_quota').add({ data: { _id: `quota-${personId}`, personId, workNotice: 1 } })
    await world.db.collection('delegations').add({
      data: { _id: `del-${personId}`, holderId: cast.eastHead, holderName: '陈主管', delegateId: personId, delegateName: name, departmentId: 'dept-sales-east', status: 'ended', timeline: [], requestedAt: PAST, updatedAt: PAST },
    })
  }
})

it('returns the caller’s own data, and only theirs, and audits the export', async () => {
  const auditBefore = (await world.db.collection('audit_log').where({ action: 'me.exportData' }).count()).total
  const res = await world.as(LINA)('me.exportData', {})
  expect(res).toMatchObject({ ok: true, data: { fileName: '我的数据-2026-11-27.json', generatedAt: world.now.toISOString() } })
  const { document, counts } = (res as { data: unknown }).data as { document: Record<string, any>; counts: Record<string, number> }

  expect(document.profile).toMatchObject({ id: LINA, name: '李娜', departmentName: '华东销售部', role: 'employee', status: 'active', wechatBound: true })
  expect(document.profile).not.toHaveProperty('openid')
  expect(JSON.stringify(document)).not.toContain(openidOf(LINA))
  for (const [section, fields] of Object.entries(ownerFields)) {
    expect(document[section]).toHaveLength(counts[section])
    for (const record of document[section] as DocData[]) expect(fields.some((f) => record[f] === LINA)).toBe(true)
  }
  expect(JSON.stringify(document)).not.toContain(OTHER)
  // Published results only: October is not published yet.
  expect(document.assessmentResults.map((r: DocData) => r._id)).toEqual([`2026-09-${LINA}`])
  expect(document.violations.map((r: DocData) => r._id)).toEqual([`vio-${LINA}`])
  expect(document.delegations.map((r: DocData) => r._id)).toEqual([`del-${LINA}`])
  expect(document.messageConsents).toEqual([{ _id: `quota-${LINA}`, personId: LINA, workNotice: 1 }])
  // Dates come as ISO text, the way the file is saved.
  expect(document.violations[0].recordedAt).toBe(PAST.toISOString())

  const { data: entries } = await world.db.collection('audit_log').where({ action: 'me.exportData' }).get()
  expect(entries).toHaveLength(auditBefore + 1)
  expect(entries[entries.length - 1]).toMatchObject({ actorId: LINA, targetCollection: 'people', targetId: LINA, after: { counts } })
})

it('cannot be pointed at anyone else', async () => {
  expect(await world.as(LINA)('me.exportData', { personId: OTHER })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  const res = await world.as(OTHER)('me.exportData', {})
  expect(res).toMatchObject({ ok: true, data: { document: { profile: { id: OTHER, name: '张伟' } } } })
  expect(JSON.stringify((res as { data: { document: unknown } }).data.document)).not.toContain(LINA)
})
