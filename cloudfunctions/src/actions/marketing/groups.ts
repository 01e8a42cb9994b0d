import { shanghaiDate, type ActionInput, type ActionOutput, type GroupDetail, type GroupEvent } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import type { Condition } from '../../core/sdk-types'
import { groupReviewDueOn } from '../../domain/group-flags'
import { escapeRegExp } from '../../domain/text'
import { BUSINESS_GROUPS, flaggedCondition, toGroupSummary, type GroupDoc, type StoredGroupReview } from '../../repos/groups'
import { fetchPage } from '../../repos/paging'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { refuseUnlessVisible } from '../shared/relations'
import { groupDetailFor, groupFlow, groupOrRefuse, groupRelations } from './shared'

async function activePerson(ctx: ActionContext, id: string): Promise<PersonDoc | null> {
  const { data } = await ctx.db.collection<PersonDoc>(PEOPLE).where({ _id: id }).limit(1).get()
  const person = data[0]
  return person && person.status === 'active' ? person : null
}

/** Optional texts: blank means "not given". */
function orNull(text: string | undefined): string | null {
  const trimmed = text?.trim()
  return trimmed ? trimmed : null
}

async function decideOn(ctx: ActionContext, id: string, event: GroupEvent): Promise<GroupDoc> {
  const doc = await groupOrRefuse(ctx, id)
  const decision = groupFlow.decide(doc.status, event, (await groupRelations(ctx, doc)).relations)
  if (!decision.ok) refuse(decision.refusal)
  return doc
}

export async function createGroup(input: ActionInput<'group.create'>, ctx: ActionContext): Promise<GroupDetail> {
  const me = requirePerson(ctx)
  const owner = input.ownerId && input.ownerId !== me._id ? await activePerson(ctx, input.ownerId) : me
  // Admins register groups for any department; everyone else for their own.
  if (!owner || (me.role !== 'admin' && owner.departmentId !== me.departmentId)) refuse('GROUP_OWNER_INVALID')
  const now = ctx.now()
  const createdOn = shanghaiDate(now)
  const doc: GroupDoc = {
    _id: newId('group', now),
    name: input.name,
    purpose: orNull(input.purpose),
    ownerId: owner._id,
    ownerName: owner.name,
    departmentId: owner.departmentId,
    relatedTo: orNull(input.relatedTo),
    memberCount: input.memberCount,
    status: 'active',
    createdAt: now,
    createdOn,
    createdById: me._id,
    createdByName: me.name,
    lastReviewedAt: null,
    lastReviewedOn: null,
    lastReviewedByName: null,
    lastReviewStillNeeded: null,
    lastReviewMembersRelevant: null,
    reviewDueOn: groupReviewDueOn(createdOn, null),
    reviews: [],
    dissolvedAt: null,
    dissolvedByName: null,
    dissolveNote: null,
    updatedAt: now,
  }
  await ctx.db.collection(BUSINESS_GROUPS).add({ data: { ...doc } })
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: BUSINESS_GROUPS,
    targetId: doc._id,
    before: null,
    after: { name: doc.name, purpose: doc.purpose, ownerId: doc.ownerId, relatedTo: doc.relatedTo, memberCount: doc.memberCount },
  })
  return groupDetailFor(ctx, doc)
}

export async function updateGroup(input: ActionInput<'group.update'>, ctx: ActionContext): Promise<GroupDetail> {
  const doc = await decideOn(ctx, input.id, 'update')
  const change: Partial<GroupDoc> = {}
  if (input.name !== undefined && input.name !== doc.name) change.name = input.name
  if (input.purpose !== undefined && orNull(input.purpose) !== doc.purpose) change.purpose = orNull(input.purpose)
  if (input.relatedTo !== undefined && orNull(input.relatedTo) !== doc.relatedTo) change.relatedTo = orNull(input.relatedTo)
  if (input.memberCount !== undefined && input.memberCount !== doc.memberCount) change.memberCount = input.memberCount
  if (input.ownerId !== undefined && input.ownerId !== doc.ownerId) {
    // The group stays with its department; a new owner comes from it.
    const owner = await activePerson(ctx, input.ownerId)
    if (!owner || owner.departmentId !== doc.departmentId) refuse('GROUP_OWNER_INVALID')
    change.ownerId = owner._id
    change.ownerName = owner.name
  }
  if (Object.keys(change).length === 0) return groupDetailFor(ctx, doc)
  const now = ctx.now()
  const { stats } = await ctx.db
    .collection(BUSINESS_GROUPS)
    .where({ _id: doc._id, status: 'active' })
    .update({ data: { ...change, updatedAt: now } })
  if (stats.updated !== 1) refuse('CONFLICT')
  const before = Object.fromEntries(Object.keys(change).map((key) => [key, doc[key as keyof GroupDoc]]))
  await writeAudit(ctx, { action: ctx.action, targetCollection: BUSINESS_GROUPS, targetId: doc._id, before, after: change })
  return groupDetailFor(ctx, { ...doc, ...change, updatedAt: now })
}

export async function reviewGroup(input: ActionInput<'group.review'>, ctx: ActionContext): Promise<GroupDetail> {
  const me = requirePerson(ctx)
  const doc = await decideOn(ctx, input.id, 'review')
  const now = ctx.now()
  const today = shanghaiDate(now)
  const review: StoredGroupReview = { at: now, byId: me._id, byName: me.name, stillNeeded: input.stillNeeded, membersRelevant: input.membersRelevant, note: orNull(input.note) }
  const change = {
    lastReviewedAt: now,
    lastReviewedOn: today,
    lastReviewedByName: me.name,
    lastReviewStillNeeded: input.stillNeeded,
    lastReviewMembersRelevant: input.membersRelevant,
    reviewDueOn: groupReviewDueOn(doc.createdOn, today),
    updatedAt: now,
  }
  const { stats } = await ctx.db
    .collection(BUSINESS_GROUPS)
    .where({ _id: doc._id, status: 'active' })
    .update({ data: { ...change, reviews: ctx.db.command.push([review]) } })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: BUSINESS_GROUPS,
    targetId: doc._id,
    before: { lastReviewedAt: doc.lastReviewedAt?.toISOString() ?? null, reviewDueOn: doc.reviewDueOn },
    after: { stillNeeded: review.stillNeeded, membersRelevant: review.membersRelevant, note: review.note, reviewDueOn: change.reviewDueOn },
  })
  return groupDetailFor(ctx, { ...doc, ...change, reviews: [...doc.reviews, review] })
}

export async function dissolveGroup(input: ActionInput<'group.dissolve'>, ctx: ActionContext): Promise<GroupDetail> {
  const me = requirePerson(ctx)
  const doc = await decideOn(ctx, input.id, 'dissolve')
  const now = ctx.now()
  const change = { status: 'dissolved' as const, dissolvedAt: now, dissolvedByName: me.name, dissolveNote: orNull(input.note), updatedAt: now }
  const { stats } = await ctx.db.collection(BUSINESS_GROUPS).where({ _id: doc._id, status: 'active' }).update({ data: change })
  if (stats.updated !== 1) refuse('CONFLICT')
  await writeAudit(ctx, { action: ctx.action, targetCollection: BUSINESS_GROUPS, targetId: doc._id, before: { status: doc.status }, after: { status: 'dissolved', note: change.dissolveNote } })
  return groupDetailFor(ctx, { ...doc, ...change })
}

export async function getGroup(input: ActionInput<'group.get'>, ctx: ActionContext): Promise<GroupDetail> {
  const doc = await groupOrRefuse(ctx, input.id)
  refuseUnlessVisible((await groupRelations(ctx, doc)).relations)
  return groupDetailFor(ctx, doc)
}

/** Which groups a list covers before its filters. */
function listScope(ctx: ActionContext, input: ActionInput<'group.list'>): Condition {
  const me = requirePerson(ctx)
  switch (input.scope) {
    case 'mine':
      return { ownerId: me._id }
    case 'department':
      if (me.role === 'employee') refuse('FORBIDDEN')
      if (me.role === 'head' && input.departmentId && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
      return { departmentId: me.role === 'admin' ? (input.departmentId ?? me.departmentId) : me.departmentId }
    case 'all':
      if (me.role !== 'admin') refuse('FORBIDDEN')
      return input.departmentId ? { departmentId: input.departmentId } : {}
  }
}

export async function listGroups(input: ActionInput<'group.list'>, ctx: ActionContext): Promise<ActionOutput<'group.list'>> {
  const now = ctx.now()
  const _ = ctx.db.command
  const conditions: Condition[] = [listScope(ctx, input)]
  const keyword = input.keyword?.trim()
  if (keyword) conditions.push({ name: ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' }) })
  const flagged = flaggedCondition(ctx.db, shanghaiDate(now))
  const [{ total: flaggedCount }, page] = await Promise.all([
    ctx.db.collection(BUSINESS_GROUPS).where(_.and([...conditions, flagged])).count(),
    fetchPage<GroupDoc, ActionOutput<'group.list'>['items'][number]>(
      ctx,
      BUSINESS_GROUPS,
      _.and([...conditions, ...(input.status ? [{ status: input.status }] : []), ...(input.flaggedOnly ? [flagged] : [])]),
      // What needs attention: the longest overdue first. Otherwise the newest first.
      input.flaggedOnly ? [['reviewDueOn', 'asc'], ['createdAt', 'asc']] : [['createdAt', 'desc']],
      input,
      (doc, departmentName) => toGroupSummary(doc, departmentName, now),
    ),
  ])
  return { ...page, flaggedCount }
}
