import type {
  ApplicationDetail,
  ApplicationEvent,
  ApplicationStatus,
  ApplicationSummary,
} from '../../../types/contract'
import type { DocData } from '../core/sdk-types'

export const APPLICATIONS = 'account_applications'

export const OPEN_APPLICATION_STATUSES: ApplicationStatus[] = ['pending_head', 'pending_admin']

export interface StoredTimelineEntry {
  at: Date
  actorId: string
  actorName: string
  event: 'submit' | ApplicationEvent
  comment: string | null
}

export interface ApplicationDoc {
  _id: string
  applicantId: string
  applicantName: string
  departmentId: string
  status: ApplicationStatus
  /** Who takes the head's step, fixed at submission for to-do lists: the head, or admins when the applicant heads the department. */
  headStep: 'head' | 'admin'
  realName: string
  mobile: string
  email: string
  contactChangeReason: string | null
  purpose: string
  intendedWechatId: string | null
  timeline: StoredTimelineEntry[]
  accountId: string | null
  accountWechatId: string | null
  submittedAt: Date
  updatedAt: Date
}

export function toApplicationSummary(doc: ApplicationDoc, departmentName: string): ApplicationSummary {
  return {
    id: doc._id,
    applicantId: doc.applicantId,
    applicantName: doc.applicantName,
    departmentId: doc.departmentId,
    departmentName,
    status: doc.status,
    purpose: doc.purpose,
    submittedAt: doc.submittedAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  }
}

export function toApplicationDetail(doc: ApplicationDoc, departmentName: string, available: ApplicationEvent[]): ApplicationDetail {
  return {
    ...toApplicationSummary(doc, departmentName),
    realName: doc.realName,
    mobile: doc.mobile,
    email: doc.email,
    contactChangeReason: doc.contactChangeReason,
    intendedWechatId: doc.intendedWechatId,
    timeline: doc.timeline.map((t) => ({ ...t, at: t.at.toISOString() })),
    account: doc.accountId && doc.accountWechatId ? { id: doc.accountId, wechatId: doc.accountWechatId } : null,
    available,
  }
}

export function timelineEntry(
  at: Date,
  actor: { _id: string; name: string },
  event: StoredTimelineEntry['event'],
  comment?: string | null,
): StoredTimelineEntry & DocData {
  return { at, actorId: actor._id, actorName: actor.name, event, comment: comment?.trim() ? comment.trim() : null }
}
