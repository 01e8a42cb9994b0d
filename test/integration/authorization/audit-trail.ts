import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from '../../../cloudfunctions/src/core/sdk-types'
import { cast } from '../../support/company'

/**
 * The audit log is append-only: no action may change or remove an entry that exists before it
 * runs. Before each call the matrix plants entries about every collection, the record the call
 * is about, every cast member and the action itself, so that a handler touching entries by any
 * of those would be caught; after the call, every entry that existed before must be there,
 * byte for byte.
 */

const collections: string[] = (
  JSON.parse(readFileSync(join(__dirname, '../../../cloudfunctions/database.json'), 'utf8')) as { collections: Array<{ name: string }> }
).collections.map((c) => c.name)

const actors = Object.values(cast)

export async function plantAuditEntries(db: Database, action: string, recordId: string | null): Promise<void> {
  const at = new Date(Date.now() - 3 * 24 * 3600_000)
  // One entry about each collection (the record itself where there is one), one about each cast member.
  const planted: Array<[collection: string, targetId: string]> = [
    ...collections.map((c): [string, string] => [c, recordId ?? cast.eastEmployee]),
    ...actors.map((p): [string, string] => ['people', p]),
  ]
  for (const [n, [collection, targetId]] of planted.entries()) {
    const actorId = actors[n % actors.length]
    await db.collection('audit_log').add({
      data: {
        _id: `audit-planted-${String(n).padStart(4, '0')}`,
        actorId,
        actorName: `planted-${actorId}`,
        actorOpenid: `planted-openid-${n}`,
        action: n % 2 === 0 ? action : `${action.split('.')[0]}.planted`,
        targetCollection: collection,
        targetId,
        before: { status: 'before', n },
        after: { status: 'after', n, mobile: '13900000000' },
        at: new Date(at.getTime() + n * 1000),
      },
    })
  }
}

/** Every entry in the log, by id, as stored. */
export async function auditSnapshot(db: Database): Promise<Map<string, string>> {
  const entries = new Map<string, string>()
  for (let offset = 0; ; offset += 1000) {
    const { data } = await db.collection('audit_log').orderBy('_id', 'asc').skip(offset).limit(1000).get()
    for (const doc of data as Array<{ _id: string }>) entries.set(doc._id, JSON.stringify(doc))
    if (data.length < 1000) return entries
  }
}

/** The entries of `before` that are missing or different in `after`; empty when the log was only appended to. */
export function alteredEntries(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([id, doc]) => after.get(id) !== doc).map(([id]) => id)
}
