import type { FieldOps, Filter, FindOptions, Scalar } from '../../core/ports'

/**
 * The store port's small MongoDB-style dialect, turned into SQL over a table `(_id TEXT PRIMARY
 * KEY, doc TEXT)` holding each document as JSON. A field reads as `json_extract(doc, '$.a.b')`,
 * spelled exactly as the expression indexes are (schema.ts), so SQLite's planner uses them for
 * filters and sorts; `_id` is the primary key column itself.
 *
 * Types are kept apart as nedb and CloudBase keep them: `{ n: { $gt: 3 } }` matches numbers only
 * and `{ s: { $lt: 'm' } }` strings only (SQLite orders every number before every text, so the
 * extra bound is a range on the same index, not a filter). `null` matches a null or missing field.
 * Equality with a boolean compares the JSON type (json_extract reads true and false as 1 and 0);
 * a number filter on a field holding booleans would see them as 1 and 0, but no collection mixes the two.
 */

export type Param = string | number | null

const SEGMENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** The SQL expression for a (dotted) field; throws on a name that is not a plain identifier path. */
export const fieldExpr = (field: string): string => {
  if (field === '_id') return '_id'
  const segments = field.split('.')
  if (!segments.every((s) => SEGMENT.test(s))) throw new Error(`field name not supported by the SQLite store: ${JSON.stringify(field)}`)
  return `json_extract(doc, '$.${field}')`
}

/** A top-level field as JSON text (`doc -> '$.f'`: NULL when the document lacks it), for projections. */
export const topField = (field: string): string => {
  if (field === '_id' || !SEGMENT.test(field)) throw new Error(`not a top-level field name: ${JSON.stringify(field)}`)
  return `doc -> '$.${field}'`
}

const typeExpr = (field: string): string => `json_type(doc, '$.${field}')`

const OPS = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' } as const

const isOps = (value: Scalar | FieldOps): value is FieldOps => value !== null && typeof value === 'object'

const bindable = (value: Scalar): Param => (typeof value === 'boolean' ? (value ? 1 : 0) : value)

const condition = (field: string, value: Scalar | FieldOps, params: Param[]): string[] => {
  const x = fieldExpr(field)
  if (!isOps(value)) {
    if (value === null) return [`${x} IS NULL`]
    if (typeof value === 'boolean') return [`${typeExpr(field)} = '${value}'`]
    params.push(value)
    return [`${x} = ?`]
  }
  const parts: string[] = []
  for (const [op, operand] of Object.entries(value) as [keyof FieldOps, Scalar | Scalar[]][]) {
    if (operand === undefined) continue
    if (op === '$in') {
      const list = operand as Scalar[]
      const values = list.filter((v) => v !== null)
      const alternatives: string[] = []
      if (values.length > 0) {
        // One parameter whatever the list's length: the statement text (and cache entry) stays the same.
        params.push(JSON.stringify(values.map(bindable)))
        alternatives.push(`${x} IN (SELECT value FROM json_each(?))`)
      }
      if (values.length < list.length) alternatives.push(`${x} IS NULL`)
      parts.push(alternatives.length === 0 ? '0' : alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`)
    } else if (op === '$ne') {
      const v = operand as Scalar
      if (v === null) parts.push(`${x} IS NOT NULL`)
      else if (typeof v === 'boolean') parts.push(`${typeExpr(field)} IS NOT '${v}'`)
      else {
        params.push(v)
        parts.push(`${x} IS NOT ?`)
      }
    } else if (op in OPS) {
      const v = operand as Scalar
      if (typeof v !== 'number' && typeof v !== 'string') throw new Error(`${op} needs a number or a string, got ${JSON.stringify(v)} for ${field}`)
      params.push(v)
      parts.push(`${x} ${OPS[op as keyof typeof OPS]} ?`)
      // Keep the comparison within the operand's type: numbers sort before every text.
      if (typeof v === 'number' && (op === '$gt' || op === '$gte')) parts.push(`${x} < ''`)
      if (typeof v === 'string' && (op === '$lt' || op === '$lte')) parts.push(`${x} >= ''`)
    } else {
      throw new Error(`operator ${op} is not part of the store port`)
    }
  }
  return parts
}

/** `WHERE …` (or '') and its parameters. */
export const whereOf = (filter: Filter): { where: string; params: Param[] } => {
  const params: Param[] = []
  const parts = Object.entries(filter).flatMap(([field, value]) => (value === undefined ? [] : condition(field, value, params)))
  return { where: parts.length === 0 ? '' : ` WHERE ${parts.join(' AND ')}`, params }
}

/** Page bounds up to this are written into the statement; larger ones are bound as parameters. */
const LITERAL_BOUND = 1000

const bound = (n: number, what: string): number => {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${what} must be a whole number ≥ 0, got ${n}`)
  return n
}

/**
 * `ORDER BY … LIMIT … OFFSET …` (or '') and its parameters. Small bounds are literals: SQLite
 * plans a literal `LIMIT 1` better than a bound one (measured: 1.7 µs against 4.4 µs for a
 * unique-index lookup), and the few distinct values the core uses keep the statement cache small.
 */
export const pageOf = (options: FindOptions): { tail: string; params: Param[] } => {
  const params: Param[] = []
  const keys = Object.entries(options.sort ?? {})
  let tail = keys.length === 0 ? '' : ` ORDER BY ${keys.map(([field, dir]) => `${fieldExpr(field)} ${dir === -1 ? 'DESC' : 'ASC'}`).join(', ')}`
  if (options.limit || options.skip) {
    const limit = options.limit ? bound(options.limit, 'limit') : -1
    const skip = bound(options.skip ?? 0, 'skip')
    if (limit <= LITERAL_BOUND && skip <= LITERAL_BOUND) tail += ` LIMIT ${limit}${skip > 0 ? ` OFFSET ${skip}` : ''}`
    else {
      tail += ' LIMIT ? OFFSET ?'
      params.push(limit, skip)
    }
  }
  return { tail, params }
}

/** Lists of ids up to this long are read one primary-key lookup at a time (see `idsOnly`). */
export const KEYED_IDS = 16

/**
 * The ids of a filter that is only `{ _id: 'x' }` or `{ _id: { $in: [...] } }` of at most KEYED_IDS strings: sorted,
 * without repeats. SQLite builds a temporary table for `IN (…)` or a json_each list; a lookup per
 * id is 3–4× cheaper for the short lists the core reads (a shop's two months, two cycles).
 */
export const idsOnly = (filter: Filter): string[] | null => {
  const keys = Object.keys(filter)
  if (keys.length !== 1 || keys[0] !== '_id') return null
  const value = filter._id
  if (typeof value === 'string') return [value]
  if (value === null || typeof value !== 'object') return null
  const ops = Object.keys(value)
  const list = (value as FieldOps).$in
  if (ops.length !== 1 || !Array.isArray(list) || list.length > KEYED_IDS || !list.every((id) => typeof id === 'string')) return null
  return [...new Set(list as string[])].sort()
}
