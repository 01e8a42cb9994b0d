import type { ErrorCode, Evidence } from '../../../types/contract'
import { writeAudit } from '../core/audit'
import type { ActionContext } from '../core/context'
import { newId } from '../core/ids'
import type { Condition, Database } from '../core/sdk-types'
import { scoreMonth } from '../domain/assessment/score'
import { ASSESSMENT_RESULTS, ASSESSMENT_RUNS, latestRun, loadRun, publishedRun, resultId, type ResultDoc, type RunDoc } from '../repos/assessment-results'
import { loadRulesInForce } from '../repos/assessment-rules'
import { PEOPLE, type PersonDoc } from '../repos/people'
import { gatherEvidence } from './evidence'
import { assessable, judgement, type MonthWindow } from './month'

export const DEFAULT_CHUNK_SIZE = 5000
/** One aggregation page (1000 groups) answers a whole batch. */
export const DEFAULT_BATCH_SIZE = 1000
/** Stop taking new batches after this much wall time: the function times out at 60 s. */
export const DEFAULT_BUDGET_MS = 40_000
/** Results inserted per request: a few hundred KB of documents. */
const WRITE_BATCH = 250
/** Documents rewritten at once when a batch has to fall back to one `set` each. */
const WRITE_PARALLELISM = 20

export interface RunOptions {
  /** People per invocation at most. */
  chunkSize?: number
  /** People whose evidence is read together (one `in` per source). */
  batchSize?: number
  budgetMs?: number
  /** Test hook: runs after a batch's results are written and before the cursor moves past them. */
  onBatchWritten?: (batch: { runId: string; from: string | null; to: string; people: number }) => void | Promise<void>
}

export interface RunPosition {
  month: string
  runId: string
  /** Where the invocation was told to start: it must match the run's stored cursor. */
  cursor: string | null
}

export interface RunStep {
  runId: string
  month: string
  status: RunDoc['status']
  cursor: string | null
  processed: number
  /** People remain: the next invocation starts at `cursor`. */
  more: boolean
  /**
   * progressed: a chunk done, more remain; finished: the run is done; stale: the run had moved
   * on (finished, failed, or advanced by another invocation) and nothing was written; frozen:
   * the month was published meanwhile, so the run stopped without writing.
   */
  outcome: 'progressed' | 'finished' | 'stale' | 'frozen'
}

/**
 * Who is assessed for a month: everyone in service now, and whoever left since the month
 * began (they worked in it). Roles are not filtered: heads and admins use business WeChat too.
 */
export function scopeOf(db: Database, window: MonthWindow): Condition {
  const _ = db.command
  return _.or([{ status: 'active' }, { status: 'left', leftAt: _.gte(window.start) }])
}

type Person = Pick<PersonDoc, '_id' | 'name' | 'departmentId'>

async function peopleAfter(db: Database, window: MonthWindow, cursor: string | null, limit: number): Promise<Person[]> {
  const _ = db.command
  const where = cursor === null ? scopeOf(db, window) : _.and([{ _id: _.gt(cursor) }, scopeOf(db, window)])
  const { data } = await db.collection<Person>(PEOPLE).where(where).orderBy('_id', 'asc').field({ name: true, departmentId: true }).limit(limit).get()
  return data
}

/** The whole result document but its id; the same inputs give the same document. */
export function resultData(run: RunDoc, person: Person, evidence: Evidence): Omit<ResultDoc, '_id'> {
  const score = scoreMonth(evidence, run.rules)
  return {
    month: run.month,
    personId: person._id,
    personName: person.name,
    departmentId: person.departmentId,
    runId: run._id,
    ruleVersion: run.ruleVersion,
    evidence,
    score,
    computedAt: run.asOf,
    total: score.total,
    grade: score.grade,
    appeal: null,
    appealStatus: null,
    adjustment: null,
  }
}

/**
 * A batch's results replace whatever the month held for those people: removed, then inserted a
 * few hundred per request (one `set` per person cost a request each). Until the cursor moves
 * past the batch a crash anywhere here is repaired by the next invocation doing it again. If the
 * insert collides with documents written meanwhile (another invocation of the same run), the
 * batch is rewritten one `set` at a time, which converges on the same documents.
 */
export async function writeResults(db: Database, run: RunDoc, people: Person[], evidence: Map<string, Evidence>): Promise<void> {
  const _ = db.command
  const results = db.collection(ASSESSMENT_RESULTS)
  const docs = people.map((person) => ({ _id: resultId(run.month, person._id), ...resultData(run, person, evidence.get(person._id)!) }))
  try {
    await results.where({ _id: _.in(docs.map((d) => d._id)) }).remove()
    for (let i = 0; i < docs.length; i += WRITE_BATCH) await results.add({ data: docs.slice(i, i + WRITE_BATCH) })
  } catch {
    for (let i = 0; i < docs.length; i += WRITE_PARALLELISM) {
      await Promise.all(docs.slice(i, i + WRITE_PARALLELISM).map(({ _id, ...data }) => results.doc(_id).set({ data })))
    }
  }
}

interface Batch {
  people: Person[]
  evidence: Map<string, Evidence>
}

/** The next people after `after` in `_id` order, with their evidence. */
async function readBatch(db: Database, j: ReturnType<typeof judgement>, run: RunDoc, after: string | null, limit: number): Promise<Batch> {
  const people = await peopleAfter(db, j.window, after, limit)
  if (people.length === 0) return { people, evidence: new Map() }
  const evidence = await gatherEvidence(
    db,
    people.map((p) => p._id),
    j,
    run.rules.firstReplyThresholdMinutes,
  )
  return { people, evidence }
}

function step(run: RunDoc, outcome: RunStep['outcome'], patch: Partial<Pick<RunStep, 'status' | 'cursor' | 'processed'>> = {}): RunStep {
  const status = patch.status ?? run.status
  return {
    runId: run._id,
    month: run.month,
    status,
    cursor: patch.cursor !== undefined ? patch.cursor : run.cursor,
    processed: patch.processed ?? run.processed,
    more: outcome === 'progressed',
    outcome,
  }
}

/** Stops a run that may not write any more; only a still-running run is touched. */
async function stopRun(ctx: ActionContext, run: RunDoc, reason: ErrorCode): Promise<void> {
  const now = ctx.now()
  const { stats } = await ctx.db
    .collection(ASSESSMENT_RUNS)
    .where({ _id: run._id, status: 'running' })
    .update({ data: { status: 'failed', lastError: reason, finishedAt: now, updatedAt: now } })
  if (stats.updated === 1) {
    await writeAudit(ctx, { action: 'assessment.run', targetCollection: ASSESSMENT_RUNS, targetId: run._id, before: { status: 'running' }, after: { status: 'failed', reason } })
  }
}

async function finish(ctx: ActionContext, run: RunDoc, cursor: string | null, processed: number): Promise<RunStep> {
  const _ = ctx.db.command
  const now = ctx.now()
  // Results an earlier run wrote for people no longer in scope would otherwise outlive it.
  await ctx.db.collection(ASSESSMENT_RESULTS).where({ month: run.month, runId: _.neq(run._id) }).remove()
  const { stats } = await ctx.db
    .collection(ASSESSMENT_RUNS)
    .where({ _id: run._id, status: 'running', cursor })
    .update({ data: { status: 'done', finishedAt: now, updatedAt: now, attempts: 0, lastError: null } })
  if (stats.updated !== 1) return step(run, 'stale')
  await writeAudit(ctx, {
    action: 'assessment.run',
    targetCollection: ASSESSMENT_RUNS,
    targetId: run._id,
    before: { status: 'running' },
    after: { status: 'done', month: run.month, processed, ruleVersion: run.ruleVersion },
  })
  return step(run, 'finished', { status: 'done', cursor, processed })
}

/**
 * One invocation's share of a run: batches of people after `cursor`, in `_id` order, until the
 * chunk is full, the time budget is spent, or nobody is left. Each batch's results are written
 * whole (`set`) before the run's cursor moves past them, and the cursor only moves from where
 * this invocation found it (compare-and-set), so a crash at any point leaves a cursor from
 * which a resumed invocation rewrites the same documents, and two invocations of one run never
 * both advance it.
 */
export async function runAssessment(ctx: ActionContext, position: RunPosition, options: RunOptions = {}): Promise<RunStep> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS
  const started = Date.now()
  const _ = ctx.db.command

  const run = await loadRun(ctx.db, position.runId)
  if (!run || run.month !== position.month) {
    return { runId: position.runId, month: position.month, status: 'failed', cursor: position.cursor, processed: 0, more: false, outcome: 'stale' }
  }
  if (run.status !== 'running' || run.cursor !== position.cursor) return step(run, 'stale')

  const j = judgement(run.month, run.asOf)
  let cursor = run.cursor
  let processed = run.processed
  let taken = 0
  const read = (after: string | null, limit: number): Promise<Batch> => {
    const batch = readBatch(ctx.db, j, run, after, limit)
    // Read ahead may be abandoned (stale run, time up); its failure then matters to nobody.
    batch.catch(() => undefined)
    return batch
  }
  let ahead: Promise<Batch> | null = null
  while (taken < chunkSize && Date.now() - started < budgetMs) {
    // A published month is frozen: checked before every batch, so a publication that slips in mid-run stops it.
    if (await publishedRun(ctx.db, run.month)) {
      await stopRun(ctx, run, 'MONTH_PUBLISHED')
      return step(run, 'frozen', { status: 'failed', cursor, processed })
    }
    const limit = Math.min(batchSize, chunkSize - taken)
    const { people, evidence } = await (ahead ?? read(cursor, limit))
    ahead = null
    if (people.length === 0) return finish(ctx, run, cursor, processed)
    const to = people[people.length - 1]!._id
    // The next batch is read while this one is written: reading writes nothing, and the cursor
    // still moves one written batch at a time.
    const nextLimit = Math.min(batchSize, chunkSize - taken - people.length)
    if (people.length === limit && nextLimit > 0) ahead = read(to, nextLimit)
    await writeResults(ctx.db, run, people, evidence)
    await options.onBatchWritten?.({ runId: run._id, from: cursor, to, people: people.length })
    const { stats } = await ctx.db
      .collection(ASSESSMENT_RUNS)
      .where({ _id: run._id, status: 'running', cursor })
      .update({ data: { cursor: to, processed: _.inc(people.length), attempts: 0, lastError: null, updatedAt: ctx.now() } })
    if (stats.updated !== 1) return step(run, 'stale')
    cursor = to
    processed += people.length
    taken += people.length
    // Fewer than asked for: nobody is left after them.
    if (people.length < limit) return finish(ctx, run, cursor, processed)
  }
  return step(run, 'progressed', { cursor, processed })
}

export type BeginOutcome =
  | { kind: 'started'; run: RunDoc }
  /** The month's run is unfinished: carry on from its cursor. */
  | { kind: 'resumed'; run: RunDoc }
  /** The timer found the month already computed after it ended. */
  | { kind: 'skipped'; run: RunDoc }
  | { kind: 'refused'; code: Extract<ErrorCode, 'MONTH_PUBLISHED' | 'MONTH_NOT_ASSESSABLE'> }

/** The earliest started of the month's running runs: the one that carries on when two start at once. */
async function firstRunning(db: Database, month: string): Promise<RunDoc | null> {
  const { data } = await db.collection<RunDoc>(ASSESSMENT_RUNS).where({ month, status: 'running' }).orderBy('startedAt', 'asc').orderBy('_id', 'asc').limit(1).get()
  return data[0] ?? null
}

/**
 * Starts a run of `month`, or finds the one to resume. One run per month is running at a time,
 * and none once the month is published. A new run is written first and the checks repeated
 * after, so a publication or another start racing with this one is seen by at least one side:
 * the later side backs off.
 */
export async function beginRun(ctx: ActionContext, month: string, trigger: RunDoc['trigger']): Promise<BeginOutcome> {
  const now = ctx.now()
  if (!assessable(month, now)) return { kind: 'refused', code: 'MONTH_NOT_ASSESSABLE' }
  if (await publishedRun(ctx.db, month)) return { kind: 'refused', code: 'MONTH_PUBLISHED' }
  const running = await firstRunning(ctx.db, month)
  if (running) return { kind: 'resumed', run: running }
  const latest = await latestRun(ctx.db, month)
  if (trigger === 'timer' && latest?.status === 'done' && !latest.preview) return { kind: 'skipped', run: latest }

  const j = judgement(month, now)
  const [rules, { total: staffCount }] = await Promise.all([loadRulesInForce(ctx.db), ctx.db.collection(PEOPLE).where(scopeOf(ctx.db, j.window)).count()])
  const me = ctx.caller.kind === 'person' ? ctx.caller.person : null
  // "The month's latest run" is the latest started: a run started within the same millisecond as the one before goes just after it.
  const startedAt = latest && latest.startedAt.getTime() >= now.getTime() ? new Date(latest.startedAt.getTime() + 1) : now
  const run: RunDoc = {
    _id: newId('arun', now),
    month,
    status: 'running',
    trigger,
    preview: j.preview,
    ruleVersion: rules.version,
    rules: rules.rules,
    asOf: now,
    staffCount,
    processed: 0,
    cursor: null,
    attempts: 0,
    lastError: null,
    startedAt,
    startedById: me?._id ?? null,
    startedByName: me?.name ?? null,
    updatedAt: now,
    finishedAt: null,
    publishedAt: null,
    publishedById: null,
    publishedByName: null,
  }
  await ctx.db.collection(ASSESSMENT_RUNS).add({ data: { ...run } })
  // The run that backs off has written nothing yet, so it leaves no trace.
  if (await publishedRun(ctx.db, month)) {
    await ctx.db.collection(ASSESSMENT_RUNS).doc(run._id).remove()
    return { kind: 'refused', code: 'MONTH_PUBLISHED' }
  }
  const first = await firstRunning(ctx.db, month)
  if (first && first._id !== run._id) {
    await ctx.db.collection(ASSESSMENT_RUNS).doc(run._id).remove()
    return { kind: 'resumed', run: first }
  }
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: ASSESSMENT_RUNS,
    targetId: run._id,
    before: null,
    after: { month, trigger, preview: run.preview, ruleVersion: run.ruleVersion, staffCount },
  })
  return { kind: 'started', run }
}
