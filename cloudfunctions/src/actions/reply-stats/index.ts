import type { ActionInput, ActionOutput, replyStatActions } from '../../../../types/contract'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import type { HandlerMap } from '../../core/handler'
import { parseCsv } from '../../domain/csv'
import { planReplyStatsImport } from '../../domain/reply-stats'
import { fetchPage } from '../../repos/paging'
import { PEOPLE, type PersonDoc } from '../../repos/people'
import { readAll } from '../../repos/read-all'
import { REPLY_STATS, replyStatId, type ReplyStatDoc } from '../../repos/reply-stats'

async function importReplyStats(input: ActionInput<'replyStats.import'>, ctx: ActionContext): Promise<ActionOutput<'replyStats.import'>> {
  const me = requirePerson(ctx)
  const records = parseCsv(input.csv)
  const people = await readAll<Pick<PersonDoc, '_id' | 'mobile' | 'departmentId'>>(ctx.db, PEOPLE, {}, { mobile: true, departmentId: true })
  const plan = planReplyStatsImport(records, new Map(people.map((p) => [p.mobile, p._id])))
  const dataRows = records.length - 1
  const base = { month: input.month, rows: Math.max(dataRows, 0), errors: plan.errors, committed: false, written: 0 }
  if (!input.commit || plan.errors.length > 0) return base
  const departmentOf = new Map(people.map((p) => [p._id, p.departmentId]))
  const now = ctx.now()
  // Ids are month + person, so importing the same file again rewrites the same documents.
  for (const row of plan.rows) {
    const doc: Omit<ReplyStatDoc, '_id'> = {
      month: input.month,
      personId: row.personId,
      departmentId: departmentOf.get(row.personId) ?? '',
      averageFirstReplyMinutes: row.averageFirstReplyMinutes,
      replyRate: row.replyRate,
      importedAt: now,
      importedBy: me._id,
    }
    await ctx.db.collection(REPLY_STATS).doc(replyStatId(input.month, row.personId)).set({ data: { ...doc } })
  }
  await writeAudit(ctx, { action: ctx.action, targetCollection: REPLY_STATS, targetId: input.month, before: null, after: { month: input.month, rows: plan.rows.length } })
  return { ...base, committed: true, written: plan.rows.length }
}

async function listReplyStats(input: ActionInput<'replyStats.list'>, ctx: ActionContext): Promise<ActionOutput<'replyStats.list'>> {
  const page = await fetchPage<ReplyStatDoc, Omit<ActionOutput<'replyStats.list'>['items'][number], 'personName'>>(
    ctx,
    REPLY_STATS,
    { month: input.month },
    [['personId', 'asc']],
    input,
    (doc, departmentName) => ({
      personId: doc.personId,
      departmentName,
      averageFirstReplyMinutes: doc.averageFirstReplyMinutes,
      replyRate: doc.replyRate,
      importedAt: doc.importedAt.toISOString(),
    }),
  )
  const ids = page.items.map((i) => i.personId)
  const { data: people } = ids.length ? await ctx.db.collection<PersonDoc>(PEOPLE).where({ _id: ctx.db.command.in(ids) }).field({ name: true }).limit(ids.length).get() : { data: [] as PersonDoc[] }
  const names = new Map(people.map((p) => [p._id, p.name]))
  return { ...page, items: page.items.map((i) => ({ ...i, personName: names.get(i.personId) ?? '' })) }
}

export const replyStatHandlers: HandlerMap<keyof typeof replyStatActions> = {
  'replyStats.import': importReplyStats,
  'replyStats.list': listReplyStats,
}
