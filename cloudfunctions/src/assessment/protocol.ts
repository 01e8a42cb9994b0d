import { z } from 'zod'
import { errorMessages, idSchema, monthSchema, type ErrorCode } from '../../../types/contract'
import { systemContext, type ActionContext, type Deps } from '../core/context'
import type { WXContext } from '../core/sdk-types'
import { ASSESSMENT_RUNS, loadRun } from '../repos/assessment-results'
import { previousMonth } from './month'
import { beginRun, runAssessment, type RunOptions, type RunStep } from './runner'

/**
 * The events the `assessment` function serves:
 * - `{ Type: 'Timer' }` (the monthly trigger): start (or resume) last month's run and do its first chunk;
 * - `{ Type: 'Continue', month, runId, cursor }`: do the next chunk of a run from `cursor`,
 *   the run's stored cursor (null for the first chunk). `assessment.runMonth` sends it to start
 *   a run; each invocation sends it to the next while people remain.
 */
export const continueEventSchema = z
  .object({ Type: z.literal('Continue'), month: monthSchema, runId: idSchema, cursor: z.string().min(1).max(64).nullable() })
  .strict()
export type ContinueEvent = z.infer<typeof continueEventSchema>

export function continueEvent(run: { month: string; _id: string; cursor: string | null }): ContinueEvent {
  return { Type: 'Continue', month: run.month, runId: run._id, cursor: run.cursor }
}

/** Failed invocations in a row after which a run is given up (an admin starts the month again). */
export const MAX_ATTEMPTS = 3

export interface JobDeps extends Pick<Deps, 'db' | 'now'> {
  /** Starts the next invocation; it must not wait for that invocation to finish. */
  handOn(event: ContinueEvent): Promise<void>
  options?: RunOptions
}

export type JobReport =
  | { ok: true; data: { month: string; runId: string | null; outcome: RunStep['outcome'] | 'skipped' | 'retrying' | 'gave_up'; processed: number; more: boolean } }
  | { ok: false; error: { code: ErrorCode; message: string } }

const refused = (code: ErrorCode): JobReport => ({ ok: false, error: { code, message: errorMessages[code] } })

/**
 * Only the platform starts the job: the timer, or another cloud function (the api's
 * `assessment.runMonth`, or the job handing on to itself). A mini-program user calling the
 * function directly arrives with their OPENID and a client source, and is refused.
 */
export function isPlatformCall(context: WXContext): boolean {
  if (!context.OPENID) return true
  // The platform sets SOURCE and lists every hop of a chained call; a client cannot add a server hop.
  return (context.SOURCE ?? '').split(',').some((s) => s.trim() === 'wx_server' || s.trim() === 'wx_trigger')
}

/** A thrown invocation is counted; below MAX_ATTEMPTS the run is handed on from its stored cursor, after that it fails. */
async function recordFailure(ctx: ActionContext, deps: JobDeps, runId: string, err: unknown): Promise<JobReport> {
  const message = String((err as Error)?.message ?? err).slice(0, 200)
  console.error(`[assessment] run ${runId} failed`, err)
  const now = ctx.now()
  await ctx.db
    .collection(ASSESSMENT_RUNS)
    .where({ _id: runId, status: 'running' })
    .update({ data: { attempts: ctx.db.command.inc(1), lastError: message, updatedAt: now } })
  const run = await loadRun(ctx.db, runId)
  if (!run || run.status !== 'running') return refused('INTERNAL')
  if (run.attempts >= MAX_ATTEMPTS) {
    await ctx.db.collection(ASSESSMENT_RUNS).where({ _id: runId, status: 'running' }).update({ data: { status: 'failed', finishedAt: now, updatedAt: now } })
    return { ok: true, data: { month: run.month, runId, outcome: 'gave_up', processed: run.processed, more: false } }
  }
  await deps.handOn(continueEvent(run))
  return { ok: true, data: { month: run.month, runId, outcome: 'retrying', processed: run.processed, more: true } }
}

async function advance(ctx: ActionContext, deps: JobDeps, event: ContinueEvent): Promise<JobReport> {
  let result: RunStep
  try {
    result = await runAssessment(ctx, event, deps.options)
  } catch (err) {
    return recordFailure(ctx, deps, event.runId, err)
  }
  if (result.more) await deps.handOn({ Type: 'Continue', month: result.month, runId: result.runId, cursor: result.cursor })
  return { ok: true, data: { month: result.month, runId: result.runId, outcome: result.outcome, processed: result.processed, more: result.more } }
}

/** Serves one invocation of the `assessment` function. */
export async function serveJobEvent(event: unknown, deps: JobDeps): Promise<JobReport> {
  const type = (event as { Type?: unknown } | null)?.Type
  if (type === 'Timer') {
    const ctx = systemContext(deps, 'assessment.timer')
    const month = previousMonth(ctx.now())
    const begun = await beginRun(ctx, month, 'timer')
    if (begun.kind === 'refused') return refused(begun.code)
    if (begun.kind === 'skipped') return { ok: true, data: { month, runId: begun.run._id, outcome: 'skipped', processed: begun.run.processed, more: false } }
    return advance(ctx, deps, continueEvent(begun.run))
  }
  if (type === 'Continue') {
    const parsed = continueEventSchema.safeParse(event)
    if (!parsed.success) return refused('BAD_INPUT')
    return advance(systemContext(deps, 'assessment.run'), deps, parsed.data)
  }
  return refused('BAD_ACTION')
}
