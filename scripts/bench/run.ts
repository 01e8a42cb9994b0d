import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { connectSdk } from '../local-cloud/sdk-client'
import { resetDemoCompany } from '../local-cloud/seed'
import { startLocalCloud } from '../local-cloud/server'
import { benchAssessment } from './assessment'
import { benchDashboard } from './dashboard'

/**
 * Measures the local stack on this machine: raw SDK round trips, one caller through the
 * gateway and the function pool, concurrent callers, a large roster import, and last the
 * monthly assessment at company scale (scripts/bench/assessment.ts).
 * Results go to docs/benchmarks.md by hand; nothing here asserts a time.
 */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

function summarize(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b)
  return `${label}: n=${samples.length} p50_ms=${percentile(sorted, 50).toFixed(2)} p95_ms=${percentile(sorted, 95).toFixed(2)} p99_ms=${percentile(sorted, 99).toFixed(2)}`
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bwm-bench-'))
  const cloud = await startLocalCloud({ dataDir, port: 0, timers: false })
  try {
    const { db } = connectSdk(cloud.cloudEndpoint)
    await resetDemoCompany(db)
    await cloud.pool.warm()

    const sdkSamples: number[] = []
    for (let i = 0; i < 500; i++) sdkSamples.push(await timed(() => db.collection('people').where({ departmentId: 'dept-service' }).limit(20).get()))
    console.log(summarize('sdk indexed query', sdkSamples))

    const signIn = await fetch(`${cloud.url}/dev/sign-in`, { method: 'POST', body: JSON.stringify({ personId: 'p-admin-02' }) })
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]
    const call = (action: string, payload: unknown) =>
      fetch(`${cloud.url}/api/api`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ action, payload }) }).then((r) => r.json())

    const single: number[] = []
    for (let i = 0; i < 300; i++) single.push(await timed(() => call('session.whoami', {})))
    console.log(summarize('gateway whoami, 1 caller', single))

    const listSingle: number[] = []
    for (let i = 0; i < 200; i++) listSingle.push(await timed(() => call('roster.listPeople', { page: 1, pageSize: 20 })))
    console.log(summarize('gateway listPeople, 1 caller', listSingle))

    // The policy text is the largest answer the app loads (a whole document for the reader).
    const policyBytes = JSON.stringify(await call('policy.getCurrent', {})).length
    const policySamples: number[] = []
    for (let i = 0; i < 100; i++) policySamples.push(await timed(() => call('policy.getCurrent', {})))
    console.log(`${summarize('gateway policy.getCurrent, 1 caller', policySamples)} bytes=${policyBytes}`)
    const progressSamples: number[] = []
    for (let i = 0; i < 100; i++) progressSamples.push(await timed(() => call('policy.ackProgress', {})))
    console.log(summarize('gateway policy.ackProgress (33 staff), 1 caller', progressSamples))
    const noticeSamples: number[] = []
    for (let i = 0; i < 100; i++) noticeSamples.push(await timed(() => call('notice.listReceipts', { noticeId: 'notice-demo-1', page: 1, pageSize: 20 })))
    console.log(summarize('gateway notice.listReceipts, 1 caller', noticeSamples))
    // Adds the demo work records (spot checks, violations …) the dashboard reads.
    await benchDashboard(cloud.url, db, timed, summarize)

    const concurrent: number[] = []
    const started = Date.now()
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = 0; i < 50; i++) concurrent.push(await timed(() => call('session.whoami', {})))
      }),
    )
    const seconds = (Date.now() - started) / 1000
    console.log(`${summarize('gateway whoami, 20 callers', concurrent)} rps=${Math.round(concurrent.length / seconds)}`)

    const rows = ['姓名,手机,邮箱,部门,角色']
    for (let i = 0; i < 500; i++) rows.push(`员工${i},135${String(i).padStart(8, '0')},bench${i}@demo-corp.example.cn,客户服务部,员工`)
    const csv = rows.join('\n')
    const validateMs = await timed(() => call('roster.import', { csv, commit: false }))
    const commitMs = await timed(() => call('roster.import', { csv, commit: true }))
    console.log(`roster import 500 rows (${Math.round(csv.length / 1024)} KB): validate_ms=${validateMs.toFixed(0)} commit_ms=${commitMs.toFixed(0)}`)
  } finally {
    await cloud.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

// Last, so its summary is the final line printed.
main()
  .then(() => benchAssessment())
  .catch((err) => {
    console.error(err)
    process.exit(1)
  })
