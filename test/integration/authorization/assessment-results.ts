import { previousMonth } from '../../../cloudfunctions/src/assessment/month'
import { runAssessment } from '../../../cloudfunctions/src/assessment/runner'
import { systemContext } from '../../../cloudfunctions/src/core/context'
import { resultId } from '../../../cloudfunctions/src/repos/assessment-results'
import { cast } from '../../support/company'
import { must, OK, type MatrixWorld, type Row } from './matrix'

/**
 * The record is the employee's result for last month: computed (the job run to its end right
 * here, as its invocations would), published where the action needs it, appealed for the decision.
 */
export function assessmentResultRows(world: MatrixWorld): Row[] {
  const month = previousMonth(new Date())
  const computed = async (): Promise<string> => {
    const run = await must<{ id: string }>(world.as(cast.admin)('assessment.runMonth', { month }))
    const ctx = systemContext({ db: world.db(), now: () => new Date() }, 'assessment.run')
    let cursor: string | null = null
    for (;;) {
      const step = await runAssessment(ctx, { month, runId: run.id, cursor })
      if (!step.more) break
      cursor = step.cursor
    }
    return resultId(month, cast.eastEmployee)
  }
  const published = async (): Promise<string> => {
    const id = await computed()
    await must(world.as(cast.admin)('assessment.publishMonth', { month }))
    return id
  }
  const appealed = async (): Promise<string> => {
    const id = await published()
    await must(world.as(cast.eastEmployee)('assessment.appeal', { id, reason: '客户投诉已核实为误会，请复核' }))
    return id
  }
  const adminOnly = { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK }
  return [
    { action: 'assessment.runMonth', setup: async () => null, payload: () => ({ month }), expect: adminOnly },
    { action: 'assessment.getRun', setup: computed, payload: () => ({ month }), expect: adminOnly },
    { action: 'assessment.publishMonth', setup: computed, payload: () => ({ month }), expect: adminOnly },
    { action: 'assessment.distribution', setup: computed, payload: () => ({ month }), expect: adminOnly },
    {
      action: 'assessment.listResults',
      setup: published,
      payload: () => ({ month, departmentId: 'dept-sales-east' }),
      expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK },
    },
    {
      action: 'assessment.getMine',
      setup: published,
      payload: () => ({ month, personId: cast.eastEmployee }),
      expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK },
    },
    {
      action: 'assessment.appeal',
      setup: published,
      payload: (id) => ({ id, reason: '客户投诉已核实为误会，请复核' }),
      expect: { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN' },
    },
    { action: 'assessment.decideAppeal', setup: appealed, payload: (id) => ({ id, decision: 'uphold', comment: '投诉属实，维持原结果' }), expect: adminOnly },
    // Heads see their own department's appeals (another head's list is empty); only admins decide them.
    { action: 'assessment.listAppeals', setup: appealed, payload: () => ({ page: 1, pageSize: 20 }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: OK, admin: OK } },
    // Unpublished, so the admin is refused before any file is written (the matrix's caller has no storage).
    {
      action: 'assessment.exportResults',
      setup: computed,
      payload: () => ({ month, departmentId: 'dept-sales-east' }),
      expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'ASSESSMENT_NOT_READY' },
    },
  ]
}
