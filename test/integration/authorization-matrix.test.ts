import { actionNames } from '../../types/contract'
import { demoPolicy, demoQuiz } from '../../scripts/local-cloud/seed-policy'
import type { Database } from '../../cloudfunctions/src/core/sdk-types'
import { apiCaller } from '../support/api'
import { must, OK, people, type MatrixWorld, type Row, type Who } from './authorization/matrix'
import { domainRows } from './authorization'
import { alteredEntries, auditSnapshot, plantAuditEntries } from './authorization/audit-trail'
import { cast, freshCompany, openidOf } from '../support/company'
import { connectSdk, startLocalCloud, type TestCloud } from '../support/local-cloud'

/**
 * Every action, called by each kind of person about a record belonging to an employee of
 * 华东销售部 (see ./authorization/matrix.ts). Each cell starts from a fresh company and a
 * refusal must leave the database exactly as it was.
 */

let cloud: TestCloud
let db: Database
let call: ReturnType<typeof apiCaller>
const as = (personId: string) => (action: string, payload?: unknown) => call(openidOf(personId), action, payload)


const ACCOUNT = 'acct-matrix_account'
async function giveAccount(): Promise<void> {
  const now = new Date()
  await db.collection('accounts').add({
    data: { _id: ACCOUNT, wechatId: 'matrix_account', holderId: cast.eastEmployee, holderName: '李娜', departmentId: 'dept-sales-east', status: 'active', boundPhone: '13912345678', activatedOn: '2026-11-01', applicationId: 'seeded', createdAt: now, updatedAt: now },
  })
}

async function application(stage: 'pending_head' | 'pending_admin'): Promise<string> {
  const me = (await db.collection('people').doc(cast.eastEmployee).get()).data as { mobile: string; email: string }
  const { id } = await must<{ id: string }>(as(cast.eastEmployee)('account.submitApplication', { realName: '李娜', mobile: me.mobile, email: me.email, purpose: '维护华东区客户关系' }))
  if (stage === 'pending_admin') await must(as(cast.eastHead)('account.reviewApplication', { id, decision: 'approve' }))
  return id
}

async function anomaly(acknowledged: boolean): Promise<string> {
  await giveAccount()
  const { id } = await must<{ id: string }>(as(cast.eastEmployee)('anomaly.report', { type: 'stolen', occurredAt: new Date(Date.now() - 60_000).toISOString(), description: '账号在陌生设备上登录并外发链接' }))
  if (acknowledged) await must(as(cast.eastHead)('anomaly.acknowledge', { id }))
  return id
}

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
async function delegation(approved: boolean): Promise<string> {
  await giveAccount()
  const { id } = await must<{ id: string }>(as(cast.eastEmployee)('delegation.request', { accountId: ACCOUNT, delegateId: cast.eastColleague, startsOn: today, endsOn: today, reason: '外出培训请同事代回复' }))
  if (approved) await must(as(cast.eastHead)('delegation.review', { id, decision: 'approve' }))
  return id
}

async function handover(stage: 'designating' | 'in_progress' | 'complete'): Promise<string> {
  await giveAccount()
  const { id } = await must<{ id: string }>(as(cast.eastEmployee)('handover.start', { accountId: ACCOUNT, leaving: true, reason: '离职交接' }))
  if (stage === 'designating') return id
  await must(as(cast.eastHead)('handover.designate', { id, receiverId: cast.eastColleague }))
  if (stage === 'complete') {
    for (const item of ['customers_transferred', 'personal_unbound', 'personal_info_cleared']) await must(as(cast.eastEmployee)('handover.tick', { id, item }))
    await must(as(cast.admin)('handover.tick', { id, item: 'password_changed' }))
    await must(as(cast.eastColleague)('handover.tick', { id, item: 'receipt_confirmed' }))
  }
  return id
}

async function draft(): Promise<string> {
  const { version } = await must<{ version: { id: string } }>(as(cast.admin)('policy.startDraft', {}))
  return version.id
}

async function departmentNotice(): Promise<string> {
  const { id } = await must<{ id: string }>(
    as(cast.eastHead)('notice.send', { title: '周会改期', body: '本周例会改到周四下午三点。', audience: { kind: 'departments', departmentIds: ['dept-sales-east'] }, requireAck: true }),
  )
  return id
}

const world: MatrixWorld = { db: () => db, as, today }

const rows: Row[] = [
  { action: 'account.submitApplication', setup: async () => null, payload: () => null, expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'account.getApplication', setup: () => application('pending_head'), payload: (id) => ({ id }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'account.withdrawApplication', setup: () => application('pending_head'), payload: (id) => ({ id }), expect: { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'FORBIDDEN' } },
  { action: 'account.reviewApplication', setup: () => application('pending_head'), payload: (id) => ({ id, decision: 'approve' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN' } },
  { action: 'account.activateApplication', setup: () => application('pending_admin'), payload: (id) => ({ id, wechatId: 'matrix_new', boundPhone: '13912345678', activatedOn: today }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  { action: 'account.declineActivation', setup: () => application('pending_admin'), payload: (id) => ({ id, comment: '暂不开通' }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  { action: 'account.listApplications', setup: async () => null, payload: () => ({ scope: 'all' }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  { action: 'account.get', setup: async () => (await giveAccount(), null), payload: () => ({ id: ACCOUNT }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'account.listAccounts', setup: async () => null, payload: () => ({ departmentId: 'dept-sales-east' }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'anomaly.report', setup: async () => null, payload: () => ({ type: 'other', occurredAt: new Date(Date.now() - 60_000).toISOString(), description: '收到可疑的好友验证消息' }), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'anomaly.get', setup: () => anomaly(false), payload: (id) => ({ id }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'anomaly.acknowledge', setup: () => anomaly(false), payload: (id) => ({ id }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'anomaly.recordMeasure', setup: () => anomaly(true), payload: (id) => ({ id, type: 'suspend_account' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'anomaly.resolve', setup: () => anomaly(true), payload: (id) => ({ id, resolution: '已处理完毕' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'anomaly.list', setup: () => anomaly(false), payload: () => ({ scope: 'handling' }), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'delegation.request', setup: async () => (await giveAccount(), null), payload: () => ({ accountId: ACCOUNT, delegateId: cast.eastColleague, startsOn: today, endsOn: today, reason: '外出培训请同事代回复' }), expect: { employee: OK, ownHead: 'NOT_ACCOUNT_HOLDER', otherHead: 'NOT_ACCOUNT_HOLDER', admin: 'NOT_ACCOUNT_HOLDER' } },
  { action: 'delegation.get', setup: () => delegation(false), payload: (id) => ({ id }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'delegation.review', setup: () => delegation(false), payload: (id) => ({ id, decision: 'approve' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN' } },
  { action: 'delegation.withdraw', setup: () => delegation(false), payload: (id) => ({ id }), expect: { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'FORBIDDEN' } },
  { action: 'delegation.revoke', setup: () => delegation(true), payload: (id) => ({ id }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'delegation.list', setup: () => delegation(false), payload: () => ({ scope: 'all' }), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'handover.start', setup: async () => (await giveAccount(), null), payload: () => ({ accountId: ACCOUNT, leaving: false, reason: '岗位调整' }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'handover.get', setup: () => handover('designating'), payload: (id) => ({ id }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'handover.designate', setup: () => handover('designating'), payload: (id) => ({ id, receiverId: cast.eastColleague }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN' } },
  { action: 'handover.tick', setup: () => handover('in_progress'), payload: (id) => ({ id, item: 'personal_unbound' }), expect: { employee: OK, ownHead: 'NOT_RESPONSIBLE', otherHead: 'FORBIDDEN', admin: 'NOT_RESPONSIBLE' } },
  { action: 'handover.close', setup: () => handover('complete'), payload: (id) => ({ id, outcome: 'transfer' }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  { action: 'handover.cancel', setup: () => handover('in_progress'), payload: (id) => ({ id, comment: '取消交接' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'handover.list', setup: () => handover('designating'), payload: () => ({ scope: 'handling' }), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'security.getSelfCheck', setup: async () => null, payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'security.submitSelfCheck', setup: async () => null, payload: () => ({ paymentPasswordStrong: true, passwordChangedOn: today, securityVerificationOn: true, noUnknownLinks: true }), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'security.listSelfChecks', setup: async () => null, payload: () => ({ departmentId: 'dept-sales-east' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'security.getSettings', setup: async () => null, payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'security.updateSettings', setup: async () => null, payload: () => ({ passwordMaxAgeDays: 60, selfCheckDueDay: 15 }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  { action: 'notify.getConsent', setup: async () => null, payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'notify.recordConsent', setup: async () => null, payload: () => ({ accepted: ['approvalRequest'] }), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'policy.getCurrent', setup: async () => null, payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  // Everyone in the cast acknowledged version 1 in the seed: acknowledging again answers with that record.
  { action: 'policy.acknowledge', setup: async () => null, payload: () => ({ versionId: 'policy-v1', readToEnd: true, confirmed: true, answers: [] }), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'policy.listVersions', setup: async () => null, payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'policy.getVersion', setup: async () => null, payload: () => ({ versionId: 'policy-v1', compare: true }), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'policy.startDraft', setup: async () => null, payload: () => ({}), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  { action: 'policy.saveDraft', setup: draft, payload: (id) => ({ versionId: id, revision: 0, document: demoPolicy, quiz: demoQuiz, changeSummary: '补充条款' }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  { action: 'policy.publish', setup: draft, payload: (id) => ({ versionId: id, revision: 0, effectiveFrom: today, changeSummary: '补充条款', ackWithinDays: 7 }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  { action: 'policy.discardDraft', setup: draft, payload: (id) => ({ versionId: id, revision: 0 }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  { action: 'policy.ackProgress', setup: async () => null, payload: () => ({}), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'policy.listAckStatus', setup: async () => null, payload: () => ({ departmentId: 'dept-sales-east' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'policy.remind', setup: async () => null, payload: () => ({ versionId: 'policy-v1', departmentId: 'dept-sales-east' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'notice.send', setup: async () => null, payload: () => ({ title: '周会改期', body: '本周例会改到周四。', audience: { kind: 'departments', departmentIds: ['dept-sales-east'] }, requireAck: false }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  { action: 'notice.listMine', setup: async () => null, payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  // The sender is not among the recipients, and the others were never sent it.
  { action: 'notice.acknowledge', setup: departmentNotice, payload: (id) => ({ noticeId: id }), expect: { employee: OK, ownHead: 'NOT_RECIPIENT', otherHead: 'NOT_RECIPIENT', admin: 'NOT_RECIPIENT' } },
  { action: 'notice.get', setup: departmentNotice, payload: (id) => ({ noticeId: id }), expect: { employee: OK, ownHead: OK, otherHead: 'NOT_FOUND', admin: OK } },
  { action: 'notice.listSent', setup: departmentNotice, payload: () => ({}), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'notice.listReceipts', setup: departmentNotice, payload: (id) => ({ noticeId: id }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'FORBIDDEN', admin: OK } },
  { action: 'worktime.getSettings', setup: async () => null, payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  { action: 'worktime.updateSettings', setup: async () => null, payload: () => ({ workdays: [1, 2, 3, 4, 5, 6], periods: [{ start: '08:30', end: '17:30' }], holidays: [], extraWorkdays: [] }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  { action: 'todo.list', setup: async () => null, payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  ...domainRows.flatMap((rowsOf) => rowsOf(world)),
]

beforeAll(async () => {
  cloud = await startLocalCloud({ functions: false })
  db = connectSdk(cloud.cloudEndpoint).db
  call = apiCaller(db)
})

afterAll(async () => {
  await cloud.close()
})

it('has a row for every action outside the roster foundation', () => {
  const covered = new Set(rows.map((r) => r.action))
  const uncovered = actionNames.filter((n) => !n.startsWith('session.') && !n.startsWith('roster.') && !covered.has(n))
  expect(uncovered).toEqual([])
})

const cells = rows.flatMap((row) => (Object.keys(people) as Who[]).map((who) => [row.action, who, row.expect[who], row] as const))

it.each(cells)('%s by %s → %s', async (action, who, want, row) => {
  await freshCompany(db)
  const id = await row.setup()
  let payload = row.payload(id)
  if (action === 'account.submitApplication') {
    const me = (await db.collection('people').doc(people[who]).get()).data as { name: string; mobile: string; email: string }
    payload = { realName: me.name, mobile: me.mobile, email: me.email, purpose: '维护客户关系，日常沟通' }
  }
  await plantAuditEntries(db, action, id)
  const audit = await auditSnapshot(db)
  const digest = cloud.database.digest()
  const res = await as(people[who])(action, payload)
  if (want === OK) {
    expect(res).toMatchObject({ ok: true })
  } else {
    expect(res).toMatchObject({ ok: false, error: { code: want } })
    expect(cloud.database.digest()).toBe(digest)
  }
  // Whatever the action did, the entries already in the audit log are untouched.
  expect(alteredEntries(audit, await auditSnapshot(db))).toEqual([])
})
