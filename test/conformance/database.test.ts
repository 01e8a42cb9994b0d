/**
 * WeChat Cloud database behaviour, driven through the real wx-server-sdk against the local
 * runtime. Each expectation is documented WeChat Cloud behaviour the product relies on.
 */
import { EJSON } from 'bson'
import { rejection, startRuntime, type Runtime } from './support'

let rt: Runtime
beforeAll(async () => {
  rt = await startRuntime()
})
afterAll(async () => {
  await rt.close()
})

let seq = 0
/** A fresh collection per test, created the way a console or function would. */
async function freshCollection(prefix = 'c'): Promise<string> {
  const name = `${prefix}_${++seq}_${Date.now().toString(36)}`
  await rt.db.createCollection(name)
  return name
}

describe('collections', () => {
  it('createCollection creates a collection that accepts documents; creating it again fails', async () => {
    const name = await freshCollection()
    const added = await rt.db.collection(name).add({ data: { a: 1 } })
    expect(added).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{32}$/), errMsg: 'collection.add:ok' })
    const again = await rejection(rt.db.createCollection(name))
    expect(again.message).toMatch(/^createCollection:fail/)
  })

  it('add to a collection that does not exist fails with -502005', async () => {
    const err = await rejection(rt.db.collection('no_such_collection').add({ data: { a: 1 } }))
    expect(err.errCode).toBe(-502005)
    expect(err.message).toMatch(/^collection\.add:fail -502005 database collection not exists\. \[ResourceNotFound\] Db or Table not exist/)
    const read = await rejection(rt.db.collection('no_such_collection').get())
    expect(read.errCode).toBe(-502005)
  })

  it('the declared collections exist from the start', async () => {
    for (const name of ['departments', 'people', 'audit_log']) {
      await expect(rt.db.collection(name).count()).resolves.toEqual({ total: expect.any(Number), errMsg: 'collection.count:ok' })
    }
  })
})

describe('reading', () => {
  let name: string
  beforeAll(async () => {
    name = await freshCollection('people')
    const people = [
      { _id: 'p1', name: 'Alice', age: 30, dept: 'rd', tags: ['a', 'b'], openid: 'o1' },
      { _id: 'p2', name: 'bob', age: 20, dept: 'rd', tags: ['b'] },
      { _id: 'p3', name: 'Carol', age: 40, dept: 'ops', openid: 'o3' },
      { _id: 'p4', name: 'dave', age: 25, dept: 'ops', tags: [] },
    ]
    for (const data of people) await rt.db.collection(name).add({ data })
  })
  const ids = async (q: { get(): Promise<{ data: Array<Record<string, unknown>> }> }) => (await q.get()).data.map((d) => d._id)

  it('filters with db.command operators', async () => {
    const { _, db } = rt
    const c = db.collection(name)
    expect(await ids(c.where({ age: _.gte(20).and(_.lt(30)) }))).toEqual(['p2', 'p4'])
    expect(await ids(c.where({ dept: _.in(['ops', 'x']) }))).toEqual(['p3', 'p4'])
    expect(await ids(c.where(_.or([{ age: _.gt(35) }, { name: 'bob' }]) as unknown as Record<string, unknown>))).toEqual(['p2', 'p3'])
    expect(await ids(c.where({ dept: _.neq('rd') }))).toEqual(['p3', 'p4'])
    expect(await ids(c.where({ openid: _.exists(false) }))).toEqual(['p2', 'p4'])
    expect(await ids(c.where({ name: db.RegExp({ regexp: '^[ab]', options: 'i' }) }))).toEqual(['p1', 'p2'])
    expect(await ids(c.where({ name: /^c/i }))).toEqual(['p3'])
    expect(await ids(c.where({ tags: 'b' }))).toEqual(['p1', 'p2'])
  })

  it('orders, skips, limits and projects', async () => {
    const res = await rt.db.collection(name).orderBy('age', 'desc').skip(1).limit(2).field({ name: true, age: true }).get()
    expect(res).toEqual({
      data: [
        { _id: 'p1', name: 'Alice', age: 30 },
        { _id: 'p4', name: 'dave', age: 25 },
      ],
      errMsg: 'collection.get:ok',
    })
    const twoKeys = await rt.db.collection(name).orderBy('dept', 'asc').orderBy('age', 'asc').field({ dept: true }).get()
    expect(twoKeys.data.map((d) => d._id)).toEqual(['p4', 'p3', 'p2', 'p1'])
  })

  it('counts', async () => {
    expect(await rt.db.collection(name).where({ dept: 'rd' }).count()).toEqual({ total: 2, errMsg: 'collection.count:ok' })
  })

  it('doc(id).get returns the document, and a missing id fails with errCode -1', async () => {
    expect(await rt.db.collection(name).doc('p2').get()).toEqual({
      data: { _id: 'p2', name: 'bob', age: 20, dept: 'rd', tags: ['b'] },
      errMsg: 'document.get:ok',
    })
    const err = await rejection(rt.db.collection(name).doc('nope').get())
    expect(err.errCode).toBe(-1)
    expect(err.message).toBe('document.get:fail document with _id nope does not exist')
  })
})

describe('limits', () => {
  let name: string
  beforeAll(async () => {
    name = await freshCollection('many')
    rt.cloud.database.insertMany(
      name,
      Array.from({ length: 1200 }, (_, i) => ({ i })),
    )
  })

  it('get() without limit returns 100 documents', async () => {
    expect((await rt.db.collection(name).get()).data).toHaveLength(100)
  })

  it('get() never returns more than 1000, even when asked for more', async () => {
    expect((await rt.db.collection(name).limit(1000).get()).data).toHaveLength(1000)
    expect((await rt.db.collection(name).limit(5000).get()).data).toHaveLength(1000)
    // The SDK caps at 1000 itself; the server caps too, for clients that do not.
    const raw = await rt.wire({ action: 'database.getDocument', collectionName: name, query: '{}', limit: 5000 })
    expect((raw.data as { list: string[] }).list).toHaveLength(1000)
    const noLimit = await rt.wire({ action: 'database.getDocument', collectionName: name, query: '{}' })
    expect((noLimit.data as { list: string[] }).list).toHaveLength(100)
  })

  it('pages with skip', async () => {
    const page = await rt.db.collection(name).skip(1150).limit(100).get()
    expect(page.data.map((d) => d.i)).toEqual(Array.from({ length: 50 }, (_, k) => 1150 + k))
  })
})

describe('writing', () => {
  it('update applies inc, push, addToSet and remove and reports stats.updated', async () => {
    const { db, _ } = rt
    const c = db.collection(await freshCollection())
    const { _id } = await c.add({ data: { n: 1, list: [1], set: ['a'], gone: 'x', keep: true } })
    const res = await c.doc(_id).update({ data: { n: _.inc(2), list: _.push([2, 3]), set: _.addToSet('a'), gone: _.remove(), extra: { deep: 1 } } })
    expect(res).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' })
    expect((await c.doc(_id).get()).data).toEqual({ _id, n: 3, list: [1, 2, 3], set: ['a'], keep: true, extra: { deep: 1 } })
    const where = await c.where({ keep: true }).update({ data: { set: _.addToSet('b') } })
    expect(where).toEqual({ stats: { updated: 1 }, errMsg: 'collection.update:ok' })
    expect((await c.doc(_id).get()).data.set).toEqual(['a', 'b'])
  })

  it('doc.set replaces an existing document or creates a new one', async () => {
    const c = rt.db.collection(await freshCollection())
    const { _id } = await c.add({ data: { a: 1, b: 2 } })
    expect(await c.doc(_id).set({ data: { c: 3 } })).toEqual({ _id, stats: { updated: 1, created: 0 }, errMsg: 'document.set:ok' })
    expect((await c.doc(_id).get()).data).toEqual({ _id, c: 3 })
    expect(await c.doc('made-by-set').set({ data: { d: 4 } })).toEqual({ _id: 'made-by-set', stats: { updated: 0, created: 1 }, errMsg: 'document.set:ok' })
    expect((await c.doc('made-by-set').get()).data).toEqual({ _id: 'made-by-set', d: 4 })
  })

  it('remove reports stats.removed', async () => {
    const c = rt.db.collection(await freshCollection())
    for (const k of [1, 1, 2]) await c.add({ data: { k } })
    expect(await c.where({ k: 1 }).remove()).toEqual({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' })
    const [{ _id }] = (await c.get()).data as Array<{ _id: string }>
    expect(await c.doc(_id).remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' })
    expect((await c.count()).total).toBe(0)
  })

  it('dates and serverDate round-trip as Date objects', async () => {
    const c = rt.db.collection(await freshCollection())
    const at = new Date('2024-03-04T05:06:07.089Z')
    const before = Date.now()
    const { _id } = await c.add({ data: { at, created: rt.db.serverDate(), later: rt.db.serverDate({ offset: 3_600_000 }), nested: [{ at }] } })
    const { data } = await c.doc(_id).get()
    expect(data.at).toBeInstanceOf(Date)
    expect(data.at).toEqual(at)
    expect((data.nested as Array<{ at: Date }>)[0].at).toEqual(at)
    const created = (data.created as Date).getTime()
    expect(created).toBeGreaterThanOrEqual(before)
    expect(created).toBeLessThanOrEqual(Date.now())
    expect((data.later as Date).getTime() - created).toBeGreaterThanOrEqual(3_600_000 - 50)
    expect((await c.where({ at: rt._.gte(new Date('2024-01-01')).and(rt._.lt(new Date('2025-01-01'))) }).get()).data).toHaveLength(1)
    await c.doc(_id).update({ data: { touched: rt.db.serverDate() } })
    expect((await c.doc(_id).get()).data.touched).toBeInstanceOf(Date)
  })

  it('a unique index rejects a duplicate with -502001 duplicate key, on add and on update', async () => {
    const departments = rt.db.collection('departments')
    await departments.add({ data: { name: '质检部' } })
    const { _id } = await departments.add({ data: { name: '法务部' } })
    const err = await rejection(departments.add({ data: { name: '质检部' } }))
    expect(err.errCode).toBe(-502001)
    expect(err.message).toMatch(/^collection\.add:fail -502001 database request fail\. E11000 duplicate key error collection: departments index: name_unique/)
    const onUpdate = await rejection(departments.doc(_id).update({ data: { name: '质检部' } }))
    expect(onUpdate.errCode).toBe(-502001)
    expect((await departments.where({ name: '质检部' }).count()).total).toBe(1)
  })

  it('where({_id, status}).update is a compare-and-set: of 50 concurrent calls exactly one updates', async () => {
    const c = rt.db.collection(await freshCollection())
    const { _id } = await c.add({ data: { status: 'pending' } })
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => c.where({ _id, status: 'pending' }).update({ data: { status: 'approved', by: i } })),
    )
    const updated = results.map((r) => r.stats.updated)
    expect(updated.filter((n) => n === 1)).toHaveLength(1)
    expect(updated.filter((n) => n === 0)).toHaveLength(49)
    const winner = updated.indexOf(1)
    expect((await c.doc(_id).get()).data).toEqual({ _id, status: 'approved', by: winner })
  })
})

describe('aggregate', () => {
  it('match().group().end() returns {list}', async () => {
    const c = rt.db.collection(await freshCollection())
    for (const [dept, n] of [
      ['rd', 1],
      ['rd', 2],
      ['ops', 5],
      ['hr', 7],
    ] as const) {
      await c.add({ data: { dept, n } })
    }
    const $ = rt._.aggregate
    const res = await c
      .aggregate()
      .match({ n: rt._.lt(6) })
      .group({ _id: '$dept', total: $.sum('$n'), count: $.sum(1) })
      .sort({ _id: 1 })
      .end()
    expect(res).toEqual({
      list: [
        { _id: 'ops', total: 5, count: 1 },
        { _id: 'rd', total: 3, count: 2 },
      ],
      errMsg: 'collection.aggregate:ok',
    })
  })

  it('returns 20 results when the pipeline has no limit stage, as WeChat Cloud does', async () => {
    const name = await freshCollection()
    rt.cloud.database.insertMany(
      name,
      Array.from({ length: 50 }, (_, i) => ({ k: i })),
    )
    expect((await rt.db.collection(name).aggregate().match({}).end()).list).toHaveLength(20)
    expect((await rt.db.collection(name).aggregate().match({}).limit(1000).end()).list).toHaveLength(50)
  })
})

describe('wire format', () => {
  it('returns list items as Extended JSON strings', async () => {
    const name = await freshCollection()
    await rt.db.collection(name).add({ data: { _id: 'w', at: new Date(0) } })
    const raw = await rt.wire({ action: 'database.getDocument', collectionName: name, query: EJSON.stringify({ _id: 'w' }), limit: 1 })
    expect(raw).toEqual({ requestId: expect.any(String), data: { list: ['{"_id":"w","at":{"$date":"1970-01-01T00:00:00.000Z"}}'] } })
  })
})
