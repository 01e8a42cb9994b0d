import { cast } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const admin = () => world.as(cast.admin)

async function mobileOf(personId: string): Promise<string> {
  return ((await world.db.collection('people').doc(personId).get()).data as { mobile: string }).mobile
}

async function count(collection: string): Promise<number> {
  return (await world.db.collection(collection).where({}).count()).total
}

it('checks a WeCom export, then imports it matched by mobile, and importing again changes nothing', async () => {
  const csv = `成员,手机号,平均首次回复时长,已回复聊天占比\n李娜,${await mobileOf(cast.eastEmployee)},8分30秒,92%\n张伟,${await mobileOf(cast.eastColleague)},25,70%\n`
  const before = await count('audit_log')
  expect(await admin()('replyStats.import', { month: '2026-10', csv, commit: false })).toEqual({ ok: true, data: { month: '2026-10', rows: 2, errors: [], committed: false, written: 0 } })
  expect(await count('reply_stats')).toBe(0)
  expect(await count('audit_log')).toBe(before)

  expect(await admin()('replyStats.import', { month: '2026-10', csv, commit: true })).toEqual({ ok: true, data: { month: '2026-10', rows: 2, errors: [], committed: true, written: 2 } })
  expect(await admin()('replyStats.import', { month: '2026-10', csv, commit: true })).toMatchObject({ ok: true, data: { written: 2 } })
  expect(await count('reply_stats')).toBe(2)
  expect(await admin()('replyStats.list', { month: '2026-10' })).toMatchObject({
    ok: true,
    data: {
      total: 2,
      items: [
        { personId: cast.eastEmployee, personName: '李娜', departmentName: '华东销售部', averageFirstReplyMinutes: 8.5, replyRate: 0.92 },
        { personId: cast.eastColleague, personName: '张伟', averageFirstReplyMinutes: 25, replyRate: 0.7 },
      ],
    },
  })
  expect((await world.db.collection('reply_stats').doc(`reply-2026-10-${cast.eastEmployee}`).get()).data).toMatchObject({ month: '2026-10', departmentId: 'dept-sales-east' })
  expect(await admin()('replyStats.list', { month: '2026-11' })).toMatchObject({ ok: true, data: { total: 0 } })
})

it('writes nothing when any row is wrong, and tells which', async () => {
  const csv = `手机号,回复率\n${await mobileOf(cast.eastEmployee)},90%\n13000000000,80%\n`
  expect(await admin()('replyStats.import', { month: '2026-10', csv, commit: true })).toEqual({
    ok: true,
    data: { month: '2026-10', rows: 2, errors: [{ line: 3, field: '手机号', message: '该手机号不在花名册中' }], committed: false, written: 0 },
  })
  expect(await count('reply_stats')).toBe(0)
  expect(await admin()('replyStats.import', { month: '2026-13', csv, commit: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
})
