import { startLocalCloud as startRaw } from '../../scripts/local-cloud/server'
import { demoPeople, resetDemoCompany } from '../../scripts/local-cloud/seed'
import { actionNames } from '../../types/contract'
import { GatewayClient } from '../support/api'
import { connectSdk, startLocalCloud, type TestCloud } from '../support/local-cloud'

/**
 * These go through the whole local stack: HTTP gateway → dev session → function pool →
 * the built cloudfunctions/api/index.js → wx-server-sdk → the runtime's database.
 */
let cloud: TestCloud

beforeAll(async () => {
  cloud = await startLocalCloud()
  await resetDemoCompany(connectSdk(cloud.cloudEndpoint).db)
})

afterAll(async () => {
  await cloud.close()
})

describe('dev surface', () => {
  it('lists the seeded company: departments with heads, 30+ staff, one admin', async () => {
    const body = await (await fetch(`${cloud.url}/dev/people`)).json()
    const people = body.data.people as Array<{ role: string; departmentName: string }>
    expect(people.length).toBeGreaterThanOrEqual(30)
    expect(people.filter((p) => p.role === 'admin')).toHaveLength(1)
    expect(new Set(people.filter((p) => p.role === 'head').map((p) => p.departmentName)).size).toBeGreaterThanOrEqual(3)
    expect(people.every((p) => p.departmentName)).toBe(true)
  })

  it('describes every action with its JSON Schema input and audience', async () => {
    const body = await (await fetch(`${cloud.url}/dev/actions`)).json()
    const listed = body.data.actions as Array<{ name: string; input: { type: string }; audience: string[] }>
    expect(listed.map((a) => a.name).sort()).toEqual([...actionNames].sort())
    const imp = listed.find((a) => a.name === 'roster.import')!
    expect(imp.audience).toEqual(['admin'])
    expect(imp.input).toMatchObject({ type: 'object', required: ['csv', 'commit'] })
  })

  it('refuses to serve dev sign-in on a non-loopback address', async () => {
    await expect(startRaw({ dataDir: cloud.dataDir, host: '0.0.0.0', port: 0 })).rejects.toThrow(/non-loopback/)
  })
})

describe('gateway', () => {
  it('asks for sign-in when there is no session', async () => {
    const res = await new GatewayClient(cloud.url).call('session.whoami', {})
    expect(res).toEqual({ status: 401, body: { ok: false, error: { code: 'NOT_SIGNED_IN', message: '请先登录' } } })
  })

  it('ignores a forged session cookie', async () => {
    const res = await fetch(`${cloud.url}/api/api`, {
      method: 'POST',
      headers: { cookie: 'bwm_dev_session=eyJvcGVuaWQiOiJsb2NhbC1wLWFkbWluLTAyIn0.forged' },
      body: JSON.stringify({ action: 'session.whoami', payload: {} }),
    })
    expect(res.status).toBe(401)
  })

  it('signs in as a seeded person and answers who they are through the built function', async () => {
    const client = new GatewayClient(cloud.url)
    expect((await client.signIn({ personId: 'p-service-01' })).status).toBe(200)
    const res = await client.call('session.whoami', {})
    expect(res.body).toMatchObject({ ok: true, data: { status: 'bound', person: { id: 'p-service-01', name: '谢芳', role: 'head', departmentName: '客户服务部' } } })
  })

  it('gives a visitor an unbound identity', async () => {
    const client = new GatewayClient(cloud.url)
    await client.signIn({ visitor: true })
    expect((await client.call('session.whoami', {})).body).toEqual({ ok: true, data: { status: 'unbound' } })
    expect((await client.call('roster.listDepartments', {})).body).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } })
  })

  it('keeps each caller’s identity apart under concurrency', async () => {
    const sample = demoPeople.slice(0, 24)
    const clients = await Promise.all(
      sample.map(async (person) => {
        const client = new GatewayClient(cloud.url)
        await client.signIn({ personId: person.id })
        return { person, client }
      }),
    )
    const answers = await Promise.all(clients.map(({ client }) => client.call('session.whoami', {})))
    answers.forEach((answer, i) => {
      expect(answer.body).toMatchObject({ ok: true, data: { person: { id: sample[i].id } } })
    })
  })

  it('refuses bodies over WeChat’s 100 KB limit and malformed JSON, writing nothing', async () => {
    const client = new GatewayClient(cloud.url)
    await client.signIn({ personId: 'p-admin-02' })
    const digest = cloud.database.digest()
    const big = await client.call('roster.import', { csv: 'x'.repeat(120_000), commit: true })
    expect(big).toMatchObject({ status: 413, body: { ok: false, error: { code: 'BAD_INPUT' } } })
    expect(cloud.database.digest()).toBe(digest)
  })

  it('answers unknown functions and actions with BAD_ACTION', async () => {
    const client = new GatewayClient(cloud.url)
    await client.signIn({ personId: 'p-admin-02' })
    expect((await client.call('session.whoami', {}, 'nope')).body).toMatchObject({ ok: false, error: { code: 'BAD_ACTION' } })
    expect((await client.call('nope.nope', {})).body).toMatchObject({ ok: false, error: { code: 'BAD_ACTION' } })
  })
})

describe('subscribe messages through the built function', () => {
  it('reach the runtime’s open-API record when a consenting head gets a new request', async () => {
    await fetch(`${cloud.url}/dev/messages`, { method: 'DELETE' })
    const head = new GatewayClient(cloud.url)
    await head.signIn({ personId: 'p-marketing-01' })
    expect((await head.call('notify.recordConsent', { accepted: ['approvalRequest'] })).body).toMatchObject({ ok: true, data: { quota: { approvalRequest: 1 } } })
    const employee = new GatewayClient(cloud.url)
    await employee.signIn({ personId: 'p-marketing-02' })
    const me = (await employee.call('session.whoami', {})).body
    expect(me.ok).toBe(true)
    const db = connectSdk(cloud.cloudEndpoint).db
    const roster = (await db.collection('people').doc('p-marketing-02').get()).data as { mobile: string; email: string; name: string }
    const applied = await employee.call('account.submitApplication', { realName: roster.name, mobile: roster.mobile, email: roster.email, purpose: '市场活动客户对接' })
    expect(applied.body.ok).toBe(true)
    const messages = (await (await fetch(`${cloud.url}/dev/messages`)).json()).data.messages as Array<{ touser: string; templateId: string; page: string }>
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ touser: 'local-p-marketing-01', templateId: 'local-approval-request', page: expect.stringMatching(/^\/packages\/account\/application\/index\?id=app-/) })
  })
})

describe('persistence', () => {
  it('keeps data across a restart on the same data folder', async () => {
    const dataDir = cloud.dataDir
    const first = await startRaw({ dataDir: `${dataDir}-restart`, port: 0, timers: false })
    await resetDemoCompany(connectSdk(first.cloudEndpoint).db)
    await first.close()
    const second = await startRaw({ dataDir: `${dataDir}-restart`, port: 0, timers: false })
    try {
      const body = await (await fetch(`${second.url}/dev/people`)).json()
      expect(body.data.people).toHaveLength(demoPeople.length)
    } finally {
      await second.close()
    }
  })
})
