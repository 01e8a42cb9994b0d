import { type ActionInput, type ActionOutput, type ArchiveDetail, type ArchiveFields, shanghaiDate, shanghaiMonth } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { newId } from '../../core/ids'
import type { Condition } from '../../core/sdk-types'
import { archiveAccess, type ArchiveAccess } from '../../domain/archive'
import { escapeRegExp } from '../../domain/text'
import { ARCHIVE_RECORDS, archiveSnapshot, loadArchiveRecord, toArchiveRecord, type ArchiveRecordDoc } from '../../repos/archives'
import { departmentName } from '../../repos/departments'
import { fetchPage } from '../../repos/paging'
import type { PersonDoc } from '../../repos/people'

function actorOf(person: PersonDoc) {
  return { id: person._id, role: person.role, departmentId: person.departmentId }
}

/** Optional text left empty is stored as absent, so lists and searches need not tell '' from null. */
function fieldsOf(input: ArchiveFields) {
  return {
    category: input.category,
    title: input.title,
    description: input.description?.trim() || null,
    location: input.location,
    locationNote: input.locationNote,
    backedUpOn: input.backedUpOn,
    customerName: input.customerName?.trim() || null,
  }
}

async function detailOf(ctx: ActionContext, doc: ArchiveRecordDoc): Promise<ArchiveDetail> {
  const access = archiveAccess(actorOf(requirePerson(ctx)), doc)
  return { ...toArchiveRecord(doc, await departmentName(ctx.db, doc.departmentId)), canEdit: access.canEdit, canDelete: access.canDelete }
}

/** The record if the caller may see it; refusals come before anything is written. */
async function loadVisible(ctx: ActionContext, id: string): Promise<{ doc: ArchiveRecordDoc; access: ArchiveAccess }> {
  const me = requirePerson(ctx)
  const doc = (await loadArchiveRecord(ctx.db, id)) ?? refuse('NOT_FOUND')
  const access = archiveAccess(actorOf(me), doc)
  if (access.refusal) refuse(access.refusal)
  return { doc, access }
}

export async function createArchive(input: ActionInput<'archive.create'>, ctx: ActionContext): Promise<ArchiveDetail> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  if (input.backedUpOn > shanghaiDate(now)) refuse('DATE_IN_FUTURE')
  const doc: ArchiveRecordDoc = {
    _id: newId('archive', now),
    ownerId: me._id,
    ownerName: me.name,
    departmentId: me.departmentId,
    ...fieldsOf(input),
    createdAt: now,
    createdMonth: shanghaiMonth(now),
    updatedAt: now,
    revision: 0,
  }
  await ctx.db.collection(ARCHIVE_RECORDS).add({ data: { ...doc } })
  await writeAudit(ctx, { action: ctx.action, targetCollection: ARCHIVE_RECORDS, targetId: doc._id, before: null, after: archiveSnapshot(doc) })
  return detailOf(ctx, doc)
}

export async function updateArchive(input: ActionInput<'archive.update'>, ctx: ActionContext): Promise<ArchiveDetail> {
  const { doc, access } = await loadVisible(ctx, input.id)
  if (!access.canEdit) refuse('FORBIDDEN')
  const now = ctx.now()
  if (input.backedUpOn > shanghaiDate(now)) refuse('DATE_IN_FUTURE')
  if (doc.revision !== input.revision) refuse('CONFLICT')
  const change = { ...fieldsOf(input), updatedAt: now, revision: doc.revision + 1 }
  const { stats } = await ctx.db.collection(ARCHIVE_RECORDS).where({ _id: doc._id, revision: input.revision }).update({ data: change })
  if (stats.updated !== 1) refuse('CONFLICT')
  const updated: ArchiveRecordDoc = { ...doc, ...change }
  await writeAudit(ctx, { action: ctx.action, targetCollection: ARCHIVE_RECORDS, targetId: doc._id, before: archiveSnapshot(doc), after: archiveSnapshot(updated) })
  return detailOf(ctx, updated)
}

export async function deleteArchive(input: ActionInput<'archive.delete'>, ctx: ActionContext): Promise<ActionOutput<'archive.delete'>> {
  const { doc, access } = await loadVisible(ctx, input.id)
  if (!access.canDelete) refuse('FORBIDDEN')
  // Only the version that was read goes: a save in between would make the audit describe the wrong record.
  const { stats } = await ctx.db.collection(ARCHIVE_RECORDS).where({ _id: doc._id, revision: doc.revision }).remove()
  if (stats.removed !== 1) refuse('CONFLICT')
  await writeAudit(ctx, { action: ctx.action, targetCollection: ARCHIVE_RECORDS, targetId: doc._id, before: archiveSnapshot(doc), after: null })
  return { id: doc._id }
}

export async function getArchive(input: ActionInput<'archive.get'>, ctx: ActionContext): Promise<ArchiveDetail> {
  const { doc } = await loadVisible(ctx, input.id)
  return detailOf(ctx, doc)
}

export async function listArchives(input: ActionInput<'archive.list'>, ctx: ActionContext): Promise<ActionOutput<'archive.list'>> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  const scope = input.scope ?? 'mine'
  const conditions: Condition[] = []
  if (scope === 'mine') {
    conditions.push({ ownerId: me._id })
  } else if (scope === 'department') {
    if (me.role === 'employee') refuse('FORBIDDEN')
    const departmentId = input.departmentId ?? me.departmentId
    if (me.role === 'head' && departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
    conditions.push({ departmentId })
  } else {
    if (me.role !== 'admin') refuse('FORBIDDEN')
    if (input.departmentId) conditions.push({ departmentId: input.departmentId })
  }
  if (input.category) conditions.push({ category: input.category })
  const keyword = input.keyword?.trim()
  if (keyword) {
    const pattern = ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' })
    conditions.push(_.or([{ title: pattern }, { customerName: pattern }, { ownerName: pattern }, { locationNote: pattern }]))
  }
  const where: Condition = conditions.length === 0 ? {} : conditions.length === 1 ? (conditions[0] as Condition) : _.and(conditions)
  // One's own register reads by backup date; a department's by what was added last, the thing to
  // review. The id settles ties, so paging neither repeats nor skips records added in the same instant.
  const order: Array<[string, 'asc' | 'desc']> =
    scope === 'mine'
      ? [
          ['backedUpOn', 'desc'],
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ]
      : [
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ]
  return fetchPage(ctx, ARCHIVE_RECORDS, where, order, input, toArchiveRecord)
}
