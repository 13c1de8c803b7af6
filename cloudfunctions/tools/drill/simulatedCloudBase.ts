import * as tcb from '@cloudbase/node-sdk'
import type { VirtualTime } from './virtualTime'

/**
 * An in-process CloudBase database, answering node-sdk's request layer (`Db.reqClass`: the one
 * place requests leave the SDK, as `send(action, params)`), so the real CloudBase store adapter
 * runs unchanged on top of it — its queries, pages, updates and aggregations — and every request
 * it makes is counted.
 *
 * It runs the MongoDB subset CloudBase's wire format carries for us: EJSON queries with $and, $or,
 * $in, $nin, $ne, $eq, $lt(e), $gt(e), $exists on dotted fields; orders, offset and limit (1000 at
 * most); $set, $inc, $unset updates; insert (DATABASE_DUPLICATE_WRITE on a taken _id or unique
 * field); remove; count; modifyAndReturnDoc; and aggregate with $match, $group ($sum, $min, $max,
 * $push, $first), $sort, $skip, $limit, $project, $count and $lookup (both forms; a sub-pipeline's
 * `$expr` only as the field-equals-variable the adapter sends).
 *
 * With a VirtualTime each request is charged `msPerCall` of simulated time and at most `inFlight`
 * requests run at once (the rest queue): 20 ms and 10 in flight is 500 calls a second.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Row = Record<string, Json>

export interface SimulatedCloudBaseOptions {
  time?: VirtualTime
  msPerCall?: number
  inFlight?: number
  /** Unique fields per collection name, e.g. `{ bindings: ['openId'] }` (prefixes included). */
  unique?: Record<string, string[]>
  /** Injected failures: return an error to throw instead of answering this request. */
  fault?: (action: string, params: Record<string, unknown>) => Error | null
}

export interface CallCount {
  total: number
  byAction: Record<string, number>
  /** `collection.action` (action without its `database.` prefix): what a function's calls were. */
  byCollection?: Record<string, number>
}

/** EJSON number wrappers (and dates) as plain values. */
const decode = (text: unknown): Json => {
  if (text === undefined || text === null || text === '') return null
  if (typeof text !== 'string') return text as Json
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value)
      if (keys.length === 1) {
        const [k] = keys
        if (k === '$numberInt' || k === '$numberDouble' || k === '$numberLong' || k === '$numberDecimal') return Number(value[k])
        if (k === '$date') return typeof value[k] === 'object' ? Number(value[k].$numberLong) : Date.parse(value[k])
      }
    }
    return value
  }) as Json
}

const read = (doc: unknown, path: string): unknown => {
  let node = doc
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

const write = (doc: Row, path: string, value: Json | undefined): void => {
  const keys = path.split('.')
  let node: Row = doc
  for (const key of keys.slice(0, -1)) {
    const child = node[key]
    if (child === null || typeof child !== 'object' || Array.isArray(child)) node[key] = {}
    node = node[key] as Row
  }
  const last = keys[keys.length - 1]
  if (value === undefined) delete node[last]
  else node[last] = value
}

const rank = (v: unknown): number => (v === undefined || v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : typeof v === 'object' ? 3 : 4)

/** MongoDB's order across types, far enough for our documents. */
export const compare = (a: unknown, b: unknown): number => {
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return ra - rb
  if (ra === 1) return (a as number) - (b as number)
  if (ra === 2) return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0
  if (ra === 4) return Number(a) - Number(b)
  if (ra === 3) return compare(JSON.stringify(a), JSON.stringify(b))
  return 0
}

const equal = (value: unknown, wanted: unknown): boolean => {
  if (Array.isArray(value) && !Array.isArray(wanted)) return value.some((v) => equal(v, wanted))
  if (wanted === null) return value === null || value === undefined
  if (typeof wanted === 'object') return JSON.stringify(value) === JSON.stringify(wanted)
  return value === wanted
}

const isOperators = (cond: unknown): cond is Record<string, unknown> =>
  cond !== null && typeof cond === 'object' && !Array.isArray(cond) && Object.keys(cond).length > 0 && Object.keys(cond).every((k) => k.startsWith('$'))

const fieldMatches = (value: unknown, cond: unknown): boolean => {
  if (!isOperators(cond)) return equal(value, cond)
  for (const [op, arg] of Object.entries(cond)) {
    const ordered = value !== undefined && value !== null && rank(value) === rank(arg)
    switch (op) {
      case '$eq':
        if (!equal(value, arg)) return false
        break
      case '$ne':
        if (equal(value, arg)) return false
        break
      case '$in':
        if (!(arg as unknown[]).some((a) => equal(value, a))) return false
        break
      case '$nin':
        if ((arg as unknown[]).some((a) => equal(value, a))) return false
        break
      case '$lt':
        if (!ordered || compare(value, arg) >= 0) return false
        break
      case '$lte':
        if (!ordered || compare(value, arg) > 0) return false
        break
      case '$gt':
        if (!ordered || compare(value, arg) <= 0) return false
        break
      case '$gte':
        if (!ordered || compare(value, arg) < 0) return false
        break
      case '$exists':
        if ((value !== undefined) !== Boolean(arg)) return false
        break
      default:
        throw new Error(`simulated CloudBase: unsupported operator ${op}`)
    }
  }
  return true
}

export const matches = (doc: Row, query: Json): boolean => {
  if (query === null) return true
  for (const [key, cond] of Object.entries(query as Row)) {
    if (key === '$and') {
      if (!(cond as Json[]).every((q) => matches(doc, q))) return false
    } else if (key === '$or') {
      if (!(cond as Json[]).some((q) => matches(doc, q))) return false
    } else if (key === '$nor') {
      if ((cond as Json[]).some((q) => matches(doc, q))) return false
    } else if (!fieldMatches(read(doc, key), cond)) return false
  }
  return true
}

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T))

const duplicate = (message: string) => Object.assign(new Error(message), { code: 'DATABASE_DUPLICATE_WRITE' })

/** The ids a query pins down (`_id` equal or `$in`), so a lookup needs no scan. */
const idsOf = (query: Json): string[] | null => {
  if (query === null || typeof query !== 'object' || Array.isArray(query)) return null
  const id = (query as Row)._id
  if (typeof id === 'string') return [id]
  if (id && typeof id === 'object' && !Array.isArray(id)) {
    const ops = id as Row
    if (Array.isArray(ops.$in)) return ops.$in.filter((v): v is string => typeof v === 'string')
    if (typeof ops.$eq === 'string') return [ops.$eq]
  }
  return null
}

class Table {
  readonly docs = new Map<string, Row>()
  /** Unique field → value → id. */
  readonly uniques = new Map<string, Map<string, string>>()
  constructor(uniqueFields: string[]) {
    for (const field of uniqueFields) this.uniques.set(field, new Map())
  }

  candidates(query: Json): Row[] {
    const ids = idsOf(query)
    if (ids) return ids.flatMap((id) => (this.docs.has(id) ? [this.docs.get(id)!] : []))
    return [...this.docs.values()]
  }

  select(query: Json): Row[] {
    return this.candidates(query).filter((doc) => matches(doc, query))
  }

  private uniqueKey(doc: Row, field: string): string | null {
    const value = read(doc, field)
    return value === undefined || value === null ? null : JSON.stringify(value)
  }

  /** Puts a document in, checking the unique fields against every other document. */
  store(doc: Row, replacing: Row | undefined): void {
    for (const [field, index] of this.uniques) {
      const key = this.uniqueKey(doc, field)
      const holder = key === null ? undefined : index.get(key)
      if (holder !== undefined && holder !== doc._id) throw duplicate(`E11000 duplicate key error index: ${field}_1 dup key: ${key}`)
    }
    if (replacing) this.unindex(replacing)
    for (const [field, index] of this.uniques) {
      const key = this.uniqueKey(doc, field)
      if (key !== null) index.set(key, doc._id as string)
    }
    this.docs.set(doc._id as string, doc)
  }

  unindex(doc: Row): void {
    for (const [field, index] of this.uniques) {
      const key = this.uniqueKey(doc, field)
      if (key !== null && index.get(key) === doc._id) index.delete(key)
    }
  }

  delete(doc: Row): void {
    this.unindex(doc)
    this.docs.delete(doc._id as string)
  }
}

const sortRows = (rows: Row[], order: Json): Row[] => {
  const keys = order && typeof order === 'object' ? Object.entries(order as Record<string, number>) : []
  if (keys.length === 0) return rows
  return rows.sort((a, b) => {
    for (const [field, direction] of keys) {
      const c = compare(read(a, field), read(b, field))
      if (c !== 0) return direction === -1 ? -c : c
    }
    return 0
  })
}

const applyUpdate = (doc: Row, update: Row): void => {
  const operators = Object.keys(update).some((k) => k.startsWith('$'))
  if (!operators) {
    for (const [field, value] of Object.entries(update)) write(doc, field, copy(value))
    return
  }
  for (const [op, fields] of Object.entries(update)) {
    for (const [field, value] of Object.entries(fields as Row)) {
      if (op === '$set') write(doc, field, copy(value))
      else if (op === '$inc') write(doc, field, Number(read(doc, field) ?? 0) + Number(value))
      else if (op === '$unset') write(doc, field, undefined)
      else throw new Error(`simulated CloudBase: unsupported update ${op}`)
    }
  }
}

/** A `$field` reference or a constant, as a $group accumulator reads it. */
const valueOf = (doc: Row, expr: Json): unknown => {
  if (typeof expr === 'string' && expr.startsWith('$')) return read(doc, expr.slice(1))
  if (expr && typeof expr === 'object' && !Array.isArray(expr)) {
    return Object.fromEntries(Object.entries(expr).map(([k, v]) => [k, valueOf(doc, v)]))
  }
  return expr
}

/**
 * A sub-pipeline's `$match` with its `let` variables put in: `{ $expr: { $eq: ['$field', '$$v'] } }`
 * (the only expression the adapter sends) becomes `{ field: value }`, which also finds an `_id` by key.
 */
const withVars = (query: Json, vars: Row): Json => {
  if (query === null || typeof query !== 'object' || Array.isArray(query) || !('$expr' in query)) return query
  const { $expr, ...rest } = query as Row
  const eq = ($expr as Row | null)?.$eq
  if (!Array.isArray(eq) || eq.length !== 2) throw new Error(`simulated CloudBase: unsupported $expr ${JSON.stringify($expr)}`)
  const [field, variable] = eq
  if (typeof field !== 'string' || !field.startsWith('$') || typeof variable !== 'string' || !variable.startsWith('$$')) {
    throw new Error(`simulated CloudBase: unsupported $expr ${JSON.stringify($expr)}`)
  }
  return { ...rest, [field.slice(1)]: vars[variable.slice(2)] ?? null }
}

const group = (rows: Row[], spec: Row): Row[] => {
  const groups = new Map<string, { _id: unknown; acc: Row; rows: Row[] }>()
  for (const row of rows) {
    const id = valueOf(row, spec._id)
    const key = JSON.stringify(id ?? null)
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { _id: id ?? null, acc: {}, rows: [] }))
    g.rows.push(row)
  }
  return [...groups.values()].map(({ _id, rows: members }) => {
    const out: Row = { _id: _id as Json }
    for (const [name, accumulator] of Object.entries(spec)) {
      if (name === '_id') continue
      const [[op, expr]] = Object.entries(accumulator as Row)
      const values = members.map((m) => valueOf(m, expr))
      if (op === '$sum') out[name] = values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0)
      else if (op === '$min') out[name] = values.filter((v) => v !== undefined && v !== null).reduce<Json>((m, v) => (m === null || compare(v, m) < 0 ? (v as Json) : m), null)
      else if (op === '$max') out[name] = values.filter((v) => v !== undefined && v !== null).reduce<Json>((m, v) => (m === null || compare(v, m) > 0 ? (v as Json) : m), null)
      else if (op === '$push') out[name] = values as Json[]
      else if (op === '$first') out[name] = (values[0] ?? null) as Json
      else throw new Error(`simulated CloudBase: unsupported accumulator ${op}`)
    }
    return out
  })
}

const project = (rows: Row[], spec: Row): Row[] =>
  rows.map((row) => {
    const out: Row = {}
    const include = Object.entries(spec).filter(([, v]) => v === 1 || v === true)
    if (include.length === 0) {
      const result = copy(row)
      for (const [field, v] of Object.entries(spec)) if (v === 0 || v === false) write(result, field, undefined)
      return result
    }
    if (spec._id !== 0 && spec._id !== false) out._id = row._id
    for (const [field] of include) {
      const value = read(row, field)
      if (value !== undefined) write(out, field, copy(value as Json))
    }
    return out
  })

/** The simulated database and its counters. */
export class SimulatedCloudBase {
  private readonly tables = new Map<string, Table>()
  private readonly time?: VirtualTime
  private readonly msPerCall: number
  private readonly inFlightCap: number
  private readonly unique: Record<string, string[]>
  private inFlight = 0
  private readonly waiting: (() => void)[] = []
  private counts: CallCount = { total: 0, byAction: {} }
  private perCollection: Record<string, number> = {}
  /** Most requests ever in flight at once. */
  peakInFlight = 0
  fault: SimulatedCloudBaseOptions['fault']

  constructor(options: SimulatedCloudBaseOptions = {}) {
    this.time = options.time
    this.msPerCall = options.msPerCall ?? 20
    this.inFlightCap = options.inFlight ?? 10
    this.unique = options.unique ?? {}
    this.fault = options.fault
  }

  /**
   * A node-sdk database whose requests this simulation answers: node-sdk's own `database()`, with
   * its request class (`Db.reqClass`, set by every `database()` call) swapped for this one.
   */
  database(): ReturnType<tcb.CloudBase['database']> {
    const send = (action: string, params: Record<string, unknown>) => this.send(action, params)
    const db = tcb.init({ env: 'simulated', secretId: 'simulated', secretKey: 'simulated' }).database()
    ;(db.constructor as unknown as { reqClass: unknown }).reqClass = class {
      send(action: string, params: Record<string, unknown>): Promise<unknown> {
        return send(action, params)
      }
    }
    return db
  }

  /** Calls counted since the last reset. */
  calls(): CallCount {
    return { total: this.counts.total, byAction: { ...this.counts.byAction } }
  }

  resetCalls(): void {
    this.counts = { total: 0, byAction: {} }
    this.perCollection = {}
  }

  /** Runs `work` and answers how many requests it made. */
  async measure<R>(work: () => Promise<R>): Promise<{ result: R; calls: CallCount }> {
    const before = this.counts.total
    const byAction = { ...this.counts.byAction }
    const perCollection = { ...this.perCollection }
    const result = await work()
    const after: Record<string, number> = {}
    for (const [action, n] of Object.entries(this.counts.byAction)) if (n !== (byAction[action] ?? 0)) after[action] = n - (byAction[action] ?? 0)
    const byCollection: Record<string, number> = {}
    for (const [key, n] of Object.entries(this.perCollection)) if (n !== (perCollection[key] ?? 0)) byCollection[key] = n - (perCollection[key] ?? 0)
    return { result, calls: { total: this.counts.total - before, byAction: after, byCollection } }
  }

  /** The documents of a collection, for checks outside the SDK (not counted). */
  documents(collection: string): Row[] {
    return [...(this.tables.get(collection)?.docs.values() ?? [])].map(copy)
  }

  /** Loads documents straight into a collection (not counted): a province to start the drill from. */
  load(collection: string, docs: readonly object[]): void {
    const table = this.table(collection)
    for (const doc of docs) table.store(copy(doc) as Row, table.docs.get((doc as Row)._id as string))
  }

  private table(name: string): Table {
    let table = this.tables.get(name)
    if (!table) this.tables.set(name, (table = new Table(this.unique[name] ?? [])))
    return table
  }

  async send(action: string, params: Record<string, unknown>): Promise<unknown> {
    this.counts.total++
    this.counts.byAction[action] = (this.counts.byAction[action] ?? 0) + 1
    const key = `${String(params.collectionName)}.${action.replace(/^database\./, '')}`
    this.perCollection[key] = (this.perCollection[key] ?? 0) + 1
    if (this.time) {
      if (this.inFlight >= this.inFlightCap) await new Promise<void>((go) => this.waiting.push(go))
      this.inFlight++
      this.peakInFlight = Math.max(this.peakInFlight, this.inFlight)
      try {
        await this.time.sleep(this.msPerCall)
        return this.answer(action, params)
      } finally {
        this.inFlight--
        this.waiting.shift()?.()
      }
    }
    // Without simulated time a request still takes a turn of the event loop, as a real one does.
    await new Promise<void>((go) => setImmediate(go))
    return this.answer(action, params)
  }

  /** An aggregation pipeline over a table; `vars` are a sub-pipeline's `let` values. */
  private aggregate(table: Table, stages: readonly Row[], vars: Row): Row[] {
    let rows: Row[] | null = null
    for (const stage of stages) {
      const [[stageKey, arg]] = Object.entries(stage)
      if (stageKey === '$match') {
        const query = withVars(arg, vars)
        rows = rows === null ? table.select(query) : rows.filter((r) => matches(r, query))
        continue
      }
      rows ??= [...table.docs.values()]
      if (stageKey === '$group') rows = group(rows, arg as Row)
      else if (stageKey === '$sort') rows = sortRows([...rows], arg)
      else if (stageKey === '$skip') rows = rows.slice(Number(arg))
      else if (stageKey === '$limit') rows = rows.slice(0, Number(arg))
      else if (stageKey === '$project') rows = project(rows, arg as Row)
      else if (stageKey === '$count') rows = [{ [String(arg)]: rows.length }]
      else if (stageKey === '$lookup') rows = rows.map((row) => ({ ...row, [String((arg as Row).as)]: this.lookup(row, arg as Row) }))
      else throw new Error(`simulated CloudBase: unsupported stage ${stageKey}`)
    }
    return rows ?? [...table.docs.values()]
  }

  /** `$lookup`: the equality form (localField / foreignField), or `let` and a sub-pipeline. */
  private lookup(row: Row, spec: Row): Row[] {
    const from = this.table(String(spec.from))
    if (typeof spec.localField === 'string') {
      return from.select({ [String(spec.foreignField)]: (read(row, spec.localField) ?? null) as Json })
    }
    const vars = Object.fromEntries(Object.entries((spec.let as Row | undefined) ?? {}).map(([name, expr]) => [name, (valueOf(row, expr) ?? null) as Json]))
    return this.aggregate(from, (spec.pipeline as Row[] | undefined) ?? [], vars)
  }

  private answer(action: string, params: Record<string, unknown>): unknown {
    const failure = this.fault?.(action, params)
    if (failure) throw failure
    const table = this.table(String(params.collectionName))
    const query = decode(params.query)
    switch (action) {
      case 'database.getDocument': {
        let rows = sortRows(table.select(query), decode(params.order))
        const offset = Number(params.offset ?? 0)
        const limit = Math.min(Number(params.limit ?? 100), 1000)
        rows = rows.slice(offset, offset + limit)
        const projection = decode(params.projection)
        if (projection) rows = project(rows, projection as Row)
        return { requestId: 'sim', data: { list: rows.map((r) => JSON.stringify(r)) } }
      }
      case 'database.calculateDocument':
        return { requestId: 'sim', data: { total: table.select(query).length } }
      case 'database.insertDocument': {
        const insertedIds: string[] = []
        for (const text of params.data as string[]) {
          const doc = decode(text) as Row
          if (typeof doc._id !== 'string') doc._id = `sim-${Math.random().toString(36).slice(2)}`
          if (table.docs.has(doc._id)) throw duplicate(`E11000 duplicate key error collection: ${String(params.collectionName)} index: _id_ dup key: ${doc._id}`)
          table.store(doc, undefined)
          insertedIds.push(doc._id)
        }
        return { requestId: 'sim', data: { insertedIds } }
      }
      case 'database.modifyDocument': {
        const data = decode(params.data) as Row
        const found = table.select(query)
        const targets = params.multi ? found : found.slice(0, 1)
        if (params.merge === false) {
          // set(): the whole document, created when absent.
          const id = idsOf(query)?.[0]
          if (!id) throw new Error('simulated CloudBase: set without an _id')
          const before = table.docs.get(id)
          table.store({ ...copy(data), _id: id }, before)
          return { requestId: 'sim', data: { updated: before ? 1 : 0, upsert_id: before ? undefined : id } }
        }
        for (const doc of targets) {
          const next = copy(doc)
          applyUpdate(next, data)
          table.store(next, doc)
        }
        return { requestId: 'sim', data: { updated: targets.length } }
      }
      case 'database.modifyAndReturnDoc': {
        const data = decode(params.data) as Row
        const [doc] = table.select(query)
        if (!doc) return { requestId: 'sim', data: { updated: 0 } }
        const next = copy(doc)
        applyUpdate(next, data)
        table.store(next, doc)
        return { requestId: 'sim', data: { updated: 1, doc: JSON.stringify(next) } }
      }
      case 'database.removeDocument': {
        const found = table.select(query)
        const targets = params.multi === false ? found.slice(0, 1) : found
        for (const doc of targets) table.delete(doc)
        return { requestId: 'sim', data: { deleted: targets.length } }
      }
      case 'database.aggregateDocuments': {
        const stages = (params.stages as { stageKey: string; stageValue: string }[]).map(({ stageKey, stageValue }) => ({ [stageKey]: decode(stageValue) }) as Row)
        return { requestId: 'sim', data: { list: this.aggregate(table, stages, {}).map((r) => JSON.stringify(r)) } }
      }
      case 'database.addCollection':
        return { requestId: 'sim', data: {} }
      default:
        throw new Error(`simulated CloudBase: unsupported request ${action}`)
    }
  }
}
