import { messageTemplates, type MessageTemplate, type TodoItem, recordPage } from '../../../types/contract'
import type { ActionContext } from '../core/context'
import { newId } from '../core/ids'
import { PEOPLE, type PersonDoc } from '../repos/people'

export const MESSAGE_QUOTA = 'message_quota'
export const NOTIFICATIONS = 'notifications'

export const quotaId = (personId: string) => `quota-${personId}`

/** WeChat's `thing` fields take at most 20 characters. */
function thing(text: string): { value: string } {
  return { value: text.length > 20 ? `${text.slice(0, 19)}…` : text }
}

function shanghaiTime(instant: Date): { value: string } {
  const local = new Date(instant.getTime() + 8 * 3600_000).toISOString()
  return { value: `${local.slice(0, 10)} ${local.slice(11, 16)}` }
}

export interface Notice {
  template: MessageTemplate
  kind: TodoItem['kind']
  recordId: string
  title: string
  detail: string
}

/**
 * Sends a subscribe message to each recipient who has a one-time consent left for the
 * template, spending it; everyone else sees the item in their to-do list anyway. Every
 * attempt is logged. A failure here never fails the action that caused it.
 */
export async function notify(ctx: ActionContext, recipientIds: readonly string[], notice: Notice): Promise<void> {
  const unique = [...new Set(recipientIds)].filter((id) => !(ctx.caller.kind === 'person' && ctx.caller.person._id === id))
  for (const recipientId of unique) {
    let status: 'sent' | 'no_consent' | 'not_configured' | 'not_bound' | 'failed' = 'failed'
    let error: string | null = null
    try {
      const templateId = ctx.templateIds[notice.template]
      const { data } = await ctx.db.collection<PersonDoc>(PEOPLE).where({ _id: recipientId }).limit(1).get()
      const openid = data[0]?.openid
      if (!templateId) status = 'not_configured'
      else if (!openid) status = 'not_bound'
      else {
        const _ = ctx.db.command
        const { stats } = await ctx.db
          .collection(MESSAGE_QUOTA)
          .where({ _id: quotaId(recipientId), [notice.template]: _.gt(0) })
          .update({ data: { [notice.template]: _.inc(-1) } })
        if (stats.updated !== 1) status = 'no_consent'
        else {
          await ctx.messages.send({
            touser: openid,
            templateId,
            page: recordPage(notice.kind, notice.recordId),
            data: { thing1: thing(notice.title), thing2: thing(notice.detail), time3: shanghaiTime(ctx.now()) },
          })
          status = 'sent'
        }
      }
    } catch (err) {
      error = String((err as Error)?.message ?? err)
    }
    try {
      const now = ctx.now()
      await ctx.db.collection(NOTIFICATIONS).add({
        data: { _id: newId('notice', now), recipientId, template: notice.template, kind: notice.kind, recordId: notice.recordId, title: notice.title, status, error, createdAt: now },
      })
    } catch (err) {
      console.error('[notify] could not log a notification', err)
    }
  }
}

/** Who decides at the head step: the department's head, or the admins when the head is the requester or there is none. */
export async function headStepDeciders(ctx: ActionContext, departmentId: string, requesterId: string): Promise<string[]> {
  const { data } = await ctx.db.collection(PEOPLE).where({ departmentId, role: 'head', status: 'active' }).limit(5).get()
  const head = data.find((p) => p._id !== requesterId)
  return head ? [head._id as string] : adminIds(ctx)
}

export async function adminIds(ctx: ActionContext): Promise<string[]> {
  const { data } = await ctx.db.collection(PEOPLE).where({ role: 'admin', status: 'active' }).limit(50).get()
  return data.map((p) => p._id as string)
}

export { messageTemplates }
