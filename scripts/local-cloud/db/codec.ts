import { EJSON } from 'bson'
import { invalidParam, requestFailed } from './errors'

export type Doc = Record<string, unknown>
export type DocId = string | number

/**
 * Documents are stored as JSON text that is also valid *relaxed* Extended JSON: dates become
 * `{"$date":"<ISO>"}`, everything else is plain JSON. That choice buys three things:
 * - the stored text can be handed to the SDK untouched (it runs `EJSON.parse` on every list item);
 * - `json_extract` on a date yields `{"$date":"2024-…"}`, which sorts chronologically as text, so
 *   date fields can carry SQLite expression indexes;
 * - the file stays readable with the sqlite3 shell.
 * Other BSON values (ObjectId, Decimal128, regexes, non-finite doubles) use their canonical EJSON
 * object form and are rebuilt on read.
 */

const DATE_KEY = '$date'

/** JSON text of a stored date, exactly as SQLite's json_extract returns it. */
export function dateKeyText(date: Date): string {
  return `{"$date":"${isoOf(date)}"}`
}

function isoOf(date: Date): string {
  const time = date.getTime()
  if (Number.isNaN(time)) throw invalidParam('invalid date value')
  return date.toISOString()
}

/** Realm-safe: jest runs modules in a vm context whose Date differs from Node's. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]'
}

export function isRegExp(value: unknown): value is RegExp {
  return Object.prototype.toString.call(value) === '[object RegExp]'
}

/** Plain `{}` objects from any realm (a realm's Object.prototype is the one whose prototype is null). */
export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === null || Object.getPrototypeOf(proto) === null
}

function isBsonValue(value: object): boolean {
  return typeof (value as { _bsontype?: unknown })._bsontype === 'string'
}

function storableReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key]
  if (isDate(raw)) return { [DATE_KEY]: isoOf(raw) }
  if (typeof raw === 'number' && !Number.isFinite(raw)) return { $numberDouble: String(raw) }
  if (isRegExp(raw)) return { $regularExpression: { pattern: raw.source, options: mongoFlags(raw.flags) } }
  if (raw !== null && typeof raw === 'object' && isBsonValue(raw)) return EJSON.serialize(raw, { relaxed: true })
  return value
}

/** JS value (with Dates) → stored JSON text. */
export function encodeDoc(doc: unknown): string {
  return JSON.stringify(doc, storableReplacer)
}

/** Stored JSON text → JS value with Dates (and other BSON values) rebuilt. */
export function decodeDoc(text: string): Doc {
  const parsed = JSON.parse(text) as Doc
  // Plain documents, the common case, contain no "$ key at all and need no second pass.
  return text.includes('"$') ? (revive(parsed) as Doc) : parsed
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i])
    return value
  }
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
  if (keys.length === 1 && keys[0].startsWith('$')) {
    const key = keys[0]
    if (key === DATE_KEY) {
      const inner = obj[key]
      if (typeof inner === 'string') return new Date(inner)
      return EJSON.deserialize(obj, { relaxed: true })
    }
    if (key === '$regularExpression') {
      const { pattern, options } = obj[key] as { pattern: string; options: string }
      return new RegExp(pattern, jsFlags(options))
    }
    return EJSON.deserialize(obj, { relaxed: true })
  }
  for (const k of keys) obj[k] = revive(obj[k])
  return obj
}

/** Mongo's `x` (extended) flag has no JS equivalent; the rest map one to one. */
function jsFlags(options: string): string {
  return [...new Set(options.split(''))].filter((f) => 'imsu'.includes(f)).join('')
}

function mongoFlags(flags: string): string {
  return flags
    .split('')
    .filter((f) => 'imsux'.includes(f))
    .sort()
    .join('')
}

/**
 * A request field that carries Extended JSON (query, data, order, projection, stage values).
 * The SDK sends strings; in-process callers may pass objects. `$tcb_server_date` placeholders
 * become the server's clock plus offset, and BSON regexes become JS RegExps for mingo.
 */
export function parseWire(field: unknown, now: number): unknown {
  if (field === undefined || field === null || field === '') return undefined
  let parsed: unknown
  try {
    parsed = typeof field === 'string' ? EJSON.parse(field, { relaxed: true }) : EJSON.deserialize(field as Doc, { relaxed: true })
  } catch (err) {
    throw invalidParam(`malformed Extended JSON: ${(err as Error).message}`)
  }
  return resolveSpecials(parsed, now)
}

function resolveSpecials(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (isDate(value) || isRegExp(value)) return value
  if (Array.isArray(value)) return value.map((v) => resolveSpecials(v, now))
  const bsonType = (value as { _bsontype?: unknown })._bsontype
  if (bsonType === 'BSONRegExp') {
    const { pattern, options } = value as unknown as { pattern: string; options: string }
    return new RegExp(pattern, jsFlags(options))
  }
  if (typeof bsonType === 'string') return value
  const obj = value as Doc
  if ('$tcb_server_date' in obj) {
    const spec = obj.$tcb_server_date as { offset?: unknown } | undefined
    const offset = typeof spec?.offset === 'number' ? spec.offset : 0
    return new Date(now + offset)
  }
  const out: Doc = {}
  for (const key of Object.keys(obj)) out[key] = resolveSpecials(obj[key], now)
  return out
}

/**
 * Field names a stored document may not have: `$`-prefixed names would be read back as BSON
 * type wrappers and dotted names cannot be addressed by queries (older MongoDB, which WeChat
 * Cloud runs, rejects both).
 */
export function assertStorable(value: unknown, path = ''): void {
  if (value === null || typeof value !== 'object') return
  if (isDate(value) || isRegExp(value) || isBsonValue(value)) return
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertStorable(v, `${path}${i}.`))
    return
  }
  for (const key of Object.keys(value)) {
    if (key.startsWith('$')) throw requestFailed(`The dollar ($) prefixed field '${path}${key}' is not valid for storage.`)
    if (key.includes('.')) throw requestFailed(`The dotted field '${path}${key}' is not valid for storage.`)
    assertStorable((value as Doc)[key], `${path}${key}.`)
  }
}

function randomHex(n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += Math.floor(Math.random() * 16).toString(16)
  return s
}

/** Fixed per process, like the per-host prefix of WeChat Cloud's ids. */
const ID_PREFIX = randomHex(8)
let idCounter = Math.floor(Math.random() * 0x10000)

/**
 * 32 lowercase hex characters like WeChat Cloud's own ids (host prefix, seconds, counter,
 * random tail). Ids from one process increase with time, so inserts append to the _id index.
 */
export function generateId(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8)
  idCounter = (idCounter + 1) & 0xffff
  return ID_PREFIX + seconds + idCounter.toString(16).padStart(4, '0') + randomHex(12)
}

export function isDocId(value: unknown): value is DocId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
}
