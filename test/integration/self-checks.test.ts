import { cast } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as

const answers = { paymentPasswordStrong: true, passwordChangedOn: '2026-10-15', securityVerificationOn: true, noUnknownLinks: true }


async function securityTodos(personId: string) {
  const res = await as(personId)('todo.list', {})
  return res.ok ? res.data.mine.filter((t: { kind: string }) => t.kind === 'selfcheck').map((t: { title: string }) => t.title) : res.error.code
}

it('reminds until the month’s self-check is done, then keeps it as this month’s record', async () => {
  expect(await as(cast.eastEmployee)('security.getSelfCheck', {})).toMatchObject({ ok: true, data: { month: '2026-11', dueOn: '2026-11-10', overdue: true, record: null, passwordAgeDays: null } })
  expect(await securityTodos(cast.eastEmployee)).toEqual(['本月账号安全自查已逾期'])
  expect(await as(cast.eastEmployee)('security.submitSelfCheck', answers)).toMatchObject({ ok: true, data: { month: '2026-11', passed: true, issues: [] } })
  expect(await securityTodos(cast.eastEmployee)).toEqual([])
  // Submitting again the same month updates the one record.
  await as(cast.eastEmployee)('security.submitSelfCheck', { ...answers, noUnknownLinks: false })
  expect((await world.db.collection('self_checks').where({ personId: cast.eastEmployee }).count()).total).toBe(1)
  expect(await as(cast.eastEmployee)('security.getSelfCheck', {})).toMatchObject({ ok: true, data: { record: { passed: false, issues: ['曾点击来源不明的链接或二维码，请留意账号异常'] }, passwordAgeDays: 43 } })
})

it('starts a new month with a new reminder, and warns when the password gets too old', async () => {
  await as(cast.eastEmployee)('security.submitSelfCheck', { ...answers, passwordChangedOn: '2026-09-01' })
  world.now = new Date('2026-12-01T01:00:00Z')
  expect(await securityTodos(cast.eastEmployee)).toEqual(['请完成本月账号安全自查', '业务微信登录密码该更换了'])
})

it('follows the admin’s settings', async () => {
  expect(await as(cast.eastHead)('security.updateSettings', { passwordMaxAgeDays: 60, selfCheckDueDay: 28 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await as(cast.admin)('security.updateSettings', { passwordMaxAgeDays: 30, selfCheckDueDay: 28 })).toMatchObject({ ok: true })
  expect(await as(cast.eastEmployee)('security.submitSelfCheck', answers)).toMatchObject({ ok: true, data: { passed: false, issues: ['登录密码已超过30天未修改'] } })
  expect(await as(cast.eastColleague)('security.getSelfCheck', {})).toMatchObject({ ok: true, data: { dueOn: '2026-11-28', overdue: false } })
  expect(await as(cast.admin)('security.updateSettings', { passwordMaxAgeDays: 10, selfCheckDueDay: 31 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
})

it('shows heads their department’s completion and admins everyone’s', async () => {
  await as(cast.eastEmployee)('security.submitSelfCheck', answers)
  await as(cast.serviceEmployee)('security.submitSelfCheck', answers)
  expect(await as(cast.eastHead)('security.listSelfChecks', {})).toMatchObject({ ok: true, data: { month: '2026-11', doneCount: 1, staffCount: 9 } })
  expect(await as(cast.eastHead)('security.listSelfChecks', { departmentId: 'dept-service' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  const all = await as(cast.admin)('security.listSelfChecks', { done: true })
  expect(all).toMatchObject({ ok: true, data: { doneCount: 2, total: 2 } })
  expect(await as(cast.eastEmployee)('security.listSelfChecks', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

it('refuses a password change date in the future', async () => {
  expect(await as(cast.eastEmployee)('security.submitSelfCheck', { ...answers, passwordChangedOn: '2026-11-28' })).toMatchObject({ ok: false, error: { code: 'DATE_IN_FUTURE' } })
})
