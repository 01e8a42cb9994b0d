import { type ActionInput, type Notice, type NoticeAudience, addWorkingMinutes } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import type { PersonDoc } from '../../repos/people'
import { PEOPLE } from '../../repos/people'
import { loadDepartments } from '../../repos/departments'
import { readAll } from '../../repos/read-all'
import { loadWorkingTimeSettings } from '../../repos/settings'
import { NOTICE_RECEIPTS, NOTICES, receiptId, toNotice, type NoticeDoc, type ReceiptDoc } from '../../repos/notices'
import { notify } from '../../notify/notifier'

type Recipient = Pick<PersonDoc, '_id' | 'name' | 'departmentId' | 'status'>

/** Receipts go in batches: one request per hundred recipients rather than one each. */
const RECEIPT_BATCH = 100

/** Who the audience means today: people in service, without the sender; heads only within their department. */
async function resolveAudience(ctx: ActionContext, me: PersonDoc, audience: NoticeAudience): Promise<{ recipients: Recipient[]; label: string }> {
  const _ = ctx.db.command
  const fields = { name: true, departmentId: true, status: true }
  const departments = await loadDepartments(ctx.db)
  const names = new Map(departments.map((d) => [d._id, d.name]))
  const withoutSender = (people: Recipient[]) => people.filter((p) => p._id !== me._id && p.status === 'active')
  switch (audience.kind) {
    case 'all': {
      if (me.role !== 'admin') refuse('OUT_OF_SCOPE')
      return { recipients: withoutSender(await readAll<Recipient>(ctx.db, PEOPLE, { status: 'active' }, fields)), label: '全体员工' }
    }
    case 'departments': {
      const ids = [...new Set(audience.departmentIds)]
      if (ids.some((id) => !names.has(id))) refuse('NOT_FOUND')
      if (me.role !== 'admin' && ids.some((id) => id !== me.departmentId)) refuse('OUT_OF_SCOPE')
      const people = await readAll<Recipient>(ctx.db, PEOPLE, { status: 'active', departmentId: _.in(ids) }, fields)
      return { recipients: withoutSender(people), label: ids.map((id) => names.get(id)).join('、') }
    }
    case 'people': {
      const ids = [...new Set(audience.personIds)]
      const people = await readAll<Recipient>(ctx.db, PEOPLE, { _id: _.in(ids) }, fields)
      if (people.length !== ids.length) refuse('NOT_FOUND')
      if (me.role !== 'admin' && people.some((p) => p.departmentId !== me.departmentId)) refuse('OUT_OF_SCOPE')
      const chosen = withoutSender(people)
      const shown = chosen.slice(0, 3).map((p) => p.name).join('、')
      return { recipients: chosen, label: chosen.length > 3 ? `${shown}等${chosen.length}人` : shown }
    }
  }
}

/**
 * The notice is written first with no recipients, and its count grows with each batch of
 * receipts written, so if sending stops part way the notice still says exactly how many
 * people it reached (and the audit entry, written last, is missing: the sender sees it).
 */
export async function sendNotice(input: ActionInput<'notice.send'>, ctx: ActionContext): Promise<Notice> {
  const me = requirePerson(ctx)
  const { recipients, label } = await resolveAudience(ctx, me, input.audience)
  if (recipients.length === 0) refuse('NO_RECIPIENTS')
  const now = ctx.now()
  const minutes = input.requireAck ? (input.ackWithinWorkingMinutes ?? 120) : null
  const deadlineAt = minutes === null ? null : addWorkingMinutes(now, minutes, await loadWorkingTimeSettings(ctx.db))
  const id = newId('notice', now)
  const notice: NoticeDoc = {
    _id: id,
    title: input.title,
    body: input.body,
    senderId: me._id,
    senderName: me.name,
    senderDepartmentId: me.departmentId,
    audience: input.audience,
    audienceLabel: label,
    requireAck: input.requireAck,
    ackWithinWorkingMinutes: minutes,
    deadlineAt,
    sentAt: now,
    recipientCount: 0,
    acknowledgedCount: 0,
    lateCount: 0,
  }
  await ctx.db.collection(NOTICES).add({ data: { ...notice } })
  for (let i = 0; i < recipients.length; i += RECEIPT_BATCH) {
    const receipts: ReceiptDoc[] = recipients.slice(i, i + RECEIPT_BATCH).map((p) => ({
      _id: receiptId(id, p._id),
      noticeId: id,
      personId: p._id,
      departmentId: p.departmentId,
      sentAt: now,
      deadlineAt,
      requireAck: input.requireAck,
      pending: input.requireAck,
      acknowledgedAt: null,
      workingMinutes: null,
      onTime: null,
    }))
    await ctx.db.collection(NOTICE_RECEIPTS).add({ data: receipts.map((r) => ({ ...r })) })
    await ctx.db.collection(NOTICES).doc(id).update({ data: { recipientCount: ctx.db.command.inc(receipts.length) } })
  }
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: NOTICES,
    targetId: id,
    before: null,
    after: { title: input.title, audience: label, recipientCount: recipients.length, requireAck: input.requireAck, deadlineAt: deadlineAt?.toISOString() ?? null },
  })
  if (input.requireAck) {
    await notify(
      ctx,
      recipients.map((p) => p._id),
      { template: 'workNotice', kind: 'notice', recordId: id, title: input.title, detail: `${me.name}发来，请及时确认` },
    )
  }
  return toNotice({ ...notice, recipientCount: recipients.length }, now)
}
