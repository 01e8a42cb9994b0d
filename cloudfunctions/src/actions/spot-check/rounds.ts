import { randomBytes } from 'node:crypto'
import { DEFAULT_EXCLUDE_MONTHS, MAX_EXCLUDE_MONTHS, shanghaiMonth, type ActionInput, type ActionOutput, type RoundDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import type { Condition } from '../../core/sdk-types'
import { addMonths, sampleForSpotCheck, type SampleCandidate } from '../../domain/spot-check-sample'
import { loadDepartments } from '../../repos/departments'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { readAll } from '../../repos/read-all'
import { loadRound, pendingSpotCheck, SPOT_CHECK_ROUNDS, SPOT_CHECKS, toRoundAllocation, toRoundSummary, toSpotCheckSummary, type RoundDoc, type SpotCheckDoc } from '../../repos/spot-checks'
import { departmentNames } from './shared'

/** Checks go in batches: one request per hundred people rather than one each. */
const CHECK_BATCH = 100

/** The instant a Shanghai month begins. */
function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+08:00`)
}

/**
 * The latest month each person was drawn in, over the longest exclusion window a round can
 * ask for, so the candidates a round records mean the same whatever its own window.
 */
async function lastCheckedMonths(ctx: ActionContext, month: string): Promise<Map<string, string>> {
  const since = monthStart(addMonths(month, -(MAX_EXCLUDE_MONTHS - 1)))
  const rounds = await readAll<Pick<RoundDoc, 'personIds' | 'month'>>(ctx.db, SPOT_CHECK_ROUNDS, { createdAt: ctx.db.command.gte(since) }, { personIds: true, month: true })
  const last = new Map<string, string>()
  for (const round of rounds) {
    for (const personId of round.personIds) {
      const seen = last.get(personId)
      if (!seen || seen < round.month) last.set(personId, round.month)
    }
  }
  return last
}

/** Heads sample their own department whatever they name; admins the named departments, or all. */
async function chosenDepartments(ctx: ActionContext, me: PersonDoc, named: string[] | undefined): Promise<string[]> {
  if (me.role !== 'admin') {
    if (named && named.some((id) => id !== me.departmentId)) refuse('OUT_OF_SCOPE')
    return [me.departmentId]
  }
  const known = (await loadDepartments(ctx.db)).map((d) => d._id)
  if (!named) return known
  if (named.some((id) => !known.includes(id))) refuse('NOT_FOUND')
  return known.filter((id) => named.includes(id))
}

/** The seed a round records when none was given: 64 random bits, as hex. */
function drawSeed(): string {
  return randomBytes(8).toString('hex')
}

/**
 * The round is written first and then its checks, so if writing stops part way the round
 * still names everyone it drew, and its reproducibility check shows the missing checks.
 */
export async function startRound(input: ActionInput<'spotCheck.startRound'>, ctx: ActionContext): Promise<RoundDetail> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const month = shanghaiMonth(now)
  const departmentIds = await chosenDepartments(ctx, me, input.departmentIds)
  const _ = ctx.db.command
  const [people, last] = await Promise.all([
    readAll<Pick<PersonDoc, '_id' | 'name' | 'departmentId'>>(ctx.db, PEOPLE, { status: 'active', departmentId: _.in(departmentIds) }, { name: true, departmentId: true }),
    lastCheckedMonths(ctx, month),
  ])
  // Nobody checks themself.
  const drawable = people.filter((p) => p._id !== me._id)
  const candidates: SampleCandidate[] = drawable.map((p) => ({ personId: p._id, departmentId: p.departmentId, lastCheckedMonth: last.get(p._id) ?? null }))
  const settings = { size: input.size, excludeWithinMonths: input.excludeWithinMonths ?? DEFAULT_EXCLUDE_MONTHS, force: input.force ?? false, seed: input.seed ?? drawSeed(), month }
  const sample = sampleForSpotCheck(candidates, settings)
  if (sample.personIds.length === 0) refuse('NO_SPOT_CHECK_CANDIDATES')

  const round: RoundDoc = {
    _id: newId('round', now),
    createdBy: me._id,
    createdByName: me.name,
    departmentIds,
    ...settings,
    personIds: sample.personIds,
    candidates,
    allocation: sample.allocation,
    eligibleCount: sample.eligibleCount,
    excludedCount: sample.excludedIds.length,
    createdAt: now,
  }
  await ctx.db.collection(SPOT_CHECK_ROUNDS).add({ data: { ...round } })
  const byId = new Map(drawable.map((p) => [p._id, p]))
  const checks: SpotCheckDoc[] = sample.personIds.map((personId) => pendingSpotCheck(round, byId.get(personId)!, me))
  for (let i = 0; i < checks.length; i += CHECK_BATCH) {
    await ctx.db.collection(SPOT_CHECKS).add({ data: checks.slice(i, i + CHECK_BATCH).map((c) => ({ ...c })) })
  }
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: SPOT_CHECK_ROUNDS,
    targetId: round._id,
    before: null,
    after: {
      departmentIds,
      size: settings.size,
      excludeWithinMonths: settings.excludeWithinMonths,
      force: settings.force,
      seed: settings.seed,
      month,
      personIds: round.personIds,
      candidateCount: candidates.length,
      excludedCount: round.excludedCount,
    },
  })
  return roundDetailFor(ctx, round, checks)
}

/** Draws again from what the round recorded and compares: same people, same order, and exactly their checks. */
function reproduces(round: RoundDoc, checks: readonly SpotCheckDoc[]): boolean {
  const again = sampleForSpotCheck(round.candidates, {
    size: round.size,
    excludeWithinMonths: round.excludeWithinMonths,
    force: round.force,
    seed: round.seed,
    month: round.month,
  })
  const sameSample = again.personIds.length === round.personIds.length && again.personIds.every((id, i) => id === round.personIds[i])
  const checked = new Set(checks.map((c) => c.personId))
  const sameChecks = checks.length === round.personIds.length && checked.size === checks.length && round.personIds.every((id) => checked.has(id))
  return sameSample && sameChecks
}

/** Admins and the round's creator see every check in it; a head only their department's. */
async function roundDetailFor(ctx: ActionContext, round: RoundDoc, checks: SpotCheckDoc[]): Promise<RoundDetail> {
  const me = requirePerson(ctx)
  const names = await departmentNames(ctx)
  const order = new Map(round.personIds.map((id, i) => [id, i]))
  const sorted = [...checks].sort((a, b) => (order.get(a.personId) ?? Infinity) - (order.get(b.personId) ?? Infinity))
  const seesAll = me.role === 'admin' || me._id === round.createdBy
  const visible = seesAll ? sorted : sorted.filter((c) => c.departmentId === me.departmentId && (c.personId !== me._id || c.status === 'scored'))
  return {
    ...toRoundSummary(round, names, checks.filter((c) => c.status === 'scored').length),
    candidateCount: round.candidates.length,
    eligibleCount: round.eligibleCount,
    excludedCount: round.excludedCount,
    allocation: toRoundAllocation(round.allocation, names),
    reproducible: reproduces(round, checks),
    checks: visible.map((c) => toSpotCheckSummary(c, names.get(c.departmentId) ?? '')),
  }
}

function refuseUnlessRoundVisible(me: PersonDoc, round: RoundDoc): void {
  if (me.role === 'admin' || me._id === round.createdBy) return
  if (!round.departmentIds.includes(me.departmentId)) refuse('OUT_OF_SCOPE')
}

export async function getRound(input: ActionInput<'spotCheck.getRound'>, ctx: ActionContext): Promise<RoundDetail> {
  const me = requirePerson(ctx)
  const round = await loadRound(ctx.db, input.id)
  if (!round) refuse('NOT_FOUND')
  refuseUnlessRoundVisible(me, round)
  // A round holds at most MAX_SPOT_CHECK_SIZE checks, well within one read.
  const { data: checks } = await ctx.db.collection<SpotCheckDoc>(SPOT_CHECKS).where({ roundId: round._id }).limit(1000).get()
  return roundDetailFor(ctx, round, checks)
}

export async function listRounds(input: ActionInput<'spotCheck.listRounds'>, ctx: ActionContext): Promise<ActionOutput<'spotCheck.listRounds'>> {
  const me = requirePerson(ctx)
  if (me.role !== 'admin' && input.departmentId && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
  const departmentId = me.role === 'admin' ? input.departmentId : me.departmentId
  const where: Condition = departmentId ? { departmentIds: departmentId } : {}
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  const [{ total }, { data }, names] = await Promise.all([
    ctx.db.collection(SPOT_CHECK_ROUNDS).where(where).count(),
    ctx.db
      .collection<RoundDoc>(SPOT_CHECK_ROUNDS)
      .where(where)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .field({ candidates: false })
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .get(),
    departmentNames(ctx),
  ])
  const scored = await Promise.all(data.map((round) => ctx.db.collection(SPOT_CHECKS).where({ roundId: round._id, status: 'scored' }).count()))
  return { items: data.map((round, i) => toRoundSummary(round, names, scored[i]!.total)), total, page, pageSize }
}
