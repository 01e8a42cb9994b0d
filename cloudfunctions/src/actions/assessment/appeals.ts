import type { ActionInput, ActionOutput, AssessmentResult } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { gradeFor } from '../../domain/assessment/score'
import { ASSESSMENT_RESULTS, loadResult, loadRun, publishedRun, toAppealRow, toResult, type ResultDoc, type StoredAdjustment, type StoredAppeal } from '../../repos/assessment-results'
import { departmentName } from '../../repos/departments'
import { fetchPage } from '../../repos/paging'

/** Only the person the result is about appeals it; others learn no more than their scope allows. */
function refuseUnlessOwn(ctx: ActionContext, doc: ResultDoc): void {
  const me = requirePerson(ctx)
  if (doc.personId === me._id) return
  if (me.role === 'admin' || (me.role === 'head' && me.departmentId === doc.departmentId)) refuse('FORBIDDEN')
  refuse(me.role === 'head' ? 'OUT_OF_SCOPE' : 'NOT_FOUND')
}

async function present(ctx: ActionContext, doc: ResultDoc): Promise<AssessmentResult> {
  return toResult(doc, await departmentName(ctx.db, doc.departmentId), { published: true, canAppeal: false })
}

/** Once per result, on a published month; the computed result stays as it is while the appeal waits. */
export async function appealResult(input: ActionInput<'assessment.appeal'>, ctx: ActionContext): Promise<AssessmentResult> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const doc = await loadResult(ctx.db, input.id)
  if (!doc) refuse('NOT_FOUND')
  refuseUnlessOwn(ctx, doc)
  // Not yet published, the result is not shown to its owner: there is nothing to appeal against.
  if (!(await publishedRun(ctx.db, doc.month))) refuse('NOT_FOUND')
  if (doc.appeal) refuse('RESULT_ALREADY_APPEALED')
  const appeal: StoredAppeal = { reason: input.reason, appealedAt: now, status: 'pending', decidedAt: null, decidedById: null, decidedByName: null, comment: null }
  const { stats } = await ctx.db.collection(ASSESSMENT_RESULTS).where({ _id: doc._id, appeal: null }).update({ data: { appeal, appealStatus: 'pending' } })
  if (stats.updated !== 1) refuse('RESULT_ALREADY_APPEALED')
  await writeAudit(ctx, { action: ctx.action, targetCollection: ASSESSMENT_RESULTS, targetId: doc._id, before: { appeal: null }, after: { appealedBy: me._id, reason: input.reason } })
  return present(ctx, { ...doc, appeal, appealStatus: 'pending' })
}

/**
 * Upholding keeps the result; adjusting records the new total (graded with the rules the month
 * was computed with) beside the computed score, which is never rewritten.
 */
export async function decideAppeal(input: ActionInput<'assessment.decideAppeal'>, ctx: ActionContext): Promise<AssessmentResult> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const doc = await loadResult(ctx.db, input.id)
  if (!doc) refuse('NOT_FOUND')
  if (!doc.appeal || doc.appeal.status !== 'pending') refuse('INVALID_STATE')
  if (doc.personId === me._id) refuse('SELF_APPROVAL')
  const appeal: StoredAppeal = {
    ...doc.appeal,
    status: input.decision === 'adjust' ? 'adjusted' : 'upheld',
    decidedAt: now,
    decidedById: me._id,
    decidedByName: me.name,
    comment: input.comment,
  }
  let adjustment: StoredAdjustment | null = null
  if (input.decision === 'adjust') {
    const run = await loadRun(ctx.db, doc.runId)
    if (!run) refuse('INVALID_STATE')
    adjustment = { total: input.total, grade: gradeFor(input.total, run.rules.grades), comment: input.comment, adjustedAt: now, adjustedById: me._id, adjustedByName: me.name }
  }
  const change = {
    appeal,
    appealStatus: appeal.status,
    ...(adjustment ? { adjustment, total: adjustment.total, grade: adjustment.grade } : {}),
  }
  const { stats } = await ctx.db.collection(ASSESSMENT_RESULTS).where({ _id: doc._id, appealStatus: 'pending' }).update({ data: change })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: ASSESSMENT_RESULTS,
    targetId: doc._id,
    before: { appealStatus: 'pending', total: doc.total, grade: doc.grade },
    after: { appealStatus: appeal.status, total: adjustment?.total ?? doc.total, grade: adjustment?.grade ?? doc.grade, comment: input.comment },
  })
  return present(ctx, { ...doc, ...change })
}

/**
 * The appeals queue for admins: every pending appeal of any month, the oldest month first and
 * within a month in the order they were made. Like the to-do list, it leaves out the admin's
 * own appeal, which they may not decide. Heads see their department's appeals (their own
 * included), as they may open those results; only admins decide them.
 */
export async function listAppeals(input: ActionInput<'assessment.listAppeals'>, ctx: ActionContext): Promise<ActionOutput<'assessment.listAppeals'>> {
  const me = requirePerson(ctx)
  if (me.role === 'head' && input.departmentId && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
  const where =
    me.role === 'admin'
      ? { appealStatus: 'pending', personId: ctx.db.command.neq(me._id), ...(input.departmentId ? { departmentId: input.departmentId } : {}) }
      : { appealStatus: 'pending', departmentId: me.departmentId }
  return fetchPage<ResultDoc, ActionOutput<'assessment.listAppeals'>['items'][number]>(
    ctx,
    ASSESSMENT_RESULTS,
    where,
    [
      ['month', 'asc'],
      ['appeal.appealedAt', 'asc'],
      ['_id', 'asc'],
    ],
    input,
    toAppealRow,
  )
}
