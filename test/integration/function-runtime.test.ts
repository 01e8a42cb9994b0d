import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { InvocationError } from '../../scripts/local-cloud/function-pool'
import { startLocalCloud, type LocalCloud } from '../../scripts/local-cloud/server'
import { connectSdk } from '../support/local-cloud'

const fixtures = path.resolve(__dirname, '../fixtures/functions')

describe('function runtime', () => {
  let cloud: LocalCloud
  let dataDir: string

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'bwm-fn-'))
    cloud = await startLocalCloud({ dataDir, port: 0, functionsRoot: fixtures, timers: true, maxInstancesPerFunction: 3 })
  })

  afterAll(async () => {
    await cloud.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('lets one function call another through cloud.callFunction, without passing on the user', async () => {
    const result = await cloud.pool.invoke('caller', { n: 21 }, { WX_OPENID: 'user-1' })
    expect(result).toEqual({ callerOpenid: 'user-1', callee: { doubled: 42, openid: null, source: 'wx_server' } })
  })

  it('keeps each invocation’s caller even when instances are busy and calls queue', async () => {
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) => cloud.pool.invoke('sleeper', { ms: 50 }, { WX_OPENID: `user-${i}` })),
    )
    results.forEach((r, i) => expect(r).toEqual({ openid: `user-${i}`, after: `user-${i}` }))
  })

  it('ends an invocation that outlives the function timeout, and serves the next one', async () => {
    await expect(cloud.pool.invoke('sleeper', { ms: 5_000 }, { WX_OPENID: 'slow' })).rejects.toMatchObject({ code: 'FUNCTION_TIMEOUT' })
    await expect(cloud.pool.invoke('sleeper', { ms: 1 }, { WX_OPENID: 'next' })).resolves.toEqual({ openid: 'next', after: 'next' })
  })

  it('moves the time functions see when the dev clock is set, leaving explicit dates alone', async () => {
    const set = (offsetMs: number) => fetch(`${cloud.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) })
    const before = Date.now()
    const real = (await cloud.pool.invoke('clock', {})) as { nowMs: number }
    expect(real.nowMs).toBeGreaterThanOrEqual(before)
    expect(real.nowMs).toBeLessThanOrEqual(Date.now())
    const threeHours = 3 * 3600_000
    expect((await set(threeHours)).status).toBe(200)
    const shifted = (await cloud.pool.invoke('clock', {})) as { now: string; nowMs: number; parsed: string }
    expect(shifted.nowMs).toBeGreaterThanOrEqual(before + threeHours)
    expect(Date.parse(shifted.now)).toBeGreaterThanOrEqual(before + threeHours)
    expect(shifted.parsed).toBe('2026-01-01T00:00:00.000Z')
    expect((await set(-1)).status).toBe(400)
    expect((await set(0)).status).toBe(200)
    expect(((await cloud.pool.invoke('clock', {})) as { nowMs: number }).nowMs).toBeLessThan(before + threeHours)
  })

  it('refuses functions that are not deployed', async () => {
    await expect(cloud.pool.invoke('missing', {})).rejects.toBeInstanceOf(InvocationError)
  })

  it('fires timer triggers from config.json with the event WeChat sends', async () => {
    const { db } = connectSdk(cloud.cloudEndpoint)
    const deadline = Date.now() + 5_000
    let ticks: Array<Record<string, unknown>> = []
    while (Date.now() < deadline && ticks.length < 2) {
      await new Promise((r) => setTimeout(r, 250))
      ticks = (await db.collection('audit_log').where({ action: 'fixture.tick' }).get()).data
    }
    expect(ticks.length).toBeGreaterThanOrEqual(2)
    expect(ticks[0]).toMatchObject({ trigger: 'everySecond', type: 'Timer' })
  })
})
