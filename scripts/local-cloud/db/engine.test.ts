import Database from 'better-sqlite3'
import type { CollectionSpec } from './declaration'
import { WireError } from './errors'
import { loadDatabaseDeclaration } from './index'
import { openTestDb, type TestDb } from './test-support'

const collections: CollectionSpec[] = [
  {
    name: 'people',
    indexes: [
      { name: 'openid', fields: [{ field: 'openid', direction: 1 }] },
      { name: 'dept_status', fields: [{ field: 'departmentId', direction: 1 }, { field: 'status', direction: 1 }] },
    ],
  },
  { name: 'departments', indexes: [{ name: 'name_unique', unique: true, fields: [{ field: 'name', direction: 1 }] }] },
  { name: 'events', indexes: [{ name: 'at', fields: [{ field: 'at', direction: -1 }] }] },
]

let t: TestDb
beforeEach(() => {
  t = openTestDb(collections)
})
afterEach(() => t.cleanup())

function wireError(fn: () => unknown): WireError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(WireError)
    return err as WireError
  }
  throw new Error('expected a WireError')
}

const insert = (collectionName: string, docs: unknown[]) =>
  t.call<{ insertedIds: string[] }>('database.insertDocument', { collectionName, data: docs }).insertedIds

describe('collections', () => {
  it('creates exactly the declared collections with their indexes as SQLite expression indexes', () => {
    t.db.close()
    const raw = new Database(t.file, { readonly: true })
    const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c:%' ORDER BY name`).all()
    const indexes = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'i:%' ORDER BY name`).all() as Array<{
      name: string
      sql: string
    }>
    raw.close()
    t.reopen()
    expect(tables).toEqual([{ name: 'c:departments' }, { name: 'c:events' }, { name: 'c:people' }])
    expect(indexes.map((i) => i.name)).toEqual(['i:departments:name_unique', 'i:events:at', 'i:people:dept_status', 'i:people:openid'])
    expect(indexes.find((i) => i.name === 'i:people:dept_status')!.sql).toContain(`json_extract(doc, '$.departmentId'), json_extract(doc, '$.status')`)
    expect(indexes.find((i) => i.name === 'i:events:at')!.sql).toContain(`json_extract(doc, '$.at') DESC`)
    expect(indexes.find((i) => i.name === 'i:departments:name_unique')!.sql).toMatch(/^CREATE UNIQUE INDEX/)
  })

  it('opens the real declaration, idempotently, keeping data', () => {
    const declared = loadDatabaseDeclaration()
    expect(declared.map((c) => c.name)).toEqual(expect.arrayContaining(['departments', 'people', 'audit_log']))
    t.reopen(declared)
    insert('departments', [{ name: '研发部' }])
    t.reopen(declared)
    t.reopen(declared)
    expect(t.find('departments')).toEqual([{ _id: expect.any(String), name: '研发部' }])
  })

  it('replaces an index whose declaration changed and drops undeclared ones', () => {
    t.reopen([{ name: 'people', indexes: [{ name: 'openid', fields: [{ field: 'mobile', direction: 1 }] }] }])
    t.db.close()
    const raw = new Database(t.file, { readonly: true })
    const rows = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'c:people'`).all() as Array<{ name: string; sql: string }>
    raw.close()
    t.reopen()
    expect(rows.filter((r) => r.sql).map((r) => r.name)).toEqual(['i:people:openid'])
    expect(rows.find((r) => r.name === 'i:people:openid')!.sql).toContain('$.mobile')
  })

  it('fails every operation on a collection that does not exist, as WeChat Cloud does', () => {
    for (const [action, body] of [
      ['database.insertDocument', { data: [{ a: 1 }] }],
      ['database.getDocument', { query: {} }],
      ['database.calculateDocument', {}],
      ['database.modifyDocument', { query: {}, data: { $set: { a: 1 } } }],
      ['database.removeDocument', { query: {} }],
    ] as const) {
      const err = wireError(() => t.call(action, { collectionName: 'nope', ...body }))
      expect(err.code).toBe('DATABASE_COLLECTION_NOT_EXIST')
      expect(err.message).toMatch(/Db or Table not exist/)
    }
  })

  it('addCollection creates a collection that survives reopening; adding it twice fails', () => {
    t.call('database.addCollection', { collectionName: 'extra' })
    insert('extra', [{ a: 1 }])
    expect(wireError(() => t.call('database.addCollection', { collectionName: 'extra' })).code).toBe('DATABASE_COLLECTION_ALREADY_EXIST')
    t.reopen()
    expect(t.find('extra')).toHaveLength(1)
    expect(wireError(() => t.call('database.addCollection', { collectionName: 'bad name!' })).code).toBe('INVALID_PARAM')
  })
})

describe('insert and read', () => {
  it('generates 32-hex ids, keeps given ids, and round-trips dates and numbers', () => {
    const at = new Date('2024-05-06T07:08:09.010Z')
    const [generated, given] = insert('events', [
      { at, n: 1.5, big: 2 ** 40, nested: { when: at, list: [at, 1, 'x'] } },
      { _id: 'mine', at },
    ])
    expect(generated).toMatch(/^[0-9a-f]{32}$/)
    expect(given).toBe('mine')
    const [doc] = t.find('events', { _id: generated })
    expect(doc).toEqual({ _id: generated, at, n: 1.5, big: 2 ** 40, nested: { when: at, list: [at, 1, 'x'] } })
    expect(doc.at).toBeInstanceOf(Date)
  })

  it('rejects a duplicate _id with E11000', () => {
    insert('people', [{ _id: 'p1' }])
    const err = wireError(() => insert('people', [{ _id: 'p1' }]))
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
    expect(err.message).toBe('E11000 duplicate key error collection: people index: _id_ dup key: { _id: "p1" }')
  })

  it('inserts a batch all-or-nothing', () => {
    insert('departments', [{ name: 'A' }])
    expect(() => insert('departments', [{ name: 'B' }, { name: 'A' }])).toThrow(/duplicate key/)
    expect(t.find('departments').map((d) => d.name)).toEqual(['A'])
  })

  it('resolves serverDate to the server clock plus offset', () => {
    const before = Date.now()
    const [id] = insert('events', [{ at: { $tcb_server_date: { offset: 60_000 } } }])
    const [doc] = t.find('events', { _id: id })
    expect((doc.at as Date).getTime()).toBeGreaterThanOrEqual(before + 60_000)
    expect((doc.at as Date).getTime()).toBeLessThanOrEqual(Date.now() + 60_000)
  })

  it('rejects $-prefixed and dotted field names', () => {
    expect(wireError(() => insert('events', [{ a: { $b: 1 } }])).code).toBe('DATABASE_REQUEST_FAILED')
    expect(wireError(() => t.db.handle('database.insertDocument', { collectionName: 'events', data: ['{"a.b":1}'] })).message).toMatch(/dotted/)
  })

  it('returns at most 100 documents by default and never more than 1000', () => {
    t.db.insertMany(
      'events',
      Array.from({ length: 1200 }, (_, i) => ({ i })),
    )
    expect(t.find('events')).toHaveLength(100)
    expect(t.find('events', {}, { limit: 5000 })).toHaveLength(1000)
    expect(t.find('events', {}, { limit: 7 })).toHaveLength(7)
    expect(t.find('events', {}, { limit: 1000, offset: 1150 })).toHaveLength(50)
  })

  it('keeps natural (insertion) order when no order is given, also after updates', () => {
    const ids = insert('events', [{ i: 1 }, { i: 2 }, { i: 3 }])
    t.call('database.modifyDocument', { collectionName: 'events', query: { _id: ids[0] }, data: { $set: { i: 9 } }, merge: true })
    expect(t.find('events').map((d) => d._id)).toEqual(ids)
  })

  it('applies order, offset, limit and projection', () => {
    insert('people', [
      { _id: 'a', name: '甲', age: 30, departmentId: 'd1', status: 'active' },
      { _id: 'b', name: '乙', age: 20, departmentId: 'd1', status: 'active' },
      { _id: 'c', name: '丙', age: 40, departmentId: 'd2', status: 'left' },
      { _id: 'd', name: '丁', age: 25, departmentId: 'd1', status: 'left' },
    ])
    expect(t.find('people', {}, { order: { age: -1 }, offset: 1, limit: 2, projection: { name: 1 } })).toEqual([
      { _id: 'a', name: '甲' },
      { _id: 'd', name: '丁' },
    ])
    expect(t.find('people', { departmentId: 'd1' }, { order: { status: 1, age: 1 }, projection: { age: 0, departmentId: 0 } })).toEqual([
      { _id: 'b', name: '乙', status: 'active' },
      { _id: 'a', name: '甲', status: 'active' },
      { _id: 'd', name: '丁', status: 'left' },
    ])
  })

  it('keeps a plain field list the same as the full projection does: _id first, values in their stored form', () => {
    insert('people', [{ _id: 'e', name: '戊', joinedAt: new Date('2026-03-01T00:00:00Z'), tags: ['x'], profile: { city: '上海' }, age: 0 }])
    const picked = t.find('people', { _id: 'e' }, { projection: { tags: true, joinedAt: 1, profile: 1, nothing: 1 } })
    // A dotted path sends the projection through mingo; profile holds nothing else, so the answers must agree.
    const viaMingo = t.find('people', { _id: 'e' }, { projection: { tags: true, joinedAt: 1, 'profile.city': 1, nothing: 1 } })
    expect(picked).toEqual([{ _id: 'e', joinedAt: new Date('2026-03-01T00:00:00Z'), tags: ['x'], profile: { city: '上海' } }])
    expect(picked).toEqual(viaMingo)
    expect(Object.keys(picked[0]!)[0]).toBe('_id')
  })

  it('evaluates the MongoDB operators the SDK produces', () => {
    insert('people', [
      { _id: 'a', age: 10, tags: ['x', 'y'], name: 'Alice', openid: 'o1' },
      { _id: 'b', age: 20, tags: ['y'], name: 'bob' },
      { _id: 'c', age: 30, name: 'Carol', openid: null },
      { _id: 'd', name: 'dave', age: '25' },
    ])
    const ids = (query: unknown, extra?: Record<string, unknown>) => t.find('people', query, extra).map((d) => d._id)
    expect(ids({ $and: [{ age: { $gte: 10 } }, { age: { $lt: 30 } }] })).toEqual(['a', 'b'])
    expect(ids({ age: { $in: [10, 30] } })).toEqual(['a', 'c'])
    expect(ids({ $or: [{ age: 10 }, { name: 'bob' }] })).toEqual(['a', 'b'])
    expect(ids({ name: { $ne: 'bob' } })).toEqual(['a', 'c', 'd'])
    expect(ids({ openid: { $exists: true } })).toEqual(['a', 'c'])
    expect(ids({ openid: null })).toEqual(['b', 'c', 'd'])
    expect(ids({ name: { $regularExpression: { pattern: '^[ab]', options: 'i' } } })).toEqual(['a', 'b'])
    expect(ids({ tags: 'y' })).toEqual(['a', 'b'])
    expect(ids({ age: { $gt: 5 } })).toEqual(['a', 'b', 'c'])
    expect(ids({ age: { $gt: '1' } })).toEqual(['d'])
  })

  it('counts with and without residual conditions', () => {
    insert('people', [{ openid: 'x', n: 1 }, { openid: 'x', n: 2 }, { openid: 'y', n: 3 }])
    expect(t.call('database.calculateDocument', { collectionName: 'people', query: { openid: 'x' } })).toEqual({ total: 2 })
    expect(t.call('database.calculateDocument', { collectionName: 'people', query: { openid: 'x', n: { $gt: 1 } } })).toEqual({ total: 1 })
    expect(t.call('database.calculateDocument', { collectionName: 'people' })).toEqual({ total: 3 })
  })
})

describe('update and remove', () => {
  const modify = (body: Record<string, unknown>) =>
    t.call<{ updated: number; upsert_id: string | null }>('database.modifyDocument', { collectionName: 'people', merge: true, ...body })

  it('applies inc, push, addToSet, unset and plain set', () => {
    const [id] = insert('people', [{ n: 1, list: [1], set: [1], gone: true, nested: { a: 1 } }])
    const res = modify({
      query: { _id: id },
      data: { $inc: { n: 2 }, $push: { list: { $each: [2, 3] } }, $addToSet: { set: 1 }, $unset: { gone: '' }, $set: { 'nested.b': 2, plain: 'v' } },
    })
    expect(res).toEqual({ updated: 1, upsert_id: null })
    expect(t.find('people', { _id: id })[0]).toEqual({ _id: id, n: 3, list: [1, 2, 3], set: [1], nested: { a: 1, b: 2 }, plain: 'v' })
  })

  it('counts only documents that actually changed, and honours multi', () => {
    insert('people', [{ s: 'a' }, { s: 'a' }, { s: 'b' }])
    expect(modify({ query: { s: 'a' }, data: { $set: { t: 1 } }, multi: false }).updated).toBe(1)
    expect(modify({ query: { s: 'a' }, data: { $set: { t: 1 } }, multi: true }).updated).toBe(1)
    expect(modify({ query: {}, data: { $set: { t: 1 } }, multi: true }).updated).toBe(1)
    expect(t.find('people', { t: 1 })).toHaveLength(3)
  })

  it('is a compare-and-set when the query includes the expected state', () => {
    const [id] = insert('people', [{ status: 'pending' }])
    const outcomes = Array.from({ length: 50 }, () => modify({ query: { _id: id, status: 'pending' }, data: { $set: { status: 'approved' } } }).updated)
    expect(outcomes.filter((n) => n === 1)).toHaveLength(1)
    expect(outcomes.filter((n) => n === 0)).toHaveLength(49)
  })

  it('doc.set replaces the document or creates it (upsert)', () => {
    insert('people', [{ _id: 'p', a: 1, b: 2 }])
    expect(modify({ query: { _id: 'p' }, data: { c: 3 }, merge: false, upsert: true })).toEqual({ updated: 1, upsert_id: null })
    expect(t.find('people', { _id: 'p' })).toEqual([{ _id: 'p', c: 3 }])
    expect(modify({ query: { _id: 'q' }, data: { c: 4 }, merge: false, upsert: true })).toEqual({ updated: 0, upsert_id: 'q' })
    expect(t.find('people', { _id: 'q' })).toEqual([{ _id: 'q', c: 4 }])
  })

  it('upserts from the query equalities with update operators', () => {
    expect(modify({ query: { openid: 'o9', 'profile.kind': 'x' }, data: { $inc: { n: 1 } }, upsert: true }).upsert_id).toMatch(/^[0-9a-f]{32}$/)
    expect(t.find('people', { openid: 'o9' })).toEqual([{ _id: expect.any(String), openid: 'o9', profile: { kind: 'x' }, n: 1 }])
  })

  it('refuses to change _id and reports operator errors as request failures', () => {
    const [id] = insert('people', [{ s: 'x' }])
    expect(wireError(() => modify({ query: { _id: id }, data: { $set: { _id: 'other' } } })).message).toMatch(/immutable field '_id'/)
    expect(wireError(() => modify({ query: { _id: id }, data: { $inc: { s: 1 } } })).code).toBe('DATABASE_REQUEST_FAILED')
    expect(wireError(() => modify({ query: { _id: id }, data: { $bogus: { s: 1 } } })).code).toBe('DATABASE_REQUEST_FAILED')
    expect(t.find('people', { _id: id })).toEqual([{ _id: id, s: 'x' }])
  })

  it('a failing multi-document update leaves every document unchanged', () => {
    insert('people', [{ k: 1, v: 1 }, { k: 1, v: 'text' }])
    expect(() => modify({ query: { k: 1 }, data: { $inc: { v: 1 } }, multi: true })).toThrow(WireError)
    expect(t.find('people').map((d) => d.v)).toEqual([1, 'text'])
  })

  it('removes one or many', () => {
    insert('people', [{ s: 'a' }, { s: 'a' }, { s: 'a' }, { s: 'b' }])
    expect(t.call('database.removeDocument', { collectionName: 'people', query: { s: 'a' }, multi: false })).toEqual({ deleted: 1 })
    expect(t.call('database.removeDocument', { collectionName: 'people', query: { s: 'a' }, multi: true })).toEqual({ deleted: 2 })
    expect(t.find('people').map((d) => d.s)).toEqual(['b'])
  })

  it('modifyAndReturnDoc returns the updated document', () => {
    const [id] = insert('people', [{ n: 1 }])
    const res = t.call<{ updated: number; doc: string }>('database.modifyAndReturnDoc', { collectionName: 'people', query: { _id: id }, data: { $inc: { n: 1 } } })
    expect(res.updated).toBe(1)
    expect(JSON.parse(res.doc)).toEqual({ _id: id, n: 2 })
  })
})

describe('unique indexes', () => {
  it('reject duplicates on insert and on update with E11000 naming the index', () => {
    insert('departments', [{ name: '研发部' }, { name: '市场部' }])
    const onInsert = wireError(() => insert('departments', [{ name: '研发部' }]))
    expect(onInsert.code).toBe('DATABASE_REQUEST_FAILED')
    expect(onInsert.message).toBe('E11000 duplicate key error collection: departments index: name_unique dup key: { name: "研发部" }')
    const onUpdate = wireError(() =>
      t.call('database.modifyDocument', { collectionName: 'departments', query: { name: '市场部' }, data: { $set: { name: '研发部' } }, merge: true }),
    )
    expect(onUpdate.message).toMatch(/duplicate key.*name_unique/)
    expect(t.find('departments').map((d) => d.name)).toEqual(['研发部', '市场部'])
  })

  it('treat a missing field as null, allowing only one such document (MongoDB semantics)', () => {
    insert('departments', [{ other: 1 }])
    expect(wireError(() => insert('departments', [{ other: 2 }])).message).toMatch(/dup key: \{ name: null \}/)
    expect(wireError(() => insert('departments', [{ name: null }])).message).toMatch(/dup key: \{ name: null \}/)
  })
})

describe('aggregate', () => {
  const aggregate = (stages: Array<[string, unknown]>) =>
    t
      .call<{ list: string[] }>('database.aggregateDocuments', {
        collectionName: 'people',
        stages: stages.map(([stageKey, value]) => ({ stageKey, stageValue: typeof value === 'object' ? JSON.stringify(value) : JSON.stringify(value) })),
      })
      .list.map((s) => JSON.parse(s))

  it('runs match/group/sort and returns 20 results when the pipeline has no limit stage', () => {
    t.db.insertMany(
      'people',
      Array.from({ length: 60 }, (_, i) => ({ departmentId: `d${i % 30}`, status: i < 30 ? 'active' : 'left' })),
    )
    const grouped = aggregate([
      ['$match', { status: 'active' }],
      ['$group', { _id: '$departmentId', n: { $sum: 1 } }],
      ['$sort', { _id: 1 }],
    ])
    expect(grouped).toHaveLength(20)
    expect(grouped[0]).toEqual({ _id: 'd0', n: 1 })
    expect(aggregate([['$match', { status: 'active' }], ['$group', { _id: '$departmentId', n: { $sum: 1 } }], ['$limit', 100]])).toHaveLength(30)
    expect(aggregate([['$count', 'n']])).toEqual([{ n: 60 }])
  })

  it('looks up other collections', () => {
    insert('departments', [{ _id: 'd1', name: '研发部' }])
    insert('people', [{ _id: 'p1', departmentId: 'd1' }])
    expect(aggregate([['$lookup', { from: 'departments', localField: 'departmentId', foreignField: '_id', as: 'dept' }]])).toEqual([
      { _id: 'p1', departmentId: 'd1', dept: [{ _id: 'd1', name: '研发部' }] },
    ])
  })
})

describe('digest and durability', () => {
  it('digest changes with any write and is stable otherwise', () => {
    const first = t.db.digest()
    expect(t.db.digest()).toBe(first)
    t.find('people')
    t.call('database.modifyDocument', { collectionName: 'people', query: { nobody: 1 }, data: { $set: { a: 1 } }, merge: true })
    expect(t.db.digest()).toBe(first)
    insert('people', [{ a: 1 }])
    expect(t.db.digest()).not.toBe(first)
  })

  it('keeps data across close and reopen', () => {
    const at = new Date()
    const [id] = insert('events', [{ at }])
    t.reopen()
    expect(t.find('events', { _id: id })).toEqual([{ _id: id, at }])
  })

  it('uses WAL journaling', () => {
    t.db.close()
    const raw = new Database(t.file)
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()
    t.reopen()
  })
})
