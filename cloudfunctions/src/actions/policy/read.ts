import { type ActionInput, type ActionOutput, type CurrentPolicy, type PolicyVersionDetail, type Whoami, shanghaiDate } from '../../../../types/contract'
import type { PersonDoc } from '../../repos/people'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import { comparePolicies } from '../../domain/policy-compare'
import { pickQuestions, publicQuestion } from '../../domain/policy-quiz'
import {
  ackDueOn,
  loadAck,
  loadUpcomingVersion,
  loadVersion,
  loadVersionInForce,
  loadVersionInForceWithText,
  POLICY_VERSIONS,
  toPolicyAck,
  toVersionSummary,
  VERSION_HEADER_FIELDS,
  type PolicyVersionDoc,
  type PolicyVersionHeader,
} from '../../repos/policy'

/** Each reader gets the same questions every time they open a version, and colleagues get different ones. */
export function quizSeed(personId: string, versionId: string): string {
  return `${personId}:${versionId}`
}

/** What whoami tells the app to show first: the version in force, if this person has not acknowledged it. */
export async function policyToAcknowledge(ctx: ActionContext, person: PersonDoc): Promise<Extract<Whoami, { status: 'bound' }>['policyToAcknowledge']> {
  const today = shanghaiDate(ctx.now())
  const version = await loadVersionInForce(ctx.db, today)
  if (!version || version.number === null) return null
  const ack = await loadAck(ctx.db, version._id, person._id)
  if (ack?.acknowledgedAt) return null
  const dueOn = ackDueOn(version)
  return { versionId: version._id, number: version.number, title: version.document.title, dueOn, overdue: today > dueOn }
}

export async function getCurrentPolicy(_input: ActionInput<'policy.getCurrent'>, ctx: ActionContext): Promise<CurrentPolicy> {
  const me = requirePerson(ctx)
  const today = shanghaiDate(ctx.now())
  const [version, upcoming] = await Promise.all([loadVersionInForceWithText(ctx.db, today), loadUpcomingVersion(ctx.db, today)])
  const upcomingSummary = upcoming ? toVersionSummary(upcoming, version?._id ?? null, today) : null
  if (!version) return { inForce: null, upcoming: upcomingSummary }
  const ack = await loadAck(ctx.db, version._id, me._id)
  const acknowledgement = ack ? toPolicyAck(ack) : null
  const dueOn = ackDueOn(version)
  return {
    inForce: {
      version: toVersionSummary(version, version._id, today),
      document: version.document,
      questions: acknowledgement ? [] : pickQuestions(version.quiz, quizSeed(me._id, version._id)).map(publicQuestion),
      dueOn,
      overdue: !acknowledgement && today > dueOn,
      acknowledgement,
    },
    upcoming: upcomingSummary,
  }
}

export async function listPolicyVersions(input: ActionInput<'policy.listVersions'>, ctx: ActionContext): Promise<ActionOutput<'policy.listVersions'>> {
  const me = requirePerson(ctx)
  const today = shanghaiDate(ctx.now())
  const inForce = await loadVersionInForce(ctx.db, today)
  const where = me.role === 'admin' ? {} : { status: 'published' }
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  // Drafts have no number; sorting by status first ('draft' < 'published') puts the open draft on top.
  const [{ total }, { data }] = await Promise.all([
    ctx.db.collection(POLICY_VERSIONS).where(where).count(),
    ctx.db
      .collection<PolicyVersionHeader>(POLICY_VERSIONS)
      .where(where)
      .orderBy('status', 'asc')
      .orderBy('number', 'desc')
      .field(VERSION_HEADER_FIELDS)
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .get(),
  ])
  return { items: data.map((doc) => toVersionSummary(doc, inForce?._id ?? null, today)), total, page, pageSize }
}

/** The version published just before this one; for a draft, the latest published. Only its number unless the text is wanted. */
async function previousVersion(ctx: ActionContext, version: PolicyVersionDoc, withText: boolean): Promise<PolicyVersionDoc | null> {
  const _ = ctx.db.command
  const where = version.number === null ? { status: 'published' } : { status: 'published', number: _.lt(version.number) }
  let query = ctx.db.collection<PolicyVersionDoc>(POLICY_VERSIONS).where(where).orderBy('number', 'desc')
  if (!withText) query = query.field({ number: true })
  const { data } = await query.limit(1).get()
  return data[0] ?? null
}

export async function versionDetail(ctx: ActionContext, version: PolicyVersionDoc, compare: boolean): Promise<PolicyVersionDetail> {
  const me = requirePerson(ctx)
  const today = shanghaiDate(ctx.now())
  const [inForce, previous] = await Promise.all([loadVersionInForce(ctx.db, today), previousVersion(ctx, version, compare)])
  return {
    version: toVersionSummary(version, inForce?._id ?? null, today),
    document: version.document,
    quiz: me.role === 'admin' ? version.quiz : null,
    comparison: compare ? comparePolicies(previous?.document ?? null, version.document) : null,
    previousNumber: previous?.number ?? null,
  }
}

export async function getPolicyVersion(input: ActionInput<'policy.getVersion'>, ctx: ActionContext): Promise<PolicyVersionDetail> {
  const me = requirePerson(ctx)
  const version = await loadVersion(ctx.db, input.versionId)
  // A draft is nobody's business but the admins': to everyone else it does not exist.
  if (!version || (version.status === 'draft' && me.role !== 'admin')) refuse('NOT_FOUND')
  return versionDetail(ctx, version, input.compare ?? false)
}
