import { publishMonth } from '../../cloudfunctions/src/actions/assessment/runs'
import { beginRun, runAssessment } from '../../cloudfunctions/src/assessment/runner'
import { previousMonth } from '../../cloudfunctions/src/assessment/month'
import { shiftMonth } from '../../cloudfunctions/src/domain/archive'
import { systemContext } from '../../cloudfunctions/src/core/context'
import type { Database } from '../../cloudfunctions/src/core/sdk-types'
import type { PersonDoc } from '../../cloudfunctions/src/repos/people'
import { devOpenidFor } from './dev-session'

/** The admin who publishes the demo months (陈静 of the administration department). */
const PUBLISHER = 'p-admin-02'

/**
 * The last `months` closed months of the demo company assessed by the real job (as the monthly
 * timer would) and published by the admin, so that 我的考核, the team table and the dashboards'
 * distribution and trend have something to show on a fresh start. Months already published are
 * left as they are.
 */
export async function seedDemoAssessments(db: Database, now: Date = new Date(), months = 3): Promise<string[]> {
  const published: string[] = []
  const publisher = (await db.collection<PersonDoc>('people').doc(PUBLISHER).get()).data as PersonDoc
  const last = previousMonth(now)
  for (let back = months - 1; back >= 0; back--) {
    const month = shiftMonth(last, -back)
    const system = systemContext({ db, now: () => now }, 'assessment.run')
    const begun = await beginRun(system, month, 'timer')
    // Refused: published already (or not assessable), which a second seeding must leave as it is.
    if (begun.kind === 'refused') continue
    if (begun.kind !== 'skipped') {
      let position = { month, runId: begun.run._id, cursor: begun.run.cursor }
      for (;;) {
        const step = await runAssessment(system, position)
        if (!step.more) break
        position = { ...position, cursor: step.cursor }
      }
    }
    const openid = devOpenidFor(PUBLISHER)
    await publishMonth({ month }, { ...systemContext({ db, now: () => now }, 'assessment.publishMonth'), openid: () => openid, caller: { kind: 'person', openid, person: { ...publisher, _id: PUBLISHER } } })
    published.push(month)
  }
  return published
}
