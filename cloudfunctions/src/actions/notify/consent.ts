import { messageTemplates, type ActionInput, type ConsentQuota, type MessageTemplate } from '../../../../types/contract'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { MESSAGE_QUOTA, quotaId } from '../../notify/notifier'

type QuotaDoc = Partial<Record<MessageTemplate, number>> & { _id: string; personId: string }

async function quotaOf(ctx: ActionContext, personId: string): Promise<ConsentQuota> {
  const { data } = await ctx.db.collection<QuotaDoc>(MESSAGE_QUOTA).where({ _id: quotaId(personId) }).limit(1).get()
  const doc = data[0]
  return {
    quota: Object.fromEntries(messageTemplates.map((t) => [t, doc?.[t] ?? 0])) as Record<MessageTemplate, number>,
    templateIds: Object.fromEntries(messageTemplates.map((t) => [t, ctx.templateIds[t] ?? ''])) as Record<MessageTemplate, string>,
  }
}

export async function getConsent(_input: ActionInput<'notify.getConsent'>, ctx: ActionContext): Promise<ConsentQuota> {
  return quotaOf(ctx, requirePerson(ctx)._id)
}

/**
 * WeChat offers no way to read how many one-time subscriptions a person has left, so
 * the product counts them: +1 per accepted template here, −1 per message sent.
 */
export async function recordConsent(input: ActionInput<'notify.recordConsent'>, ctx: ActionContext): Promise<ConsentQuota> {
  const me = requirePerson(ctx)
  const accepted = [...new Set(input.accepted)]
  if (accepted.length > 0) {
    const id = quotaId(me._id)
    const _ = ctx.db.command
    const increments = Object.fromEntries(accepted.map((t) => [t, _.inc(1)]))
    const { stats } = await ctx.db.collection(MESSAGE_QUOTA).where({ _id: id }).update({ data: increments })
    if (stats.updated === 0) {
      // First consent: create the counter in a transaction so two first taps both count.
      await ctx.db.runTransaction(async (tx) => {
        const existing = await tx
          .collection<QuotaDoc>(MESSAGE_QUOTA)
          .doc(id)
          .get()
          .then(
            (r) => r.data,
            () => null,
          )
        const next: Record<string, unknown> = { personId: me._id }
        for (const t of messageTemplates) next[t] = (existing?.[t] ?? 0) + (accepted.includes(t) ? 1 : 0)
        await tx.collection(MESSAGE_QUOTA).doc(id).set({ data: next })
      })
    }
    await writeAudit(ctx, { action: ctx.action, targetCollection: MESSAGE_QUOTA, targetId: id, before: null, after: { accepted } })
  }
  return quotaOf(ctx, me._id)
}
