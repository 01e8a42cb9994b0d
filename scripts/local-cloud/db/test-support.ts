import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { EJSON } from 'bson'
import type { CollectionSpec } from './declaration'
import { openDatabase, type LocalDatabase } from './index'

/** Canonical Extended JSON, as the SDK encodes every query, update and document. */
export const ej = (value: unknown): string => EJSON.stringify(value as Record<string, unknown>, { relaxed: false })

export interface TestDb {
  db: LocalDatabase
  file: string
  dir: string
  /** handle() with the SDK's encoding for query/data/order/projection. */
  call<T = Record<string, unknown>>(action: string, body: Record<string, unknown>): T
  /** getDocument, decoded as the SDK decodes list items. */
  find(collectionName: string, query?: unknown, extra?: Record<string, unknown>): Array<Record<string, unknown>>
  reopen(collections?: CollectionSpec[]): void
  cleanup(): void
}

const ENCODED = ['query', 'data', 'order', 'projection']

export function openTestDb(collections: CollectionSpec[]): TestDb {
  const dir = mkdtempSync(path.join(tmpdir(), 'bwm-db-'))
  const file = path.join(dir, 'cloud.sqlite')
  const t: TestDb = {
    db: openDatabase({ file, collections }),
    file,
    dir,
    call<T>(action: string, body: Record<string, unknown>): T {
      const encoded: Record<string, unknown> = { ...body }
      for (const key of ENCODED) {
        if (key in encoded && typeof encoded[key] !== 'string') {
          encoded[key] = Array.isArray(encoded[key]) ? (encoded[key] as unknown[]).map(ej) : ej(encoded[key])
        }
      }
      return t.db.handle(action, encoded) as T
    },
    find(collectionName, query = {}, extra = {}) {
      const res = t.call<{ list: string[] }>('database.getDocument', { collectionName, query, ...extra })
      return res.list.map((item) => EJSON.parse(item) as Record<string, unknown>)
    },
    reopen(next = collections) {
      t.db.close()
      t.db = openDatabase({ file, collections: next })
    },
    cleanup() {
      t.db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return t
}
