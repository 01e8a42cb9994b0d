import { activeTaskStatuses, MAX_EVIDENCE_ITEMS, type ActionInput, type EvidenceDetails, type MyAssessment } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { judgement, trendMonths, type Judgement } from '../../assessment/month'
import {
  ASSESSMENT_RESULTS,
  ASSESSMENT_RUNS,
  loadResult,
  publishedMonths,
  publishedRun,
  resultId,
  toResult,
  type ResultDoc,
  type RunDoc,
} from '../../repos/assessment-results'
import { customerNames, FOLLOW_UPS, type FollowUpDoc } from '../../repos/customers'
import { departmentName } from '../../repos/departments'
import { NOTICE_RECEIPTS, NOTICES, type NoticeDoc, type ReceiptDoc } from '../../repos/notices'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { SPOT_CHECKS, type SpotCheckDoc } from '../../repos/spot-checks'
import { TASKS, type TaskDoc } from '../../repos/tasks'
import { VIOLATIONS, type ViolationDoc } from '../../repos/violations'

const LIMIT = MAX_EVIDENCE_ITEMS
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

export const noDetails = (): EvidenceDetails => ({ lateNotices: [], followUps: [], lateTasks: [], spotChecks: [], violations: [] })

/** Two bounded reads of one list (e.g. done late, still open), merged in date order and cut to the limit. */
async function both<T>(
  db: ActionContext['db'],
  collection: string,
  where: [Condition, Condition],
  order: { field: string; key: (doc: T) => string },
  fields?: Record<string, boolean>,
): Promise<T[]> {
  const read = (condition: Condition) => {
    let query = db.collection<T>(collection).where(condition).orderBy(order.field, 'asc')
    if (fields) query = query.field(fields)
    return query.limit(LIMIT).get()
  }
  const [first, second] = await Promise.all(where.map(read))
  return [...first!.data, ...second!.data].sort((a, b) => (order.key(a) < order.key(b) ? -1 : order.key(a) > order.key(b) ? 1 : 0)).slice(0, LIMIT)
}

/**
 * The records behind the counts, read the way the run counted them (same month, same
 * judgement time), as they stand now: a follow-up that was overdue then and done since shows
 * as done late.
 */
async function evidenceDetails(ctx: ActionContext, personId: string, j: Judgement): Promise<EvidenceDetails> {
  const _ = ctx.db.command
  const { window } = j
  const sentInMonth = _.gte(window.start).and(_.lt(window.end))
  const datedInMonth = _.gte(window.firstDay).and(_.lte(window.lastDay))
  const dueBeforeCutoff = _.gte(window.firstDay).and(_.lt(j.cutoffDate))
  const [receipts, followUps, tasks, spotChecks, violations] = await Promise.all([
    both<ReceiptDoc>(
      ctx.db,
      NOTICE_RECEIPTS,
      [
        { personId, requireAck: true, sentAt: sentInMonth, onTime: false },
        { personId, requireAck: true, sentAt: sentInMonth, pending: true, deadlineAt: _.lte(j.judgedAt) },
      ],
      { field: 'sentAt', key: (r) => r.sentAt.toISOString() },
    ),
    both<FollowUpDoc>(
      ctx.db,
      FOLLOW_UPS,
      [
        { ownerId: personId, status: 'done', onTime: false, dueOn: datedInMonth },
        { ownerId: personId, status: 'planned', dueOn: dueBeforeCutoff },
      ],
      { field: 'dueOn', key: (f) => f.dueOn },
      { customerId: true, dueOn: true, status: true, doneAt: true },
    ),
    both<TaskDoc>(
      ctx.db,
      TASKS,
      [
        { assigneeIds: personId, status: 'done', onTime: false, dueOn: datedInMonth },
        { assigneeIds: personId, status: _.in([...activeTaskStatuses]), dueOn: dueBeforeCutoff },
      ],
      { field: 'dueOn', key: (t) => t.dueOn },
      { title: true, dueOn: true, doneAt: true },
    ),
    ctx.db.collection<SpotCheckDoc>(SPOT_CHECKS).where({ personId, status: 'scored', month: window.month }).orderBy('scoredAt', 'asc').limit(LIMIT).get(),
    ctx.db.collection<ViolationDoc>(VIOLATIONS).where({ personId, month: window.month }).orderBy('occurredOn', 'asc').limit(LIMIT).get(),
  ])
  const [notices, customers] = await Promise.all([
    receipts.length
      ? ctx.db
          .collection<NoticeDoc>(NOTICES)
          .where({ _id: _.in(receipts.map((r) => r.noticeId)) })
          .field({ title: true })
          .limit(LIMIT)
          .get()
      : Promise.resolve({ data: [] as NoticeDoc[] }),
    customerNames(
      ctx.db,
      followUps.map((f) => f.customerId),
    ),
  ])
  const titles = new Map(notices.data.map((n) => [n._id, n.title]))
  return {
    lateNotices: receipts.map((r) => ({
      noticeId: r.noticeId,
      title: titles.get(r.noticeId) ?? '',
      sentAt: r.sentAt.toISOString(),
      deadlineAt: iso(r.deadlineAt),
      acknowledgedAt: iso(r.acknowledgedAt),
    })),
    followUps: followUps.map((f) => ({
      followUpId: f._id,
      customerId: f.customerId,
      customerName: customers.get(f.customerId) ?? '',
      dueOn: f.dueOn,
      state: f.status === 'done' ? ('late' as const) : ('overdue' as const),
      doneAt: iso(f.doneAt),
    })),
    lateTasks: tasks.map((t) => ({ taskId: t._id, title: t.title, dueOn: t.dueOn, doneAt: iso(t.doneAt) })),
    spotChecks: spotChecks.data.map((s) => ({
      spotCheckId: s._id,
      scoredAt: iso(s.scoredAt),
      firstReplyMinutes: s.firstReplyMinutes,
      rubricPercent: s.rubricPercent,
      notes: s.notes || null,
    })),
    violations: violations.data.map((v) => ({
      violationId: v._id,
      occurredOn: v.occurredOn,
      clauseLabel: v.clause?.label ?? '',
      category: v.category,
      severity: v.severity,
      points: v.points,
      status: v.status,
    })),
  }
}

async function latestPublishedMonth(ctx: ActionContext): Promise<string | null> {
  const { data } = await ctx.db
    .collection<RunDoc>(ASSESSMENT_RUNS)
    .where({ publishedAt: ctx.db.command.neq(null) })
    .orderBy('month', 'desc')
    .field({ month: true })
    .limit(1)
    .get()
  return data[0]?.month ?? null
}

/**
 * One person's month. Employees and heads see a result once it is published; admins also
 * before. Heads may open the results of their department (the one the result was computed
 * in), admins anyone's.
 */
export async function getMine(input: ActionInput<'assessment.getMine'>, ctx: ActionContext): Promise<MyAssessment> {
  const me = requirePerson(ctx)
  const personId = input.personId ?? me._id
  let person: Pick<PersonDoc, '_id' | 'name' | 'departmentId'> = me
  if (personId !== me._id) {
    if (me.role === 'employee') refuse('NOT_FOUND')
    const { data } = await ctx.db.collection<PersonDoc>(PEOPLE).where({ _id: personId }).field({ name: true, departmentId: true }).limit(1).get()
    if (!data[0]) refuse('NOT_FOUND')
    person = data[0]
  }
  const month = input.month ?? (await latestPublishedMonth(ctx))
  const base = { personId, personName: person.name, details: noDetails() }
  if (!month) return { ...base, month: null, published: false, result: null, trend: [] }
  const [doc, published] = await Promise.all([loadResult(ctx.db, resultId(month, personId)), publishedRun(ctx.db, month)])
  if (me.role === 'head' && personId !== me._id && (doc?.departmentId ?? person.departmentId) !== me.departmentId) refuse('OUT_OF_SCOPE')
  const months = trendMonths(month)
  const [shown, trendDocs] = await Promise.all([
    publishedMonths(ctx.db, months),
    ctx.db
      .collection<ResultDoc>(ASSESSMENT_RESULTS)
      .where({ personId, month: ctx.db.command.in(months) })
      .field({ month: true, total: true, grade: true })
      .limit(months.length)
      .get(),
  ])
  const trend = trendDocs.data
    .filter((d) => shown.has(d.month))
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((d) => ({ month: d.month, total: d.total, grade: d.grade }))
  const visible = doc !== null && (published !== null || me.role === 'admin')
  if (!doc || !visible) return { ...base, month, published: published !== null, result: null, trend }
  const canAppeal = published !== null && personId === me._id && doc.appeal === null
  const [name, details] = await Promise.all([departmentName(ctx.db, doc.departmentId), evidenceDetails(ctx, personId, judgement(month, doc.computedAt))])
  return { ...base, month, published: published !== null, result: toResult(doc, name, { published: published !== null, canAppeal }), trend, details }
}
