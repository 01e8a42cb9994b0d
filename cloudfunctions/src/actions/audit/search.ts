import { addDays, auditActionMatch, type ActionInput, type ActionOutput, type AuditEntryView } from '../../../../types/contract'
import { AUDIT_LOG } from '../../core/audit'
import type { ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { auditChanges } from '../../domain/audit-view'
import { escapeRegExp } from '../../domain/text'

/** An entry as `writeAudit` stores it. */
interface AuditDoc {
  _id: string
  actorId: string | null
  actorName: string | null
  actorOpenid: string
  action: string
  targetCollection: string
  targetId: string
  before: unknown
  after: unknown
  at: Date
}

/** The first instant of a Shanghai date. */
function shanghaiStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`)
}

function toView(doc: AuditDoc): AuditEntryView {
  const { changes, truncated } = auditChanges(doc.before, doc.after)
  return {
    id: doc._id,
    actorId: doc.actorId,
    actorName: doc.actorName ?? '未知',
    action: doc.action,
    targetCollection: doc.targetCollection,
    targetId: doc.targetId,
    at: doc.at.toISOString(),
    changes,
    truncated,
  }
}

/**
 * Admins only (the audience says so). Every filter names a field the audit_log indexes lead
 * with (actorId, targetId, action) or the time they all end in, so a search never scans the log.
 * Reading the log is not itself logged: contacts in it are masked.
 */
export async function searchAudit(input: ActionInput<'audit.search'>, ctx: ActionContext): Promise<ActionOutput<'audit.search'>> {
  const _ = ctx.db.command
  const where: Record<string, unknown> = {}
  if (input.actorId) where.actorId = input.actorId
  if (input.targetCollection) where.targetCollection = input.targetCollection
  if (input.targetId) where.targetId = input.targetId
  if (input.action) {
    const match = auditActionMatch(input.action)
    where.action = match.kind === 'exact' ? match.value : ctx.db.RegExp({ regexp: `^${escapeRegExp(match.value)}` })
  }
  const from = input.from ? _.gte(shanghaiStart(input.from)) : null
  const until = input.to ? _.lt(shanghaiStart(addDays(input.to, 1))) : null
  if (from && until) where.at = from.and(until)
  else if (from ?? until) where.at = from ?? until

  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  const [{ total }, { data }] = await Promise.all([
    ctx.db.collection(AUDIT_LOG).where(where as Condition).count(),
    ctx.db
      .collection<AuditDoc>(AUDIT_LOG)
      .where(where as Condition)
      .orderBy('at', 'desc')
      .orderBy('_id', 'desc')
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .get(),
  ])
  return { items: data.map(toView), total, page, pageSize }
}
