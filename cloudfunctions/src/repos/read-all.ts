import type { Condition, Database } from '../core/sdk-types'

/** WeChat Cloud returns at most 1000 documents per read. */
const READ_LIMIT = 1000

/**
 * Every document matching `where`, read in pages of 1000 in `_id` order. For bounded sets
 * (a company's staff, one version's acknowledgements), projected to the fields needed.
 */
export async function readAll<T>(db: Database, collection: string, where: Condition, fields?: Record<string, boolean>): Promise<T[]> {
  const all: T[] = []
  for (let offset = 0; ; offset += READ_LIMIT) {
    let query = db.collection<T>(collection).where(where).orderBy('_id', 'asc')
    if (fields) query = query.field(fields)
    const { data } = await query.skip(offset).limit(READ_LIMIT).get()
    all.push(...data)
    if (data.length < READ_LIMIT) return all
  }
}
