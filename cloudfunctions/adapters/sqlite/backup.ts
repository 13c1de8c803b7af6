import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DB_FILE } from './schema'

export interface BackupDone {
  file: string
  bytes: number
  pages: number
  ms: number
}

/**
 * Copies a data folder's database to `file` with SQLite's online backup API while other
 * processes (the host, an import) keep working. After a first step that only counts the pages,
 * the whole database is copied in one step, inside one read transaction: the copy is the
 * database as of one instant, never half of a write, and writers are not held up (WAL).
 * The copy is written under a temporary name and renamed when complete.
 */
export const backupDataFolder = async (dataDir: string, file: string): Promise<BackupDone> => {
  const source = join(dataDir, DB_FILE)
  if (!existsSync(source)) throw new Error(`${dataDir} 里没有数据库（${DB_FILE}）：请确认 DATA_DIR，或先启动一次本地服务`)
  if (existsSync(file)) throw new Error(`${file} 已经存在：备份不覆盖文件，请换一个文件名`)
  const started = Date.now()
  const temp = `${file}.partial-${process.pid}`
  const db = new Database(source, { fileMustExist: true, timeout: 5_000 })
  try {
    const { totalPages } = await db.backup(temp, { progress: () => 0x7fffffff })
    const copy = new Database(temp)
    try {
      // A self-contained file: no write-ahead log to carry around with it.
      copy.pragma('journal_mode = DELETE')
      const check = copy.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new Error(`备份文件校验没有通过：${String(check)}`)
    } finally {
      copy.close()
    }
    renameSync(temp, file)
    return { file, bytes: statSync(file).size, pages: totalPages, ms: Date.now() - started }
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  } finally {
    db.close()
  }
}
