import { dateKeyText, isDate, isPlainObject, isRegExp, type Doc } from './codec'
import { isIndexablePath } from './declaration'
import { ElementType, keyExpr, Kind, type Collection } from './store'

export type SortSpec = Array<[field: string, direction: 1 | -1]>

/**
 * How a query runs. `where` selects a superset of the matches: exact SQL for conjuncts on
 * indexed fields, cheap prefilters for the rest. `residual` is what mingo must still check;
 * when it is null and `orderSql` is set, SQLite does sorting and paging as well.
 */
export interface QueryPlan {
  where: string
  params: unknown[]
  residual: Doc | null
  /** ORDER BY body matching MongoDB's order for every candidate row, or null when JS must sort. */
  orderSql: string | null
  sort: SortSpec
}

interface Fragment {
  sql: string
  params: unknown[]
}

const RANGE_SQL: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }
const DATE_LOW = '{"$date":"'
const DATE_HIGH = '{"$date":"~'

function isOperatorObject(value: unknown): value is Doc {
  if (!isPlainObject(value)) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((k) => k.startsWith('$'))
}

/** A field's comparison in SQL, knowing which value kinds the field has ever held. */
class FieldSql {
  readonly key: string
  readonly isId: boolean
  readonly kind: number

  constructor(
    readonly field: string,
    coll: Collection,
  ) {
    this.key = keyExpr(field)
    this.isId = field === '_id'
    this.kind = coll.kindOf(field)
  }

  private typeGuard(types: string[]): string {
    const list = types.map((t) => `'${t}'`).join(', ')
    return this.isId ? `typeof(id) IN (${list})` : `json_type(doc, '$.${this.field}') IN (${list})`
  }

  /** Whether the field has held anything outside `allowed` (nulls and missing never matter). */
  private holdsOtherThan(allowed: number): boolean {
    return (this.kind & ~(allowed | Kind.Null)) !== 0
  }

  eq(value: unknown): Fragment | null {
    if (value === null || value === undefined) return { sql: `${this.key} IS NULL`, params: [] }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return null
      // json_extract yields 1/0 for true/false, so 1 and 0 would also match booleans.
      const guard = (value === 0 || value === 1) && this.kind & Kind.Bool ? ` AND ${this.typeGuard(['integer', 'real'])}` : ''
      return { sql: `${this.key} = ?${guard}`, params: [value] }
    }
    if (typeof value === 'string') {
      // Only text that looks like JSON can equal a json_extract'ed object, array or date.
      const guard = /^[[{]/.test(value) && this.kind & (Kind.Object | Kind.Date | Kind.Other) ? ` AND ${this.typeGuard(['text'])}` : ''
      return { sql: `${this.key} = ?${guard}`, params: [value] }
    }
    if (typeof value === 'boolean') {
      if (this.isId) return null
      const guard = this.kind & Kind.Number ? ` AND ${this.typeGuard([value ? 'true' : 'false'])}` : ''
      return { sql: `${this.key} = ?${guard}`, params: [value ? 1 : 0] }
    }
    if (isDate(value)) {
      if (this.isId) return null
      const guard = this.kind & Kind.String ? ` AND ${this.typeGuard(['object'])}` : ''
      return { sql: `${this.key} = ?${guard}`, params: [dateKeyText(value)] }
    }
    return null
  }

  /** With no arrays at the path, `$ne` is exactly "not equal", and a missing field is not equal to anything but null. */
  ne(value: unknown): Fragment | null {
    const eq = this.eq(value)
    return eq ? { sql: `NOT COALESCE((${eq.sql}), 0)`, params: eq.params } : null
  }

  range(op: string, value: unknown): Fragment | null {
    const sqlOp = RANGE_SQL[op]
    if (typeof value === 'number') {
      if (Number.isNaN(value)) return null
      const guard = this.holdsOtherThan(Kind.Number) ? ` AND ${this.typeGuard(['integer', 'real'])}` : ''
      return { sql: `${this.key} ${sqlOp} ?${guard}`, params: [value] }
    }
    if (typeof value === 'string') {
      const guard = this.holdsOtherThan(Kind.String) ? ` AND ${this.typeGuard(['text'])}` : ''
      return { sql: `${this.key} ${sqlOp} ?${guard}`, params: [value] }
    }
    if (isDate(value) && !this.isId) {
      const guard = this.kind & Kind.String ? ` AND ${this.typeGuard(['object'])}` : ''
      return { sql: `${this.key} ${sqlOp} ?${guard}`, params: [dateKeyText(value)] }
    }
    return null
  }

  /**
   * Stored dates are `{"$date":"<ISO>"}` texts, so a date range open on one side also needs the
   * other side of that prefix to keep other texts out. Added only when missing (the SDK sends
   * `gte().and(lt())` as two conjuncts): every extra term costs a json_extract per row.
   */
  dateBounds(hasLower: boolean, hasUpper: boolean): Fragment | null {
    const terms: string[] = []
    const params: unknown[] = []
    if (!hasLower) {
      terms.push(`${this.key} > ?`)
      params.push(DATE_LOW)
    }
    if (!hasUpper) {
      terms.push(`${this.key} < ?`)
      params.push(DATE_HIGH)
    }
    return terms.length > 0 ? { sql: terms.join(' AND '), params } : null
  }

  in(values: unknown): Fragment | null {
    if (!Array.isArray(values)) return null
    if (values.length === 0) return { sql: '0', params: [] }
    const parts: Fragment[] = []
    for (const v of values) {
      const part = this.eq(v)
      if (!part) return null
      parts.push(part)
    }
    const simple = parts.every((p) => p.sql === `${this.key} = ?`)
    if (simple) {
      return { sql: `${this.key} IN (${parts.map(() => '?').join(', ')})`, params: parts.flatMap((p) => p.params) }
    }
    return { sql: `(${parts.map((p) => `(${p.sql})`).join(' OR ')})`, params: parts.flatMap((p) => p.params) }
  }

  /** SQLite orders NULL < numbers < text; that agrees with MongoDB only when one value class is present. */
  sortable(): boolean {
    if (this.kind & (Kind.Object | Kind.Array | Kind.Other)) return false
    const classes = [Kind.Number, Kind.String, Kind.Date, Kind.Bool].filter((k) => this.kind & k).length
    return classes <= 1
  }
}

function flattenConjuncts(criteria: Doc, fields: Array<[string, unknown]>, residual: Doc[]): void {
  for (const key of Object.keys(criteria)) {
    const value = criteria[key]
    if (key === '$and' && Array.isArray(value) && value.every(isPlainObject)) {
      for (const part of value) flattenConjuncts(part, fields, residual)
    } else if (key.startsWith('$')) {
      residual.push({ [key]: value })
    } else {
      fields.push([key, value])
    }
  }
}

/**
 * For a condition that cannot be pushed down exactly (field not indexed, or has held arrays):
 * a cheap SQL superset of its matches, so SQLite drops most non-matching rows before they are
 * parsed and handed to mingo, which still checks the condition exactly. Wherever an array sits
 * on the path MongoDB looks inside it, so such rows always pass.
 */
function prefilter(field: string, cond: unknown): Fragment | null {
  if (field === '_id' || !isIndexablePath(field)) return null
  const key = keyExpr(field)
  const parts = field.split('.')
  const arrays = parts.map((_, i) => `json_type(doc, '$.${parts.slice(0, i + 1).join('.')}') = 'array'`).join(' OR ')
  const literal = (v: unknown): unknown => {
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v
    if (typeof v === 'boolean') return v ? 1 : 0
    if (isDate(v)) return dateKeyText(v)
    return undefined
  }
  const terms: string[] = []
  const params: unknown[] = []
  const ops: Doc = isOperatorObject(cond) ? cond : { $eq: cond }
  for (const op of Object.keys(ops)) {
    const operand = ops[op]
    if (op === '$eq' || op in RANGE_SQL) {
      const v = literal(operand)
      if (v === undefined) continue
      terms.push(`${key} ${op === '$eq' ? '=' : RANGE_SQL[op]} ?`)
      params.push(v)
    } else if (op === '$in' && Array.isArray(operand) && operand.length > 0) {
      const vs = operand.map(literal)
      if (vs.some((v) => v === undefined)) continue
      terms.push(`${key} IN (${vs.map(() => '?').join(', ')})`)
      params.push(...vs)
    }
  }
  if (terms.length === 0) return null
  return { sql: `((${terms.join(' AND ')}) OR ${arrays})`, params }
}

type Scalar = string | number | boolean

function scalarLiterals(cond: unknown): Scalar[] | null {
  const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
  if (isScalar(cond)) return [cond]
  if (!isOperatorObject(cond)) return null
  const keys = Object.keys(cond)
  if (keys.length !== 1) return null
  if (keys[0] === '$eq' && isScalar(cond.$eq)) return [cond.$eq]
  if (keys[0] === '$in' && Array.isArray(cond.$in) && cond.$in.length > 0 && cond.$in.every(isScalar)) return cond.$in as Scalar[]
  return null
}

/** Rows whose multikey table holds one of the literals: exactly MongoDB's match for scalar literals. */
function multikeyFragment(table: string, literals: Scalar[]): Fragment {
  const strings = literals.filter((v): v is string => typeof v === 'string')
  const numbers = literals.filter((v): v is number => typeof v === 'number')
  const bools = literals.filter((v): v is boolean => typeof v === 'boolean').map((b) => (b ? 1 : 0))
  const parts: string[] = []
  const params: unknown[] = []
  for (const [type, values] of [
    [ElementType.String, strings],
    [ElementType.Number, numbers],
    [ElementType.Bool, bools],
  ] as Array<[number, unknown[]]>) {
    if (values.length === 0) continue
    parts.push(`(t = ${type} AND v IN (${values.map(() => '?').join(', ')}))`)
    params.push(...values)
  }
  return { sql: `rid IN (SELECT rid FROM ${table} WHERE ${parts.join(' OR ')})`, params }
}

/**
 * Equality with scalar literals on a field whose kinds are not tracked, made exact by checking
 * each value's JSON type (so true never equals 1 and text never equals a number) and looking
 * one level inside arrays as MongoDB does.
 */
function typedEquality(field: string, literals: Scalar[]): Fragment {
  const params: unknown[] = []
  const match = (type: string, value: string): string => {
    const parts: string[] = []
    const strings = literals.filter((v) => typeof v === 'string')
    const numbers = literals.filter((v) => typeof v === 'number')
    if (strings.length) {
      parts.push(`(${type} = 'text' AND ${value} IN (${strings.map(() => '?').join(', ')}))`)
      params.push(...strings)
    }
    if (numbers.length) {
      parts.push(`(${type} IN ('integer', 'real') AND ${value} IN (${numbers.map(() => '?').join(', ')}))`)
      params.push(...numbers)
    }
    if (literals.includes(true)) parts.push(`${type} = 'true'`)
    if (literals.includes(false)) parts.push(`${type} = 'false'`)
    return parts.join(' OR ')
  }
  const type = `json_type(doc, '$.${field}')`
  const direct = match(type, `json_extract(doc, '$.${field}')`)
  const inside = match('e.type', 'e.value')
  return { sql: `(${direct} OR (${type} = 'array' AND EXISTS (SELECT 1 FROM json_each(doc, '$.${field}') AS e WHERE ${inside})))`, params }
}

function pushable(coll: Collection, field: string): boolean {
  return coll.isIndexed(field) && (coll.kindOf(field) & Kind.Array) === 0
}

export function planQuery(coll: Collection, criteria: Doc | undefined, sort: SortSpec = []): QueryPlan {
  const fields: Array<[string, unknown]> = []
  const residual: Doc[] = []
  if (criteria) flattenConjuncts(criteria, fields, residual)

  const where: string[] = []
  const params: unknown[] = []
  const add = (f: Fragment) => {
    where.push(f.sql)
    params.push(...f.params)
  }

  const dateRanges = new Map<string, { sql: FieldSql; lower: boolean; upper: boolean }>()
  for (const [field, cond] of fields) {
    if (!pushable(coll, field)) {
      const literals = scalarLiterals(cond)
      const multikey = coll.multikey.get(field)
      if (literals && multikey) {
        add(multikeyFragment(multikey, literals))
        continue
      }
      if (literals && !coll.isTracked(field) && field !== '_id' && isIndexablePath(field) && !field.includes('.')) {
        add(typedEquality(field, literals))
        continue
      }
      const pre = prefilter(field, cond)
      if (pre) add(pre)
      residual.push({ [field]: cond })
      continue
    }
    const sql = new FieldSql(field, coll)
    if (isOperatorObject(cond)) {
      const rest: Doc = {}
      for (const op of Object.keys(cond)) {
        const operand = cond[op]
        let fragment: Fragment | null = null
        if (op === '$eq') fragment = sql.eq(operand)
        else if (op === '$ne') fragment = sql.ne(operand)
        else if (op in RANGE_SQL) {
          fragment = sql.range(op, operand)
          if (fragment && isDate(operand) && !sql.isId) {
            const seen = dateRanges.get(field) ?? { sql, lower: false, upper: false }
            if (op === '$gt' || op === '$gte') seen.lower = true
            else seen.upper = true
            dateRanges.set(field, seen)
          }
        }
        else if (op === '$in') fragment = sql.in(operand)
        if (fragment) add(fragment)
        else rest[op] = operand
      }
      // $regex travels with $options; anything left stays together for mingo.
      if (Object.keys(rest).length > 0) residual.push({ [field]: rest })
      continue
    }
    const fragment = isRegExp(cond) || isPlainObject(cond) || Array.isArray(cond) ? null : sql.eq(cond)
    if (fragment) add(fragment)
    else residual.push({ [field]: cond })
  }

  for (const { sql, lower, upper } of dateRanges.values()) {
    const bounds = sql.dateBounds(lower, upper)
    if (bounds) add(bounds)
  }

  let orderSql: string | null = 'rid'
  if (sort.length > 0) {
    const ok = sort.every(([field]) => pushable(coll, field) && new FieldSql(field, coll).sortable())
    orderSql = ok ? [...sort.map(([field, dir]) => `${keyExpr(field)}${dir === -1 ? ' DESC' : ''}`), 'rid'].join(', ') : null
  }

  return {
    where: where.length > 0 ? where.join(' AND ') : '1',
    params,
    residual: residual.length === 0 ? null : residual.length === 1 ? residual[0] : { $and: residual },
    orderSql,
    sort,
  }
}

/** `{a: -1, b: 1}` (what the SDK sends) → ordered pairs. */
export function parseSort(order: unknown): SortSpec {
  if (order === undefined || order === null) return []
  if (Array.isArray(order)) {
    // Older SDKs sent [{field, direction: 'asc'|'desc'}].
    return order.map((o: { field: string; direction: string }) => [o.field, o.direction === 'desc' ? -1 : 1])
  }
  if (!isPlainObject(order)) return []
  return Object.keys(order).map((field) => [field, Number(order[field]) < 0 ? -1 : 1])
}
