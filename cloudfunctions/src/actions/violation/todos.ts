import { violationCategoryLabels, type TodoItem } from '../../../../types/contract'
import { requirePerson, type ActionContext } from '../../core/context'
import { appealDeadline } from '../../domain/violation'
import { VIOLATIONS, type ViolationDoc } from '../../repos/violations'

/** A to-do list longer than this is a backlog; the violation list has the rest. */
const TODO_LIMIT = 50
/** How long a new violation stays on the person's list, unless they appeal first. */
export const VIOLATION_TODO_DAYS = 7
const DAY_MS = 24 * 3600_000

const FIELDS = { personName: true, clause: true, category: true, points: true, status: true, recordedAt: true, appealReason: true, appealedAt: true }

/**
 * Appeals waiting for the caller's decision (admins; never their own), and the caller's own
 * violations recorded in the last week that they have not appealed, so they see them and
 * know until when they may appeal. The first are approvals, the second the caller's own.
 */
export async function violationTodoBuckets(ctx: ActionContext): Promise<{ approvals: TodoItem[]; mine: TodoItem[] }> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  const now = ctx.now()
  const [appeals, recent] = await Promise.all([
    me.role === 'admin'
      ? ctx.db
          .collection<ViolationDoc>(VIOLATIONS)
          .where({ status: 'appealed', personId: _.neq(me._id) })
          .field(FIELDS)
          .orderBy('appealedAt', 'asc')
          .limit(TODO_LIMIT)
          .get()
      : Promise.resolve({ data: [] as ViolationDoc[] }),
    ctx.db
      .collection<ViolationDoc>(VIOLATIONS)
      .where({ personId: me._id, status: 'recorded', recordedAt: _.gte(new Date(now.getTime() - VIOLATION_TODO_DAYS * DAY_MS)) })
      .field(FIELDS)
      .orderBy('recordedAt', 'desc')
      .limit(TODO_LIMIT)
      .get(),
  ])
  return {
    approvals: appeals.data.map((d) => ({
      kind: 'violation' as const,
      id: d._id,
      title: `${d.personName}申诉违规记录`,
      subtitle: `${d.clause.label}：${d.appealReason ?? ''}`,
      statusLabel: '待裁定',
      since: (d.appealedAt ?? d.recordedAt).toISOString(),
    })),
    mine: recent.data.map((d) => ({
      kind: 'violation' as const,
      id: d._id,
      title: `违规记录：${violationCategoryLabels[d.category]}，扣${d.points}分`,
      subtitle: `${d.clause.label} · ${appealDeadline(d.recordedAt)}前可申诉`,
      statusLabel: '请查看',
      since: d.recordedAt.toISOString(),
    })),
  }
}

/** The caller's violation to-dos: appeals to decide first, then their own new violations. */
export async function violationTodos(ctx: ActionContext): Promise<TodoItem[]> {
  const { approvals, mine } = await violationTodoBuckets(ctx)
  return [...approvals, ...mine]
}
