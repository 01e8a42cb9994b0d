import type { ActionInput, ActionOutput, NoticeDetail, ReceiptRow } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { fetchPage } from '../../repos/paging'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { loadNotice, loadReceipt, NOTICE_RECEIPTS, NOTICES, receiptOverdue, toNotice, toReceipt, type NoticeDoc, type ReceiptDoc } from '../../repos/notices'

function canSeeReceipts(me: PersonDoc, notice: NoticeDoc): boolean {
  return me.role === 'admin' || notice.senderId === me._id
}

export async function listMyNotices(input: ActionInput<'notice.listMine'>, ctx: ActionContext): Promise<ActionOutput<'notice.listMine'>> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  const where = input.pendingOnly ? { personId: me._id, pending: true } : { personId: me._id }
  const [{ total }, { total: pendingCount }, { data: receipts }] = await Promise.all([
    ctx.db.collection(NOTICE_RECEIPTS).where(where).count(),
    ctx.db.collection(NOTICE_RECEIPTS).where({ personId: me._id, pending: true }).count(),
    // Waiting for acknowledgement: the nearest deadline first. Everything: the newest first.
    (input.pendingOnly
      ? ctx.db.collection<ReceiptDoc>(NOTICE_RECEIPTS).where(where).orderBy('deadlineAt', 'asc').orderBy('sentAt', 'asc')
      : ctx.db.collection<ReceiptDoc>(NOTICE_RECEIPTS).where(where).orderBy('pending', 'desc').orderBy('sentAt', 'desc'))
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .get(),
  ])
  const ids = [...new Set(receipts.map((r) => r.noticeId))]
  const { data: notices } = ids.length
    ? await ctx.db.collection<NoticeDoc>(NOTICES).where({ _id: ctx.db.command.in(ids) }).limit(ids.length).get()
    : { data: [] as NoticeDoc[] }
  const byId = new Map(notices.map((n) => [n._id, n]))
  const items = receipts.flatMap((r) => {
    const notice = byId.get(r.noticeId)
    return notice ? [toReceipt(notice, r, now)] : []
  })
  return { items, total, page, pageSize, pendingCount }
}

export async function getNotice(input: ActionInput<'notice.get'>, ctx: ActionContext): Promise<NoticeDetail> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const notice = await loadNotice(ctx.db, input.noticeId)
  if (!notice) refuse('NOT_FOUND')
  const receipt = await loadReceipt(ctx.db, notice._id, me._id)
  const seesReceipts = canSeeReceipts(me, notice)
  // Someone neither sent nor received it: to them it does not exist.
  if (!receipt && !seesReceipts) refuse('NOT_FOUND')
  return { notice: toNotice(notice, now), receipt: receipt ? toReceipt(notice, receipt, now) : null, canSeeReceipts: seesReceipts }
}

export async function listSentNotices(input: ActionInput<'notice.listSent'>, ctx: ActionContext): Promise<ActionOutput<'notice.listSent'>> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  const where = me.role === 'admin' ? {} : { senderId: me._id }
  const [{ total }, { data }] = await Promise.all([
    ctx.db.collection(NOTICES).where(where).count(),
    ctx.db
      .collection<NoticeDoc>(NOTICES)
      .where(where)
      .orderBy('sentAt', 'desc')
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .get(),
  ])
  return { items: data.map((n) => toNotice(n, now)), total, page, pageSize }
}

function receiptFilter(notice: NoticeDoc, filter: string, now: Date): Condition | null {
  const base = { noticeId: notice._id }
  const deadlinePassed = notice.deadlineAt !== null && now.getTime() > notice.deadlineAt.getTime()
  switch (filter) {
    case 'onTime':
      return { ...base, onTime: true }
    case 'late':
      return { ...base, onTime: false }
    case 'pending':
      return { ...base, acknowledgedAt: null }
    case 'overdue':
      // Everyone shares the deadline: before it passes nobody is overdue.
      return deadlinePassed ? { ...base, acknowledgedAt: null } : null
    default:
      return base
  }
}

export async function listReceipts(input: ActionInput<'notice.listReceipts'>, ctx: ActionContext): Promise<ActionOutput<'notice.listReceipts'>> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  const notice = await loadNotice(ctx.db, input.noticeId)
  if (!notice) refuse('NOT_FOUND')
  if (!canSeeReceipts(me, notice)) refuse('FORBIDDEN')
  const where = receiptFilter(notice, input.filter ?? 'all', now)
  if (!where) return { items: [], total: 0, page, pageSize }
  // Not yet acknowledged first (null sorts first), then in the order people acknowledged.
  const result = await fetchPage<ReceiptDoc, Omit<ReceiptRow, 'personName'>>(
    ctx,
    NOTICE_RECEIPTS,
    where,
    [
      ['acknowledgedAt', 'asc'],
      ['personId', 'asc'],
    ],
    { page, pageSize },
    (r, departmentName) => ({
      personId: r.personId,
      departmentName,
      acknowledgedAt: r.acknowledgedAt ? r.acknowledgedAt.toISOString() : null,
      workingMinutes: r.workingMinutes,
      onTime: r.onTime,
      overdue: receiptOverdue(r, now),
    }),
  )
  const ids = result.items.map((r) => r.personId)
  const { data: people } = ids.length
    ? await ctx.db.collection<PersonDoc>(PEOPLE).where({ _id: ctx.db.command.in(ids) }).field({ name: true }).limit(ids.length).get()
    : { data: [] as PersonDoc[] }
  const names = new Map(people.map((p) => [p._id, p.name]))
  return { ...result, items: result.items.map((r) => ({ ...r, personName: names.get(r.personId) ?? '' })) }
}
