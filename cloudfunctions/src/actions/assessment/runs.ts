import type { ActionInput, AssessmentRun, AssessmentRunOverview } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { continueEvent } from '../../assessment/protocol'
import { beginRun } from '../../assessment/runner'
import { ASSESSMENT_FUNCTION, ASSESSMENT_RUNS, latestRun, loadRun, publishedRun, toRunSummary } from '../../repos/assessment-results'

/**
 * Starting another cloud function is not among the declared deps yet: the api entry is to
 * supply `invoke` (it reaches handlers with the rest of the deps). Tests leave it out and run
 * the job themselves, so a run started here simply waits for its first chunk.
 */

export async function runMonth(input: ActionInput<'assessment.runMonth'>, ctx: ActionContext): Promise<AssessmentRun> {
  const begun = await beginRun(ctx, input.month, 'admin')
  if (begun.kind === 'refused') refuse(begun.code)
  const run = begun.run
  if (begun.kind === 'resumed') {
    await writeAudit(ctx, { action: ctx.action, targetCollection: ASSESSMENT_RUNS, targetId: run._id, before: { cursor: run.cursor, processed: run.processed }, after: { resumed: true } })
  }
  await ctx.invoke?.(ASSESSMENT_FUNCTION, continueEvent(run))
  return toRunSummary(run, ctx.now())
}

export async function getRun(input: ActionInput<'assessment.getRun'>, ctx: ActionContext): Promise<AssessmentRunOverview> {
  let run = null
  let month: string
  if (input.runId) {
    run = await loadRun(ctx.db, input.runId)
    if (!run) refuse('NOT_FOUND')
    month = run.month
  } else {
    month = input.month!
    run = await latestRun(ctx.db, month)
  }
  const published = await publishedRun(ctx.db, month)
  return {
    month,
    run: run ? toRunSummary(run, ctx.now()) : null,
    published: published !== null,
    publishedAt: published?.publishedAt ? published.publishedAt.toISOString() : null,
  }
}

/**
 * Publication marks the run, and the month with it: from then on no run may write the month's
 * results, and employees see theirs. Only a run started after the month ended counts.
 */
export async function publishMonth(input: ActionInput<'assessment.publishMonth'>, ctx: ActionContext): Promise<AssessmentRun> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const _ = ctx.db.command
  if (await publishedRun(ctx.db, input.month)) refuse('MONTH_PUBLISHED')
  const latest = await latestRun(ctx.db, input.month)
  if (!latest || latest.status !== 'done' || latest.preview) refuse('ASSESSMENT_NOT_READY')
  const mark = { publishedAt: now, publishedById: me._id, publishedByName: me.name, updatedAt: now }
  const { stats } = await ctx.db.collection(ASSESSMENT_RUNS).where({ _id: latest._id, status: 'done', publishedAt: null }).update({ data: mark })
  if (stats.updated !== 1) refuse('CONFLICT')
  // A run that started in the meantime would overwrite published results. It checks for a
  // publication after writing itself, and this checks for it after publishing: one side sees the other.
  const { total: newer } = await ctx.db.collection(ASSESSMENT_RUNS).where({ month: input.month, startedAt: _.gt(latest.startedAt) }).count()
  if (newer > 0) {
    await ctx.db
      .collection(ASSESSMENT_RUNS)
      .doc(latest._id)
      .update({ data: { publishedAt: null, publishedById: null, publishedByName: null, updatedAt: latest.updatedAt } })
    refuse('CONFLICT')
  }
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: ASSESSMENT_RUNS,
    targetId: latest._id,
    before: { publishedAt: null },
    after: { month: input.month, publishedAt: now.toISOString(), processed: latest.processed, ruleVersion: latest.ruleVersion },
  })
  return toRunSummary({ ...latest, ...mark }, now)
}
