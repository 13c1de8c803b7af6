import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Datastore from '@seald-io/nedb'
import { COLLECTIONS, type CollectionName } from '../../core/collections'
import type { Collection, Doc, DocumentStore, Filter, FindOptions, Group, GroupSpec, Join, Scalar, WithJoined } from '../../core/ports'
import { joinFilter, project } from '../joins'

/**
 * The embedded, persistent document store for a laptop and for tests: one @seald-io/nedb file per
 * collection under `dir`. nedb runs every operation through one queue, so a single-document
 * update is atomic, as it is in CloudBase. One process writes a data folder at a time.
 */
export class EmbeddedStore implements DocumentStore {
  private readonly stores = new Map<string, Datastore>()
  private readonly ready: Promise<void>

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true })
    const loads: Promise<void>[] = []
    for (const [name, indexes] of Object.entries(COLLECTIONS)) {
      const ds = new Datastore({ filename: join(dir, `${name}.db`) })
      loads.push(
        ds.loadDatabaseAsync().then(async () => {
          for (const index of indexes as { field: string; unique?: boolean }[]) {
            await ds.ensureIndexAsync({ fieldName: index.field, unique: index.unique ?? false, sparse: index.unique ?? false })
          }
        }),
      )
      this.stores.set(name, ds)
    }
    this.ready = Promise.all(loads).then(() => undefined)
  }

  /** Resolves once every collection file is loaded. */
  open(): Promise<this> {
    return this.ready.then(() => this)
  }

  collection<T extends Doc>(name: string): Collection<T> {
    const ds = this.stores.get(name as CollectionName)
    if (!ds) throw new Error(`unknown collection ${name}`)
    return new EmbeddedCollection<T>(ds, this.ready, this)
  }

  /** Rewrites every file without its superseded lines (nedb appends updates). */
  async compact(): Promise<void> {
    await this.ready
    await Promise.all([...this.stores.values()].map((ds) => ds.compactDatafileAsync()))
  }
}

const readPath = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[key]), doc)

const rank = (v: Scalar): number => (v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3)
const compareScalars = (a: Scalar, b: Scalar): number =>
  rank(a) - rank(b) || (a === b ? 0 : (a as string | number) < (b as string | number) ? -1 : 1)

/** `group` done in memory, over documents in `_id` order (first: the smallest `_id`). */
export const groupDocs = (docs: readonly Doc[], spec: GroupSpec): Group[] => {
  const groups = new Map<string, Group>()
  for (const doc of [...docs].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))) {
    const key = spec.by.map((field) => (readPath(doc, field) ?? null) as Scalar)
    const id = JSON.stringify(key)
    let group = groups.get(id)
    if (!group) {
      group = { key, count: 0, sums: Object.fromEntries((spec.sum ?? []).map((f) => [f, 0])), first: Object.fromEntries((spec.first ?? []).map((f) => [f, readPath(doc, f) ?? null])) }
      groups.set(id, group)
    }
    group.count++
    for (const field of spec.sum ?? []) {
      const value = readPath(doc, field)
      if (typeof value === 'number') group.sums[field] += value
    }
  }
  return [...groups.values()].sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const c = compareScalars(a.key[i], b.key[i])
      if (c !== 0) return c
    }
    return 0
  })
}

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { errorType?: string }).errorType === 'uniqueViolated'

class EmbeddedCollection<T extends Doc> implements Collection<T> {
  constructor(
    private readonly ds: Datastore,
    private readonly ready: Promise<void>,
    private readonly store: DocumentStore,
  ) {}

  async get(id: string): Promise<T | null> {
    await this.ready
    return (await this.ds.findOneAsync({ _id: id })) as T | null
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    await this.ready
    let cursor = this.ds.findAsync(filter)
    if (options.sort) cursor = cursor.sort(options.sort)
    if (options.skip) cursor = cursor.skip(options.skip)
    if (options.limit) cursor = cursor.limit(options.limit)
    return (await cursor) as unknown as T[]
  }

  async count(filter: Filter): Promise<number> {
    await this.ready
    return await this.ds.countAsync(filter)
  }

  async insert(doc: T): Promise<boolean> {
    await this.ready
    try {
      await this.ds.insertAsync(doc)
      return true
    } catch (error) {
      if (isUniqueViolation(error)) return false
      throw error
    }
  }

  async put(doc: T): Promise<void> {
    await this.ready
    await this.ds.updateAsync({ _id: doc._id }, doc, { upsert: true })
  }

  async putMany(docs: T[]): Promise<void> {
    await this.ready
    docs = [...new Map(docs.map((d) => [d._id, d])).values()] // the last write of an id wins
    if (docs.length === 0) return
    // New documents go in as one batch (one append to the file); existing ones are replaced one by one.
    const taken = new Set(
      ((await this.ds.findAsync({ _id: { $in: docs.map((d) => d._id) } }, { _id: 1 })) as Doc[]).map((d) => d._id),
    )
    const fresh = docs.filter((d) => !taken.has(d._id))
    if (fresh.length > 0) await this.ds.insertAsync(fresh)
    for (const doc of docs) if (taken.has(doc._id)) await this.put(doc)
  }

  async update(filter: Filter, set: Partial<Omit<T, '_id'>>, add: Record<string, number> = {}): Promise<number> {
    await this.ready
    const change: Record<string, unknown> = {}
    if (Object.keys(set).length > 0) change.$set = set
    if (Object.keys(add).length > 0) change.$inc = add
    if (Object.keys(change).length === 0) return this.ds.countAsync(filter)
    const { numAffected } = await this.ds.updateAsync(filter, change, { multi: true })
    return numAffected
  }

  async increment(id: string, field: string, by: number, init: Omit<T, '_id'>): Promise<number> {
    await this.ready
    // Two queued operations: create-if-absent cannot double count, because the insert of a
    // taken id fails and the increment that follows is itself atomic.
    try {
      await this.ds.insertAsync({ ...init, _id: id })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
    const { affectedDocuments } = await this.ds.updateAsync(
      { _id: id },
      { $inc: { [field]: by } },
      { returnUpdatedDocs: true },
    )
    return (affectedDocuments as Record<string, number> | null)?.[field] ?? by
  }

  async remove(filter: Filter): Promise<number> {
    await this.ready
    return await this.ds.removeAsync(filter, { multi: true })
  }

  async group(filter: Filter, spec: GroupSpec): Promise<Group[]> {
    await this.ready
    // nedb has no aggregation: the groups are made in memory (a laptop's and the tests' data).
    return groupDocs((await this.ds.findAsync(filter)) as unknown as Doc[], spec)
  }

  async findOneWith<K extends string>(filter: Filter, joins: Record<K, Join>): Promise<WithJoined<T, K> | null> {
    const [doc] = await this.find(filter, { sort: { _id: 1 }, limit: 1 })
    if (!doc) return null
    // nedb has no joins: a find per join (a laptop's and the tests' data, never a round trip).
    const entries = await Promise.all(
      (Object.entries(joins) as [K, Join][]).map(async ([name, join]) => {
        const where = joinFilter(doc, join)
        return [name, where ? (await this.store.collection(join.from).find(where, { sort: join.sort, limit: join.limit })).map((d) => project(d, join.fields)) : []] as const
      }),
    )
    return { doc, joined: Object.fromEntries(entries) as Record<K, Doc[]> }
  }
}
