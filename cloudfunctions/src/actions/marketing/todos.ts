import { summarizeMarketingFlags, type TodoItem } from '../../../../types/contract'
import { requirePerson, type ActionContext } from '../../core/context'
import { MARKETING_ITEMS, type MarketingItemDoc } from '../../repos/marketing'
import { reviewQuery } from './shared'

/** A to-do list longer than this is a backlog; the review list has the rest. */
const TODO_LIMIT = 50

/**
 * The caller's marketing to-dos: material waiting for their review (heads and admins). Authors
 * have nothing to do while theirs waits; business groups are reviewed from their own list.
 */
export async function marketingTodos(ctx: ActionContext): Promise<TodoItem[]> {
  const me = requirePerson(ctx)
  if (me.role === 'employee') return []
  const { data } = await ctx.db.collection<MarketingItemDoc>(MARKETING_ITEMS).where(reviewQuery(ctx)).orderBy('submittedAt', 'asc').limit(TODO_LIMIT).get()
  return data.map((doc) => {
    const flagged = summarizeMarketingFlags(doc.flags)
    return {
      kind: 'marketing' as const,
      id: doc._id,
      title: `${doc.authorName}提交的营销素材：${doc.title}`,
      subtitle: flagged ? `用语提示：${flagged}` : '未发现用语问题',
      statusLabel: '待审核',
      since: doc.submittedAt.toISOString(),
    }
  })
}
