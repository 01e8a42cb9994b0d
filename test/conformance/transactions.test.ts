/**
 * db.runTransaction / db.startTransaction through the real wx-server-sdk: all-or-nothing,
 * isolated, reads see the transaction's own writes, and conflicting transactions are retried
 * by the SDK (it retries on DATABASE_TRANSACTION_CONFLICT only).
 */
import { rejection, startRuntime, type Runtime, type TransactionHandle } from './support'

let rt: Runtime
beforeAll(async () => {
  rt = await startRuntime()
})
afterAll(async () => {
  await rt.close()
})

let seq = 0
async function accounts(): Promise<string> {
  const name = `tx_${++seq}_${Date.now().toString(36)}`
  await rt.db.createCollection(name)
  const c = rt.db.collection(name)
  await c.add({ data: { _id: 'alice', balance: 100 } })
  await c.add({ data: { _id: 'bob', balance: 0 } })
  return name
}

const balance = async (name: string, id: string) => (await rt.db.collection(name).doc(id).get()).data.balance

async function transfer(t: TransactionHandle, name: string, amount: number): Promise<number> {
  const from = (await t.collection(name).doc('alice').get()).data
  if ((from.balance as number) < amount) throw new Error('insufficient balance')
  await t.collection(name).doc('alice').update({ data: { balance: rt._.inc(-amount) } })
  await t.collection(name).doc('bob').update({ data: { balance: rt._.inc(amount) } })
  return (from.balance as number) - amount
}

it('commits every write of the callback and returns its result', async () => {
  const name = await accounts()
  const left = await rt.db.runTransaction((t) => transfer(t, name, 30))
  expect(left).toBe(70)
  expect([await balance(name, 'alice'), await balance(name, 'bob')]).toEqual([70, 30])
})

it('leaves nothing behind when the callback throws', async () => {
  const name = await accounts()
  const before = rt.cloud.database.digest()
  const err = await rejection(
    rt.db.runTransaction(async (t) => {
      await t.collection(name).doc('alice').update({ data: { balance: rt._.inc(-50) } })
      await t.collection(name).add({ data: { _id: 'carol', balance: 50 } })
      throw new Error('changed my mind')
    }),
  )
  expect(err.message).toBe('changed my mind')
  expect(rt.cloud.database.digest()).toBe(before)
  const insufficient = await rejection(rt.db.runTransaction((t) => transfer(t, name, 500)))
  expect(insufficient.message).toBe('insufficient balance')
  expect(rt.cloud.database.digest()).toBe(before)
})

it('rollback(reason) aborts and rejects with the reason', async () => {
  const name = await accounts()
  const before = rt.cloud.database.digest()
  const outcome = await rt.db
    .runTransaction(async (t) => {
      await t.collection(name).doc('bob').update({ data: { balance: 999 } })
      await t.rollback('no thanks')
    })
    .then(
      () => 'resolved',
      (reason: unknown) => reason,
    )
  expect(outcome).toBe('no thanks')
  expect(rt.cloud.database.digest()).toBe(before)
})

it('reads inside a transaction see its own writes; others see nothing until commit', async () => {
  const name = await accounts()
  const t = await rt.db.startTransaction()
  await t.collection(name).doc('alice').update({ data: { balance: 1 } })
  await t.collection(name).add({ data: { _id: 'carol', balance: 2 } })
  expect((await t.collection(name).doc('alice').get()).data.balance).toBe(1)
  expect((await t.collection(name).doc('carol').get()).data.balance).toBe(2)
  expect(await balance(name, 'alice')).toBe(100)
  expect((await rejection(rt.db.collection(name).doc('carol').get())).errCode).toBe(-1)
  await t.commit()
  expect(await balance(name, 'alice')).toBe(1)
  expect(await balance(name, 'carol')).toBe(2)
})

it('doc.get of a missing id inside a transaction fails like outside', async () => {
  const name = await accounts()
  const err = await rejection(rt.db.runTransaction(async (t) => t.collection(name).doc('nobody').get()))
  expect(err.errCode).toBe(-1)
  expect(err.message).toBe('document.get:fail document with _id nobody does not exist')
})

it('of two transactions updating the same document, one conflicts and the SDK retries it', async () => {
  const name = await accounts()
  let attempts = 0
  let arrived = 0
  const increment = () =>
    rt.db.runTransaction(async (t) => {
      attempts++
      const { data } = await t.collection(name).doc('bob').get()
      arrived++
      // Both first attempts read before either writes, so they really overlap.
      while (arrived < 2) await new Promise((r) => setTimeout(r, 2))
      await t.collection(name).doc('bob').update({ data: { balance: (data.balance as number) + 1 } })
    })
  await Promise.all([increment(), increment()])
  expect(attempts).toBe(3)
  expect(await balance(name, 'bob')).toBe(2)
})

it('loses no update under many concurrent read-modify-write transactions', async () => {
  const name = await accounts()
  const outcomes = await Promise.allSettled(
    Array.from({ length: 8 }, () =>
      rt.db.runTransaction(async (t) => {
        const { data } = await t.collection(name).doc('bob').get()
        await t.collection(name).doc('bob').update({ data: { balance: (data.balance as number) + 1 } })
      }),
    ),
  )
  const committed = outcomes.filter((o) => o.status === 'fulfilled').length
  expect(committed).toBeGreaterThan(0)
  for (const o of outcomes) {
    if (o.status === 'rejected') expect(String((o.reason as { code?: string }).code ?? o.reason)).toMatch(/DATABASE_TRANSACTION_CONFLICT/)
  }
  expect(await balance(name, 'bob')).toBe(committed)
})

it('a plain write to a document a transaction read makes that transaction retry', async () => {
  const name = await accounts()
  let attempts = 0
  await rt.db.runTransaction(async (t) => {
    attempts++
    const { data } = await t.collection(name).doc('alice').get()
    if (attempts === 1) await rt.db.collection(name).doc('alice').update({ data: { balance: rt._.inc(5) } })
    await t.collection(name).doc('alice').update({ data: { balance: (data.balance as number) * 2 } })
  })
  expect(attempts).toBe(2)
  expect(await balance(name, 'alice')).toBe(210)
})
