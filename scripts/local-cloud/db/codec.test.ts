import { EJSON, ObjectId } from 'bson'
import { assertStorable, dateKeyText, decodeDoc, encodeDoc, generateId, parseWire } from './codec'

describe('stored form', () => {
  it('is relaxed Extended JSON that the SDK parses back to the same values', () => {
    const doc = {
      _id: 'x',
      at: new Date('2024-02-03T04:05:06.789Z'),
      list: [new Date(0), 1, 'two', null, { deep: new Date(1) }],
      n: 1.5,
      i: 7,
      flag: false,
      re: /^ab/i,
      oid: new ObjectId('64b7f1f1f1f1f1f1f1f1f1f1'),
      inf: Infinity,
    }
    const text = encodeDoc(doc)
    expect(text).toContain('"at":{"$date":"2024-02-03T04:05:06.789Z"}')
    // What the SDK does with each list item.
    const viaSdk = EJSON.parse(text) as Record<string, unknown>
    expect(viaSdk.at).toEqual(doc.at)
    expect(viaSdk.list).toEqual(doc.list)
    expect(viaSdk.inf).toBe(Infinity)
    expect(String(viaSdk.oid)).toBe('64b7f1f1f1f1f1f1f1f1f1f1')
    expect(decodeDoc(text)).toEqual(doc)
  })

  it('decodes plain documents without a reviving pass', () => {
    expect(decodeDoc('{"_id":"a","n":1,"s":"$ in text"}')).toEqual({ _id: 'a', n: 1, s: '$ in text' })
  })

  it('writes date keys exactly as json_extract returns them', () => {
    expect(dateKeyText(new Date(0))).toBe('{"$date":"1970-01-01T00:00:00.000Z"}')
    expect(() => dateKeyText(new Date(NaN))).toThrow(/invalid date/)
  })
})

describe('parseWire', () => {
  it('parses canonical Extended JSON, resolves serverDate and turns BSON regexes into RegExps', () => {
    const now = Date.UTC(2024, 0, 1)
    const text = EJSON.stringify(
      { n: 1, d: new Date(5), at: { $tcb_server_date: { offset: -1000 } }, r: { $regularExpression: { pattern: 'a.c', options: 'ix' } } },
      { relaxed: false },
    )
    const parsed = parseWire(text, now) as Record<string, unknown>
    expect(parsed.n).toBe(1)
    expect(parsed.d).toEqual(new Date(5))
    expect(parsed.at).toEqual(new Date(now - 1000))
    expect(parsed.r).toEqual(/a.c/i)
  })

  it('accepts objects from in-process callers and treats absent values as undefined', () => {
    expect(parseWire({ a: { $date: '2024-01-01T00:00:00Z' } }, 0)).toEqual({ a: new Date('2024-01-01T00:00:00Z') })
    expect(parseWire(undefined, 0)).toBeUndefined()
    expect(parseWire('', 0)).toBeUndefined()
    expect(() => parseWire('{nope', 0)).toThrow(/malformed/)
  })
})

describe('assertStorable', () => {
  it('rejects $-prefixed and dotted names at any depth', () => {
    expect(() => assertStorable({ a: [{ ok: 1 }, { $bad: 1 }] })).toThrow(/a\.1\.\$bad/)
    expect(() => assertStorable({ a: { 'b.c': 1 } })).toThrow(/dotted field 'a\.b\.c'/)
    expect(() => assertStorable({ a: new Date(), b: /x/, c: [1, 'x', null] })).not.toThrow()
  })
})

describe('generateId', () => {
  it('makes unique 32-character lowercase hex ids', () => {
    const ids = new Set(Array.from({ length: 10_000 }, generateId))
    expect(ids.size).toBe(10_000)
    for (const id of [...ids].slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{32}$/)
  })
})
