import { update as mingoUpdate } from 'mingo'
import { assertStorable, isPlainObject, type Doc, type DocId } from './codec'
import { invalidParam, requestFailed } from './errors'

/** Operators MongoDB accepts in an update document (all implemented by mingo's updater). */
const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
  '$currentDate',
  '$bit',
])

function touchesId(path: string): boolean {
  return path === '_id' || path.startsWith('_id.')
}

/**
 * The new version of `doc` after `data`: with `merge` (update/where().update) `data` holds
 * update operators; without it (doc().set) `data` replaces everything but `_id`. Mutates and
 * returns `doc`, which callers pass freshly decoded.
 */
export function applyUpdate(doc: Doc, data: Doc, merge: boolean): Doc {
  const id = doc._id
  let result: Doc
  if (!merge) {
    if (Object.keys(data).some((k) => k.startsWith('$'))) throw invalidParam('a replacement document must not contain update operators')
    if (data._id !== undefined && data._id !== id) throw immutableId()
    result = { _id: id, ...data }
    result._id = id
  } else {
    const modifier = toModifier(data)
    for (const op of Object.keys(modifier)) {
      const fields = modifier[op] as Doc
      for (const field of Object.keys(fields)) {
        if (touchesId(field) || (op === '$rename' && touchesId(String(fields[field])))) throw immutableId()
      }
    }
    checkOperandTypes(doc, modifier)
    try {
      mingoUpdate(doc, modifier)
    } catch (err) {
      throw requestFailed((err as Error).message)
    }
    result = doc
  }
  assertStorable(result)
  return result
}

/** Plain fields mean $set, as in the SDK's own encoding; mixing the two is MongoDB's error. */
function toModifier(data: Doc): Doc {
  const keys = Object.keys(data)
  if (keys.length === 0) throw invalidParam('update data must not be empty')
  const ops = keys.filter((k) => k.startsWith('$'))
  if (ops.length === 0) return { $set: data }
  if (ops.length !== keys.length) throw requestFailed('Unknown modifier: update document mixes operators and plain fields')
  for (const op of ops) {
    if (!UPDATE_OPERATORS.has(op)) throw requestFailed(`Unknown modifier: ${op}`)
    if (!isPlainObject(data[op])) throw requestFailed(`Modifiers operate on fields but we found a ${typeof data[op]} instead: ${op}`)
  }
  return data
}

const NUMERIC_OPS = new Set(['$inc', '$mul'])
const ARRAY_OPS = new Set(['$push', '$addToSet', '$pull', '$pullAll', '$pop'])

function bsonTypeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double'
  if (typeof value === 'object') return isPlainObject(value) ? 'object' : 'date'
  return typeof value
}

/**
 * mingo's updater silently skips an operator whose target has the wrong type; MongoDB (and
 * so WeChat Cloud) fails the whole update instead. Checked up front so nothing is half-applied.
 */
function checkOperandTypes(doc: Doc, modifier: Doc): void {
  for (const op of Object.keys(modifier)) {
    const numeric = NUMERIC_OPS.has(op)
    if (!numeric && !ARRAY_OPS.has(op)) continue
    const fields = modifier[op] as Doc
    for (const field of Object.keys(fields)) {
      if (numeric && typeof fields[field] !== 'number') throw requestFailed(`Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${field}: ${JSON.stringify(fields[field])}}`)
      const current = getPath(doc, field)
      if (current === undefined) continue
      if (numeric && typeof current !== 'number') {
        throw requestFailed(`Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${field}' of non-numeric type ${bsonTypeName(current)}`)
      }
      if (!numeric && !Array.isArray(current)) {
        throw requestFailed(`The field '${field}' must be an array but is of type ${bsonTypeName(current)} in document {_id: ${JSON.stringify(doc._id)}}`)
      }
    }
  }
}

function getPath(doc: Doc, field: string): unknown {
  let current: unknown = doc
  for (const segment of field.split('.')) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Doc)[segment]
  }
  return current
}

function immutableId() {
  return requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'")
}

/**
 * The document an upsert starts from: the query's equality conditions (top level and inside
 * $and), as MongoDB does, plus the given id.
 */
export function upsertSeed(criteria: Doc | undefined, id: DocId): Doc {
  const seed: Doc = {}
  const visit = (query: Doc) => {
    for (const key of Object.keys(query)) {
      const value = query[key]
      if (key === '$and' && Array.isArray(value)) {
        value.filter(isPlainObject).forEach(visit)
        continue
      }
      if (key.startsWith('$')) continue
      let literal: unknown
      if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
        if (!('$eq' in value)) continue
        literal = value.$eq
      } else {
        literal = value
      }
      setPath(seed, key, literal)
    }
  }
  if (criteria) visit(criteria)
  seed._id = id
  return seed
}

function setPath(target: Doc, path: string, value: unknown): void {
  const parts = path.split('.')
  let node = target
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(node[part])) node[part] = {}
    node = node[part] as Doc
  }
  node[parts[parts.length - 1]] = value
}
