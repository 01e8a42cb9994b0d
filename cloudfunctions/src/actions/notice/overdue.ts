import type { ActionInput, ActionOutput, OverdueReceiptRow } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import { monthBounds } from '../../domain/dashboard'
import { fetchPage } from '../../repos/paging'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { NOTICE_RECEIPTS, NOTICES, type NoticeDoc, type ReceiptDoc } from '../../repos/notices'

type Row = Omit<OverdueReceiptRow, 'personName' | 'noticeTitle'>

/**
 * Receipts of the month's notices still pending with the deadline passed, as the dashboard
 * counts them (on the `pending_sent` index): the earliest sent, so the longest late, first.
 */
export async function listOverdueReceipts(input: ActionInput<'notice.listOverdueReceipts'>, ctx: ActionContext): Promise<ActionOutput<'notice.listOverdueReceipts'>> {
  const me = requirePerson(ctx)
  if (me.role === 'head' && input.departmentId && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
  const departmentId = me.role === 'head' ? me.departmentId : input.departmentId
  const _ = ctx.db.command
  const now = ctx.now()
  const { start, end } = monthBounds(input.month)
  const where = { pending: true, sentAt: _.gte(start).and(_.lt(end)), deadlineAt: _.lt(now), ...(departmentId ? { departmentId } : {}) }
  const result = await fetchPage<ReceiptDoc, Row>(
    ctx,
    NOTICE_RECEIPTS,
    where,
    [
      ['sentAt', 'asc'],
      ['_id', 'asc'],
    ],
    input,
    (r, departmentName) => {
      const deadlineAt = r.deadlineAt as Date
      return {
        noticeId: r.noticeId,
        personId: r.personId,
        departmentId: r.departmentId,
        departmentName,
        sentAt: r.sentAt.toISOString(),
        deadlineAt: deadlineAt.toISOString(),
        lateMinutes: Math.max(0, Math.floor((now.getTime() - deadlineAt.getTime()) / 60_000)),
      }
    },
  )
  const personIds = [...new Set(result.items.map((r) => r.personId))]
  const noticeIds = [...new Set(result.items.map((r) => r.noticeId))]
  const [{ data: people }, { data: notices }] = await Promise.all([
    personIds.length
      ? ctx.db.collection<PersonDoc>(PEOPLE).where({ _id: _.in(personIds) }).field({ name: true }).limit(personIds.length).get()
      : Promise.resolve({ data: [] as PersonDoc[] }),
    noticeIds.length
      ? ctx.db.collection<NoticeDoc>(NOTICES).where({ _id: _.in(noticeIds) }).field({ title: true }).limit(noticeIds.length).get()
      : Promise.resolve({ data: [] as NoticeDoc[] }),
  ])
  const names = new Map(people.map((p) => [p._id, p.name]))
  const titles = new Map(notices.map((n) => [n._id, n.title]))
  return { ...result, items: result.items.map((r) => ({ ...r, personName: names.get(r.personId) ?? '', noticeTitle: titles.get(r.noticeId) ?? '' })) }
}
