import { followUpStateLabels, shanghaiDate, type TodoItem } from '../../../../types/contract'
import { requirePerson, type ActionContext } from '../../core/context'
import { followUpState, followUpTodoTitle } from '../../domain/follow-up'
import { customerNames, FOLLOW_UPS, type FollowUpDoc } from '../../repos/customers'

/** A to-do list longer than this is a backlog; 我的跟进 has the rest. */
const TODO_LIMIT = 50
/** Follow-ups read to find that many customers: several may be open for one customer. */
const READ_LIMIT = 200

/**
 * The caller's follow-ups due today or overdue, one line per customer (the to-do opens the
 * customer, so two lines for one customer would be the same line twice), led by the one
 * that has waited longest.
 */
export async function customerTodos(ctx: ActionContext): Promise<TodoItem[]> {
  const me = requirePerson(ctx)
  const today = shanghaiDate(ctx.now())
  const { data } = await ctx.db
    .collection<FollowUpDoc>(FOLLOW_UPS)
    .where({ ownerId: me._id, status: 'planned', dueOn: ctx.db.command.lte(today) })
    .orderBy('dueOn', 'asc')
    .limit(READ_LIMIT)
    .get()
  const byCustomer = new Map<string, FollowUpDoc[]>()
  for (const f of data) {
    const list = byCustomer.get(f.customerId)
    if (list) list.push(f)
    else if (byCustomer.size < TODO_LIMIT) byCustomer.set(f.customerId, [f])
  }
  const names = await customerNames(ctx.db, byCustomer.keys())
  return [...byCustomer.entries()].map(([customerId, [first, ...rest]]) => {
    const earliest = first as FollowUpDoc
    return {
      kind: 'customer' as const,
      id: customerId,
      title: followUpTodoTitle(names.get(customerId) ?? '', earliest.dueOn, today),
      subtitle: rest.length > 0 ? `${earliest.what}（另有${rest.length}项待跟进）` : earliest.what,
      statusLabel: followUpStateLabels[followUpState(earliest, today)],
      since: new Date(`${earliest.dueOn}T00:00:00+08:00`).toISOString(),
    }
  })
}
