import type { SubscribeMessage } from '../../cloudfunctions/src/core/context'
import type { Database } from '../../cloudfunctions/src/core/sdk-types'
import { apiCaller } from '../support/api'
import { cast, freshCompany, openidOf } from '../support/company'
import { connectSdk, startLocalCloud, type TestCloud } from '../support/local-cloud'

let cloud: TestCloud
let db: Database
let sent: SubscribeMessage[]
let call: ReturnType<typeof apiCaller>
const as = (personId: string) => (action: string, payload?: unknown) => call(openidOf(personId), action, payload)

async function apply(personId: string) {
  const me = (await db.collection('people').doc(personId).get()).data as { mobile: string; email: string; name: string }
  const res = await as(personId)('account.submitApplication', { realName: me.name, mobile: me.mobile, email: me.email, purpose: '维护重点客户关系，日常沟通' })
  if (!res.ok) throw new Error(res.error.code)
  return res.data.id as string
}

async function logged(recipientId: string) {
  return (await db.collection('notifications').where({ recipientId }).orderBy('createdAt', 'asc').get()).data.map((n) => n.status)
}

beforeAll(async () => {
  cloud = await startLocalCloud({ functions: false })
  db = connectSdk(cloud.cloudEndpoint).db
})

afterAll(async () => {
  await cloud.close()
})

beforeEach(async () => {
  await freshCompany(db)
  sent = []
  call = apiCaller(db, { sent })
})

it('spends one consent per message and logs what could not be sent', async () => {
  expect(await as(cast.eastHead)('notify.recordConsent', { accepted: ['approvalRequest', 'approvalRequest'] })).toMatchObject({
    ok: true,
    data: { quota: { approvalRequest: 1, approvalResult: 0, anomalyReported: 0 }, templateIds: { approvalRequest: 'tmpl-approval-request' } },
  })
  const first = await apply(cast.eastEmployee)
  expect(sent).toEqual([
    {
      touser: openidOf(cast.eastHead),
      templateId: 'tmpl-approval-request',
      page: `/packages/account/application/index?id=${first}`,
      data: { thing1: { value: '李娜申请业务微信账号' }, thing2: { value: '维护重点客户关系，日常沟通' }, time3: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) } },
    },
  ])
  await apply(cast.eastColleague)
  expect(sent).toHaveLength(1)
  expect(await logged(cast.eastHead)).toEqual(['sent', 'no_consent'])
  expect(await as(cast.eastHead)('notify.getConsent', {})).toMatchObject({ ok: true, data: { quota: { approvalRequest: 0 } } })
})

it('tells the applicant the result, and the admins what waits for activation', async () => {
  await as(cast.eastEmployee)('notify.recordConsent', { accepted: ['approvalResult'] })
  await as(cast.admin)('notify.recordConsent', { accepted: ['approvalRequest'] })
  const id = await apply(cast.eastEmployee)
  await as(cast.eastHead)('account.reviewApplication', { id, decision: 'approve' })
  expect(sent.map((m) => [m.touser, m.templateId])).toEqual([[openidOf(cast.admin), 'tmpl-approval-request']])
  await as(cast.admin)('account.activateApplication', { id, wechatId: 'lina_sales01', boundPhone: '13912345678', activatedOn: '2026-11-27' })
  expect(sent.map((m) => [m.touser, m.data.thing1.value])).toEqual([
    [openidOf(cast.admin), '李娜的业务微信待开通'],
    [openidOf(cast.eastEmployee), '业务微信账号已开通'],
  ])
})

it('sends an anomaly report to the head at once', async () => {
  await as(cast.eastHead)('notify.recordConsent', { accepted: ['anomalyReported'] })
  await as(cast.eastEmployee)('anomaly.report', { type: 'fraud', occurredAt: new Date().toISOString(), description: '有人冒充我向客户索要转账，已提醒客户。' })
  expect(sent).toMatchObject([{ touser: openidOf(cast.eastHead), templateId: 'tmpl-anomaly', data: { thing1: { value: '李娜：疑似诈骗' } } }])
})

it('tells the reporter when their anomaly is taken up and when it is resolved', async () => {
  // One consent per dialog: two taps, two messages.
  await as(cast.eastEmployee)('notify.recordConsent', { accepted: ['approvalResult'] })
  await as(cast.eastEmployee)('notify.recordConsent', { accepted: ['approvalResult'] })
  const reported = await as(cast.eastEmployee)('anomaly.report', { type: 'lost_phone', occurredAt: new Date().toISOString(), description: '工作手机在地铁上丢失，账号仍在登录状态' })
  if (!reported.ok) throw new Error(reported.error.code)
  await as(cast.eastHead)('anomaly.acknowledge', { id: reported.data.id })
  await as(cast.eastHead)('anomaly.resolve', { id: reported.data.id, resolution: '已远程退出登录并修改密码' })
  expect(sent.filter((m) => m.touser === openidOf(cast.eastEmployee)).map((m) => m.data.thing1.value)).toEqual(['你报告的账号异常已受理', '你报告的账号异常已解决'])
})

it('never lets a failing message fail the action', async () => {
  await as(cast.eastHead)('notify.recordConsent', { accepted: ['approvalRequest'] })
  call = apiCaller(db, { sent: { push: () => { throw new Error('WeChat is down') } } as unknown as SubscribeMessage[] })
  const id = await apply(cast.eastEmployee)
  expect(id).toBeTruthy()
  expect(await logged(cast.eastHead)).toEqual(['failed'])
})
