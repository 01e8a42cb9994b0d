import type { SubscribeMessage } from '../../cloudfunctions/src/core/context'
import type { Database } from '../../cloudfunctions/src/core/sdk-types'
import { apiCaller } from './api'
import { freshCompany, openidOf } from './company'
import { connectSdk, startLocalCloud, type TestCloud } from './local-cloud'

/** Friday 2026-11-27, 10:00 in Shanghai: the default "now" of scenario tests. */
export const SCENARIO_START = new Date('2026-11-27T02:00:00Z')

export interface Scenario {
  readonly cloud: TestCloud
  readonly db: Database
  /** Subscribe messages the api would have sent, in order. */
  readonly sent: SubscribeMessage[]
  /** The api function's clock; reset to SCENARIO_START before each test. */
  now: Date
  as(personId: string): (action: string, payload?: unknown) => ReturnType<ReturnType<typeof apiCaller>>
}

/**
 * A test file's world: one local runtime (database only), the demo company reset and
 * bound before each test, and actions called in-process as any seeded person with a
 * controllable clock.
 */
export function useScenario(): Scenario {
  let cloud: TestCloud
  let db: Database
  let call: ReturnType<typeof apiCaller>
  const scenario: Scenario = {
    get cloud() {
      return cloud
    },
    get db() {
      return db
    },
    sent: [],
    now: SCENARIO_START,
    as: (personId) => (action, payload) => call(openidOf(personId), action, payload),
  }
  beforeAll(async () => {
    cloud = await startLocalCloud({ functions: false })
    db = connectSdk(cloud.cloudEndpoint).db
    call = apiCaller(db, { now: () => scenario.now, sent: scenario.sent })
  })
  afterAll(async () => {
    await cloud.close()
  })
  beforeEach(async () => {
    scenario.now = SCENARIO_START
    scenario.sent.length = 0
    await freshCompany(db)
  })
  return scenario
}
