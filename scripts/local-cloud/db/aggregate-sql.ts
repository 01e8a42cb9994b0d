import { isPlainObject, type Doc } from './codec'
import { isIndexablePath } from './declaration'
import { planQuery } from './plan'
import { keyExpr, Kind, type Collection } from './store'

/**
 * The common reporting shape, `$match` (exact in SQL) → optional `$unwind` of an array field and a
 * `$match` on its elements → `$group` by one field with `$sum` accumulators, runs as one SQL
 * GROUP BY instead of decoding every matching document for mingo. Anything else, or any data the
 * SQL could read differently from mingo, keeps the mingo path: the result must not depend on
 * which way it ran.
 */
export interface SqlAggregation {
  sql: string
  params: unknown[]
  /** Turns one result row into the group document. */
  build(row: Record<string, unknown>): Doc
  /** Stages after the group, for mingo to run over the (few) group documents. */
  rest: Doc[]
}

interface Operand {
  value: string
  type: string
  /**
   * Kinds the field has ever held, when it is indexed (tracked); null otherwise. Where they prove
   * the plain comparison on `value` exact, the per-row `type` check (which reads and parses the
   * document) is left out.
   */
  kinds: number | null
}

/** Whether a field's kinds are all within `allowed` (null and missing always are). */
function only(o: Operand, allowed: number): boolean {
  return o.kinds !== null && (o.kinds & ~(allowed | Kind.Null)) === 0
}

/** Text other than a JSON string (arrays, objects, dates, non-finite numbers) that json_extract yields starts with one of these. */
const JSON_TEXT = /^[[{]/

type Scalar = string | number | boolean | null

const COMPARISONS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

class Unsupported extends Error {}

function fieldName(ref: unknown): string {
  if (typeof ref !== 'string' || !ref.startsWith('$')) throw new Unsupported()
  const name = ref.slice(1)
  // Dotted paths fan out through arrays in MongoDB; json_extract does not.
  if (!isIndexablePath(name) || name.includes('.')) throw new Unsupported()
  return name
}

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
}

class Compiler {
  readonly params: unknown[] = []
  /** SQL conditions that, if true for any row, send the whole aggregation back to mingo. */
  readonly guards = new Set<string>()

  constructor(
    private readonly coll: Collection,
    private readonly unwound: string | null,
  ) {}

  operand(name: string): Operand {
    if (name === this.unwound) return { value: 'u.value', type: 'u.type', kinds: null }
    // keyExpr's text, the same as in the index definitions: when the index SQLite walks holds
    // every such expression the query uses, it reads their values from the index and never
    // fetches or parses the document, as long as nothing else (json_type, say) needs it.
    const value = keyExpr(name)
    return { value, type: `json_type(doc, '$.${name}')`, kinds: this.coll.isTracked(name) && name !== '_id' ? this.coll.kindOf(name) : null }
  }

  /**
   * Numbers that are not finite are stored as EJSON objects yet counted as numbers in the kinds;
   * they are the only text a numbers-only field can yield, and mingo decides for them.
   */
  private finiteOnly(o: Operand): void {
    this.guards.add(`(typeof(${o.value}) = 'text')`)
  }

  /** mingo compares numbers with numbers only as SQL does; any other kind in the field goes back to it. */
  private numericOnly(o: Operand): void {
    this.guards.add(`(${o.type} IS NOT NULL AND ${o.type} NOT IN ('null', 'integer', 'real'))`)
  }

  condition(expr: unknown): string {
    if (!isPlainObject(expr)) throw new Unsupported()
    const keys = Object.keys(expr)
    if (keys.length !== 1) throw new Unsupported()
    const op = keys[0]
    const args = expr[op]
    if (op === '$and' || op === '$or') {
      if (!Array.isArray(args) || args.length === 0) throw new Unsupported()
      return `(${args.map((a) => this.condition(a)).join(op === '$and' ? ' AND ' : ' OR ')})`
    }
    if (!Array.isArray(args) || args.length !== 2) throw new Unsupported()
    const o = this.operand(fieldName(args[0]))
    const literal = args[1]
    // json_extract's results compare without conversions: true/false as 1/0, and nothing but a
    // JSON string equal to text that does not look like JSON. Each short form below is taken
    // only where the kinds rule out the rest.
    const column = o.kinds !== null
    if (op === '$eq') {
      if (!isScalar(literal)) throw new Unsupported()
      if (literal === null) return column ? `(${o.value} IS NULL)` : `(${o.type} IS NULL OR ${o.type} = 'null')`
      if (typeof literal === 'boolean') {
        if (column && !(o.kinds! & Kind.Number)) return `(${o.value} = ${literal ? 1 : 0})`
        return `(${o.type} = '${literal ? 'true' : 'false'}')`
      }
      this.params.push(literal)
      if (typeof literal === 'string') {
        if (column && (!JSON_TEXT.test(literal) || only(o, Kind.String | Kind.Bool))) return `(${o.value} = ?)`
        return `(${o.type} = 'text' AND ${o.value} = ?)`
      }
      if (column && (!(o.kinds! & Kind.Bool) || (literal !== 0 && literal !== 1))) return `(${o.value} = ?)`
      return `(${o.type} IN ('integer', 'real') AND ${o.value} = ?)`
    }
    const sqlOp = COMPARISONS[op]
    if (!sqlOp || typeof literal !== 'number' || !Number.isFinite(literal)) throw new Unsupported()
    this.params.push(literal)
    if (only(o, Kind.Number)) {
      // A null or missing value compares as NULL, which no CASE WHEN takes, through AND and OR alike.
      this.finiteOnly(o)
      return `(${o.value} ${sqlOp} ?)`
    }
    this.numericOnly(o)
    return `(${o.type} IN ('integer', 'real') AND ${o.value} ${sqlOp} ?)`
  }

  private number(v: unknown): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Unsupported()
    return v
  }

  accumulator(spec: unknown): string {
    if (!isPlainObject(spec) || Object.keys(spec).length !== 1 || !('$sum' in spec)) throw new Unsupported()
    const arg = spec.$sum
    if (typeof arg === 'number') return `(COUNT(*) * ${this.number(arg)})`
    if (typeof arg === 'string') {
      const o = this.operand(fieldName(arg))
      if (only(o, Kind.Number)) {
        this.finiteOnly(o)
        return `SUM(COALESCE(${o.value}, 0))`
      }
      // Non-finite doubles and other EJSON values are objects here; mingo decides for them.
      this.guards.add(`(${o.type} = 'object')`)
      return `SUM(CASE WHEN ${o.type} IN ('integer', 'real') THEN ${o.value} ELSE 0 END)`
    }
    if (isPlainObject(arg) && Object.keys(arg).length === 1 && '$cond' in arg) {
      const cond = arg.$cond
      const [test, then, otherwise] = Array.isArray(cond) && cond.length === 3 ? cond : isPlainObject(cond) ? [cond.if, cond.then, cond.else] : []
      if (test === undefined) throw new Unsupported()
      const when = this.condition(test)
      return `SUM(CASE WHEN ${when} THEN ${this.number(then)} ELSE ${this.number(otherwise)} END)`
    }
    throw new Unsupported()
  }

  /** The group key; keys that SQLite would merge or misread (booleans, arrays, objects) go back to mingo. */
  key(id: unknown): string {
    if (id === null) return 'NULL'
    const name = fieldName(id)
    const o = this.operand(name)
    // A tracked field's kinds may already prove every key safe, which saves a check per row.
    const proven = name !== this.unwound && this.coll.isTracked(name) && (this.coll.kindOf(name) & ~(Kind.String | Kind.Number | Kind.Null)) === 0
    if (!proven) this.guards.add(`(${o.type} IS NOT NULL AND ${o.type} NOT IN ('null', 'integer', 'real', 'text'))`)
    // ...but for numbers that are not finite, stored as `{"$numberDouble": …}` text (strings that
    // look like that merely go to mingo too).
    else if (this.coll.kindOf(name) & Kind.Number) this.guards.add(`(typeof(${o.value}) = 'text' AND ${o.value} GLOB '{*')`)
    return o.value
  }
}

/** `$unwind: '$f'` (or `{path: '$f'}` alone) on a top-level field known to hold only arrays. */
function unwindField(coll: Collection, stage: Doc): string | null {
  if (!('$unwind' in stage)) return null
  const spec = stage.$unwind
  const path = typeof spec === 'string' ? spec : isPlainObject(spec) && Object.keys(spec).length === 1 ? spec.path : undefined
  const name = fieldName(path)
  // json_each would walk an object's members, and a scalar must be passed through whole.
  if (!coll.isTracked(name) || (coll.kindOf(name) & ~(Kind.Array | Kind.Null)) !== 0) throw new Unsupported()
  return name
}

/** A `$match` on the unwound elements: equality or `$in` with scalar literals, looking one level into nested arrays. */
function elementMatch(field: string, stage: Doc, params: unknown[]): string {
  const match = stage.$match
  if (!isPlainObject(match) || Object.keys(match).length !== 1 || !(field in match)) throw new Unsupported()
  const cond = match[field]
  const literals = isScalar(cond) ? [cond] : isPlainObject(cond) && Object.keys(cond).length === 1 && Array.isArray(cond.$in) ? (cond.$in as unknown[]) : null
  if (!literals || literals.length === 0 || !literals.every((v) => typeof v === 'string')) throw new Unsupported()
  const list = literals.map(() => '?').join(', ')
  params.push(...literals, ...literals)
  return `((u.type = 'text' AND u.value IN (${list})) OR (u.type = 'array' AND EXISTS (SELECT 1 FROM json_each(u.value) AS n WHERE n.type = 'text' AND n.value IN (${list}))))`
}

export function planAggregation(coll: Collection, pipeline: Doc[]): SqlAggregation | null {
  try {
    let i = 0
    let where = '1'
    let whereParams: unknown[] = []
    if (pipeline[i] && '$match' in pipeline[i]!) {
      const match = pipeline[i]!.$match
      if (!isPlainObject(match)) return null
      const plan = planQuery(coll, match)
      if (plan.residual !== null) return null
      where = plan.where
      whereParams = plan.params
      i++
    }
    let unwound: string | null = null
    let elementWhere: string | null = null
    const elementParams: unknown[] = []
    if (pipeline[i]) {
      unwound = unwindField(coll, pipeline[i]!)
      if (unwound) {
        i++
        if (pipeline[i] && '$match' in pipeline[i]!) {
          elementWhere = elementMatch(unwound, pipeline[i]!, elementParams)
          i++
        }
      }
    }
    const groupStage = pipeline[i]
    if (!groupStage || !('$group' in groupStage) || Object.keys(groupStage).length !== 1 || !isPlainObject(groupStage.$group)) return null
    const group = groupStage.$group
    if (!('_id' in group)) return null

    const compiler = new Compiler(coll, unwound)
    const key = compiler.key(group._id)
    const names = Object.keys(group).filter((k) => k !== '_id')
    if (names.some((n) => n.startsWith('$') || n.includes('.'))) return null
    const columns = names.map((n, k) => `${compiler.accumulator(group[n])} AS a${k}`)
    // SUM, not MAX: MAX would reload the row it peaked on (SQLite's bare-column rule), once per group.
    const guard = compiler.guards.size > 0 ? `(SUM(CASE WHEN ${[...compiler.guards].join(' OR ')} THEN 1 ELSE 0 END) > 0)` : '0'

    // The table keeps its own name so that `doc` and `rid` in the planned WHERE (and in its
    // subqueries, which have their own `rid`) mean what they meant; json_each has neither column.
    const from = unwound ? `${coll.table}, json_each(${coll.table}.doc, '$.${unwound}') AS u` : coll.table
    // The element conditions go last: their placeholders follow the document conditions'.
    const conditions = [where]
    if (unwound) conditions.push(`json_type(doc, '$.${unwound}') = 'array'`)
    if (elementWhere) conditions.push(elementWhere)
    const sql =
      `SELECT ${key} AS k, COUNT(*) AS n, ${guard} AS bad${columns.length ? ', ' + columns.join(', ') : ''} ` +
      `FROM ${from} WHERE ${conditions.join(' AND ')}${group._id === null ? '' : ' GROUP BY k'}`
    return {
      sql,
      // Accumulator placeholders sit in the SELECT list, before the WHERE's.
      params: [...compiler.params, ...whereParams, ...elementParams],
      build(row) {
        const doc: Doc = { _id: row.k ?? null }
        names.forEach((n, k) => (doc[n] = row[`a${k}`]))
        return doc
      },
      rest: pipeline.slice(i + 1),
    }
  } catch (err) {
    if (err instanceof Unsupported) return null
    throw err
  }
}
