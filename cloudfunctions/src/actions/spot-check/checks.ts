import { rubricPercentOf, shanghaiMonth, type ActionInput, type ActionOutput, type SpotCheckDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition, Database } from '../../core/sdk-types'
import { escapeRegExp } from '../../domain/text'
import { notify } from '../../notify/notifier'
import { fetchPage } from '../../repos/paging'
import type { PersonDoc } from '../../repos/people'
import { SPOT_CHECKS, toSpotCheckSummary, type SpotCheckDoc } from '../../repos/spot-checks'
import { checkDetailFor, loadVisibleCheck, mayScore } from './shared'

export async function getSpotCheck(input: ActionInput<'spotCheck.get'>, ctx: ActionContext): Promise<SpotCheckDetail> {
  return checkDetailFor(ctx, await loadVisibleCheck(ctx, input.id))
}

type Where = Record<string, unknown>

function scopeCondition(db: Database, me: PersonDoc, input: ActionInput<'spotCheck.list'>): Where {
  switch (input.scope) {
    case 'toScore':
      return { checkerId: me._id, status: 'pending' }
    case 'department': {
      if (me.role === 'admin') return { departmentId: input.departmentId ?? me.departmentId }
      if (input.departmentId && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
      // A head drawn in an admin's round learns of it with the result, like anyone else.
      return { departmentId: me.departmentId, personId: db.command.neq(me._id) }
    }
    case 'all':
      if (me.role !== 'admin') refuse('FORBIDDEN')
      return input.departmentId ? { departmentId: input.departmentId } : {}
  }
}

/** Checks waiting for a score come oldest first, the longest waiting on top; results newest first. */
function orderOf(scope: ActionInput<'spotCheck.list'>['scope'], status: string | undefined): Array<[string, 'asc' | 'desc']> {
  if (scope === 'toScore' || status === 'pending') return [['createdAt', 'asc'], ['_id', 'asc']]
  if (status === 'scored') return [['scoredAt', 'desc'], ['_id', 'desc']]
  return [['createdAt', 'desc'], ['_id', 'desc']]
}

/** Heads' department list shows pending checks too: supervising the department includes knowing who is being checked. */
export async function listSpotChecks(input: ActionInput<'spotCheck.list'>, ctx: ActionContext): Promise<ActionOutput<'spotCheck.list'>> {
  const me = requirePerson(ctx)
  const where: Where = { ...scopeCondition(ctx.db, me, input) }
  if (input.status && input.scope !== 'toScore') where.status = input.status
  if (input.roundMonth) where.roundMonth = input.roundMonth
  const keyword = input.keyword?.trim()
  if (keyword) where.personName = ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' })
  return fetchPage(ctx, SPOT_CHECKS, where, orderOf(input.scope, input.status), input, toSpotCheckSummary)
}

/** Only scored checks: a pending one is not shown to the person until it has a result. */
export async function listMySpotChecks(input: ActionInput<'spotCheck.listMine'>, ctx: ActionContext): Promise<ActionOutput<'spotCheck.listMine'>> {
  const me = requirePerson(ctx)
  const where: Condition = { personId: me._id, status: 'scored' }
  return fetchPage(ctx, SPOT_CHECKS, where, [['scoredAt', 'desc'], ['_id', 'desc']], input, toSpotCheckSummary)
}

/**
 * Scoring is final: written only if the check is still pending, so two people scoring at
 * once cannot both succeed, and the month it counts in is the month it was scored.
 */
export async function scoreSpotCheck(input: ActionInput<'spotCheck.score'>, ctx: ActionContext): Promise<SpotCheckDetail> {
  const me = requirePerson(ctx)
  const doc = await loadVisibleCheck(ctx, input.id)
  if (!mayScore(me, doc)) refuse('FORBIDDEN')
  if (doc.status !== 'pending') refuse('INVALID_STATE')
  const now = ctx.now()
  const rubric = { clarity: input.rubric.clarity, courtesy: input.rubric.courtesy, infoHandling: input.rubric.infoHandling }
  const scored = {
    status: 'scored' as const,
    month: shanghaiMonth(now),
    scoredAt: now,
    scoredBy: me._id,
    scoredByName: me.name,
    firstReplyMinutes: input.firstReplyMinutes,
    rubric,
    rubricPercent: rubricPercentOf(rubric),
    notes: input.notes ?? '',
    screenshots: input.screenshots ?? [],
    updatedAt: now,
  }
  const { stats } = await ctx.db.collection(SPOT_CHECKS).where({ _id: doc._id, status: 'pending' }).update({ data: scored })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: SPOT_CHECKS,
    targetId: doc._id,
    before: { status: 'pending' },
    after: { status: 'scored', month: scored.month, firstReplyMinutes: scored.firstReplyMinutes, rubric, rubricPercent: scored.rubricPercent, screenshots: scored.screenshots.length },
  })
  await notify(ctx, [doc.personId], {
    template: 'workNotice',
    kind: 'spotcheck',
    recordId: doc._id,
    title: '业务微信抽查结果已出',
    detail: `沟通评分${scored.rubricPercent}分，可查看并反馈意见`,
  })
  return checkDetailFor(ctx, { ...doc, ...scored })
}

/** The person answers once; the checker is told. */
export async function commentSpotCheck(input: ActionInput<'spotCheck.comment'>, ctx: ActionContext): Promise<SpotCheckDetail> {
  const me = requirePerson(ctx)
  const doc = await loadVisibleCheck(ctx, input.id)
  if (me._id !== doc.personId) refuse('FORBIDDEN')
  if (doc.status !== 'scored' || doc.employeeComment !== null) refuse('INVALID_STATE')
  const now = ctx.now()
  const { stats } = await ctx.db
    .collection(SPOT_CHECKS)
    .where({ _id: doc._id, status: 'scored', employeeComment: null })
    .update({ data: { employeeComment: input.comment, commentedAt: now, updatedAt: now } })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, { action: ctx.action, targetCollection: SPOT_CHECKS, targetId: doc._id, before: { employeeComment: null }, after: { employeeComment: input.comment } })
  await notify(ctx, [doc.checkerId], { template: 'workNotice', kind: 'spotcheck', recordId: doc._id, title: `${me.name}对抽查结果提出意见`, detail: input.comment })
  return checkDetailFor(ctx, { ...doc, employeeComment: input.comment, commentedAt: now, updatedAt: now })
}
