import { readFileSync } from 'node:fs'
import path from 'node:path'

export interface IndexField {
  field: string
  direction: 1 | -1
}

export interface IndexSpec {
  name: string
  fields: IndexField[]
  unique?: boolean
}

export interface CollectionSpec {
  name: string
  permission?: string
  indexes: IndexSpec[]
}

export const DEFAULT_DECLARATION = path.resolve(__dirname, '../../../cloudfunctions/database.json')

/** Letters, digits, `_` and `-` as WeChat Cloud allows; it also keeps SQLite identifiers tame. */
const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/
/** Index fields become literal JSON paths inside SQL, so only plain dotted identifiers are allowed. */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

export function isCollectionName(name: unknown): name is string {
  return typeof name === 'string' && COLLECTION_NAME.test(name)
}

export function isIndexablePath(field: string): boolean {
  return FIELD_PATH.test(field)
}

export function validateCollectionSpec(spec: CollectionSpec): CollectionSpec {
  if (!isCollectionName(spec.name)) throw new Error(`invalid collection name ${JSON.stringify(spec.name)}`)
  const names = new Set<string>()
  for (const index of spec.indexes ?? []) {
    if (typeof index.name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(index.name)) {
      throw new Error(`collection ${spec.name}: invalid index name ${JSON.stringify(index.name)}`)
    }
    if (names.has(index.name)) throw new Error(`collection ${spec.name}: duplicate index name ${index.name}`)
    names.add(index.name)
    if (!Array.isArray(index.fields) || index.fields.length === 0) {
      throw new Error(`collection ${spec.name}: index ${index.name} has no fields`)
    }
    for (const f of index.fields) {
      if (typeof f.field !== 'string' || !isIndexablePath(f.field) || f.field === '_id') {
        throw new Error(`collection ${spec.name}: index ${index.name} has an unsupported field ${JSON.stringify(f.field)}`)
      }
      if (f.direction !== 1 && f.direction !== -1) {
        throw new Error(`collection ${spec.name}: index ${index.name} field ${f.field} direction must be 1 or -1`)
      }
    }
  }
  return { name: spec.name, permission: spec.permission, indexes: spec.indexes ?? [] }
}

/** Reads the one declaration of collections and indexes (cloudfunctions/database.json by default). */
export function loadDatabaseDeclaration(file: string = DEFAULT_DECLARATION): CollectionSpec[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { collections?: CollectionSpec[] }
  if (!Array.isArray(parsed.collections)) throw new Error(`${file}: "collections" must be an array`)
  const seen = new Set<string>()
  return parsed.collections.map((spec) => {
    const valid = validateCollectionSpec(spec)
    if (seen.has(valid.name)) throw new Error(`${file}: collection ${valid.name} is declared twice`)
    seen.add(valid.name)
    return valid
  })
}
