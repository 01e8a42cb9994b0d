import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { dateKeyText, encodeDoc, isDate, isPlainObject, type Doc, type DocId } from './codec'
import type { CollectionSpec, IndexSpec } from './declaration'
import { duplicateKey, requestFailed } from './errors'

/**
 * Value classes seen at an indexed path, OR-ed over every document ever written there. The
 * planner pushes a predicate or an ORDER BY to SQL only when these prove that SQLite's
 * comparison agrees with MongoDB's for every row (e.g. no booleans where numbers are compared,
 * no arrays at all since MongoDB matches array elements and json_extract does not).
 */
export const Kind = {
  Null: 1,
  Number: 2,
  String: 4,
  Date: 8,
  Bool: 16,
  Object: 32,
  Array: 64,
  Other: 128,
} as const
export type Kind = (typeof Kind)[keyof typeof Kind]

export interface Row {
  rid: number
  doc: string
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** The SQL expression for a document field; identical text in CREATE INDEX and WHERE lets SQLite use the index. */
export function keyExpr(field: string): string {
  return field === '_id' ? 'id' : `json_extract(doc, '$.${field}')`
}

export function valueKind(value: unknown): Kind {
  if (value === undefined || value === null) return Kind.Null
  switch (typeof value) {
    case 'number':
      return Kind.Number
    case 'string':
      return Kind.String
    case 'boolean':
      return Kind.Bool
    case 'object':
      if (Array.isArray(value)) return Kind.Array
      if (isDate(value)) return Kind.Date
      if (isPlainObject(value)) return Kind.Object
      return Kind.Other
    default:
      return Kind.Other
  }
}

/** Kind at a dotted path; an array anywhere along the path counts as Array (MongoDB would fan out into it). */
export function pathKind(doc: Doc, field: string): Kind {
  let current: unknown = doc
  for (const segment of field.split('.')) {
    if (Array.isArray(current)) return Kind.Array
    if (current === null || typeof current !== 'object' || isDate(current)) return Kind.Null
    current = (current as Doc)[segment]
  }
  return valueKind(current)
}

export function getPath(doc: Doc, field: string): unknown {
  let current: unknown = doc
  for (const segment of field.split('.')) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Doc)[segment]
  }
  return current
}

/** A JS value in the form json_extract yields for it, for binding against keyExpr(). */
export function sqlValue(value: unknown): unknown {
  if (value === undefined || value === null) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number' || typeof value === 'string') return value
  if (isDate(value)) return dateKeyText(value)
  return encodeDoc(value)
}

export class Collection {
  readonly table: string
  /** Indexed paths whose kinds are tracked, plus _id. */
  readonly tracked: string[]
  readonly kinds = new Map<string, number>()
  /** Bumped whenever a kind mask widens, so cached query plans built on the old masks are dropped. */
  epoch = 0
  /** Top-level indexed fields that have held arrays → their element table (see Store.ensureMultikey). */
  readonly multikey = new Map<string, string>()

  constructor(
    readonly name: string,
    readonly indexes: IndexSpec[],
    readonly permission: string | undefined,
  ) {
    this.table = quoteIdent(`c:${name}`)
    const fields = new Set<string>(['_id'])
    for (const index of indexes) for (const f of index.fields) fields.add(f.field)
    this.tracked = [...fields]
  }

  isIndexed(field: string): boolean {
    return field === '_id' || this.indexes.some((i) => i.fields.some((f) => f.field === field))
  }

  kindOf(field: string): number {
    return this.kinds.get(field) ?? 0
  }

  isTracked(field: string): boolean {
    return this.tracked.includes(field)
  }
}

/** Element type codes in a multikey table; booleans get their own so that true never equals 1. */
export const ElementType = { Number: 1, String: 2, Bool: 3 } as const

/**
 * What a multikey table holds for one document: each scalar element of an array value (one
 * level, as MongoDB matches), or the scalar value itself. Nulls, objects, dates and nested arrays
 * can never equal a scalar literal, so they are left out.
 */
export function multikeyEntries(value: unknown): Array<[type: number, value: string | number]> {
  const out = new Map<string, [number, string | number]>()
  const add = (v: unknown) => {
    if (typeof v === 'string') out.set(`s${v}`, [ElementType.String, v])
    else if (typeof v === 'number' && Number.isFinite(v)) out.set(`n${v}`, [ElementType.Number, v])
    else if (typeof v === 'boolean') out.set(`b${v}`, [ElementType.Bool, v ? 1 : 0])
  }
  if (Array.isArray(value)) value.forEach(add)
  else add(value)
  return [...out.values()]
}

export class Store {
  readonly db: Database.Database
  private readonly collections = new Map<string, Collection>()
  private readonly statements = new Map<string, Database.Statement>()

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    // NORMAL in WAL mode: a commit is in the OS before the call returns, so killing the process
    // loses nothing acknowledged; only a power cut can drop the last transactions.
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    this.db.pragma('cache_size = -65536')
    this.db.pragma('mmap_size = 2147483648')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS _collections (
        name TEXT PRIMARY KEY,
        permission TEXT,
        declared INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS _field_kinds (
        collection TEXT NOT NULL,
        field TEXT NOT NULL,
        mask INTEGER NOT NULL,
        PRIMARY KEY (collection, field)
      );
    `)
  }

  /**
   * Lets SQLite's planner see how selective each index is, so that for instance "pending
   * receipts of these people" walks the (person, pending) index rather than every receipt of
   * theirs. Sampled (analysis_limit) and only for tables that changed enough, so it stays cheap;
   * run when a store opens and after bulk loads.
   */
  refreshStatistics(): void {
    this.db.pragma('analysis_limit = 1000')
    this.db.pragma('optimize = 0x10002')
  }

  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  /** Runs fn in one SQLite transaction (a savepoint when nested). */
  atomic<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  get(name: string): Collection | undefined {
    return this.collections.get(name)
  }

  names(): string[] {
    return [...this.collections.keys()].sort()
  }

  /**
   * Opens the declared collections (creating tables and indexes as needed, replacing indexes
   * whose definition changed) and every collection created earlier through addCollection.
   */
  open(declared: CollectionSpec[]): void {
    this.atomic(() => {
      const declaredNames = new Set(declared.map((c) => c.name))
      for (const spec of declared) this.ensure(spec, true)
      const previous = this.stmt('SELECT name, permission FROM _collections').all() as Array<{ name: string; permission: string | null }>
      for (const row of previous) {
        if (!declaredNames.has(row.name)) this.ensure({ name: row.name, permission: row.permission ?? undefined, indexes: [] }, false)
      }
    })
    this.refreshStatistics()
  }

  ensure(spec: CollectionSpec, declared: boolean): Collection {
    const coll = new Collection(spec.name, spec.indexes, spec.permission)
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${coll.table} (rid INTEGER PRIMARY KEY, id NOT NULL UNIQUE, doc TEXT NOT NULL)`)
    this.stmt(
      `INSERT INTO _collections (name, permission, declared, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET permission = excluded.permission, declared = excluded.declared`,
    ).run(spec.name, spec.permission ?? null, declared ? 1 : 0, Date.now())
    this.syncIndexes(coll)
    this.loadKinds(coll)
    for (const field of coll.tracked) if (this.wantsMultikey(coll, field)) this.ensureMultikey(coll, field)
    this.dropStaleMultikeys(coll)
    this.collections.set(coll.name, coll)
    return coll
  }

  private wantsMultikey(coll: Collection, field: string): boolean {
    return field !== '_id' && !field.includes('.') && (coll.kindOf(field) & Kind.Array) !== 0
  }

  /**
   * MongoDB indexes every element of an array field (a multikey index); an expression index on
   * json_extract sees only the array's text. So once an indexed top-level field holds an array,
   * its elements go to a side table kept in step with every write, and the planner answers
   * equality and `$in` on that field from it instead of reading every document.
   */
  private ensureMultikey(coll: Collection, field: string): void {
    if (coll.multikey.has(field)) return
    const table = quoteIdent(`m:${coll.name}:${field}`)
    const exists = this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(`m:${coll.name}:${field}`)
    if (!exists) {
      this.db.exec(`CREATE TABLE ${table} (t INTEGER NOT NULL, v NOT NULL, rid INTEGER NOT NULL)`)
      this.db.exec(`CREATE INDEX ${quoteIdent(`m:${coll.name}:${field}:tv`)} ON ${table}(t, v, rid)`)
      this.db.exec(`CREATE INDEX ${quoteIdent(`m:${coll.name}:${field}:rid`)} ON ${table}(rid)`)
      const insert = this.db.prepare(`INSERT INTO ${table} (t, v, rid) VALUES (?, ?, ?)`)
      // all(), not iterate(): the connection cannot insert while a statement is still reading.
      for (const row of this.db.prepare(`SELECT rid, json_extract(doc, '$.${field}') AS value, json_type(doc, '$.${field}') AS type FROM ${coll.table}`).all() as Array<{
        rid: number
        value: unknown
        type: string | null
      }>) {
        const value = row.type === 'array' ? JSON.parse(String(row.value)) : row.type === 'true' ? true : row.type === 'false' ? false : row.type === 'object' ? null : row.value
        for (const [t, v] of multikeyEntries(value)) insert.run(t, v, row.rid)
      }
    }
    coll.multikey.set(field, table)
  }

  /** A side table of a field no longer indexed stops being kept in step, so it must not outlive the index. */
  private dropStaleMultikeys(coll: Collection): void {
    const prefix = `m:${coll.name}:`
    const tables = this.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, ?) = ?`).all(prefix.length, prefix) as Array<{ name: string }>
    for (const { name } of tables) {
      if (!coll.multikey.has(name.slice(prefix.length))) this.db.exec(`DROP TABLE ${quoteIdent(name)}`)
    }
  }

  private writeMultikey(coll: Collection, rid: number, doc: Doc | null, replacing: boolean): void {
    for (const [field, table] of coll.multikey) {
      if (replacing) this.stmt(`DELETE FROM ${table} WHERE rid = ?`).run(rid)
      if (!doc) continue
      for (const [t, v] of multikeyEntries(doc[field])) this.stmt(`INSERT INTO ${table} (t, v, rid) VALUES (?, ?, ?)`).run(t, v, rid)
    }
  }

  private syncIndexes(coll: Collection): void {
    const prefix = `i:${coll.name}:`
    const existing = new Map(
      (
        this.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(`c:${coll.name}`) as Array<{
          name: string
          sql: string
        }>
      ).map((r) => [r.name, r.sql]),
    )
    const wanted = new Map<string, string>()
    for (const index of coll.indexes) {
      const name = prefix + index.name
      const columns = index.fields.map((f) => `${keyExpr(f.field)}${f.direction === -1 ? ' DESC' : ''}`).join(', ')
      wanted.set(name, `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(name)} ON ${coll.table}(${columns})`)
    }
    for (const [name, sql] of existing) {
      if (name.startsWith(prefix) && wanted.get(name) !== sql) this.db.exec(`DROP INDEX ${quoteIdent(name)}`)
    }
    for (const [name, sql] of wanted) {
      if (existing.get(name) === sql) continue
      try {
        this.db.exec(sql)
      } catch (err) {
        throw new Error(`cannot create index ${name}: ${(err as Error).message}`)
      }
    }
  }

  private loadKinds(coll: Collection): void {
    const rows = this.stmt('SELECT field, mask FROM _field_kinds WHERE collection = ?').all(coll.name) as Array<{ field: string; mask: number }>
    const stored = new Map(rows.map((r) => [r.field, r.mask]))
    const missing = coll.tracked.filter((f) => !stored.has(f))
    for (const f of coll.tracked) if (stored.has(f)) coll.kinds.set(f, stored.get(f)!)
    if (missing.length === 0) return
    // A newly indexed field: learn its kinds from the data already there, once.
    const masks = new Map(missing.map((f) => [f, 0]))
    for (const row of this.db.prepare(`SELECT doc FROM ${coll.table}`).iterate() as Iterable<{ doc: string }>) {
      const doc = JSON.parse(row.doc) as Doc
      for (const f of missing) masks.set(f, masks.get(f)! | this.rawPathKind(doc, f))
    }
    for (const [f, mask] of masks) {
      coll.kinds.set(f, mask)
      this.persistKind(coll, f, mask)
    }
  }

  /** pathKind on undecoded JSON: a `{"$date": …}` object counts as a Date. */
  private rawPathKind(doc: Doc, field: string): Kind {
    const kind = pathKind(doc, field)
    if (kind !== Kind.Object) return kind
    const value = getPath(doc, field) as Doc
    const keys = Object.keys(value)
    if (keys.length === 1 && keys[0] === '$date') return Kind.Date
    if (keys.length === 1 && keys[0].startsWith('$')) return Kind.Other
    return Kind.Object
  }

  private persistKind(coll: Collection, field: string, mask: number): void {
    this.stmt(
      `INSERT INTO _field_kinds (collection, field, mask) VALUES (?, ?, ?)
       ON CONFLICT(collection, field) DO UPDATE SET mask = excluded.mask`,
    ).run(coll.name, field, mask)
  }

  /** Widens the kind masks for a document about to be written (inside the caller's transaction). */
  private noteKinds(coll: Collection, doc: Doc): void {
    for (const field of coll.tracked) {
      const before = coll.kinds.get(field) ?? 0
      const after = before | pathKind(doc, field)
      if (after !== before) {
        coll.kinds.set(field, after)
        coll.epoch++
        this.persistKind(coll, field, after)
        // Built from the rows already stored; the document being written is added by its write.
        if (this.wantsMultikey(coll, field)) this.ensureMultikey(coll, field)
      }
    }
  }

  /**
   * SQLite treats NULLs in a unique index as distinct; MongoDB indexes a missing field as null
   * and lets only one document have it. Checked here for keys containing a null.
   */
  private checkNullUniques(coll: Collection, doc: Doc, rid: number | null): void {
    for (const index of coll.indexes) {
      if (!index.unique) continue
      const values = index.fields.map((f) => getPath(doc, f.field))
      if (!values.some((v) => v === undefined || v === null)) continue
      const where = index.fields.map((f) => `${keyExpr(f.field)} IS ?`).join(' AND ')
      const hit = this.stmt(`SELECT rid FROM ${coll.table} WHERE ${where} AND rid IS NOT ? LIMIT 1`).get(...values.map(sqlValue), rid)
      if (hit) throw duplicateKey(coll.name, index.name, Object.fromEntries(index.fields.map((f, i) => [f.field, values[i] ?? null])))
    }
  }

  private translate(err: unknown, coll: Collection, doc: Doc): never {
    const e = err as { code?: string; message?: string }
    if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const match = /index '([^']+)'/.exec(e.message ?? '')
      const index = match ? coll.indexes.find((i) => `i:${coll.name}:${i.name}` === match[1]) : undefined
      if (index) {
        throw duplicateKey(coll.name, index.name, Object.fromEntries(index.fields.map((f) => [f.field, getPath(doc, f.field) ?? null])))
      }
      throw duplicateKey(coll.name, '_id_', { _id: doc._id })
    }
    throw requestFailed(e.message ?? String(err))
  }

  insert(coll: Collection, doc: Doc): number {
    this.checkNullUniques(coll, doc, null)
    this.noteKinds(coll, doc)
    try {
      const info = this.stmt(`INSERT INTO ${coll.table} (id, doc) VALUES (?, ?)`).run(doc._id, encodeDoc(doc))
      const rid = Number(info.lastInsertRowid)
      if (coll.multikey.size > 0) this.writeMultikey(coll, rid, doc, false)
      return rid
    } catch (err) {
      this.translate(err, coll, doc)
    }
  }

  /** Writes a new version of a row; returns false when the stored text is unchanged. */
  replace(coll: Collection, row: Row, doc: Doc): boolean {
    const text = encodeDoc(doc)
    if (text === row.doc) return false
    this.checkNullUniques(coll, doc, row.rid)
    this.noteKinds(coll, doc)
    try {
      this.stmt(`UPDATE ${coll.table} SET doc = ? WHERE rid = ?`).run(text, row.rid)
      if (coll.multikey.size > 0) this.writeMultikey(coll, row.rid, doc, true)
    } catch (err) {
      this.translate(err, coll, doc)
    }
    return true
  }

  remove(coll: Collection, rid: number): void {
    this.stmt(`DELETE FROM ${coll.table} WHERE rid = ?`).run(rid)
    if (coll.multikey.size > 0) this.writeMultikey(coll, rid, null, true)
  }

  byId(coll: Collection, id: DocId): Row | undefined {
    return this.stmt(`SELECT rid, doc FROM ${coll.table} WHERE id = ?`).get(id) as Row | undefined
  }

  addCollection(name: string): Collection {
    return this.atomic(() => this.ensure({ name, indexes: [] }, false))
  }

  digest(): string {
    const hash = createHash('sha256')
    for (const name of this.names()) {
      const coll = this.collections.get(name)!
      hash.update(`\u0000collection\u0000${name}\u0000`)
      for (const row of this.stmt(`SELECT id, doc FROM ${coll.table} ORDER BY id`).iterate() as Iterable<{ id: DocId; doc: string }>) {
        hash.update(`${typeof row.id}:${row.id}\u0000${row.doc}\u0000`)
      }
    }
    return hash.digest('hex')
  }

  close(): void {
    this.statements.clear()
    if (this.db.open) this.db.close()
  }
}
