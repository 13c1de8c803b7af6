import type Database from 'better-sqlite3'
import type { IndexSpec } from '../../core/ports'
import { fieldExpr } from './sql'

/** The database file in a data folder (with its -wal and -shm beside it while open). */
export const DB_FILE = 'store.sqlite'

export const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

const INDEX_PREFIX = 'ix:'
const indexName = (collection: string, field: string, unique: boolean) => `${INDEX_PREFIX}${collection}.${field}${unique ? ' unique' : ''}`

/**
 * One table per collection — the id and the document as JSON — and one index per declared field
 * on the very expression queries use. A plain index also carries `_id`, which keyset pages
 * (`nextFireAt = x AND _id > y`, sorted by both) walk in order; a unique one is the field alone,
 * where NULLs (documents without it) never collide, as in a sparse unique index.
 * Indexes no longer declared are dropped, so the file follows collections.ts.
 */
export const ensureSchema = (db: Database.Database, collections: Record<string, readonly IndexSpec[]>): void => {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS _holders (token TEXT PRIMARY KEY, pid INTEGER NOT NULL, who TEXT NOT NULL, since TEXT NOT NULL)`)
    db.exec(`CREATE TABLE IF NOT EXISTS _leases (name TEXT PRIMARY KEY, token TEXT NOT NULL, pid INTEGER NOT NULL, who TEXT NOT NULL, since TEXT NOT NULL)`)
    const wanted = new Set<string>()
    for (const [name, indexes] of Object.entries(collections)) {
      db.exec(`CREATE TABLE IF NOT EXISTS ${quote(name)} (_id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`)
      for (const { field, unique } of indexes) {
        const index = indexName(name, field, unique ?? false)
        wanted.add(index)
        const columns = unique ? fieldExpr(field) : `${fieldExpr(field)}, _id`
        db.exec(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quote(index)} ON ${quote(name)} (${columns})`)
      }
    }
    const existing = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '${INDEX_PREFIX}%'`).pluck().all() as string[]
    for (const index of existing) if (!wanted.has(index)) db.exec(`DROP INDEX ${quote(index)}`)
  }).immediate()
}
