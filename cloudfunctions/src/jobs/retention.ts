import { RETENTION_RUN_ACTION, type RetentionRunSummary } from '../../../types/contract'
import { AUDIT_LOG, writeAudit } from '../core/audit'
import type { ActionContext } from '../core/context'
import { countPlan, emptyCounts, isExpired, leftBefore, planDocument, RETENTION_RULES, type DepartedPerson, type RetentionCounts, type RetentionRule } from '../domain/retention'
import { ASSESSMENT_RUNS } from '../repos/assessment-results'
import { PEOPLE } from '../repos/people'
import { readAll } from '../repos/read-all'
import { loadRetentionSettings } from '../repos/settings'

/** The run starts at 03:00 in Shanghai, when nobody works; an unfinished run goes on the next hours. */
export const RETENTION_HOUR = 3
/** People cleared per invocation, so one run stays well inside a cloud function's 60 s. */
export const RETENTION_PEOPLE_PER_RUN = 20
/** Records read per query. */
const BATCH = 100
/** Stop taking on another person once this much of the invocation is spent. */
const TIME_BUDGET_MS = 40_000

function shanghaiHour(instant: Date): number {
  return new Date(instant.getTime() + 8 * 3600_000).getUTCHours()
}

/** The summary of the latest run, read back from its audit entry. */
export async function lastRetentionRun(ctx: Pick<ActionContext, 'db'>): Promise<RetentionRunSummary | null> {
  const { data } = await ctx.db.collection<{ after: RetentionRunSummary }>(AUDIT_LOG).where({ action: RETENTION_RUN_ACTION }).orderBy('at', 'desc').limit(1).get()
  return data[0]?.after ?? null
}

/**
 * Called every hour by the jobs function: runs at 03:00 Shanghai, and in the hours after
 * while the last run left expired people behind.
 */
export async function enforceRetentionIfDue(ctx: ActionContext): Promise<RetentionRunSummary | null> {
  if (shanghaiHour(ctx.now()) !== RETENTION_HOUR) {
    const last = await lastRetentionRun(ctx)
    if (!last || last.complete) return null
  }
  return enforceRetention(ctx)
}

async function applyRule(ctx: ActionContext, rule: RetentionRule, personId: string, publishedRunIds: ReadonlySet<string>, counts: RetentionCounts, extra: Record<string, unknown>): Promise<void> {
  const _ = ctx.db.command
  for (const field of rule.by) {
    let after = ''
    for (;;) {
      // Paged by _id rather than by offset: deleted records would shift an offset.
      const where = after ? { [field]: personId, _id: _.gt(after) } : { [field]: personId }
      const { data } = await ctx.db.collection<Record<string, unknown>>(rule.collection).where(where).orderBy('_id', 'asc').limit(BATCH).get()
      for (const doc of data) {
        const plan = planDocument(rule, doc, personId, publishedRunIds)
        const id = String(doc._id)
        // Conditional on the record still belonging to the person, so a concurrent change is never overwritten blindly.
        const target = ctx.db.collection(rule.collection).where({ _id: id, [field]: personId })
        if (!plan) {
          // A roster entry with nothing left to clear is still marked done.
          if (Object.keys(extra).length > 0) await target.update({ data: extra })
          continue
        }
        if (plan.kind === 'delete') {
          const { stats } = await target.remove()
          if (stats.removed === 1) countPlan(counts, rule.collection, plan)
        } else {
          const data = { ...plan.set, ...Object.fromEntries(plan.unset.map((f) => [f, _.remove()])), ...extra }
          const { stats } = await target.update({ data })
          if (stats.updated === 1) countPlan(counts, rule.collection, plan)
        }
      }
      if (data.length < BATCH) break
      after = String(data[data.length - 1]._id)
    }
  }
}

/**
 * Deletes or anonymizes the records of everyone whose retention has expired, a bounded batch
 * of people per run, each person's records before their roster entry (which marks them done),
 * and audits the run with its counts. Every write is idempotent, so a run cut short is simply
 * picked up by the next one.
 */
export async function enforceRetention(ctx: ActionContext): Promise<RetentionRunSummary> {
  const started = Date.now()
  const now = ctx.now()
  const { periodMonths } = await loadRetentionSettings(ctx.db)
  const _ = ctx.db.command
  const departed = await readAll<DepartedPerson>(
    ctx.db,
    PEOPLE,
    { status: 'left', leftAt: _.lt(leftBefore(now, periodMonths)), anonymizedAt: _.exists(false) },
    { status: true, leftAt: true, anonymizedAt: true },
  )
  const expired = departed.filter((p) => isExpired(p, periodMonths, now)).map((p) => p._id)
  const runs = await readAll<{ _id: string; publishedAt: Date | null }>(ctx.db, ASSESSMENT_RUNS, {}, { publishedAt: true })
  const publishedRunIds = new Set(runs.filter((r) => r.publishedAt).map((r) => r._id))

  const counts = emptyCounts()
  const done: string[] = []
  for (const personId of expired) {
    if (done.length >= RETENTION_PEOPLE_PER_RUN || Date.now() - started > TIME_BUDGET_MS) break
    for (const rule of RETENTION_RULES) {
      await applyRule(ctx, rule, personId, publishedRunIds, counts, rule.collection === PEOPLE ? { anonymizedAt: now, updatedAt: now } : {})
    }
    done.push(personId)
  }

  const summary: RetentionRunSummary = {
    at: now.toISOString(),
    periodMonths,
    personIds: done,
    remaining: expired.length - done.length,
    complete: done.length === expired.length,
    deleted: counts.deleted,
    anonymized: counts.anonymized,
  }
  await writeAudit(ctx, { action: RETENTION_RUN_ACTION, targetCollection: PEOPLE, targetId: 'retention', before: null, after: summary })
  return summary
}
