import { Aggregator, find, Query } from 'mingo'
import { decodeDoc, encodeDoc, generateId, isDocId, isPlainObject, assertStorable, parseWire, type Doc, type DocId } from './codec'
import { isCollectionName, type CollectionSpec } from './declaration'
import { collectionExists, collectionNotExist, duplicateKey, invalidParam, requestFailed, WireError } from './errors'
import { planAggregation } from './aggregate-sql'
import { parseSort, planQuery, type QueryPlan, type SortSpec } from './plan'
import { Store, type Collection, type Row } from './store'
import { TransactionManager, type Transaction } from './transactions'
import { applyUpdate, upsertSeed } from './update'

/** Cloud-function side limits of WeChat Cloud: get() returns 100 by default and never more than 1000. */
export const DEFAULT_GET_LIMIT = 100
export const MAX_GET_LIMIT = 1000
/** aggregate().end() without a limit stage returns 20 records in cloud functions (measured on WeChat Cloud). */
export const DEFAULT_AGGREGATE_LIMIT = 20

const PLAN_CACHE_SIZE = 1000

interface CompiledQuery {
  plan: QueryPlan
  matcher: Query | null
}

/** A row fetched for a query: its stored text and, once needed, the decoded document. */
interface Hit {
  rid: number
  text: string
  doc?: Doc
}

type Handler = (body: Record<string, unknown>, now: number) => unknown

function guardMingo<T>(fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    if (err instanceof WireError) throw err
    throw requestFailed((err as Error).message ?? String(err))
  }
}

function docOf(hit: Hit): Doc {
  if (!hit.doc) hit.doc = decodeDoc(hit.text)
  return hit.doc
}

/** `{a: true, b: 1}`: the fields a projection keeps, when that is all it says; otherwise null. */
function topLevelInclusion(projection: Doc): Set<string> | null {
  const keys = Object.keys(projection)
  if (!keys.every((k) => (projection[k] === true || projection[k] === 1) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))) return null
  return new Set(keys)
}

function sortObject(sort: SortSpec): Record<string, 1 | -1> {
  return Object.fromEntries(sort)
}

export class Engine {
  readonly store: Store
  readonly transactions = new TransactionManager()
  private readonly plans = new Map<string, CompiledQuery>()
  private readonly handlers: Record<string, Handler>

  constructor(file: string, collections: CollectionSpec[]) {
    this.store = new Store(file)
    this.store.open(collections)
    this.handlers = {
      'database.getDocument': (b, now) => this.getDocument(b, now),
      'database.calculateDocument': (b, now) => this.calculateDocument(b, now),
      'database.insertDocument': (b, now) => this.insertDocument(b, now),
      'database.modifyDocument': (b, now) => this.modifyDocument(b, now),
      'database.removeDocument': (b, now) => this.removeDocument(b, now),
      'database.aggregateDocuments': (b, now) => this.aggregateDocuments(b, now),
      'database.addCollection': (b) => this.addCollection(b),
      'database.modifyAndReturnDoc': (b, now) => this.modifyAndReturnDoc(b, now),
      'database.startTransaction': () => ({ transactionId: this.transactions.begin().id }),
      'database.commitTransaction': (b) => this.commitTransaction(b),
      'database.abortTransaction': (b) => {
        this.transactions.abort(b.transactionId)
        return {}
      },
      'database.getInTransaction': (b) => this.getInTransaction(b),
      'database.updateDocInTransaction': (b, now) => this.updateDocInTransaction(b, now),
      'database.deleteDocInTransaction': (b) => this.deleteDocInTransaction(b),
    }
  }

  handle(action: string, body: Record<string, unknown>): unknown {
    const handler = this.handlers[action]
    if (!handler) throw new WireError('INVALID_ACTION', `unsupported database action ${action}`)
    return handler(body ?? {}, Date.now())
  }

  digest(): string {
    return this.store.digest()
  }

  close(): void {
    this.store.close()
  }

  /** Bulk load for seeds and benchmarks: documents as JS values (Dates allowed), one SQLite transaction. */
  insertMany(collectionName: string, docs: Doc[]): DocId[] {
    const coll = this.collection(collectionName)
    const prepared = docs.map((d) => this.prepareInsert(d))
    this.store.atomic(() => {
      for (const doc of prepared) {
        this.store.insert(coll, doc)
        this.transactions.noteCommitted(coll.name, doc._id as DocId, null)
      }
    })
    this.store.refreshStatistics()
    return prepared.map((d) => d._id as DocId)
  }

  // ---- helpers -------------------------------------------------------------------------

  private collection(name: unknown): Collection {
    const coll = typeof name === 'string' ? this.store.get(name) : undefined
    if (!coll) throw collectionNotExist()
    return coll
  }

  private criteria(body: Record<string, unknown>, now: number): Doc | undefined {
    const parsed = parseWire(body.query, now)
    if (parsed === undefined) return undefined
    if (!isPlainObject(parsed)) throw invalidParam('query must be an object')
    return parsed
  }

  /**
   * Plans are cached by collection, the collection's kind epoch and the raw query text; queries
   * carrying serverDate are not (their meaning changes with the clock).
   */
  private compile(coll: Collection, body: Record<string, unknown>, now: number, sort: SortSpec = []): CompiledQuery {
    const queryText = body.query
    const cacheable =
      (queryText === undefined || typeof queryText === 'string') && body.queryType !== 'DOC' && !String(queryText ?? '').includes('$tcb_server_date')
    const key = cacheable ? `${coll.name}\u0000${coll.epoch}\u0000${queryText ?? ''}\u0000${JSON.stringify(sort)}` : ''
    if (cacheable) {
      const hit = this.plans.get(key)
      if (hit) {
        this.plans.delete(key)
        this.plans.set(key, hit)
        return hit
      }
    }
    const plan = planQuery(coll, this.criteria(body, now), sort)
    const compiled: CompiledQuery = { plan, matcher: plan.residual ? guardMingo(() => new Query(plan.residual!)) : null }
    if (cacheable) {
      if (this.plans.size >= PLAN_CACHE_SIZE) this.plans.delete(this.plans.keys().next().value!)
      this.plans.set(key, compiled)
    }
    return compiled
  }

  /** Matching rows in the query's order, after skipping `offset`, at most `limit` of them. */
  private select(coll: Collection, q: CompiledQuery, offset: number, limit: number): Hit[] {
    const { plan, matcher } = q
    const base = `SELECT rid, doc FROM ${coll.table} WHERE ${plan.where}`
    if (plan.orderSql && !matcher) {
      if (limit === Infinity && offset === 0) {
        return (this.store.stmt(`${base} ORDER BY ${plan.orderSql}`).all(...plan.params) as Row[]).map((r) => ({ rid: r.rid, text: r.doc }))
      }
      const rows = this.store.stmt(`${base} ORDER BY ${plan.orderSql} LIMIT ? OFFSET ?`).all(...plan.params, limit === Infinity ? -1 : limit, offset) as Row[]
      return rows.map((r) => ({ rid: r.rid, text: r.doc }))
    }
    if (plan.orderSql) {
      // SQL order is already MongoDB's: filter while streaming and stop once the page is full.
      const out: Hit[] = []
      let skipped = 0
      if (limit === 0) return out
      for (const r of this.store.stmt(`${base} ORDER BY ${plan.orderSql}`).iterate(...plan.params) as Iterable<Row>) {
        const hit: Hit = { rid: r.rid, text: r.doc }
        if (!guardMingo(() => matcher!.test(docOf(hit)))) continue
        if (skipped < offset) {
          skipped++
          continue
        }
        out.push(hit)
        if (out.length >= limit) break
      }
      return out
    }
    // Sort order SQLite cannot reproduce: filter and sort every candidate with mingo.
    const candidates = (this.store.stmt(`${base} ORDER BY rid`).all(...plan.params) as Row[]).map((r) => {
      const hit: Hit = { rid: r.rid, text: r.doc }
      docOf(hit)
      return hit
    })
    const matching = matcher ? candidates.filter((h) => guardMingo(() => matcher.test(h.doc!))) : candidates
    const byDoc = new Map(matching.map((h) => [h.doc!, h]))
    const sorted = guardMingo(
      () =>
        find(
          matching.map((h) => h.doc!),
          {},
        )
          .sort(sortObject(plan.sort))
          .skip(offset)
          .limit(limit === Infinity ? Number.MAX_SAFE_INTEGER : limit)
          .all() as Doc[],
    )
    return sorted.map((d) => byDoc.get(d)!)
  }

  private project(hits: Hit[], projection: unknown): string[] {
    if (!isPlainObject(projection) || Object.keys(projection).length === 0) return hits.map((h) => h.text)
    const fields = topLevelInclusion(projection)
    if (fields) {
      // The stored text is already the wire form: pick its top-level members without decoding them.
      return hits.map((h) => {
        const raw = JSON.parse(h.text) as Doc
        const out: Doc = '_id' in raw ? { _id: raw._id } : {}
        for (const key of Object.keys(raw)) if (key !== '_id' && fields.has(key)) out[key] = raw[key]
        return JSON.stringify(out)
      })
    }
    const docs = hits.map(docOf)
    const projected = guardMingo(() => find(docs, {}, projection).all() as Doc[])
    // MongoDB keeps _id first; mingo appends it.
    return projected.map((d) => encodeDoc('_id' in d ? { _id: d._id, ...d } : d))
  }

  private transaction(body: Record<string, unknown>): Transaction | undefined {
    const id = body.transactionId
    return id === undefined || id === null || id === '' ? undefined : this.transactions.get(id)
  }

  /** Transactions take single-document operations only, as in WeChat Cloud: the query must be `{_id}`. */
  private singleId(body: Record<string, unknown>, now: number): DocId {
    const criteria = this.criteria(body, now)
    const keys = criteria ? Object.keys(criteria) : []
    if (keys.length !== 1 || keys[0] !== '_id' || !isDocId(criteria!._id)) {
      throw invalidParam('only single-document operations (doc(id).get/set/update/remove and add) are allowed in a transaction')
    }
    return criteria!._id as DocId
  }

  private prepareInsert(raw: unknown): Doc {
    if (!isPlainObject(raw)) throw invalidParam('each inserted document must be an object')
    const { _id, ...rest } = raw
    if (_id !== undefined && !isDocId(_id)) throw invalidParam('_id must be a string or a number')
    const doc: Doc = { _id: _id ?? generateId(), ...rest }
    assertStorable(rest)
    return doc
  }

  private readLimit(value: unknown): number {
    const n = typeof value === 'number' ? value : Number(value)
    if (!Number.isInteger(n) || n <= 0) return DEFAULT_GET_LIMIT
    return Math.min(n, MAX_GET_LIMIT)
  }

  private readOffset(value: unknown): number {
    const n = typeof value === 'number' ? value : Number(value)
    return Number.isInteger(n) && n > 0 ? n : 0
  }

  private parseData(body: Record<string, unknown>, now: number): Doc {
    const data = parseWire(body.data, now)
    if (!isPlainObject(data)) throw invalidParam('update data must be an object')
    return data
  }

  // ---- actions -------------------------------------------------------------------------

  private getDocument(body: Record<string, unknown>, now: number): { list: string[] } {
    const coll = this.collection(body.collectionName)
    const projection = parseWire(body.projection, now)
    const tx = this.transaction(body)
    if (tx) {
      const text = this.txRead(tx, coll, this.singleId(body, now))
      return { list: text === null ? [] : this.project([{ rid: 0, text }], projection) }
    }
    const sort = parseSort(parseWire(body.order, now))
    const q = this.compile(coll, body, now, sort)
    const hits = this.select(coll, q, this.readOffset(body.offset), this.readLimit(body.limit))
    return { list: this.project(hits, projection) }
  }

  private calculateDocument(body: Record<string, unknown>, now: number): { total: number } {
    const coll = this.collection(body.collectionName)
    if (this.transaction(body)) throw invalidParam('count is not allowed in a transaction')
    const { plan, matcher } = this.compile(coll, body, now)
    if (!matcher) {
      const row = this.store.stmt(`SELECT count(*) AS n FROM ${coll.table} WHERE ${plan.where}`).get(...plan.params) as { n: number }
      return { total: row.n }
    }
    let total = 0
    for (const r of this.store.stmt(`SELECT doc FROM ${coll.table} WHERE ${plan.where}`).iterate(...plan.params) as Iterable<{ doc: string }>) {
      if (guardMingo(() => matcher.test(decodeDoc(r.doc)))) total++
    }
    return { total }
  }

  private insertDocument(body: Record<string, unknown>, now: number): { insertedIds: DocId[] } {
    const coll = this.collection(body.collectionName)
    const raw = Array.isArray(body.data) ? body.data : body.data === undefined ? [] : [body.data]
    if (raw.length === 0) throw invalidParam('no document to insert')
    const docs = raw.map((item) => this.prepareInsert(parseWire(item, now)))
    const tx = this.transaction(body)
    if (tx) {
      for (const doc of docs) {
        const id = doc._id as DocId
        if (this.txRead(tx, coll, id) !== null) throw duplicateKey(coll.name, '_id_', { _id: id })
        this.txWrite(tx, coll, id, encodeDoc(doc))
      }
    } else {
      this.store.atomic(() => {
        for (const doc of docs) {
          this.store.insert(coll, doc)
          this.transactions.noteCommitted(coll.name, doc._id as DocId, null)
        }
      })
    }
    return { insertedIds: docs.map((d) => d._id as DocId) }
  }

  private modifyDocument(body: Record<string, unknown>, now: number): { updated: number; upsert_id: DocId | null } {
    const coll = this.collection(body.collectionName)
    const data = this.parseData(body, now)
    const merge = body.merge !== false
    const upsert = body.upsert === true
    const tx = this.transaction(body)
    if (tx) return this.txModify(tx, coll, this.singleId(body, now), data, merge, upsert)

    const multi = body.multi === true
    const q = this.compile(coll, body, now)
    return this.store.atomic(() => {
      const targets = this.select(coll, q, 0, multi ? Infinity : 1)
      let updated = 0
      for (const hit of targets) {
        const before = docOf(hit)
        const id = before._id as DocId
        const next = applyUpdate(before, data, merge)
        if (this.store.replace(coll, { rid: hit.rid, doc: hit.text }, next)) {
          updated++
          this.transactions.noteCommitted(coll.name, id, hit.text)
        }
      }
      if (targets.length === 0 && upsert) {
        const criteria = this.criteria(body, now)
        const id = criteria && isDocId(criteria._id) ? criteria._id : generateId()
        const doc = merge ? applyUpdate(upsertSeed(criteria, id), data, true) : applyUpdate({ _id: id }, data, false)
        this.store.insert(coll, doc)
        this.transactions.noteCommitted(coll.name, id, null)
        return { updated: 0, upsert_id: id }
      }
      return { updated, upsert_id: null }
    })
  }

  private modifyAndReturnDoc(body: Record<string, unknown>, now: number): { updated: number; doc: string | null } {
    const coll = this.collection(body.collectionName)
    if (this.transaction(body)) throw invalidParam('updateAndReturn is not allowed in a transaction')
    const data = this.parseData(body, now)
    const q = this.compile(coll, body, now)
    return this.store.atomic(() => {
      const [hit] = this.select(coll, q, 0, 1)
      if (!hit) return { updated: 0, doc: null }
      const before = docOf(hit)
      const id = before._id as DocId
      const next = applyUpdate(before, data, true)
      const changed = this.store.replace(coll, { rid: hit.rid, doc: hit.text }, next)
      if (changed) this.transactions.noteCommitted(coll.name, id, hit.text)
      return { updated: changed ? 1 : 0, doc: encodeDoc(next) }
    })
  }

  private removeDocument(body: Record<string, unknown>, now: number): { deleted: number } {
    const coll = this.collection(body.collectionName)
    const tx = this.transaction(body)
    if (tx) {
      const id = this.singleId(body, now)
      if (this.txRead(tx, coll, id) === null) return { deleted: 0 }
      this.txWrite(tx, coll, id, null)
      return { deleted: 1 }
    }
    const multi = body.multi === true
    const q = this.compile(coll, body, now)
    return this.store.atomic(() => {
      const targets = this.select(coll, q, 0, multi ? Infinity : 1)
      for (const hit of targets) {
        this.store.remove(coll, hit.rid)
        if (this.transactions.active > 0) this.transactions.noteCommitted(coll.name, docOf(hit)._id as DocId, hit.text)
      }
      return { deleted: targets.length }
    })
  }

  private aggregateDocuments(body: Record<string, unknown>, now: number): { list: string[] } {
    const coll = this.collection(body.collectionName)
    if (this.transaction(body)) throw invalidParam('aggregate is not allowed in a transaction')
    if (!Array.isArray(body.stages)) throw invalidParam('stages must be an array')
    const pipeline = (body.stages as Array<{ stageKey?: unknown; stageValue?: unknown }>).map((stage) => {
      if (typeof stage?.stageKey !== 'string' || !stage.stageKey.startsWith('$')) throw invalidParam('each stage needs a $-prefixed stageKey')
      return { [stage.stageKey]: parseWire(stage.stageValue, now) }
    })
    const hasLimit = pipeline.some((stage) => '$limit' in stage)
    const results = this.aggregateInSql(coll, pipeline) ?? this.aggregateInMingo(coll, pipeline)
    const limited = hasLimit ? results : results.slice(0, DEFAULT_AGGREGATE_LIMIT)
    return { list: limited.map((d) => encodeDoc(d)) }
  }

  /** The pipeline through SQLite's GROUP BY when it has that shape (aggregate-sql.ts), else null. */
  private aggregateInSql(coll: Collection, pipeline: Doc[]): Doc[] | null {
    const planned = planAggregation(coll, pipeline)
    if (!planned) return null
    const rows = this.store.stmt(planned.sql).all(...planned.params) as Array<Record<string, unknown>>
    // Some row held a value SQL would read differently from mingo: let mingo do it all.
    if (rows.some((r) => r.bad === 1)) return null
    const groups = rows.filter((r) => Number(r.n) > 0).map((r) => planned.build(r))
    return planned.rest.length === 0 ? groups : (guardMingo(() => new Aggregator(planned.rest, this.aggregatorOptions()).run(groups)) as Doc[])
  }

  private aggregateInMingo(coll: Collection, pipeline: Doc[]): Doc[] {
    // A leading $match narrows the input through SQL; mingo still runs the full stage.
    const first = pipeline[0]
    const plan = planQuery(coll, first && '$match' in first && isPlainObject(first.$match) ? first.$match : undefined)
    const source = this.select(coll, { plan, matcher: null }, 0, Infinity).map(docOf)
    return guardMingo(() => new Aggregator(pipeline, this.aggregatorOptions()).run(source)) as Doc[]
  }

  private aggregatorOptions() {
    return {
      collectionResolver: (name: string) => {
        const other = this.store.get(name)
        return other ? this.select(other, { plan: planQuery(other, undefined), matcher: null }, 0, Infinity).map(docOf) : []
      },
    }
  }

  private addCollection(body: Record<string, unknown>): Record<string, never> {
    const name = body.collectionName
    if (!isCollectionName(name)) throw invalidParam(`invalid collection name ${JSON.stringify(name)}`)
    if (this.store.get(name)) throw collectionExists(name)
    this.store.addCollection(name)
    return {}
  }

  // ---- transactions --------------------------------------------------------------------

  private txRead(tx: Transaction, coll: Collection, id: DocId): string | null {
    const key = this.transactions.touch(tx, coll.name, id)
    const buffered = tx.writes.get(key)
    if (buffered) return buffered.text
    const snapshot = this.transactions.snapshot(tx, key)
    if (snapshot) return snapshot.text
    return this.store.byId(coll, id)?.doc ?? null
  }

  private txWrite(tx: Transaction, coll: Collection, id: DocId, text: string | null): void {
    const key = this.transactions.touch(tx, coll.name, id)
    tx.writes.set(key, { collection: coll.name, id, text })
  }

  private txModify(tx: Transaction, coll: Collection, id: DocId, data: Doc, merge: boolean, upsert: boolean): { updated: number; upsert_id: DocId | null } {
    const current = this.txRead(tx, coll, id)
    if (current !== null) {
      const next = encodeDoc(applyUpdate(decodeDoc(current), data, merge))
      if (next === current) return { updated: 0, upsert_id: null }
      this.txWrite(tx, coll, id, next)
      return { updated: 1, upsert_id: null }
    }
    if (!upsert) return { updated: 0, upsert_id: null }
    const doc = merge ? applyUpdate(upsertSeed({ _id: id }, id), data, true) : applyUpdate({ _id: id }, data, false)
    this.txWrite(tx, coll, id, encodeDoc(doc))
    return { updated: 0, upsert_id: id }
  }

  private commitTransaction(body: Record<string, unknown>): Record<string, never> {
    const tx = this.transactions.get(body.transactionId)
    this.transactions.commit(tx, (writes) => {
      const changed: Array<{ collection: string; id: DocId; before: string | null }> = []
      this.store.atomic(() => {
        for (const w of writes) {
          const coll = this.collection(w.collection)
          const row = this.store.byId(coll, w.id)
          if (w.text === null) {
            if (row) this.store.remove(coll, row.rid)
          } else if (row) {
            this.store.replace(coll, row, decodeDoc(w.text))
          } else {
            this.store.insert(coll, decodeDoc(w.text))
          }
          changed.push({ collection: w.collection, id: w.id, before: row?.doc ?? null })
        }
      })
      for (const c of changed) this.transactions.noteCommitted(c.collection, c.id, c.before)
    })
    return {}
  }

  // The pre-2020 transaction API (document operations addressed by _id). wx-server-sdk 4.x no
  // longer sends these; they are served so older function bundles keep working.

  private getInTransaction(body: Record<string, unknown>): string {
    const tx = this.transactions.get(body.transactionId)
    const coll = this.collection(body.collectionName)
    if (!isDocId(body._id)) throw invalidParam('_id must be a string or a number')
    return this.txRead(tx, coll, body._id) ?? 'null'
  }

  private updateDocInTransaction(body: Record<string, unknown>, now: number): { updated: number; upserted: Array<{ _id: DocId }> | null } {
    const tx = this.transactions.get(body.transactionId)
    const coll = this.collection(body.collectionName)
    if (!isDocId(body._id)) throw invalidParam('_id must be a string or a number')
    const data = this.parseData(body, now)
    const merge = Object.keys(data).some((k) => k.startsWith('$'))
    const result = this.txModify(tx, coll, body._id, data, merge, body.upsert === true)
    return { updated: result.updated, upserted: result.upsert_id === null ? null : [{ _id: result.upsert_id }] }
  }

  private deleteDocInTransaction(body: Record<string, unknown>): { deleted: number } {
    const tx = this.transactions.get(body.transactionId)
    const coll = this.collection(body.collectionName)
    if (!isDocId(body._id)) throw invalidParam('_id must be a string or a number')
    if (this.txRead(tx, coll, body._id) === null) return { deleted: 0 }
    this.txWrite(tx, coll, body._id, null)
    return { deleted: 1 }
  }
}
