import type { TodoItem } from '../../../../types/contract'
import { requirePerson, type ActionContext } from '../../core/context'
import { SPOT_CHECKS, type SpotCheckDoc } from '../../repos/spot-checks'
import { departmentNames } from './shared'

/** A to-do list longer than this is a backlog; the spot-check screen has the rest. */
const TODO_LIMIT = 50

/**
 * Checks the caller drew and has not scored yet, longest waiting first. The person checked
 * gets no item: a check is not announced before it has a result, and the result comes as
 * a message.
 */
export async function spotCheckTodos(ctx: ActionContext): Promise<TodoItem[]> {
  const me = requirePerson(ctx)
  const [{ data }, names] = await Promise.all([
    ctx.db
      .collection<SpotCheckDoc>(SPOT_CHECKS)
      .where({ checkerId: me._id, status: 'pending' })
      .field({ personName: true, departmentId: true, roundMonth: true, createdAt: true })
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(TODO_LIMIT)
      .get(),
    departmentNames(ctx),
  ])
  return data.map((doc) => ({
    kind: 'spotcheck',
    id: doc._id,
    title: `抽查评分：${doc.personName}`,
    subtitle: `${names.get(doc.departmentId) ?? ''} · ${doc.roundMonth} 抽查`,
    statusLabel: '待评分',
    since: doc.createdAt.toISOString(),
  }))
}
