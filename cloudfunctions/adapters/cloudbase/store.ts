import type * as tcb from '@cloudbase/node-sdk'
import type { Collection, Doc, DocumentStore, FieldOps, Filter, FindOptions, Group, GroupSpec, Join, Scalar, WithJoined } from '../../core/ports'

type Db = ReturnType<tcb.CloudBase['database']>
type Command = Db['command']
type CloudCollection = ReturnType<Db['collection']>
type Query = ReturnType<CloudCollection['where']>

/** The server returns at most this many documents per request, whatever limit is asked for. */
export const PAGE_SIZE = 1000
/**
 * Groups per aggregate request. An aggregate answers 20 results unless told a limit; CloudBase
 * honours larger ones, but 1,000 keeps a page as small as a find's.
 */
export const GROUP_PAGE = 1000
/** Documents per batch insert in putMany. */
const BATCH_SIZE = 100

/**
 * A duplicate `_id` or a unique-index violation. CloudBase reports DATABASE_DUPLICATE_WRITE
 * (docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE); the MongoDB text is the fallback.
 */
export const isDuplicateWrite = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (code === 'DATABASE_DUPLICATE_WRITE') return true
  return typeof message === 'string' && /E11000|duplicate key/i.test(message)
}

export interface CloudBaseStoreOptions {
  /**
   * Prefixed to every collection name. Production leaves it empty; the contract tests use one so
   * they never touch a real collection of the environment they run against.
   */
  prefix?: string
}

/**
 * The document store in the cloud: the CloudBase database through @cloudbase/node-sdk. Every
 * write the core relies on for exactly-once behaviour is a single-document operation, which
 * CloudBase (MongoDB underneath) applies atomically.
 */
export class CloudBaseStore implements DocumentStore {
  private readonly prefix: string

  constructor(
    private readonly db: Db,
    options: CloudBaseStoreOptions = {},
  ) {
    this.prefix = options.prefix ?? ''
  }

  collection<T extends Doc>(name: string): Collection<T> {
    return new CloudBaseCollection<T>(this.db, `${this.prefix}${name}`, this.prefix)
  }
}

const isPlainValue = (value: unknown): value is Scalar => value === null || typeof value !== 'object'

/** One field's operators as a db.command chain: `{ $gte: 1, $lt: 5 }` → `_.gte(1).and(_.lt(5))`. */
const fieldCondition = (_: Command, ops: FieldOps): unknown => {
  const parts = Object.entries(ops).map(([op, value]) => {
    switch (op) {
      case '$in':
        return _.in(value as Scalar[])
      case '$ne':
        return _.neq(value)
      case '$lt':
        return _.lt(value)
      case '$lte':
        return _.lte(value)
      case '$gt':
        return _.gt(value)
      case '$gte':
        return _.gte(value)
      default:
        throw new Error(`unsupported filter operator ${op}`)
    }
  })
  if (parts.length === 0) throw new Error('empty filter operator object')
  const [first, ...rest] = parts
  return rest.length === 0 ? first : first.and(...rest)
}

/**
 * The port's filter dialect as a CloudBase query. An empty filter becomes "every document",
 * which update and remove require to be spelled out.
 */
const toQuery = (_: Command, filter: Filter): Record<string, unknown> => {
  const query: Record<string, unknown> = {}
  for (const [field, condition] of Object.entries(filter)) {
    query[field] = isPlainValue(condition) ? condition : fieldCondition(_, condition)
  }
  return Object.keys(query).length === 0 ? { _id: _.exists(true) } : query
}

/**
 * `update` on CloudBase merges nested objects field by field; the port's `set` replaces a
 * field's value, as MongoDB's $set does, so objects and arrays are wrapped in `_.set`.
 */
const toUpdate = (_: Command, set: Record<string, unknown>): Record<string, unknown> => {
  const data: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(set)) {
    if (value === undefined) continue
    data[field] = value !== null && typeof value === 'object' ? _.set(value) : value
  }
  return data
}

const withoutId = <T extends Doc>(doc: T): Omit<T, '_id'> => {
  const { _id, ...rest } = doc
  void _id
  return rest
}

const readPath = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[key]), doc)

/** A copy of `doc` with `path` (possibly dotted) set to `value`. */
const writePath = (doc: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> => {
  const [head, ...rest] = path.split('.')
  if (rest.length === 0) return { ...doc, [head]: value }
  const child = doc[head]
  const inner = child !== null && typeof child === 'object' ? (child as Record<string, unknown>) : {}
  return { ...doc, [head]: writePath(inner, rest.join('.'), value) }
}

const keyable = (order: readonly [string, 1 | -1][], doc: Doc): boolean =>
  order.every(([field]) => {
    const value = readPath(doc, field)
    return typeof value === 'string' || typeof value === 'number'
  })

/**
 * "Comes after `last`" in the order given: (k1 > v1) or (k1 = v1 and k2 > v2) or … , with < for
 * descending keys; the last key is _id, so no two documents tie.
 */
const afterKey = (_: Command, order: readonly [string, 1 | -1][], last: Doc): unknown => {
  const branches = order.map(([field, direction], i) => {
    const branch: Record<string, unknown> = {}
    for (const [before] of order.slice(0, i)) branch[before] = readPath(last, before)
    const value = readPath(last, field)
    branch[field] = direction === -1 ? _.lt(value) : _.gt(value)
    return branch
  })
  return branches.length === 1 ? branches[0] : _.or(branches)
}

class CloudBaseCollection<T extends Doc> implements Collection<T> {
  private readonly _: Command
  private readonly coll: CloudCollection

  constructor(
    db: Db,
    name: string,
    private readonly prefix: string,
  ) {
    this._ = db.command
    this.coll = db.collection(name)
  }

  private where(filter: Filter): Query {
    return this.coll.where(toQuery(this._, filter))
  }

  async get(id: string): Promise<T | null> {
    const { data } = await this.coll.doc(id).get()
    return ((data as T[] | undefined)?.[0] ?? null) as T | null
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const { sort = {}, skip = 0, limit } = options
    if (limit === 0) return []
    // Pages are read one request at a time in a total order, the requested one then _id.
    const order: [string, 1 | -1][] = Object.entries(sort)
    if (!('_id' in sort)) order.push(['_id', 1])
    const base = toQuery(this._, filter)

    const found: T[] = []
    let offset = skip
    let after: T | null = null
    for (;;) {
      const want = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - found.length)
      // Keyset paging: each page starts after the last document of the one before, so a page
      // costs the same however deep it is (a skip makes the server walk every document before).
      // An explicit skip is honoured for the first page only.
      const keyset = after ? afterKey(this._, order, after) : null
      let query = this.coll.where(keyset ? this._.and(base, keyset) : base)
      for (const [field, direction] of order) query = query.orderBy(field, direction === -1 ? 'desc' : 'asc')
      if (keyset === null && offset > 0) query = query.skip(offset)
      const { data } = await query.limit(want).get()
      const page = data as T[]
      found.push(...page)
      offset += page.length
      if (page.length < want || (limit !== undefined && found.length >= limit)) return found
      after = page[page.length - 1]
      if (!keyable(order, after)) after = null // a missing sort value: the next page goes by offset
    }
  }

  async count(filter: Filter): Promise<number> {
    const { total } = await this.where(filter).count()
    return total ?? 0
  }

  async insert(doc: T): Promise<boolean> {
    try {
      await this.coll.add({ ...doc })
      return true
    } catch (error) {
      if (isDuplicateWrite(error)) return false
      throw error
    }
  }

  async put(doc: T): Promise<void> {
    await this.coll.doc(doc._id).set(withoutId(doc))
  }

  async putMany(docs: T[]): Promise<void> {
    const unique = [...new Map(docs.map((d) => [d._id, d])).values()] // the last write of an id wins
    for (let start = 0; start < unique.length; start += BATCH_SIZE) {
      const batch = unique.slice(start, start + BATCH_SIZE)
      // New documents go in with one batch insert; existing ones are replaced one by one.
      const taken = new Set((await this.find({ _id: { $in: batch.map((d) => d._id) } })).map((d) => d._id))
      const fresh = batch.filter((d) => !taken.has(d._id))
      let replace = batch.filter((d) => taken.has(d._id))
      if (fresh.length > 0) {
        try {
          await this.coll.add(fresh.map((d) => ({ ...d })))
        } catch (error) {
          // Someone created one of these ids meanwhile (or part of the batch went in): `set` is idempotent.
          if (!isDuplicateWrite(error)) throw error
          replace = batch
        }
      }
      await Promise.all(replace.map((d) => this.put(d)))
    }
  }

  async update(filter: Filter, set: Partial<Omit<T, '_id'>>, add: Record<string, number> = {}): Promise<number> {
    const data = toUpdate(this._, set as Record<string, unknown>)
    for (const [field, by] of Object.entries(add)) data[field] = this._.inc(by)
    if (Object.keys(data).length === 0) return this.count(filter)
    const { updated } = await this.where(filter).update(data)
    return updated ?? 0
  }

  async increment(id: string, field: string, by: number, init: Omit<T, '_id'>): Promise<number> {
    // Insert-or-increment: the increment is tried first (the common case, one request); when no
    // document exists one is created already counted. If another caller created it in between,
    // the insert fails as a duplicate and the increment is simply tried again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await this.coll.where({ _id: id }).updateAndReturn({ [field]: this._.inc(by) })
      if (result.updated) {
        const after = result.doc ?? (await this.get(id))
        return Number(readPath(after, field))
      }
      const start = Number(readPath(init, field) ?? 0) + by
      try {
        await this.coll.add({ ...writePath(init as Record<string, unknown>, field, start), _id: id })
        return start
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error
      }
    }
    throw new Error(`increment of ${id}.${field} kept colliding`)
  }

  async remove(filter: Filter): Promise<number> {
    const { deleted } = await this.where(filter).remove()
    return Number(deleted)
  }

  /**
   * `aggregate()`: $match, $sort by _id (so $first is the smallest _id), $group, $sort by key,
   * $limit. Pages are keyset on the first key field: the next page matches only documents after
   * the last complete value of it, so no page makes the server skip what it already answered.
   */
  async group(filter: Filter, spec: GroupSpec): Promise<Group[]> {
    const $ = this._.aggregate
    const base = toQuery(this._, filter)
    const [head] = spec.by
    const id = Object.fromEntries(spec.by.map((field, i) => [`k${i}`, `$${field}`]))
    const accumulators: Record<string, unknown> = { n: $.sum(1) }
    ;(spec.sum ?? []).forEach((field, i) => (accumulators[`s${i}`] = $.sum(`$${field}`)))
    ;(spec.first ?? []).forEach((field, i) => (accumulators[`f${i}`] = $.first(`$${field}`)))
    const sortKey = Object.fromEntries(spec.by.map((_, i) => [`_id.k${i}`, 1]))
    const groups: Group[] = []
    let after: Scalar | undefined
    /** A head value holding more than a page of groups: read by offset within it. */
    let within: { value: Scalar; skip: number } | null = null
    for (;;) {
      const query = within ? this._.and(base, { [head]: within.value }) : after === undefined ? base : this._.and(base, { [head]: this._.gt(after) })
      let pipeline = this.coll.aggregate().match(query).sort({ _id: 1 }).group({ _id: id, ...accumulators }).sort(sortKey)
      if (within && within.skip > 0) pipeline = pipeline.skip(within.skip)
      const { data } = (await pipeline.limit(GROUP_PAGE).end()) as { data: Record<string, unknown>[] }
      const page = data.map((row): Group => {
        const key = row._id as Record<string, Scalar | undefined>
        return {
          key: spec.by.map((_, i) => key[`k${i}`] ?? null),
          count: Number(row.n),
          sums: Object.fromEntries((spec.sum ?? []).map((field, i) => [field, Number(row[`s${i}`] ?? 0)])),
          first: Object.fromEntries((spec.first ?? []).map((field, i) => [field, row[`f${i}`] ?? null])),
        }
      })
      if (within) {
        groups.push(...page)
        if (page.length === GROUP_PAGE) within.skip += page.length
        else [after, within] = [within.value, null]
        continue
      }
      if (page.length < GROUP_PAGE) return [...groups, ...page]
      // A full page may end part-way through the groups of its last head value: those come again.
      const last = page[page.length - 1].key[0]
      const complete = page.filter((g) => g.key[0] !== last)
      if (complete.length === 0) {
        within = { value: last, skip: 0 }
        continue
      }
      groups.push(...complete)
      after = complete[complete.length - 1].key[0]
    }
  }

  /**
   * `aggregate()`: the first match, then a `lookup` per join. A plain correlation is the equality
   * form (localField / foreignField: the joined collection's index answers it); anything more is
   * the sub-pipeline form, the correlation an `$expr` equality on a `let` variable (which MongoDB
   * answers from an index too), then `where`, the order, the limit and the fields kept.
   */
  async findOneWith<K extends string>(filter: Filter, joins: Record<K, Join>): Promise<WithJoined<T, K> | null> {
    const $ = this._.aggregate
    let pipeline = this.coll.aggregate().match(toQuery(this._, filter)).sort({ _id: 1 }).limit(1)
    const named = Object.entries(joins) as [K, Join][]
    named.forEach(([, join], i) => {
      const from = `${this.prefix}${join.from}`
      const as = `joined${i}`
      if (join.on && !join.where && !join.sort && join.limit === undefined && !join.fields) {
        pipeline = pipeline.lookup({ from, localField: join.on.local, foreignField: join.on.foreign, as })
        return
      }
      let sub = $.pipeline()
      if (join.on) sub = sub.match(this._.expr($.eq([`$${join.on.foreign}`, '$$local'])))
      if (join.where) sub = sub.match(toQuery(this._, join.where))
      if (join.sort) sub = sub.sort(join.sort)
      if (join.limit !== undefined) sub = sub.limit(join.limit)
      if (join.fields) sub = sub.project(Object.fromEntries([['_id', 1], ...join.fields.map((field) => [field, 1])]))
      pipeline = pipeline.lookup({ from, ...(join.on ? { let: { local: `$${join.on.local}` } } : {}), pipeline: sub.done(), as })
    })
    const { data } = (await pipeline.end()) as { data: Record<string, unknown>[] }
    const [row] = data
    if (!row) return null
    const doc = { ...row }
    const joined = {} as Record<K, Doc[]>
    named.forEach(([name], i) => {
      joined[name] = (row[`joined${i}`] as Doc[] | undefined) ?? []
      delete doc[`joined${i}`]
    })
    return { doc: doc as unknown as T, joined }
  }
}
