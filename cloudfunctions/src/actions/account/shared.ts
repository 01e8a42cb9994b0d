import type { ApplicationDetail, ApplicationEvent } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { auditContactRead, writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { accountApplicationFlow } from '../../domain/workflow/account-application'
import type { Relation } from '../../domain/workflow/workflow'
import { APPLICATIONS, timelineEntry, toApplicationDetail, type ApplicationDoc } from '../../repos/applications'
import { adminIds, notify } from '../../notify/notifier'
import { callerRelationsTo } from '../shared/relations'

export async function loadApplication(ctx: ActionContext, id: string): Promise<ApplicationDoc> {
  const { data } = await ctx.db.collection<ApplicationDoc>(APPLICATIONS).where({ _id: id }).limit(1).get()
  return data[0] ?? refuse('NOT_FOUND')
}

export function callerRelations(ctx: ActionContext, doc: ApplicationDoc): Promise<{ relations: Relation[]; departmentName: string }> {
  return callerRelationsTo(ctx, doc.applicantId, doc.departmentId)
}

/** The detail carries the applicant's mobile and email in full, so handing it to anyone but the applicant is logged. */
export async function applicationDetailFor(ctx: ActionContext, doc: ApplicationDoc, relations: Relation[], departmentName: string): Promise<ApplicationDetail> {
  await auditContactRead(ctx, { targetCollection: 'people', targetId: doc.applicantId, fields: ['mobile', 'email'], source: { collection: APPLICATIONS, id: doc._id } })
  return toApplicationDetail(doc, departmentName, accountApplicationFlow.available(doc.status, relations))
}

export async function detailFor(ctx: ActionContext, doc: ApplicationDoc): Promise<ApplicationDetail> {
  const { relations, departmentName } = await callerRelations(ctx, doc)
  return applicationDetailFor(ctx, doc, relations, departmentName)
}

/**
 * Decide with the transition table, then write with a compare-and-set on the status the
 * decision was made from: of two heads tapping at once, or one tapping twice, exactly one
 * changes the record and writes its audit entry; the other is told it was already handled.
 */
export async function transitionApplication(
  ctx: ActionContext,
  id: string,
  event: Exclude<ApplicationEvent, 'activate'>,
  comment?: string,
): Promise<ApplicationDetail> {
  const me = requirePerson(ctx)
  const doc = await loadApplication(ctx, id)
  const { relations } = await callerRelations(ctx, doc)
  const decision = accountApplicationFlow.decide(doc.status, event, relations)
  if (!decision.ok) refuse(decision.refusal)
  const now = ctx.now()
  const entry = timelineEntry(now, me, event, comment)
  const { stats } = await ctx.db
    .collection(APPLICATIONS)
    .where({ _id: id, status: doc.status })
    .update({ data: { status: decision.next, updatedAt: now, timeline: ctx.db.command.push([entry]) } })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: APPLICATIONS,
    targetId: id,
    before: { status: doc.status },
    after: { status: decision.next, event, comment: entry.comment },
  })
  if (event === 'headApprove') {
    await notify(ctx, await adminIds(ctx), { template: 'approvalRequest', kind: 'application', recordId: id, title: `${doc.applicantName}的业务微信待开通`, detail: doc.purpose })
  } else if (event === 'headReject' || event === 'adminReject') {
    await notify(ctx, [doc.applicantId], { template: 'approvalResult', kind: 'application', recordId: id, title: '业务微信申请被驳回', detail: entry.comment ?? '' })
  }
  return detailFor(ctx, { ...doc, status: decision.next, updatedAt: now, timeline: [...doc.timeline, entry] })
}
