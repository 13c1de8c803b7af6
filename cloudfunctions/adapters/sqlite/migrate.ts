import { createReadStream, existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import Database from 'better-sqlite3'
import type { IndexSpec } from '../../core/ports'
import { DB_FILE, ensureSchema, quote } from './schema'

/** Lines written per transaction while migrating. */
const CHUNK = 10_000

/** The nedb file of a collection: `<name>.db`, or the `~` copy nedb leaves when it died while rewriting it. */
const nedbFileOf = (dir: string, name: string): string | null => {
  for (const file of [`${name}.db`, `${name}.db~`]) if (existsSync(join(dir, file))) return file
  return null
}

/** nedb wrote dates as `{"$$date": ms}`; the store port speaks ISO strings. */
const revive = (_key: string, value: unknown): unknown =>
  value !== null && typeof value === 'object' && typeof (value as { $$date?: unknown }).$$date === 'number' ? new Date((value as { $$date: number }).$$date).toISOString() : value

const stamp = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)

/**
 * Moves a data folder written by the old @seald-io/nedb store (one `<collection>.db` file per
 * collection, a JSON document per line, later lines superseding earlier ones, `$$deleted` lines
 * removing) into the SQLite database, on the first open. The files are read line by line, never
 * whole, so the migration needs little memory however long the history. The database is built
 * under a temporary name and appears under its own only when complete; the old files then move
 * into `nedb-backup-<time>/` beside it, and one line says so. A folder that already has the
 * database, or no nedb files, is left alone. (The outbox keeps its own file.)
 */
export const migrateNedbFolder = async (dir: string, collections: Record<string, readonly IndexSpec[]>, log: (line: string) => void): Promise<boolean> => {
  const target = join(dir, DB_FILE)
  if (existsSync(target)) return false
  const files = Object.keys(collections).flatMap((name) => {
    const file = nedbFileOf(dir, name)
    return file ? [{ name, file }] : []
  })
  if (files.length === 0) return false

  const started = Date.now()
  const temp = join(dir, `${DB_FILE}.migrating-${process.pid}`)
  rmSync(temp, { force: true })
  const db = new Database(temp)
  let documents = 0
  let unreadable = 0
  try {
    // Nobody else sees this file until it is complete: no journal needed.
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    ensureSchema(db, collections)
    for (const { name, file } of files) {
      const put = db.prepare(`INSERT INTO ${quote(name)} (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`)
      const drop = db.prepare(`DELETE FROM ${quote(name)} WHERE _id = ?`)
      const apply = db.transaction((lines: string[]) => {
        for (const line of lines) {
          let doc: Record<string, unknown>
          try {
            doc = JSON.parse(line, revive) as Record<string, unknown>
          } catch {
            // A line cut short by a crash: nedb itself skips it.
            unreadable++
            continue
          }
          if (doc.$$indexCreated !== undefined || doc.$$indexRemoved !== undefined) continue
          if (typeof doc._id !== 'string') {
            unreadable++
            continue
          }
          if (doc.$$deleted === true) drop.run(doc._id)
          else put.run(doc._id, JSON.stringify(doc))
        }
      })
      let lines: string[] = []
      for await (const line of createInterface({ input: createReadStream(join(dir, file)), crlfDelay: Infinity })) {
        if (line.trim() === '') continue
        lines.push(line)
        if (lines.length >= CHUNK) {
          apply(lines)
          lines = []
        }
      }
      apply(lines)
      documents += db.prepare(`SELECT count(*) FROM ${quote(name)}`).pluck().get() as number
    }
    db.close()
  } catch (error) {
    if (db.open) db.close()
    rmSync(temp, { force: true })
    throw new Error(`迁移旧数据（nedb）到 ${target} 失败，原文件未动：${(error as Error).message}`)
  }

  try {
    // Link, not rename: it fails when another process finished its migration first, and then theirs stands.
    linkSync(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  rmSync(temp, { force: true })

  const backup = join(dir, `nedb-backup-${stamp(new Date(started))}`)
  mkdirSync(backup, { recursive: true })
  for (const { name } of files) {
    for (const file of [`${name}.db`, `${name}.db~`]) if (existsSync(join(dir, file))) renameSync(join(dir, file), join(backup, file))
  }
  const skipped = unreadable > 0 ? `，跳过 ${unreadable} 行无法读取的残行` : ''
  log(`已把旧数据（nedb，${files.length} 个集合，${documents} 个文档）迁移到 ${target}（${((Date.now() - started) / 1000).toFixed(1)} 秒${skipped}）；原文件备份在 ${backup}`)
  return true
}
