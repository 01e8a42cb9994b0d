import { activeTaskStatuses, type Evidence } from '../../../types/contract'
import type { Database, DocData } from '../core/sdk-types'
import { roundScore } from '../domain/assessment/score'
import { ARCHIVE_CONFIRMATIONS } from '../repos/archives'
import { CUSTOMER_FEEDBACK, FOLLOW_UPS } from '../repos/customers'
import { NOTICE_RECEIPTS } from '../repos/notices'
import { loadVersionInForce, POLICY_ACKS } from '../repos/policy'
import { REPLY_STATS } from '../repos/reply-stats'
import { SELF_CHECKS } from '../repos/self-checks'
import { SPOT_CHECKS } from '../repos/spot-checks'
import { TASKS } from '../repos/tasks'
import { VIOLATIONS } from '../repos/violations'
import type { Judgement } from './month'

/** WeChat returns at most 1000 rows per read or aggregate page. */
const PAGE = 1000

export interface Counted {
  n: number
  onTime: number
}

/**
 * What the database answered for one batch of people, keyed by person. The gathering below
 * fills it with one aggregation or bounded read per source; `assembleEvidence` turns it into
 * each person's evidence and is where the counting rules live.
 */
export interface EvidenceRows {
  /** Receipts asking for acknowledgement, sent in the month, already acknowledged. */
  noticesAnswered: Map<string, Counted>
  /** ... still unacknowledged with their deadline passed at the judgement time. */
  noticesOverdue: Map<string, number>
  followUpsDone: Map<string, Counted>
  followUpsOverdue: Map<string, number>
  feedback: Map<string, { n: number; satisfactionSum: number; complaints: number }>
  tasksDone: Map<string, Counted>
  tasksOverdue: Map<string, number>
  spotChecks: Map<string, { n: number; rubricSum: number; rubricCount: number; observed: number; within: number }>
  violations: Map<string, { n: number; points: number; confidentiality: number }>
  selfChecks: Set<string>
  archiveConfirmations: Set<string>
  /** Who acknowledged the version in force by the judgement time; null when no version was in force. */
  policyAcks: Set<string> | null
  replyStats: Map<string, { averageFirstReplyMinutes: number | null; replyRate: number | null }>
}

export function emptyRows(): EvidenceRows {
  return {
    noticesAnswered: new Map(),
    noticesOverdue: new Map(),
    followUpsDone: new Map(),
    followUpsOverdue: new Map(),
    feedback: new Map(),
    tasksDone: new Map(),
    tasksOverdue: new Map(),
    spotChecks: new Map(),
    violations: new Map(),
    selfChecks: new Set(),
    archiveConfirmations: new Set(),
    policyAcks: null,
    replyStats: new Map(),
  }
}

const twoDecimals = (n: number) => Math.round(Number((n * 100).toPrecision(12))) / 100

/** One person's evidence from the batch's rows; people without rows get zeros, not gaps. */
export function assembleEvidence(personId: string, rows: EvidenceRows): Evidence {
  const answered = rows.noticesAnswered.get(personId) ?? { n: 0, onTime: 0 }
  const done = rows.followUpsDone.get(personId) ?? { n: 0, onTime: 0 }
  const overdue = rows.followUpsOverdue.get(personId) ?? 0
  const feedback = rows.feedback.get(personId)
  const tasks = rows.tasksDone.get(personId) ?? { n: 0, onTime: 0 }
  const spot = rows.spotChecks.get(personId)
  const violations = rows.violations.get(personId) ?? { n: 0, points: 0, confidentiality: 0 }
  const imported = rows.replyStats.get(personId)
  return {
    notices: { due: answered.n + (rows.noticesOverdue.get(personId) ?? 0), onTime: answered.onTime },
    followUps: { due: done.n + overdue, onTime: done.onTime, late: done.n - done.onTime, overdue },
    spotChecks: {
      count: spot?.n ?? 0,
      repliesWithin: spot?.within ?? 0,
      repliesObserved: spot?.observed ?? 0,
      rubricAverage: spot && spot.rubricCount > 0 ? roundScore(spot.rubricSum / spot.rubricCount) : null,
    },
    importedReply: imported ? { averageFirstReplyMinutes: imported.averageFirstReplyMinutes, replyRate: imported.replyRate } : null,
    feedback: {
      count: feedback?.n ?? 0,
      satisfactionAverage: feedback && feedback.n > 0 ? twoDecimals(feedback.satisfactionSum / feedback.n) : null,
      complaints: feedback?.complaints ?? 0,
    },
    selfCheckDone: rows.selfChecks.has(personId),
    archiveConfirmed: rows.archiveConfirmations.has(personId),
    policyAcknowledged: rows.policyAcks === null || rows.policyAcks.has(personId),
    tasks: { due: tasks.n + (rows.tasksOverdue.get(personId) ?? 0), onTime: tasks.onTime },
    violations: { count: violations.n, points: twoDecimals(violations.points), confidentiality: violations.confidentiality },
  }
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0)

/** For records that name several people (a task's assignees): one row per named person, then only the batch's. */
interface PerElement {
  field: string
  keep: unknown
}

/** Every group of a batch: groups are people of the batch, so there are at most `people` of them. */
async function groupAll(db: Database, people: number, collection: string, match: DocData, group: DocData, perElement?: PerElement): Promise<DocData[]> {
  const rows: DocData[] = []
  for (let skip = 0; ; skip += PAGE) {
    let pipeline = db.collection(collection).aggregate().match(match)
    if (perElement) pipeline = pipeline.unwind(`$${perElement.field}`).match({ [perElement.field]: perElement.keep })
    // Sorted so that pages do not overlap; a batch of at most PAGE people answers in one page.
    const { list } = await pipeline.group(group).sort({ _id: 1 }).skip(skip).limit(PAGE).end()
    rows.push(...list)
    // A full page may still be the last: asking again would only rerun the aggregation for nothing.
    if (list.length < PAGE || rows.length >= people) return rows
  }
}

function byPerson<T>(rows: DocData[], value: (row: DocData) => T): Map<string, T> {
  return new Map(rows.map((row) => [String(row._id), value(row)]))
}

/**
 * Reads everything the assessment counts for a batch of people (at most a thousand, so that
 * each aggregation answers in one page) in one month. Every source is one
 * aggregation grouped by person, or for once-a-month records one bounded read.
 */
export async function gatherEvidence(db: Database, personIds: string[], j: Judgement, firstReplyThresholdMinutes: number): Promise<Map<string, Evidence>> {
  const rows = emptyRows()
  if (personIds.length === 0) return new Map()
  const _ = db.command
  const $ = _.aggregate
  const ids = _.in(personIds)
  const { window } = j
  const sentInMonth = _.gte(window.start).and(_.lt(window.end))
  const datedInMonth = _.gte(window.firstDay).and(_.lte(window.lastDay))
  const dueBeforeCutoff = _.gte(window.firstDay).and(_.lt(j.cutoffDate))
  const one = $.sum(1)
  const countIf = (condition: unknown) => $.sum($.cond({ if: condition, then: 1, else: 0 }))
  const onTime = countIf($.eq(['$onTime', true]))

  const [
    noticesAnswered,
    noticesOverdue,
    followUpsDone,
    followUpsOverdue,
    feedback,
    tasksDone,
    tasksOverdue,
    spotChecks,
    violations,
    selfChecks,
    confirmations,
    replyStats,
    policyVersion,
  ] = await Promise.all([
    groupAll(db, personIds.length, NOTICE_RECEIPTS, { personId: ids, requireAck: true, sentAt: sentInMonth, pending: false }, { _id: '$personId', n: one, onTime }),
    groupAll(db, personIds.length, NOTICE_RECEIPTS, { personId: ids, requireAck: true, sentAt: sentInMonth, pending: true, deadlineAt: _.lte(j.judgedAt) }, { _id: '$personId', n: one }),
    groupAll(db, personIds.length, FOLLOW_UPS, { ownerId: ids, status: 'done', dueOn: datedInMonth }, { _id: '$ownerId', n: one, onTime }),
    groupAll(db, personIds.length, FOLLOW_UPS, { ownerId: ids, status: 'planned', dueOn: dueBeforeCutoff }, { _id: '$ownerId', n: one }),
    groupAll(db, personIds.length, CUSTOMER_FEEDBACK, { ownerId: ids, on: datedInMonth }, { _id: '$ownerId', n: one, satisfactionSum: $.sum('$satisfaction'), complaints: countIf($.eq(['$complaint', true])) }),
    groupAll(db, personIds.length, TASKS, { assigneeIds: ids, status: 'done', dueOn: datedInMonth }, { _id: '$assigneeIds', n: one, onTime }, { field: 'assigneeIds', keep: ids }),
    groupAll(
      db,
      personIds.length,
      TASKS,
      { assigneeIds: ids, status: _.in([...activeTaskStatuses]), dueOn: dueBeforeCutoff },
      { _id: '$assigneeIds', n: one },
      { field: 'assigneeIds', keep: ids },
    ),
    groupAll(
      db,
      personIds.length,
      SPOT_CHECKS,
      { personId: ids, status: 'scored', month: window.month },
      {
        _id: '$personId',
        n: one,
        rubricSum: $.sum('$rubricPercent'),
        rubricCount: countIf($.gte(['$rubricPercent', 0])),
        observed: countIf($.gte(['$firstReplyMinutes', 0])),
        within: countIf($.and([$.gte(['$firstReplyMinutes', 0]), $.lte(['$firstReplyMinutes', firstReplyThresholdMinutes])])),
      },
    ),
    // A violation stands unless overturned (recorded, under appeal, or upheld).
    groupAll(
      db,
      personIds.length,
      VIOLATIONS,
      { personId: ids, month: window.month, status: _.neq('overturned') },
      { _id: '$personId', n: one, points: $.sum('$points'), confidentiality: countIf($.eq(['$category', 'confidentiality'])) },
    ),
    // Once a month per person: a batch's worth at most.
    db.collection(SELF_CHECKS).where({ personId: ids, month: window.month }).field({ personId: true }).limit(PAGE).get(),
    db.collection(ARCHIVE_CONFIRMATIONS).where({ personId: ids, month: window.month }).field({ personId: true }).limit(PAGE).get(),
    db.collection(REPLY_STATS).where({ month: window.month, personId: ids }).field({ personId: true, averageFirstReplyMinutes: true, replyRate: true }).limit(PAGE).get(),
    loadVersionInForce(db, j.policyDay),
  ])

  rows.noticesAnswered = byPerson(noticesAnswered, (r) => ({ n: num(r.n), onTime: num(r.onTime) }))
  rows.noticesOverdue = byPerson(noticesOverdue, (r) => num(r.n))
  rows.followUpsDone = byPerson(followUpsDone, (r) => ({ n: num(r.n), onTime: num(r.onTime) }))
  rows.followUpsOverdue = byPerson(followUpsOverdue, (r) => num(r.n))
  rows.feedback = byPerson(feedback, (r) => ({ n: num(r.n), satisfactionSum: num(r.satisfactionSum), complaints: num(r.complaints) }))
  rows.tasksDone = byPerson(tasksDone, (r) => ({ n: num(r.n), onTime: num(r.onTime) }))
  rows.tasksOverdue = byPerson(tasksOverdue, (r) => num(r.n))
  rows.spotChecks = byPerson(spotChecks, (r) => ({ n: num(r.n), rubricSum: num(r.rubricSum), rubricCount: num(r.rubricCount), observed: num(r.observed), within: num(r.within) }))
  rows.violations = byPerson(violations, (r) => ({ n: num(r.n), points: num(r.points), confidentiality: num(r.confidentiality) }))
  rows.selfChecks = new Set(selfChecks.data.map((d) => String(d.personId)))
  rows.archiveConfirmations = new Set(confirmations.data.map((d) => String(d.personId)))
  rows.replyStats = new Map(
    replyStats.data.map((d) => [
      String(d.personId),
      {
        averageFirstReplyMinutes: typeof d.averageFirstReplyMinutes === 'number' ? d.averageFirstReplyMinutes : null,
        replyRate: typeof d.replyRate === 'number' ? d.replyRate : null,
      },
    ]),
  )
  if (policyVersion) {
    const { data } = await db
      .collection(POLICY_ACKS)
      .where({ versionId: policyVersion._id, personId: ids, acknowledgedAt: _.lte(j.judgedAt) })
      .field({ personId: true })
      .limit(PAGE)
      .get()
    rows.policyAcks = new Set(data.map((d) => String(d.personId)))
  }
  return new Map(personIds.map((id) => [id, assembleEvidence(id, rows)]))
}
