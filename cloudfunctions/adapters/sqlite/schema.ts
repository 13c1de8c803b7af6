import type Database from 'better-sqlite3'
import type { IndexSpec } from '../../core/ports'
import { fieldExpr, topField } from './sql'

/** The database file in a data folder (with its -wal and -shm beside it while open). */
export const DB_FILE = 'store.sqlite'

export const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

const INDEX_PREFIX = 'ix:'
const indexName = (collection: string, { field, unique, carries }: IndexSpec) => `${INDEX_PREFIX}${collection}.${field}${unique ? ' unique' : ''}${carries?.length ? ` carries ${carries.join(',')}` : ''}`

/**
 * One table per collection — the id and the document as JSON — and one index per declared field
 * on the very expression queries use. A plain index also carries `_id`, which keyset pages
 * (`nextFireAt = x AND _id > y`, sorted by both) walk in order; a unique one is the field alone,
 * where NULLs (documents without it) never collide, as in a sparse unique index. Fields an index
 * carries follow as the very expressions projections read (`doc -> '$.f'`), which makes a read of
 * only them a covering-index read: 2.3 µs for the newest guide's tip against 7.8 µs when SQLite
 * parses the 2.7 KB document for it.
 * Indexes no longer declared are dropped, so the file follows collections.ts.
 */
export const ensureSchema = (db: Database.Database, collections: Record<string, readonly IndexSpec[]>): void => {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS _holders (token TEXT PRIMARY KEY, pid INTEGER NOT NULL, who TEXT NOT NULL, since TEXT NOT NULL)`)
    db.exec(`CREATE TABLE IF NOT EXISTS _leases (name TEXT PRIMARY KEY, token TEXT NOT NULL, pid INTEGER NOT NULL, who TEXT NOT NULL, since TEXT NOT NULL)`)
    const wanted = new Set<string>()
    for (const [name, indexes] of Object.entries(collections)) {
      db.exec(`CREATE TABLE IF NOT EXISTS ${quote(name)} (_id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`)
      for (const spec of indexes) {
        const { field, unique, carries = [] } = spec
        // A unique index's columns are what must not repeat: carrying fields would widen that.
        if (unique && carries.length > 0) throw new Error(`${name}.${field}: a unique index carries no fields`)
        const index = indexName(name, spec)
        wanted.add(index)
        const columns = [unique ? fieldExpr(field) : `${fieldExpr(field)}, _id`, ...carries.map(topField)].join(', ')
        db.exec(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quote(index)} ON ${quote(name)} (${columns})`)
      }
    }
    const existing = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '${INDEX_PREFIX}%'`).pluck().all() as string[]
    for (const index of existing) if (!wanted.has(index)) db.exec(`DROP INDEX ${quote(index)}`)
  }).immediate()
}
