import type { Doc, DocId } from './codec'
import type { CollectionSpec } from './declaration'
import { Engine } from './engine'

export type { IndexField, IndexSpec, CollectionSpec } from './declaration'
export { loadDatabaseDeclaration, DEFAULT_DECLARATION } from './declaration'
export { WireError } from './errors'
export { DEFAULT_GET_LIMIT, MAX_GET_LIMIT, DEFAULT_AGGREGATE_LIMIT } from './engine'
export type { Doc, DocId } from './codec'

export interface LocalDatabase {
  /** Serve one wire action such as 'database.getDocument'; returns the `data` object of the response, throws WireError on failure. */
  handle(action: string, body: Record<string, unknown>): unknown
  /** A stable digest of all collections' contents (used by tests to prove "nothing was written"). */
  digest(): string
  /** Bulk load (seeds, benchmarks): plain documents, Dates allowed, `_id` generated when absent; one SQLite transaction. */
  insertMany(collection: string, docs: Doc[]): DocId[]
  close(): void
}

/**
 * Opens (creating if needed) the SQLite file and exactly the declared collections and indexes;
 * collections added earlier through `database.addCollection` are kept.
 */
export function openDatabase(opts: { file: string; collections: CollectionSpec[] }): LocalDatabase {
  const engine = new Engine(opts.file, opts.collections)
  return {
    handle: (action, body) => engine.handle(action, body),
    digest: () => engine.digest(),
    insertMany: (collection, docs) => engine.insertMany(collection, docs),
    close: () => engine.close(),
  }
}

/**
 * The HTTP response body for a wire action. The SDK reads most results from `data`, but a few
 * from the top level: `database.startTransaction` (its `transactionId`) and the pre-2020
 * transaction actions (`updated`, `upserted`, `deleted` as JSON strings, the document in `data`).
 */
export function wireResponse(requestId: string, action: string, data: unknown): Record<string, unknown> {
  const response: Record<string, unknown> = { requestId, data }
  const result = (data ?? {}) as Record<string, unknown>
  switch (action) {
    case 'database.startTransaction':
      response.transactionId = result.transactionId
      break
    case 'database.updateDocInTransaction':
      response.updated = JSON.stringify(result.updated ?? 0)
      if (result.upserted) response.upserted = JSON.stringify(result.upserted)
      break
    case 'database.deleteDocInTransaction':
      response.deleted = JSON.stringify(result.deleted ?? 0)
      break
  }
  return response
}
