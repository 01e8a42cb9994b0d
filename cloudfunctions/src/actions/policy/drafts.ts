import {
  type ActionInput,
  type ActionOutput,
  type ErrorCode,
  type PolicyDocument,
  type PolicyVersionDetail,
  type PolicyVersionSummary,
  quizRefersToDocument,
  shanghaiDate,
} from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { DEFAULT_ACK_WITHIN_DAYS, loadVersion, loadVersionInForce, POLICY_VERSIONS, sectionCount, toVersionSummary, type PolicyVersionDoc } from '../../repos/policy'
import { versionDetail } from './read'

/** What an admin starts from when nothing was ever published. */
const starterDocument: PolicyDocument = {
  title: '业务微信管理制度',
  chapters: [{ key: 'general', title: '总则', sections: [{ key: 'general-purpose', heading: '目的', clauses: ['请在此写明制定本制度的目的。'] }] }],
}

async function latestPublished(ctx: ActionContext): Promise<PolicyVersionDoc | null> {
  const { data } = await ctx.db.collection<PolicyVersionDoc>(POLICY_VERSIONS).where({ status: 'published' }).orderBy('number', 'desc').limit(1).get()
  return data[0] ?? null
}

/**
 * A draft's id is the version it will become ("policy-v3"): two admins opening a draft at
 * once reach the same record instead of two competing drafts.
 */
export async function startPolicyDraft(_input: ActionInput<'policy.startDraft'>, ctx: ActionContext): Promise<PolicyVersionDetail> {
  const me = requirePerson(ctx)
  const { data: drafts } = await ctx.db.collection<PolicyVersionDoc>(POLICY_VERSIONS).where({ status: 'draft' }).limit(1).get()
  if (drafts[0]) return versionDetail(ctx, drafts[0], true)
  const latest = await latestPublished(ctx)
  const id = `policy-v${(latest?.number ?? 0) + 1}`
  const now = ctx.now()
  const document = latest?.document ?? starterDocument
  const fields: Omit<PolicyVersionDoc, '_id'> & { sectionCount: number } = {
    status: 'draft',
    number: null,
    document,
    quiz: latest?.quiz ?? { askCount: 0, questions: [] },
    changeSummary: '',
    effectiveFrom: null,
    ackWithinDays: latest?.ackWithinDays ?? DEFAULT_ACK_WITHIN_DAYS,
    revision: 0,
    createdBy: me._id,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    publishedBy: null,
    publishedByName: null,
    sectionCount: sectionCount(document),
  }
  const created = await ctx.db.runTransaction(async (tx) => {
    const existing = await tx
      .collection<PolicyVersionDoc>(POLICY_VERSIONS)
      .doc(id)
      .get()
      .then(
        (r) => r.data,
        () => null,
      )
    if (existing) return false
    await tx.collection(POLICY_VERSIONS).doc(id).set({ data: fields })
    await writeAudit(ctx, { action: ctx.action, targetCollection: POLICY_VERSIONS, targetId: id, before: null, after: { status: 'draft', from: latest?._id ?? null } }, tx)
    return true
  })
  const draft = await loadVersion(ctx.db, id)
  if (!draft || (!created && draft.status !== 'draft')) refuse('CONFLICT')
  return versionDetail(ctx, draft, true)
}

/** Why a conditional write on a draft changed nothing. */
async function draftRefusal(ctx: ActionContext, id: string): Promise<ErrorCode> {
  const current = await loadVersion(ctx.db, id)
  if (!current) return 'NOT_FOUND'
  return current.status === 'draft' ? 'DRAFT_STALE' : 'INVALID_STATE'
}

export async function savePolicyDraft(input: ActionInput<'policy.saveDraft'>, ctx: ActionContext): Promise<PolicyVersionSummary> {
  const missing = quizRefersToDocument(input.quiz, input.document)
  if (missing.length > 0) refuse('QUIZ_SECTION_MISSING', { questions: missing })
  const now = ctx.now()
  const { stats } = await ctx.db
    .collection(POLICY_VERSIONS)
    .where({ _id: input.versionId, status: 'draft', revision: input.revision })
    .update({
      data: {
        document: input.document,
        quiz: input.quiz,
        changeSummary: input.changeSummary,
        sectionCount: sectionCount(input.document),
        revision: input.revision + 1,
        updatedAt: now,
      },
    })
  if (stats.updated !== 1) refuse(await draftRefusal(ctx, input.versionId))
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: POLICY_VERSIONS,
    targetId: input.versionId,
    before: { revision: input.revision },
    after: { revision: input.revision + 1, sections: sectionCount(input.document), questions: input.quiz.questions.length },
  })
  const saved = await loadVersion(ctx.db, input.versionId)
  if (!saved) refuse('NOT_FOUND')
  const today = shanghaiDate(now)
  return toVersionSummary(saved, (await loadVersionInForce(ctx.db, today))?._id ?? null, today)
}

export async function publishPolicy(input: ActionInput<'policy.publish'>, ctx: ActionContext): Promise<PolicyVersionSummary> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const today = shanghaiDate(now)
  if (input.effectiveFrom < today) refuse('EFFECTIVE_DATE_PAST')
  const [draft, latest] = await Promise.all([loadVersion(ctx.db, input.versionId), latestPublished(ctx)])
  if (!draft) refuse('NOT_FOUND')
  if (draft.status !== 'draft') refuse('INVALID_STATE')
  if (draft.revision !== input.revision) refuse('DRAFT_STALE')
  if (latest?.effectiveFrom && input.effectiveFrom < latest.effectiveFrom) refuse('EFFECTIVE_BEFORE_PREVIOUS')
  const missing = quizRefersToDocument(draft.quiz, draft.document)
  if (missing.length > 0) refuse('QUIZ_SECTION_MISSING', { questions: missing })
  const number = (latest?.number ?? 0) + 1
  const { stats } = await ctx.db
    .collection(POLICY_VERSIONS)
    .where({ _id: draft._id, status: 'draft', revision: input.revision })
    .update({
      data: {
        status: 'published',
        number,
        effectiveFrom: input.effectiveFrom,
        ackWithinDays: input.ackWithinDays,
        changeSummary: input.changeSummary,
        revision: input.revision + 1,
        updatedAt: now,
        publishedAt: now,
        publishedBy: me._id,
        publishedByName: me.name,
      },
    })
  if (stats.updated !== 1) refuse(await draftRefusal(ctx, draft._id))
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: POLICY_VERSIONS,
    targetId: draft._id,
    before: { status: 'draft', revision: input.revision },
    after: { status: 'published', number, effectiveFrom: input.effectiveFrom, ackWithinDays: input.ackWithinDays },
  })
  const published = await loadVersion(ctx.db, draft._id)
  if (!published) refuse('NOT_FOUND')
  return toVersionSummary(published, (await loadVersionInForce(ctx.db, today))?._id ?? null, today)
}

export async function discardPolicyDraft(input: ActionInput<'policy.discardDraft'>, ctx: ActionContext): Promise<ActionOutput<'policy.discardDraft'>> {
  const { stats } = await ctx.db.collection(POLICY_VERSIONS).where({ _id: input.versionId, status: 'draft', revision: input.revision }).remove()
  if (stats.removed !== 1) refuse(await draftRefusal(ctx, input.versionId))
  await writeAudit(ctx, { action: ctx.action, targetCollection: POLICY_VERSIONS, targetId: input.versionId, before: { status: 'draft', revision: input.revision }, after: null })
  return { discarded: true }
}
