import type { Todos, TodoItem } from '../../../../types/contract'
import { requirePerson, type ActionContext } from '../../core/context'
import { previousMonth } from '../../assessment/month'
import { ASSESSMENT_RESULTS, latestRun, publishedRun, STALLED_AFTER_MS, type ResultDoc } from '../../repos/assessment-results'

const TODO_LIMIT = 50

/**
 * The caller's assessment to-dos, split the way the workbench shows them. 审批待办 (admins):
 * appeals to decide (id: the result id) and last month's assessment while it waits to be
 * published or its computation did not complete (id: the month). 我的待办: the caller's own
 * appeal while it waits (id: the month).
 */
export async function assessmentTodoBuckets(ctx: ActionContext): Promise<Todos> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  const fields = { month: true, personId: true, personName: true, appeal: true }
  const [mine, toDecide] = await Promise.all([
    ctx.db.collection<ResultDoc>(ASSESSMENT_RESULTS).where({ personId: me._id, appealStatus: 'pending' }).field(fields).limit(TODO_LIMIT).get(),
    me.role === 'admin'
      ? ctx.db
          .collection<ResultDoc>(ASSESSMENT_RESULTS)
          .where({ appealStatus: 'pending', personId: _.neq(me._id) })
          .orderBy('month', 'asc')
          .field(fields)
          .limit(TODO_LIMIT)
          .get()
      : Promise.resolve({ data: [] as ResultDoc[] }),
  ])
  const approvals: TodoItem[] = toDecide.data.map((d) => ({
    kind: 'assessment' as const,
    id: d._id,
    title: `${d.personName}对${d.month}考核结果的申诉`,
    subtitle: d.appeal?.reason ?? '',
    statusLabel: '待处理',
    since: d.appeal ? d.appeal.appealedAt.toISOString() : ctx.now().toISOString(),
  }))
  if (me.role === 'admin') {
    const month = previousMonth(ctx.now())
    const [published, latest] = await Promise.all([publishedRun(ctx.db, month), latestRun(ctx.db, month)])
    if (!published && latest) {
      const stalled = latest.status === 'running' && ctx.now().getTime() - latest.updatedAt.getTime() > STALLED_AFTER_MS
      if (latest.status === 'done' && !latest.preview) {
        approvals.push({ kind: 'assessment', id: month, title: `${month}月度考核结果待发布`, subtitle: `已计算${latest.processed}人，发布后员工可查看`, statusLabel: '待发布', since: (latest.finishedAt ?? latest.updatedAt).toISOString() })
      } else if (latest.status === 'failed' || stalled) {
        approvals.push({ kind: 'assessment', id: month, title: `${month}月度考核计算未完成`, subtitle: `已计算${latest.processed}/${latest.staffCount}人，请重新计算`, statusLabel: '待处理', since: latest.updatedAt.toISOString() })
      }
    }
  }
  return {
    approvals,
    mine: mine.data.map((d) => ({
      kind: 'assessment' as const,
      id: d.month,
      title: `我对${d.month}考核结果的申诉`,
      subtitle: d.appeal?.reason ?? '',
      statusLabel: '申诉处理中',
      since: d.appeal ? d.appeal.appealedAt.toISOString() : ctx.now().toISOString(),
    })),
  }
}

/** Both buckets in one list, decisions first. */
export async function assessmentTodos(ctx: ActionContext): Promise<TodoItem[]> {
  const { approvals, mine } = await assessmentTodoBuckets(ctx)
  return [...approvals, ...mine]
}
