import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import { COLLECTIONS } from '../../core/collections'
import type { Collection, Doc, DocumentStore, Filter, FindOptions, Group, GroupSpec, IndexSpec, Join, Scalar, WithJoined } from '../../core/ports'
import { joinFilter } from '../joins'
import { DB_FILE, ensureSchema, quote } from './schema'
import { fieldExpr, idsOnly, pageOf, topField, whereOf, type Param } from './sql'
import { LeaseHeld, StoreBusy, alive, describe, othersInWords, thisProcess, type Holder } from './holders'
import { migrateNedbFolder } from './migrate'

export interface SqliteStoreOptions {
  /** How long a write waits for another process's lock before giving up with words (ms). */
  busyMs?: number
  /** How long `exclusive` waits for another process's lease (ms). */
  leaseWaitMs?: number
  /** What this process is, for the others' messages; the script's name by default. */
  who?: string
  /** Where the one line about a migrated nedb folder goes. */
  log?: (line: string) => void
  /** The collections and their indexes (tests may add their own). */
  collections?: Record<string, readonly IndexSpec[]>
}

const DEFAULT_BUSY_MS = 5_000
const DEFAULT_LEASE_WAIT_MS = 5_000

const isBusy = (error: unknown): boolean => typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('SQLITE_BUSY')

/**
 * The laptop's store: one SQLite database (better-sqlite3) in the data folder, a table per
 * collection holding each document as JSON, real indexes on the declared fields, WAL so that
 * readers never wait for a writer, and one transaction per write call (putMany is one). Queries
 * run in SQL and read only the rows they return; nothing is held in memory between calls, so
 * start-up and memory do not grow with history.
 *
 * Several processes may open one folder: SQLite serialises their writes (each waits up to
 * `busyMs` for the lock, then fails saying who has the folder open), and `exclusive` is the
 * import lease that keeps two imports — or an import and the recovery of imports — apart.
 * A folder written by the old nedb store is migrated on first open (migrate.ts).
 */
export class SqliteStore implements DocumentStore {
  private db: Database.Database | null = null
  private readonly token = randomUUID()
  private readonly collections: Record<string, readonly IndexSpec[]>
  private readonly cache = new Map<string, SqliteCollection<Doc>>()
  readonly file: string

  constructor(
    readonly dir: string,
    private readonly options: SqliteStoreOptions = {},
  ) {
    this.collections = options.collections ?? COLLECTIONS
    this.file = join(dir, DB_FILE)
  }

  /** Opens (creating, or migrating an nedb folder, when needed) and resolves once ready. */
  async open(): Promise<this> {
    if (this.db) return this
    mkdirSync(this.dir, { recursive: true })
    await migrateNedbFolder(this.dir, this.collections, this.options.log ?? ((line) => console.log(line)))
    const db = new Database(this.file, { timeout: this.options.busyMs ?? DEFAULT_BUSY_MS })
    try {
      this.busyWords(() => {
        db.pragma('journal_mode = WAL')
        // In WAL, NORMAL survives a killed process; only a power cut may lose the last commits.
        db.pragma('synchronous = NORMAL')
        db.pragma('cache_size = -16000')
        db.pragma('temp_store = MEMORY')
        ensureSchema(db, this.collections)
        // Rows of processes that died without closing (killed) go; then this one is added.
        const pids = db.prepare('SELECT DISTINCT pid FROM _holders').pluck().all() as number[]
        for (const pid of pids) if (!alive(pid)) db.prepare('DELETE FROM _holders WHERE pid = ?').run(pid)
        db.prepare('INSERT INTO _holders (token, pid, who, since) VALUES (?, ?, ?, ?)').run(this.token, process.pid, this.who, new Date().toISOString())
      }, db)
    } catch (error) {
      db.close()
      throw error
    }
    this.db = db
    return this
  }

  /** Closes the database; the WAL is folded back into the file when the last process closes it. */
  close(): void {
    const db = this.db
    if (!db) return
    this.db = null
    this.cache.clear()
    try {
      db.prepare('DELETE FROM _holders WHERE token = ?').run(this.token)
    } catch {
      // A busy folder at close: the row is stale once this process is gone, and skipped then.
    }
    db.close()
  }

  private get who(): string {
    return this.options.who ?? thisProcess()
  }

  /** The open database, for adapters beside this one (the backup tool). */
  get database(): Database.Database {
    if (!this.db) throw new Error(`SqliteStore(${this.dir}) is not open: call open() first`)
    return this.db
  }

  collection<T extends Doc>(name: string): Collection<T> {
    if (!(name in this.collections)) throw new Error(`unknown collection ${name}`)
    let collection = this.cache.get(name)
    if (!collection) this.cache.set(name, (collection = new SqliteCollection<Doc>(this, name)))
    return collection as unknown as Collection<T>
  }

  /** Runs `work`, turning SQLite's "busy" after the wait into words naming who has the folder open. */
  busyWords<R>(work: () => R, db = this.database): R {
    try {
      return work()
    } catch (error) {
      if (!isBusy(error)) throw error
      const seconds = ((this.options.busyMs ?? DEFAULT_BUSY_MS) / 1000).toFixed(0)
      throw new StoreBusy(`数据目录 ${this.dir} 正忙：等了 ${seconds} 秒，数据库仍被别的进程锁着写入。正在使用它的：${othersInWords(db)}。请等它做完再试。`)
    }
  }

  /**
   * The import lease: runs `work` while this process holds the folder's lease `name`, waiting up
   * to `leaseWaitMs` for another live process to let go, then failing with words naming it. A lease
   * left by a process that died is taken over; one held by this process is shared (imports within a
   * process are already queued one after another).
   */
  async exclusive<R>(what: string, work: () => Promise<R>, name = 'import'): Promise<R> {
    const token = randomUUID()
    const deadline = Date.now() + (this.options.leaseWaitMs ?? DEFAULT_LEASE_WAIT_MS)
    for (;;) {
      const holder = this.tryLease(name, token, what)
      if (holder === null) break
      if (Date.now() >= deadline) {
        throw new LeaseHeld(`数据目录 ${this.dir} 正在由${describe(holder)}使用，等了 ${Math.round((this.options.leaseWaitMs ?? DEFAULT_LEASE_WAIT_MS) / 1000)} 秒仍未结束。请等它做完再试。`, holder)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    try {
      return await work()
    } finally {
      if (this.db) this.busyWords(() => this.database.prepare('DELETE FROM _leases WHERE name = ? AND token = ?').run(name, token))
    }
  }

  /** The live holder of lease `name` other than this process, or null when there is none. */
  leaseHolder(name = 'import'): Holder | null {
    const row = this.database.prepare('SELECT token, pid, who, since FROM _leases WHERE name = ?').get(name) as Holder | undefined
    return row && row.pid !== process.pid && alive(row.pid) ? row : null
  }

  /** Takes the lease and answers null, or answers the live holder that has it. */
  private tryLease(name: string, token: string, what: string): Holder | null {
    const db = this.database
    return this.busyWords(() =>
      db
        .transaction((): Holder | null => {
          const holder = this.leaseHolder(name)
          if (holder) return holder
          db.prepare('INSERT INTO _leases (name, token, pid, who, since) VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET token = excluded.token, pid = excluded.pid, who = excluded.who, since = excluded.since').run(
            name,
            token,
            process.pid,
            what,
            new Date().toISOString(),
          )
          return null
        })
        .immediate(),
    )
  }
}

class SqliteCollection<T extends Doc> implements Collection<T> {
  private readonly table: string
  private readonly statements = new Map<string, Database.Statement>()

  constructor(
    private readonly store: SqliteStore,
    name: string,
  ) {
    this.table = quote(name)
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) this.statements.set(sql, (statement = this.store.database.prepare(sql)))
    return statement
  }

  private readonly readIds = (ids: readonly string[], limit: number): string[] => {
    const byId = this.statement(`SELECT doc FROM ${this.table} WHERE _id = ?`).pluck()
    const docs: string[] = []
    for (const id of ids) {
      if (limit > 0 && docs.length >= limit) break
      const doc = byId.get(id) as string | undefined
      if (doc !== undefined) docs.push(doc)
    }
    return docs
  }

  private transactionOfReads: ((ids: readonly string[], limit: number) => string[]) | null = null

  /** `readIds` in one (deferred) read transaction, made once per collection. */
  private readIdsAtOnce(ids: readonly string[], limit: number): string[] {
    this.transactionOfReads ??= this.store.database.transaction(this.readIds)
    return this.transactionOfReads(ids, limit)
  }

  /** A write in one immediate transaction: it takes the write lock first, so it never fails half-way on it. */
  private write<R>(work: () => R): R {
    return this.store.busyWords(() => this.store.database.transaction(work).immediate())
  }

  async get(id: string): Promise<T | null> {
    const doc = this.store.busyWords(() => this.statement(`SELECT doc FROM ${this.table} WHERE _id = ?`).pluck().get(id) as string | undefined)
    return doc === undefined ? null : (JSON.parse(doc) as T)
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return this.store.busyWords(() => this.findNow(filter, options, false))
  }

  /** `find` without waiting: inside busyWords, and inside the caller's transaction when `inTransaction`. */
  findNow(filter: Filter, options: FindOptions, inTransaction: boolean, fields?: readonly string[]): T[] {
    if (fields) return this.projected(filter, options, fields)
    const ids = options.sort || options.skip ? null : idsOnly(filter)
    if (ids) {
      // In _id order, as the primary key index would return them; several in one read transaction, one snapshot.
      const found = ids.length > 1 && !inTransaction ? this.readIdsAtOnce(ids, options.limit ?? 0) : this.readIds(ids, options.limit ?? 0)
      return found.map((doc) => JSON.parse(doc) as T)
    }
    const { where, params } = whereOf(filter)
    const page = pageOf(options)
    const docs = this.statement(`SELECT doc FROM ${this.table}${where}${page.tail}`).pluck().all(...params, ...page.params) as string[]
    return docs.map((doc) => JSON.parse(doc) as T)
  }

  /** `_id` and the top-level `fields` of each match: SQLite reads them out of the JSON, so JavaScript parses only those. */
  private projected(filter: Filter, options: FindOptions, fields: readonly string[]): T[] {
    const { where, params } = whereOf(filter)
    const page = pageOf(options)
    const columns = fields.map((field) => `${topField(field)} AS f${fields.indexOf(field)}`)
    const rows = this.statement(`SELECT _id, ${columns.join(', ')} FROM ${this.table}${where}${page.tail}`).raw(true).all(...params, ...page.params) as (string | null)[][]
    return rows.map(([id, ...values]) => {
      const doc: Record<string, unknown> = { _id: id }
      values.forEach((value, i) => {
        if (value !== null) doc[fields[i]] = JSON.parse(value)
      })
      return doc as T
    })
  }

  private readJoined: ((filter: Filter, joins: Record<string, Join>) => WithJoined<T, string> | null) | null = null

  async findOneWith<K extends string>(filter: Filter, joins: Record<K, Join>): Promise<WithJoined<T, K> | null> {
    // The document and every join in one (deferred) read transaction: one snapshot, no await between.
    this.readJoined ??= this.store.database.transaction((where: Filter, all: Record<string, Join>) => {
      const [doc] = this.findNow(where, { sort: { _id: 1 }, limit: 1 }, true)
      if (!doc) return null
      const joined: Record<string, Doc[]> = {}
      for (const [name, join] of Object.entries(all)) {
        const on = joinFilter(doc, join)
        joined[name] = on ? (this.store.collection(join.from) as unknown as SqliteCollection<Doc>).findNow(on, { sort: join.sort, limit: join.limit }, true, join.fields) : []
      }
      return { doc, joined }
    })
    const read = this.readJoined
    return this.store.busyWords(() => read(filter, joins)) as WithJoined<T, K> | null
  }

  async count(filter: Filter): Promise<number> {
    const { where, params } = whereOf(filter)
    return this.store.busyWords(() => this.statement(`SELECT count(*) FROM ${this.table}${where}`).pluck().get(...params) as number)
  }

  async insert(doc: T): Promise<boolean> {
    // OR IGNORE: a taken id or a taken unique field writes nothing and says so.
    return this.write(() => this.statement(`INSERT OR IGNORE INTO ${this.table} (_id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc)).changes === 1)
  }

  private putNow(doc: T): void {
    // Not INSERT OR REPLACE: that would delete another document holding a unique field, not refuse.
    this.statement(`INSERT INTO ${this.table} (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`).run(doc._id, JSON.stringify(doc))
  }

  async put(doc: T): Promise<void> {
    this.write(() => this.putNow(doc))
  }

  async putMany(docs: T[]): Promise<void> {
    if (docs.length === 0) return
    // In order, in one transaction: the last write of a repeated id wins, and all land or none.
    this.write(() => {
      for (const doc of docs) this.putNow(doc)
    })
  }

  async update(filter: Filter, set: Partial<Omit<T, '_id'>>, add: Record<string, number> = {}): Promise<number> {
    const { where, params } = whereOf(filter)
    return this.write(() => {
      const rows = this.statement(`SELECT _id, doc FROM ${this.table}${where}`).all(...params) as { _id: string; doc: string }[]
      const save = this.statement(`UPDATE ${this.table} SET doc = ? WHERE _id = ?`)
      for (const row of rows) {
        const doc = JSON.parse(row.doc) as Record<string, unknown>
        for (const [key, value] of Object.entries(set)) {
          if (value === undefined) delete doc[key]
          else doc[key] = value
        }
        for (const [key, by] of Object.entries(add)) doc[key] = (typeof doc[key] === 'number' ? (doc[key] as number) : 0) + by
        save.run(JSON.stringify(doc), row._id)
      }
      return rows.length
    })
  }

  async increment(id: string, field: string, by: number, init: Omit<T, '_id'>): Promise<number> {
    return this.write(() => {
      const stored = this.statement(`SELECT doc FROM ${this.table} WHERE _id = ?`).pluck().get(id) as string | undefined
      // As nedb did: create from init, then add (so init's own value counts).
      const doc = (stored === undefined ? { ...init, _id: id } : JSON.parse(stored)) as Record<string, unknown>
      const value = (typeof doc[field] === 'number' ? (doc[field] as number) : 0) + by
      doc[field] = value
      this.putNow(doc as T)
      return value
    })
  }

  async remove(filter: Filter): Promise<number> {
    const { where, params } = whereOf(filter)
    return this.write(() => this.statement(`DELETE FROM ${this.table}${where}`).run(...(params as Param[])).changes)
  }

  async group(filter: Filter, spec: GroupSpec): Promise<Group[]> {
    const { where, params } = whereOf(filter)
    const keys = spec.by.map((field, i) => `${fieldExpr(field)} AS k${i}`)
    const sums = (spec.sum ?? []).map((field, i) => `total(CASE WHEN json_type(doc, '$.${field}') IN ('integer', 'real') THEN ${fieldExpr(field)} END) AS s${i}`)
    // With min(_id) in a GROUP BY, SQLite reads the bare column `doc` from the row holding that minimum.
    const sql = `SELECT ${[...keys, 'count(*) AS n', ...sums, 'min(_id) AS firstId', 'doc'].join(', ')} FROM ${this.table}${where} GROUP BY ${spec.by.map((_, i) => `k${i}`).join(', ')} ORDER BY ${spec.by.map((_, i) => `k${i}`).join(', ')}`
    const rows = this.store.busyWords(() => this.statement(sql).all(...params)) as Record<string, Scalar>[]
    return rows.map((row) => {
      const doc = JSON.parse(row.doc as string) as unknown
      return {
        key: spec.by.map((_, i) => (row[`k${i}`] ?? null) as Scalar),
        count: row.n as number,
        sums: Object.fromEntries((spec.sum ?? []).map((field, i) => [field, row[`s${i}`] as number])),
        first: Object.fromEntries((spec.first ?? []).map((field) => [field, readPath(doc, field) ?? null])),
      }
    })
  }
}

const readPath = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[key]), doc)
