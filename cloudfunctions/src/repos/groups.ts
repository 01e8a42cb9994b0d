import { shanghaiDate, type GroupDetail, type GroupEvent, type GroupStatus, type GroupSummary } from '../../../types/contract'
import type { Condition, Database } from '../core/sdk-types'
import { flagsOfGroup } from '../domain/group-flags'

export const BUSINESS_GROUPS = 'business_groups'

export interface StoredGroupReview {
  at: Date
  byId: string
  byName: string
  stillNeeded: boolean
  membersRelevant: boolean
  note: string | null
}

/**
 * The latest review's answers and the next due date are kept flat beside the history, so
 * "flagged only" is one query rather than a read of every group.
 */
export interface GroupDoc {
  _id: string
  name: string
  purpose: string | null
  ownerId: string
  ownerName: string
  departmentId: string
  relatedTo: string | null
  memberCount: number
  status: GroupStatus
  createdAt: Date
  createdOn: string
  createdById: string
  createdByName: string
  lastReviewedAt: Date | null
  lastReviewedOn: string | null
  lastReviewedByName: string | null
  lastReviewStillNeeded: boolean | null
  lastReviewMembersRelevant: boolean | null
  reviewDueOn: string
  reviews: StoredGroupReview[]
  dissolvedAt: Date | null
  dissolvedByName: string | null
  dissolveNote: string | null
  updatedAt: Date
}

export async function loadGroup(db: Database, id: string): Promise<GroupDoc | null> {
  const { data } = await db.collection<GroupDoc>(BUSINESS_GROUPS).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

/** The query twin of flagsOfGroup: an active group with any flag on `today`. */
export function flaggedCondition(db: Database, today: string): Condition {
  const _ = db.command
  return _.and([
    { status: 'active' },
    _.or([{ purpose: null }, { reviewDueOn: _.lt(today) }, { lastReviewStillNeeded: false }, { lastReviewMembersRelevant: false }]),
  ])
}

export function toGroupSummary(doc: GroupDoc, departmentName: string, now: Date): GroupSummary {
  return {
    id: doc._id,
    name: doc.name,
    purpose: doc.purpose,
    ownerId: doc.ownerId,
    ownerName: doc.ownerName,
    departmentId: doc.departmentId,
    departmentName,
    relatedTo: doc.relatedTo,
    memberCount: doc.memberCount,
    status: doc.status,
    createdAt: doc.createdAt.toISOString(),
    lastReviewedAt: doc.lastReviewedAt?.toISOString() ?? null,
    lastReviewedByName: doc.lastReviewedByName,
    reviewDueOn: doc.reviewDueOn,
    flags: flagsOfGroup(doc, shanghaiDate(now)),
  }
}

export function toGroupDetail(doc: GroupDoc, departmentName: string, now: Date, available: GroupEvent[]): GroupDetail {
  return {
    ...toGroupSummary(doc, departmentName, now),
    createdByName: doc.createdByName,
    dissolvedAt: doc.dissolvedAt?.toISOString() ?? null,
    dissolvedByName: doc.dissolvedByName,
    dissolveNote: doc.dissolveNote,
    reviews: [...doc.reviews]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((r) => ({ at: r.at.toISOString(), byName: r.byName, stillNeeded: r.stillNeeded, membersRelevant: r.membersRelevant, note: r.note })),
    available,
  }
}
