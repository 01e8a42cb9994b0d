import { EJSON } from 'bson'
import { find } from 'mingo'
import type { Doc } from './codec'
import type { CollectionSpec } from './declaration'
import { planQuery, parseSort } from './plan'
import { Store } from './store'
import { ej, openTestDb, type TestDb } from './test-support'

const spec: CollectionSpec = {
  name: 'items',
  indexes: [
    { name: 'v', fields: [{ field: 'v', direction: 1 }] },
    { name: 'a_b', fields: [{ field: 'a', direction: 1 }, { field: 'b', direction: -1 }] },
    { name: 'at', fields: [{ field: 'at', direction: -1 }] },
    { name: 'deep', fields: [{ field: 'p.q', direction: 1 }] },
  ],
}

describe('planQuery', () => {
  let store: Store
  beforeEach(() => {
    store = new Store(':memory:')
    store.open([spec])
  })
  afterEach(() => store.close())

  const coll = () => store.get('items')!
  const explain = (criteria: Doc, sort: Array<[string, 1 | -1]> = []) => {
    const plan = planQuery(coll(), criteria, sort)
    const sql = `SELECT rid, doc FROM ${coll().table} WHERE ${plan.where}${plan.orderSql ? ` ORDER BY ${plan.orderSql}` : ''}`
    const detail = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...plan.params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
    return { plan, detail }
  }

  it('pushes equality, range and $in on indexed fields, with no residual, through the index', () => {
    const { plan, detail } = explain({ a: 'x', b: { $gte: 1, $lt: 9 } })
    expect(plan.residual).toBeNull()
    expect(detail).toMatch(/USING INDEX i:items:a_b/)
    expect(explain({ v: { $in: ['x', 'y'] } }).detail).toMatch(/USING INDEX i:items:v/)
    expect(explain({ 'p.q': 3 }).detail).toMatch(/USING INDEX i:items:deep/)
    expect(explain({ _id: 'abc' }).detail).toMatch(/USING INDEX sqlite_autoindex/)
  })

  it('pushes a date range and the ORDER BY of a single-kind field', () => {
    store.insert(coll(), { _id: '1', at: new Date(1) })
    const { plan, detail } = explain({ at: { $gte: new Date(0), $lt: new Date(10) } }, [['at', -1]])
    expect(plan.residual).toBeNull()
    expect(plan.orderSql).toBe(`json_extract(doc, '$.at') DESC, rid`)
    expect(detail).toMatch(/USING INDEX i:items:at/)
    expect(detail).not.toMatch(/TEMP B-TREE/)
  })

  it('keeps conditions SQL cannot express exactly for mingo', () => {
    const plan = planQuery(coll(), { v: 1, $or: [{ a: 1 }, { a: 2 }], a: { $ne: 3, $gt: 0 }, b: /x/ }, [])
    expect(plan.where).toBe(`json_extract(doc, '$.v') = ? AND NOT COALESCE((json_extract(doc, '$.a') = ?), 0) AND json_extract(doc, '$.a') > ?`)
    expect(plan.residual).toEqual({ $and: [{ $or: [{ a: 1 }, { a: 2 }] }, { b: /x/ }] })
  })

  it('matches scalar literals on untracked top-level fields exactly in SQL, by JSON type and one level into arrays', () => {
    const plan = planQuery(coll(), { w: 2, flag: true, tag: { $in: ['a', 3] } }, [])
    expect(plan.residual).toBeNull()
    expect(plan.where).toContain(`json_type(doc, '$.w') IN ('integer', 'real') AND json_extract(doc, '$.w') IN (?)`)
    expect(plan.where).toContain(`json_type(doc, '$.flag') = 'true'`)
    expect(plan.where).toContain(`EXISTS (SELECT 1 FROM json_each(doc, '$.tag') AS e WHERE (e.type = 'text' AND e.value IN (?)) OR (e.type IN ('integer', 'real') AND e.value IN (?)))`)
    expect(plan.params).toEqual([2, 2, 'a', 3, 'a', 3])
  })

  it('prefilters unindexed conditions in SQL as a superset that lets arrays through', () => {
    const plan = planQuery(coll(), { 'x.y': { $in: ['a', 'b'] }, z: { $gte: new Date(0) } })
    expect(plan.where).toBe(
      `((json_extract(doc, '$.x.y') IN (?, ?)) OR json_type(doc, '$.x') = 'array' OR json_type(doc, '$.x.y') = 'array') AND ((json_extract(doc, '$.z') >= ?) OR json_type(doc, '$.z') = 'array')`,
    )
    expect(plan.residual).toEqual({ $and: [{ 'x.y': { $in: ['a', 'b'] } }, { z: { $gte: new Date(0) } }] })
  })

  it('adds type guards only once a field has held conflicting kinds', () => {
    expect(planQuery(coll(), { v: 1 }).where).toBe(`json_extract(doc, '$.v') = ?`)
    store.insert(coll(), { _id: '1', v: true })
    expect(planQuery(coll(), { v: 1 }).where).toMatch(/json_type\(doc, '\$\.v'\) IN \('integer', 'real'\)/)
    expect(planQuery(coll(), { v: 5 }).where).toBe(`json_extract(doc, '$.v') = ?`)
    expect(planQuery(coll(), { v: { $gt: 5 } }).where).toMatch(/json_type/)
  })

  it('stops pushing a field down once it has held an array, and stops SQL sorting on mixed kinds', () => {
    store.insert(coll(), { _id: '1', v: 'x' })
    expect(planQuery(coll(), {}, [['v', 1]]).orderSql).not.toBeNull()
    store.insert(coll(), { _id: '2', v: 3 })
    expect(planQuery(coll(), {}, [['v', 1]]).orderSql).toBeNull()
    store.insert(coll(), { _id: '3', v: ['x'] })
    // Equality still avoids reading every document, through the field's multikey table...
    expect(planQuery(coll(), { v: 'x' })).toMatchObject({ where: `rid IN (SELECT rid FROM "m:items:v" WHERE (t = 2 AND v IN (?)))`, residual: null })
    // ...while anything else on it goes back to mingo.
    expect(planQuery(coll(), { v: { $gt: 'a' } }).residual).toEqual({ v: { $gt: 'a' } })
  })

  it('keeps a multikey table in step with inserts, replacements and removals', () => {
    const c = coll()
    const ids = () => (store.db.prepare(`SELECT t, v, rid FROM "m:items:v" ORDER BY rid, t, v`).all() as Array<{ t: number; v: unknown; rid: number }>).map((r) => [r.rid, r.t, r.v])
    const r1 = store.insert(c, { _id: '1', v: 'x' })
    const r2 = store.insert(c, { _id: '2', v: ['a', 'b', 'a', 1, true, null, ['z'], { k: 1 }, new Date(0)] })
    // Built from the rows already there when the field first held an array, then kept on write.
    expect(ids()).toEqual([
      [r1, 2, 'x'],
      [r2, 1, 1],
      [r2, 2, 'a'],
      [r2, 2, 'b'],
      [r2, 3, 1],
    ])
    store.replace(c, store.byId(c, '2')!, { _id: '2', v: ['c'] })
    store.remove(c, r1)
    expect(ids()).toEqual([[r2, 2, 'c']])
  })

  it('remembers field kinds across reopening', () => {
    const file = `${require('node:os').tmpdir()}/bwm-plan-${process.pid}-${Date.now()}.sqlite`
    const s1 = new Store(file)
    s1.open([spec])
    s1.insert(s1.get('items')!, { _id: '1', v: ['x'] })
    s1.close()
    const s2 = new Store(file)
    s2.open([spec])
    expect(planQuery(s2.get('items')!, { v: 'x' }).where).toContain('"m:items:v"')
    s2.close()
    // An index dropped from the declaration takes its multikey table with it.
    const s3 = new Store(file)
    s3.open([{ ...spec, indexes: [] }])
    expect(s3.db.prepare(`SELECT name FROM sqlite_master WHERE name = 'm:items:v'`).get()).toBeUndefined()
    s3.close()
    for (const suffix of ['', '-wal', '-shm']) require('node:fs').rmSync(file + suffix, { force: true })
  })

  it('parses the SDK order object', () => {
    expect(parseSort({ a: -1, b: 1 })).toEqual([
      ['a', -1],
      ['b', 1],
    ])
    expect(parseSort(undefined)).toEqual([])
  })
})

/**
 * The pushdown must never change a result: every query below runs through the engine and
 * through mingo over all documents, and both must return the same ids in the same order.
 */
describe('pushdown agrees with MongoDB semantics (mingo over every document)', () => {
  let t: TestDb
  let all: Doc[]
  beforeEach(() => {
    t = openTestDb([spec])
    all = []
  })
  afterEach(() => t.cleanup())

  let seed = 42
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed / 2 ** 31
  }
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]

  const numbers = [0, 1, 2, 5, -3, 1.5, 100]
  const strings = ['', 'a', 'b', 'ab', '{x', '[y', '中文', 'Z']
  const dates = [new Date(0), new Date('2024-01-01T00:00:00Z'), new Date('2024-06-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z')]
  const scalars = [...numbers, ...strings, ...dates, true, false, null]

  function load(n: number, valueFor: () => unknown) {
    const docs: Doc[] = []
    for (let i = 0; i < n; i++) {
      const doc: Doc = { _id: `id${String(all.length + i).padStart(4, '0')}`, w: Math.floor(rand() * 3) }
      for (const field of ['v', 'a', 'b', 'at', 'u']) {
        const value = valueFor()
        if (value !== undefined) doc[field] = value
      }
      // Absent values are left out, as the SDK drops undefined fields before sending.
      const sub = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, valueFor()]).filter(([, v]) => v !== undefined))
      const r = rand()
      if (r < 0.4) doc.p = sub('q', 'r')
      else if (r < 0.5) doc.p = [sub('q', 'r'), sub('r')]
      docs.push(doc)
    }
    t.db.insertMany('items', docs)
    all.push(...(EJSON.parse(EJSON.stringify(docs)) as Doc[]))
  }

  function randomCondition(): unknown {
    const r = rand()
    if (r < 0.3) return pick(scalars)
    if (r < 0.6) {
      const op = pick(['$gt', '$gte', '$lt', '$lte'])
      const kind = rand()
      return { [op]: kind < 0.4 ? pick(numbers) : kind < 0.7 ? pick(strings) : pick(dates) }
    }
    if (r < 0.8) return { $in: [pick(scalars), pick(scalars), pick(scalars)] }
    if (r < 0.9) return { $ne: pick(scalars) }
    return { $eq: pick(scalars) }
  }

  function randomQuery(): Doc {
    const query: Doc = {}
    const fields = ['v', 'a', 'b', 'at', 'p.q', 'u', 'p.r']
    const count = 1 + Math.floor(rand() * 2)
    for (let i = 0; i < count; i++) query[pick(fields)] = randomCondition()
    if (rand() < 0.3) query.w = Math.floor(rand() * 3)
    return query
  }

  function check(iterations: number) {
    for (let i = 0; i < iterations; i++) {
      const query = randomQuery()
      const sortField = pick([null, 'v', 'a', 'at', '_id', 'w'])
      const sort: Record<string, 1 | -1> = sortField ? { [sortField]: pick([1, -1] as const) } : {}
      if (sortField && sortField !== '_id') sort._id = 1
      const offset = pick([0, 0, 3])
      const limit = pick([5, 50, 1000])
      const expected = find(all, query)
        .sort(Object.keys(sort).length ? sort : { _id: 1 })
        .skip(offset)
        .limit(limit)
        .all()
        .map((d) => d._id)
      const actual = t.find('items', query, { order: Object.keys(sort).length ? sort : undefined, offset, limit }).map((d) => d._id)
      const context = `query ${ej(query)} sort ${JSON.stringify(sort)} offset ${offset} limit ${limit}`
      expect({ context, ids: actual }).toEqual({ context, ids: expected })
      const total = t.call<{ total: number }>('database.calculateDocument', { collectionName: 'items', query }).total
      expect({ context, total }).toEqual({ context, total: find(all, query).all().length })
    }
  }

  it('on single-kind fields (full pushdown, SQL ordering)', () => {
    load(150, () => pick(numbers))
    check(150)
    load(150, () => (rand() < 0.2 ? undefined : pick(numbers)))
    check(150)
  })

  it('on fields mixing every kind (type guards, JS ordering)', () => {
    load(300, () => (rand() < 0.1 ? undefined : pick(scalars)))
    check(300)
  })

  it('on fields that hold arrays and objects (pushdown disabled)', () => {
    load(150, () => (rand() < 0.1 ? undefined : pick(scalars)))
    load(150, () => pick([[pick(scalars), pick(scalars)], { x: 1 }, pick(scalars)]))
    check(300)
  })
})
