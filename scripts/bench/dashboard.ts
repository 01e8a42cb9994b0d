import type { Database } from '../../cloudfunctions/src/core/sdk-types'
import { seedDemoWorkRecords } from '../local-cloud/seed-work'

type Timed = <T>(fn: () => Promise<T>) => Promise<number>
type Summarize = (label: string, samples: number[]) => string

/** A caller signed in through the gateway's development sign-in. */
async function callerFor(url: string, personId: string) {
  const signIn = await fetch(`${url}/dev/sign-in`, { method: 'POST', body: JSON.stringify({ personId }) })
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]
  return (action: string, payload: unknown) =>
    fetch(`${url}/api/api`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ action, payload }) }).then((r) => r.json())
}

/**
 * `dashboard.get` through the gateway for an admin (whole company) and a head (their
 * department), over the demo company with its work records; the issue's target is 300 ms a call.
 */
export async function benchDashboard(url: string, db: Database, timed: Timed, summarize: Summarize, n = 200): Promise<void> {
  await seedDemoWorkRecords(db)
  for (const [label, personId] of [
    ['admin', 'p-admin-02'],
    ['head', 'p-sales-east-01'],
  ] as const) {
    const call = await callerFor(url, personId)
    const first = (await call('dashboard.get', {})) as { ok: boolean; error?: { code: string } }
    if (!first.ok) throw new Error(`dashboard.get refused for ${label}: ${first.error?.code}`)
    const bytes = JSON.stringify(first).length
    const samples: number[] = []
    for (let i = 0; i < n; i++) samples.push(await timed(() => call('dashboard.get', {})))
    console.log(`${summarize(`gateway dashboard.get, ${label}`, samples)} bytes=${bytes}`)
  }
}
