import { EJSON } from 'bson'
import { WireError } from './errors'
import { wireResponse } from './index'
import { openTestDb, type TestDb } from './test-support'
import { TRANSACTION_LIFETIME_MS, TransactionManager } from './transactions'

let t: TestDb
beforeEach(() => {
  t = openTestDb([{ name: 'accounts', indexes: [{ name: 'owner_unique', unique: true, fields: [{ field: 'owner', direction: 1 }] }] }])
  t.db.insertMany('accounts', [
    { _id: 'a', owner: 'alice', balance: 100 },
    { _id: 'b', owner: 'bob', balance: 0 },
  ])
})
afterEach(() => t.cleanup())

const begin = () => t.call<{ transactionId: string }>('database.startTransaction', {}).transactionId
type Account = { _id: string; owner: string; balance: number }
const get = (id: string, transactionId?: string): Account | undefined =>
  t
    .call<{ list: string[] }>('database.getDocument', { collectionName: 'accounts', query: { _id: id }, queryType: 'DOC', transactionId })
    .list.map((s) => EJSON.parse(s) as Account)[0]
const inc = (id: string, amount: number, transactionId?: string) =>
  t.call<{ updated: number }>('database.modifyDocument', {
    collectionName: 'accounts',
    query: { _id: id },
    data: { $inc: { balance: amount } },
    merge: true,
    multi: false,
    queryType: 'DOC',
    transactionId,
  })
const commit = (transactionId: string) => t.call('database.commitTransaction', { transactionId })

function code(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(WireError)
    return (err as WireError).code
  }
  throw new Error('expected a WireError')
}

it('commits all writes at once; nothing is visible before', () => {
  const tx = begin()
  inc('a', -30, tx)
  inc('b', 30, tx)
  t.call('database.insertDocument', { collectionName: 'accounts', data: [{ _id: 'c', owner: 'carol', balance: 1 }], transactionId: tx })
  t.call('database.removeDocument', { collectionName: 'accounts', query: { _id: 'c' }, queryType: 'DOC', transactionId: tx })
  t.call('database.insertDocument', { collectionName: 'accounts', data: [{ _id: 'd', owner: 'dan' }], transactionId: tx })
  const before = t.db.digest()
  expect(get('a')?.balance).toBe(100)
  expect(get('d')).toBeUndefined()
  expect(get('a', tx)?.balance).toBe(70)
  expect(get('c', tx)).toBeUndefined()
  commit(tx)
  expect(t.db.digest()).not.toBe(before)
  expect([get('a')?.balance, get('b')?.balance, get('c'), get('d')]).toEqual([70, 30, undefined, { _id: 'd', owner: 'dan' }])
})

it('abort discards every buffered write', () => {
  const before = t.db.digest()
  const tx = begin()
  inc('a', -30, tx)
  t.call('database.insertDocument', { collectionName: 'accounts', data: [{ owner: 'zed' }], transactionId: tx })
  t.call('database.abortTransaction', { transactionId: tx })
  expect(t.db.digest()).toBe(before)
  expect(code(() => commit(tx))).toBe('DATABASE_TRANSACTION_FAIL')
  t.call('database.abortTransaction', { transactionId: tx })
})

it('the second of two transactions writing the same document conflicts', () => {
  const t1 = begin()
  const t2 = begin()
  inc('a', 1, t1)
  inc('a', 2, t2)
  commit(t1)
  expect(code(() => commit(t2))).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(get('a')?.balance).toBe(101)
})

it('a transaction that read a document conflicts once someone else changed it (no lost update)', () => {
  const tx = begin()
  expect(get('a', tx)?.balance).toBe(100)
  inc('a', 5)
  inc('b', 100, tx)
  expect(code(() => commit(tx))).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect([get('a')?.balance, get('b')?.balance]).toEqual([105, 0])
})

it('reads the snapshot taken when the transaction started, then conflicts at commit', () => {
  const tx = begin()
  inc('a', 5)
  t.call('database.removeDocument', { collectionName: 'accounts', query: { _id: 'b' }, queryType: 'DOC' })
  t.call('database.insertDocument', { collectionName: 'accounts', data: [{ _id: 'n', owner: 'nina' }] })
  expect(get('a', tx)?.balance).toBe(100)
  expect(get('b', tx)).toEqual({ _id: 'b', owner: 'bob', balance: 0 })
  expect(get('n', tx)).toBeUndefined()
  expect(get('a')?.balance).toBe(105)
  expect(code(() => commit(tx))).toBe('DATABASE_TRANSACTION_CONFLICT')
})

it('a non-transactional insert of an id the transaction also creates is a conflict at commit', () => {
  const tx = begin()
  expect(get('n', tx)).toBeUndefined()
  t.call('database.insertDocument', { collectionName: 'accounts', data: [{ _id: 'n', owner: 'x' }] })
  t.call('database.insertDocument', { collectionName: 'accounts', data: [{ _id: 'n', owner: 'z' }], transactionId: tx })
  expect(code(() => commit(tx))).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(get('n')?.owner).toBe('x')
})

it('disjoint transactions both commit', () => {
  const t1 = begin()
  const t2 = begin()
  inc('a', 1, t1)
  inc('b', 1, t2)
  commit(t2)
  commit(t1)
  expect([get('a')?.balance, get('b')?.balance]).toEqual([101, 1])
})

it('a commit that breaks a unique index fails as a whole', () => {
  const tx = begin()
  inc('a', -1, tx)
  t.call('database.insertDocument', { collectionName: 'accounts', data: [{ owner: 'bob' }], transactionId: tx })
  expect(() => commit(tx)).toThrow(/duplicate key/)
  expect(get('a')?.balance).toBe(100)
})

it('allows single-document operations only', () => {
  const tx = begin()
  expect(code(() => t.call('database.getDocument', { collectionName: 'accounts', query: { owner: 'bob' }, transactionId: tx }))).toBe('INVALID_PARAM')
  expect(code(() => t.call('database.calculateDocument', { collectionName: 'accounts', transactionId: tx }))).toBe('INVALID_PARAM')
})

it('serves the pre-2020 transaction actions with their response envelope', () => {
  const tx = begin()
  expect(wireResponse('r', 'database.startTransaction', { transactionId: tx })).toEqual({ requestId: 'r', data: { transactionId: tx }, transactionId: tx })
  expect(EJSON.parse(t.db.handle('database.getInTransaction', { collectionName: 'accounts', transactionId: tx, _id: 'a' }) as string)).toEqual({
    _id: 'a',
    owner: 'alice',
    balance: 100,
  })
  const updated = t.db.handle('database.updateDocInTransaction', {
    collectionName: 'accounts',
    transactionId: tx,
    _id: 'a',
    data: EJSON.stringify({ $set: { balance: 1 } }, { relaxed: false }),
  })
  expect(wireResponse('r', 'database.updateDocInTransaction', updated)).toMatchObject({ updated: '1' })
  const deleted = t.db.handle('database.deleteDocInTransaction', { collectionName: 'accounts', transactionId: tx, _id: 'b' })
  expect(wireResponse('r', 'database.deleteDocInTransaction', deleted)).toMatchObject({ deleted: '1' })
  commit(tx)
  expect(get('a')?.balance).toBe(1)
  expect(get('b')).toBeUndefined()
})

describe('TransactionManager', () => {
  it('expires transactions after their lifetime', () => {
    let now = 1_000
    const m = new TransactionManager(() => now)
    const tx = m.begin()
    now += TRANSACTION_LIFETIME_MS - 1
    expect(m.get(tx.id)).toBe(tx)
    now += 2
    expect(() => m.get(tx.id)).toThrow(/does not exist/)
    expect(m.active).toBe(0)
  })

  it('keeps change history only while transactions are open', () => {
    const m = new TransactionManager()
    m.noteCommitted('c', 'x', 'v0')
    const tx = m.begin()
    const key = m.touch(tx, 'c', 'x')
    expect(m.snapshot(tx, key)).toBeUndefined()
    m.noteCommitted('c', 'x', 'v1')
    m.noteCommitted('c', 'x', 'v2')
    expect(m.snapshot(tx, key)).toEqual({ text: 'v1' })
    expect(() => m.commit(tx, () => undefined)).toThrow(/conflict/)
    expect(m.active).toBe(0)
  })
})
