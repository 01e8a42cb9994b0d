import { checkMarketingText, summarizeMarketingFlags, type ActionInput, type ActionOutput, type MarketingDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import type { Condition } from '../../core/sdk-types'
import { escapeRegExp } from '../../domain/text'
import { headStepDeciders, notify } from '../../notify/notifier'
import { fetchPage } from '../../repos/paging'
import { loadMarketingTerms, MARKETING_ITEMS, toMarketingSummary, type MarketingItemDoc } from '../../repos/marketing'
import { refuseUnlessVisible } from '../shared/relations'
import { itemDetailFor, itemOrRefuse, itemRelations, marketingFlow, reviewQuery } from './shared'

export async function submitMarketing(input: ActionInput<'marketing.submit'>, ctx: ActionContext): Promise<MarketingDetail> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const terms = await loadMarketingTerms(ctx.db)
  const doc: MarketingItemDoc = {
    _id: newId('mkt', now),
    title: input.title,
    text: input.text,
    images: [...new Set(input.images ?? [])],
    flags: checkMarketingText(input.text, terms),
    authorId: me._id,
    authorName: me.name,
    departmentId: me.departmentId,
    status: 'pending',
    submittedAt: now,
    reviewedAt: null,
    reviewerId: null,
    reviewerName: null,
    reviewComment: null,
    withdrawnAt: null,
    pushCount: 0,
    lastPushedAt: null,
    updatedAt: now,
  }
  await ctx.db.collection(MARKETING_ITEMS).add({ data: { ...doc } })
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: MARKETING_ITEMS,
    targetId: doc._id,
    before: null,
    after: { title: doc.title, status: doc.status, flags: doc.flags.map((f) => `${f.kind}:${f.term}`), images: doc.images.length },
  })
  const flagged = summarizeMarketingFlags(doc.flags)
  await notify(ctx, await headStepDeciders(ctx, me.departmentId, me._id), {
    template: 'approvalRequest',
    kind: 'marketing',
    recordId: doc._id,
    title: `${me.name}提交营销素材待审核`,
    detail: flagged ? `${doc.title}（${flagged}）` : doc.title,
  })
  return itemDetailFor(ctx, doc)
}

export async function withdrawMarketing(input: ActionInput<'marketing.withdraw'>, ctx: ActionContext): Promise<MarketingDetail> {
  const doc = await itemOrRefuse(ctx, input.id)
  const { relations } = await itemRelations(ctx, doc)
  const decision = marketingFlow.decide(doc.status, 'withdraw', relations)
  if (!decision.ok) refuse(decision.refusal)
  const now = ctx.now()
  const change = { status: decision.next, withdrawnAt: now, updatedAt: now }
  const { stats } = await ctx.db.collection(MARKETING_ITEMS).where({ _id: doc._id, status: doc.status }).update({ data: change })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, { action: ctx.action, targetCollection: MARKETING_ITEMS, targetId: doc._id, before: { status: doc.status }, after: { status: decision.next } })
  return itemDetailFor(ctx, { ...doc, ...change })
}

export async function reviewMarketing(input: ActionInput<'marketing.review'>, ctx: ActionContext): Promise<MarketingDetail> {
  const me = requirePerson(ctx)
  const doc = await itemOrRefuse(ctx, input.id)
  const { relations } = await itemRelations(ctx, doc)
  const decision = marketingFlow.decide(doc.status, input.decision, relations)
  if (!decision.ok) refuse(decision.refusal)
  const now = ctx.now()
  const change = { status: decision.next, reviewedAt: now, reviewerId: me._id, reviewerName: me.name, reviewComment: input.comment?.trim() || null, updatedAt: now }
  const { stats } = await ctx.db.collection(MARKETING_ITEMS).where({ _id: doc._id, status: doc.status }).update({ data: change })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: MARKETING_ITEMS,
    targetId: doc._id,
    before: { status: doc.status },
    after: { status: decision.next, comment: change.reviewComment },
  })
  const approved = decision.next === 'approved'
  await notify(ctx, [doc.authorId], {
    template: 'approvalResult',
    kind: 'marketing',
    recordId: doc._id,
    title: approved ? '你的营销素材已通过审核' : '你的营销素材被驳回',
    detail: approved ? doc.title : (change.reviewComment ?? doc.title),
  })
  return itemDetailFor(ctx, { ...doc, ...change })
}

/** Approved material is the shared library: every colleague may read it. Anything else stays with its author and deciders. */
export async function getMarketing(input: ActionInput<'marketing.get'>, ctx: ActionContext): Promise<MarketingDetail> {
  const doc = await itemOrRefuse(ctx, input.id)
  if (doc.status !== 'approved') refuseUnlessVisible((await itemRelations(ctx, doc)).relations)
  return itemDetailFor(ctx, doc)
}

export async function listMarketing(input: ActionInput<'marketing.list'>, ctx: ActionContext): Promise<ActionOutput<'marketing.list'>> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  const conditions: Condition[] = []
  let order: Array<[string, 'asc' | 'desc']> = [['submittedAt', 'desc']]
  switch (input.scope) {
    case 'mine':
      conditions.push({ authorId: me._id })
      if (input.status) conditions.push({ status: input.status })
      break
    case 'review':
      if (me.role === 'employee') refuse('FORBIDDEN')
      conditions.push(reviewQuery(ctx))
      // The longest waiting first.
      order = [['submittedAt', 'asc']]
      break
    case 'library':
      conditions.push({ status: 'approved' })
      break
  }
  const keyword = input.keyword?.trim()
  if (keyword) conditions.push({ title: ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' }) })
  if (input.departmentId) {
    // Anyone but an admin may name their own department only.
    if (me.role !== 'admin' && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
    conditions.push({ departmentId: input.departmentId })
  }
  const where = conditions.length === 1 ? (conditions[0] as Condition) : _.and(conditions)
  return fetchPage(ctx, MARKETING_ITEMS, where, order, input, toMarketingSummary)
}
