import { shanghaiDate, shanghaiMonth, type TodoItem } from '../../../../types/contract'
import { requirePerson, type ActionContext } from '../../core/context'
import { confirmationDueOn } from '../../domain/archive'
import { loadArchiveSettings, loadConfirmation } from '../../repos/archives'

/** This month's confirmation until it is made; the workbench lists it under 我的待办. */
export async function archiveTodos(ctx: ActionContext): Promise<TodoItem[]> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const month = shanghaiMonth(now)
  const [settings, confirmation] = await Promise.all([loadArchiveSettings(ctx.db), loadConfirmation(ctx.db, me._id, month)])
  if (confirmation) return []
  const dueOn = confirmationDueOn(month, settings.confirmDueDay)
  const overdue = shanghaiDate(now) > dueOn
  return [
    {
      kind: 'archive',
      id: month,
      title: overdue ? '本月信息整理与备份确认已逾期' : '请完成本月信息整理与备份确认',
      subtitle: `截止日期 ${dueOn}`,
      statusLabel: overdue ? '已逾期' : '待完成',
      since: `${month}-01T00:00:00+08:00`,
    },
  ]
}
