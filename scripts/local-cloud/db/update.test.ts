import { applyUpdate, upsertSeed } from './update'

describe('applyUpdate with operators (update)', () => {
  it('treats plain fields as $set, with dotted paths', () => {
    expect(applyUpdate({ _id: 'x', a: { b: 1 } }, { 'a.c': 2, d: 3 }, true)).toEqual({ _id: 'x', a: { b: 1, c: 2 }, d: 3 })
  })

  it('applies every operator the SDK emits', () => {
    const at = new Date(7)
    const doc = { _id: 'x', n: 1, m: 2, l: [1, 2, 3], s: ['a'], gone: 1, old: 'v', lo: 5 }
    const result = applyUpdate(
      doc,
      {
        $inc: { n: 2, fresh: 1 },
        $mul: { m: 3 },
        $push: { l: { $each: [4], $slice: -3 } },
        $addToSet: { s: { $each: ['a', 'b'] } },
        $unset: { gone: '' },
        $rename: { old: 'renamed' },
        $min: { lo: 3 },
        $set: { at },
      },
      true,
    )
    expect(result).toEqual({ _id: 'x', n: 3, fresh: 1, m: 6, l: [2, 3, 4], s: ['a', 'b'], renamed: 'v', lo: 3, at })
    expect(applyUpdate({ _id: 'x', l: [1, 2, 3, 2], q: [1, 2] }, { $pull: { l: 2 }, $pop: { q: 1 } }, true)).toEqual({ _id: 'x', l: [1, 3], q: [1] })
  })

  it('fails like MongoDB on type mismatches instead of skipping', () => {
    expect(() => applyUpdate({ _id: 'x', s: 'text' }, { $inc: { s: 1 } }, true)).toThrow(/Cannot apply \$inc to a value of non-numeric type/)
    expect(() => applyUpdate({ _id: 'x', a: 1 }, { $push: { a: 2 } }, true)).toThrow(/must be an array but is of type int/)
    expect(() => applyUpdate({ _id: 'x' }, { $inc: { a: 'one' } }, true)).toThrow(/non-numeric argument/)
    expect(() => applyUpdate({ _id: 'x' }, { $set: { a: 1 }, b: 2 }, true)).toThrow(/mixes operators/)
    expect(() => applyUpdate({ _id: 'x' }, { $where: { a: 1 } }, true)).toThrow(/Unknown modifier/)
    expect(() => applyUpdate({ _id: 'x' }, {}, true)).toThrow(/must not be empty/)
  })

  it('never lets _id change', () => {
    expect(() => applyUpdate({ _id: 'x' }, { $set: { _id: 'y' } }, true)).toThrow(/immutable field '_id'/)
    expect(() => applyUpdate({ _id: 'x', a: 1 }, { $rename: { a: '_id' } }, true)).toThrow(/immutable/)
    expect(() => applyUpdate({ _id: 'x' }, { _id: 'y', a: 1 }, false)).toThrow(/immutable/)
  })

  it('refuses field names that cannot be stored', () => {
    expect(() => applyUpdate({ _id: 'x' }, { $set: { a: { $b: 1 } } }, true)).toThrow(/dollar/)
  })
})

describe('applyUpdate without merge (doc.set)', () => {
  it('replaces everything but _id, which stays first', () => {
    const result = applyUpdate({ _id: 'x', a: 1, b: 2 }, { c: 3 }, false)
    expect(result).toEqual({ _id: 'x', c: 3 })
    expect(Object.keys(result)[0]).toBe('_id')
  })
})

describe('upsertSeed', () => {
  it('starts from the equality conditions of the query', () => {
    expect(upsertSeed({ a: 1, 'b.c': 'x', d: { $gt: 1 }, e: { $eq: 5 }, $and: [{ f: true }], $or: [{ g: 1 }] }, 'id1')).toEqual({
      a: 1,
      b: { c: 'x' },
      e: 5,
      f: true,
      _id: 'id1',
    })
  })
})
