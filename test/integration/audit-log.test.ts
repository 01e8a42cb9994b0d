import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { actionNames, type AuditEntryView } from '../../types/contract'
import { apiCaller } from '../support/api'
import { cast, openidOf } from '../support/company'
import { useScenario } from '../support/scenario'
import { alteredEntries, auditSnapshot, plantAuditEntries } from './authorization/audit-trail'

const world = useScenario()
const as = world.as

/** The data of an answer that must have been ok. */
function dataOf(res: { ok: boolean; data?: any; error?: { code: string } }): any {
  if (!res.ok) throw new Error(`refused: ${res.error?.code}`)
  return res.data
}

async function search(payload: Record<string, unknown>, by: string = cast.admin): Promise<{ items: AuditEntryView[]; total: number }> {
  return dataOf(await as(by)('audit.search', payload))
}

/** Writes an entry as writeAudit would, at a chosen time. */
async function entry(id: string, fields: { actorId: string | null; action: string; targetCollection: string; targetId: string; at: string; before?: unknown; after?: unknown }) {
  await world.db.collection('audit_log').add({
    data: { _id: id, actorName: fields.actorId ? `名-${fields.actorId}` : '系统', actorOpenid: '', before: null, after: null, ...fields, at: new Date(fields.at) },
  })
}

describe('audit.search', () => {
  beforeEach(async () => {
    await entry('audit-t1', { actorId: cast.eastHead, action: 'violation.record', targetCollection: 'violations', targetId: 'v-1', at: '2026-11-20T01:00:00Z', after: { status: 'recorded', points: 2 } })
    await entry('audit-t2', { actorId: cast.admin, action: 'violation.decide', targetCollection: 'violations', targetId: 'v-1', at: '2026-11-21T15:59:59Z', before: { status: 'appealed' }, after: { status: 'upheld' } })
    await entry('audit-t3', { actorId: cast.admin, action: 'violation.decide', targetCollection: 'violations', targetId: 'v-2', at: '2026-11-21T16:00:00Z', before: { status: 'appealed' }, after: { status: 'overturned' } })
    await entry('audit-t4', { actorId: cast.eastEmployee, action: 'account.submitApplication', targetCollection: 'account_applications', targetId: 'app-1', at: '2026-11-22T03:00:00Z', after: { realName: '李娜', mobile: '13912345678', email: 'li.na@corp.cn', note: 'x'.repeat(400) } })
    await entry('audit-t5', { actorId: null, action: 'jobs.remindPendingPolicy', targetCollection: 'policy_versions', targetId: 'policy-v1', at: '2026-11-23T00:00:00Z', after: [1, 2] })
  })

  it('finds by person, newest first, with who, what, which record and when', async () => {
    const { items, total } = await search({ actorId: cast.admin, from: '2026-11-01', to: '2026-11-30' })
    expect(total).toBe(2)
    expect(items.map((i) => i.id)).toEqual(['audit-t3', 'audit-t2'])
    expect(items[1]).toEqual({
      id: 'audit-t2',
      actorId: cast.admin,
      actorName: `名-${cast.admin}`,
      action: 'violation.decide',
      targetCollection: 'violations',
      targetId: 'v-1',
      at: '2026-11-21T15:59:59.000Z',
      changes: [{ field: 'status', before: 'appealed', after: 'upheld' }],
      truncated: false,
    })
  })

  it('finds by exact action or by prefix', async () => {
    expect((await search({ action: 'violation.decide' })).items.map((i) => i.id)).toEqual(['audit-t3', 'audit-t2'])
    expect((await search({ action: 'violation.' })).items.map((i) => i.id)).toEqual(['audit-t3', 'audit-t2', 'audit-t1'])
    expect((await search({ action: 'violation.*' })).total).toBe(3)
    expect((await search({ action: 'violation' })).total).toBe(3)
    // A prefix is matched literally: no pattern reaches the database.
    expect((await search({ action: 'violation.dec' })).total).toBe(0)
    expect(await as(cast.admin)('audit.search', { action: 'v.*.x' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('finds by record', async () => {
    expect((await search({ targetId: 'v-1' })).items.map((i) => i.id)).toEqual(['audit-t2', 'audit-t1'])
    expect((await search({ targetCollection: 'violations', targetId: 'v-2' })).items.map((i) => i.id)).toEqual(['audit-t3'])
    expect((await search({ targetCollection: 'account_applications', targetId: 'v-2' })).total).toBe(0)
  })

  it('takes dates as whole Shanghai days', async () => {
    // 2026-11-21T15:59:59Z is 23:59:59 on the 21st in Shanghai, 16:00Z already the 22nd.
    expect((await search({ action: 'violation.', from: '2026-11-21', to: '2026-11-21' })).items.map((i) => i.id)).toEqual(['audit-t2'])
    expect((await search({ action: 'violation.', from: '2026-11-22' })).items.map((i) => i.id)).toEqual(['audit-t3'])
    expect((await search({ action: 'violation.', to: '2026-11-20' })).items.map((i) => i.id)).toEqual(['audit-t1'])
    expect(await as(cast.admin)('audit.search', { from: '2026-11-22', to: '2026-11-21' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('pages newest first', async () => {
    const filter = { from: '2026-11-20', to: '2026-11-23' }
    const first = await search({ ...filter, page: 1, pageSize: 2 })
    const second = await search({ ...filter, page: 2, pageSize: 2 })
    const third = await search({ ...filter, page: 3, pageSize: 2 })
    expect(first.total).toBe(5)
    expect([...first.items, ...second.items, ...third.items].map((i) => i.id)).toEqual(['audit-t5', 'audit-t4', 'audit-t3', 'audit-t2', 'audit-t1'])
  })

  it('shows a compact before/after with contacts masked and long values cut', async () => {
    const [submitted] = (await search({ targetId: 'app-1' })).items
    expect(submitted.changes.find((c) => c.field === 'mobile')).toEqual({ field: 'mobile', before: null, after: '139****5678' })
    expect(submitted.changes.find((c) => c.field === 'email')).toEqual({ field: 'email', before: null, after: 'l***@corp.cn' })
    expect(submitted.changes.find((c) => c.field === 'note')?.after).toHaveLength(301)
    expect(submitted.truncated).toBe(true)
    const [job] = (await search({ targetId: 'policy-v1', action: 'jobs.remindPendingPolicy' })).items
    expect(job).toMatchObject({ actorId: null, actorName: '系统', changes: [{ field: '值', before: null, after: '[1,2]' }] })
  })

  it('is for admins only', async () => {
    for (const who of [cast.eastEmployee, cast.eastHead, cast.southHead]) {
      expect(await as(who)('audit.search', { actorId: who })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const unbound = apiCaller(world.db)
    expect(await unbound('wx-stranger', 'audit.search', {})).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } })
    expect(await unbound(undefined, 'audit.search', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } })
  })
})

describe('reads of full contacts are logged', () => {
  it('logs a head reading an application with the applicant’s mobile and email, not the applicant themself', async () => {
    const me = (await world.db.collection('people').doc(cast.eastEmployee).get()).data as { mobile: string; email: string }
    const application = dataOf(await as(cast.eastEmployee)('account.submitApplication', { realName: '李娜', mobile: me.mobile, email: me.email, purpose: '维护华东区客户关系' }))
    dataOf(await as(cast.eastEmployee)('account.getApplication', { id: application.id }))
    expect((await search({ action: 'contact.read', targetId: cast.eastEmployee })).total).toBe(0)

    const read = dataOf(await as(cast.eastHead)('account.getApplication', { id: application.id }))
    expect(read.mobile).toBe(me.mobile)
    const { items } = await search({ action: 'contact.read', targetId: cast.eastEmployee })
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ actorId: cast.eastHead, targetCollection: 'people', targetId: cast.eastEmployee })
    expect(items[0].changes).toEqual([
      { field: 'fields', before: null, after: '["mobile","email"]' },
      { field: 'via', before: null, after: 'account.getApplication' },
      { field: 'source', before: null, after: `account_applications/${application.id}` },
    ])
    // A refused read shows nothing and logs nothing.
    expect(await as(cast.southHead)('account.getApplication', { id: application.id })).toMatchObject({ ok: false })
    expect((await search({ action: 'contact.read', targetId: cast.eastEmployee })).total).toBe(1)
  })

  it('logs every answer carrying a customer’s full phone, and none for a customer without one', async () => {
    const customer = dataOf(await as(cast.eastEmployee)('customer.create', { name: '王先生', phone: '13712345678', source: 'referral', consent: true }))
    world.now = new Date(world.now.getTime() + 60_000)
    dataOf(await as(cast.eastHead)('customer.get', { customerId: customer.id }))
    const { items } = await search({ action: 'contact.read', targetId: customer.id })
    expect(items.map((i) => [i.actorId, i.targetCollection, i.changes.find((c) => c.field === 'via')?.after])).toEqual([
      [cast.eastHead, 'customers', 'customer.get'],
      [cast.eastEmployee, 'customers', 'customer.create'],
    ])
    const quiet = dataOf(await as(cast.eastEmployee)('customer.create', { name: '赵女士', source: 'referral', consent: true }))
    dataOf(await as(cast.eastHead)('customer.get', { customerId: quiet.id }))
    expect((await search({ action: 'contact.read', targetId: quiet.id })).total).toBe(0)
  })
})

describe('the audit log is append-only', () => {
  const src = join(__dirname, '../../cloudfunctions/src')

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return sources(path)
      return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : []
    })
  }

  it('is written only by writeAudit, which only ever adds', () => {
    const files = sources(src).map((path) => ({ path: relative(src, path), text: readFileSync(path, 'utf8') }))
    // The collection is named in one place only.
    expect(files.filter((f) => /['"`]audit_log['"`]/.test(f.text)).map((f) => f.path)).toEqual(['core/audit.ts'])
    // Outside core/audit.ts, AUDIT_LOG is only read: no write follows a collection(AUDIT_LOG) in the same statement.
    const users = files.filter((f) => f.path !== 'core/audit.ts' && /\bAUDIT_LOG\b/.test(f.text))
    expect(users.map((f) => f.path)).toEqual(['actions/audit/search.ts', 'jobs/retention.ts'])
    for (const f of users) {
      const statements = f.text.split(/\n\s*\n|;\n/).filter((s) => /collection(<[^>]*>)?\(\s*AUDIT_LOG\s*\)/.test(s))
      for (const statement of statements) expect(statement).not.toMatch(/\.(add|set|update|remove|doc)\s*\(/)
    }
    // writeAudit adds a fresh entry (or sets one by a fresh id in a transaction), never updates or removes.
    const core = files.find((f) => f.path === 'core/audit.ts')!.text
    expect(core).not.toMatch(/\.(update|remove)\s*\(/)
    expect(core.match(/\.(add|set)\s*\(/g)).toEqual(['.set(', '.add('])
    expect(core).toMatch(/const id = newId\('audit', at\)/)
  })

  it('keeps every earlier entry through the roster and session actions (the matrix covers the rest)', async () => {
    const foundation = actionNames.filter((n) => n.startsWith('session.') || n.startsWith('roster.'))
    const phoneBook: Record<string, string> = {}
    const call = apiCaller(world.db, { phone: { resolve: async (code) => phoneBook[code] ?? null } })
    const admin = openidOf(cast.admin)
    const newcomer = (await world.db.collection('people').doc('p-service-03').get()).data as { mobile: string }
    await world.db.collection('people').doc('p-service-03').update({ data: { openid: world.db.command.remove() } })
    phoneBook['code-1'] = newcomer.mobile
    const calls: Array<[string, string, unknown]> = [
      ['session.whoami', admin, {}],
      ['session.bindByPhone', 'wx-newcomer', { code: 'code-1' }],
      ['roster.listDepartments', admin, {}],
      ['roster.addDepartment', admin, { name: '审计测试部' }],
      ['roster.listPeople', admin, { page: 1, pageSize: 20 }],
      ['roster.import', admin, { csv: '姓名,手机,邮箱,部门,角色\n新同事,13600000077,new.colleague@demo-corp.example.cn,华东销售部,员工', commit: true }],
    ]
    expect(calls.map(([name]) => name).sort()).toEqual([...foundation].sort())
    for (const [name, openid, payload] of calls) {
      await plantAuditEntries(world.db, name, null)
      const before = await auditSnapshot(world.db)
      expect(await call(openid, name, payload)).toMatchObject({ ok: true })
      const after = await auditSnapshot(world.db)
      expect(alteredEntries(before, after)).toEqual([])
      await world.db.collection('audit_log').where({ _id: world.db.RegExp({ regexp: '^audit-planted-' }) }).remove()
    }
  })

  it('would notice an entry changed or removed', async () => {
    await plantAuditEntries(world.db, 'violation.record', null)
    const before = await auditSnapshot(world.db)
    await world.db.collection('audit_log').doc('audit-planted-0001').update({ data: { after: { status: 'forged' } } })
    await world.db.collection('audit_log').doc('audit-planted-0002').remove()
    expect(alteredEntries(before, await auditSnapshot(world.db))).toEqual(['audit-planted-0001', 'audit-planted-0002'])
  })
})
