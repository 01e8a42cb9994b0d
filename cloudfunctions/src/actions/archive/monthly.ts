import {
  type ActionInput,
  type ArchiveSettings,
  type MonthlyConfirmation,
  type MonthlyOverview,
  monthlyComplete,
  shanghaiDate,
  shanghaiMonth,
} from '../../../../types/contract'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { confirmationDueOn } from '../../domain/archive'
import {
  ARCHIVE_CONFIRMATIONS,
  ARCHIVE_RECORDS,
  ARCHIVE_SETTINGS_ID,
  confirmationId,
  loadArchiveSettings,
  loadConfirmation,
  toMonthlyConfirmation,
  type ArchiveConfirmationDoc,
  type ArchiveRecordDoc,
} from '../../repos/archives'
import type { PersonDoc } from '../../repos/people'
import { SETTINGS } from '../../repos/settings'

async function monthlyOverview(ctx: ActionContext, person: PersonDoc, month: string, settings: ArchiveSettings): Promise<MonthlyOverview> {
  const today = shanghaiDate(ctx.now())
  const [confirmation, { total }, { data: latest }] = await Promise.all([
    loadConfirmation(ctx.db, person._id, month),
    ctx.db.collection(ARCHIVE_RECORDS).where({ ownerId: person._id, createdMonth: month }).count(),
    ctx.db.collection<ArchiveRecordDoc>(ARCHIVE_RECORDS).where({ ownerId: person._id }).orderBy('backedUpOn', 'desc').field({ backedUpOn: true }).limit(1).get(),
  ])
  const dueOn = confirmationDueOn(month, settings.confirmDueDay)
  return {
    month,
    dueOn,
    dueDay: settings.confirmDueDay,
    overdue: !confirmation && today > dueOn,
    confirmation: confirmation ? toMonthlyConfirmation(confirmation) : null,
    recordsThisMonth: total,
    lastBackedUpOn: latest[0]?.backedUpOn ?? null,
  }
}

export async function getMonthly(input: ActionInput<'archive.getMonthly'>, ctx: ActionContext): Promise<MonthlyOverview> {
  const me = requirePerson(ctx)
  return monthlyOverview(ctx, me, input.month ?? shanghaiMonth(ctx.now()), await loadArchiveSettings(ctx.db))
}

/**
 * Always this month's: the confirmation says what the person did this month. Confirming again
 * changes the answers but keeps the first time and whether that was on time, which is what
 * the monthly assessment reads.
 */
export async function confirmMonthly(input: ActionInput<'archive.confirmMonthly'>, ctx: ActionContext): Promise<MonthlyConfirmation> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const month = shanghaiMonth(now)
  const settings = await loadArchiveSettings(ctx.db)
  const dueOn = confirmationDueOn(month, settings.confirmDueDay)
  const id = confirmationId(me._id, month)
  const answers = {
    classified: input.classified,
    cleaned: input.cleaned,
    backedUp: input.backedUp,
    complete: monthlyComplete(input),
    note: input.note?.trim() || null,
  }
  return ctx.db.runTransaction(async (tx): Promise<MonthlyConfirmation> => {
    const existing = await tx
      .collection<ArchiveConfirmationDoc>(ARCHIVE_CONFIRMATIONS)
      .doc(id)
      .get()
      .then(
        (r) => r.data,
        () => null,
      )
    const doc: ArchiveConfirmationDoc = {
      _id: id,
      personId: me._id,
      departmentId: me.departmentId,
      month,
      ...answers,
      confirmedAt: existing?.confirmedAt ?? now,
      onTime: existing ? existing.onTime : shanghaiDate(now) <= dueOn,
      updatedAt: now,
    }
    const { _id, ...fields } = doc
    await tx.collection(ARCHIVE_CONFIRMATIONS).doc(_id).set({ data: fields })
    await writeAudit(
      ctx,
      {
        action: ctx.action,
        targetCollection: ARCHIVE_CONFIRMATIONS,
        targetId: id,
        before: existing ? { classified: existing.classified, cleaned: existing.cleaned, backedUp: existing.backedUp, note: existing.note } : null,
        after: { month, ...answers, onTime: doc.onTime },
      },
      tx,
    )
    return toMonthlyConfirmation(doc)
  })
}

export async function updateArchiveSettings(input: ActionInput<'archive.updateSettings'>, ctx: ActionContext): Promise<ArchiveSettings> {
  const before = await loadArchiveSettings(ctx.db)
  const after: ArchiveSettings = { confirmDueDay: input.confirmDueDay }
  await ctx.db.collection(SETTINGS).doc(ARCHIVE_SETTINGS_ID).set({ data: { ...after, updatedAt: ctx.now() } })
  await writeAudit(ctx, { action: ctx.action, targetCollection: SETTINGS, targetId: ARCHIVE_SETTINGS_ID, before, after })
  return after
}
