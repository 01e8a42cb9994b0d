import { applicationStatusLabels, type ActionInput, type Todos, type TodoItem } from '../../../../types/contract'
import { requirePerson, type ActionContext } from '../../core/context'
import { APPLICATIONS, OPEN_APPLICATION_STATUSES, type ApplicationDoc } from '../../repos/applications'
import { pendingQuery } from '../account/list-applications'

/** A to-do list longer than this is a backlog; the screen links to the full list. */
const TODO_LIMIT = 50

function applicationItem(doc: ApplicationDoc, title: string): TodoItem {
  return {
    kind: 'application',
    id: doc._id,
    title,
    subtitle: doc.purpose,
    statusLabel: applicationStatusLabels[doc.status],
    since: doc.updatedAt.toISOString(),
  }
}

/**
 * To-dos are derived from the records themselves on every read, never kept as copies,
 * so nothing waiting can be missing from the list.
 */
export async function listTodos(_input: ActionInput<'todo.list'>, ctx: ActionContext): Promise<Todos> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  const [pending, mine] = await Promise.all([
    ctx.db.collection<ApplicationDoc>(APPLICATIONS).where(pendingQuery(ctx)).orderBy('submittedAt', 'asc').limit(TODO_LIMIT).get(),
    ctx.db
      .collection<ApplicationDoc>(APPLICATIONS)
      .where({ applicantId: me._id, status: _.in(OPEN_APPLICATION_STATUSES) })
      .orderBy('submittedAt', 'desc')
      .limit(TODO_LIMIT)
      .get(),
  ])
  return {
    approvals: pending.data.map((d) => applicationItem(d, `${d.applicantName}申请业务微信账号`)),
    mine: mine.data.map((d) => applicationItem(d, '我的业务微信账号申请')),
  }
}
