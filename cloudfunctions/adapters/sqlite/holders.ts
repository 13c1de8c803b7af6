import { chinaIso } from '../../core/time'
import { basename } from 'node:path'
import type Database from 'better-sqlite3'

/**
 * Who has a data folder open, and who holds its import lease, written into the database itself,
 * so that a process kept waiting can say in words whom it is waiting for. SQLite's own lock
 * cannot tell: it only says "busy".
 */

export interface Holder {
  token: string
  pid: number
  who: string
  since: string
}

/** A process on this machine is alive when it can be signalled (EPERM: alive, someone else's). */
export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const KNOWN_SCRIPTS: Record<string, string> = { 'host.cjs': '本地服务', 'import.cjs': '导入命令', 'backup.cjs': '备份命令' }

/** What this process is, in words: the local host, the import command, … or the script's name. */
export const thisProcess = (): string => {
  const script = basename(process.argv[1] ?? '')
  return KNOWN_SCRIPTS[script] ?? (script ? `node ${script}` : 'node')
}

const clock = (iso: string): string => chinaIso(Date.parse(iso)).slice(0, 19).replace('T', ' ')

export const describe = (h: Pick<Holder, 'pid' | 'who' | 'since'>): string => `进程 ${h.pid}（${h.who}，${clock(h.since)} 起）`

/** Live holders other than this process, in words; stale rows (their process is gone) are skipped. */
export const othersInWords = (db: Database.Database): string => {
  let rows: Holder[] = []
  try {
    rows = db.prepare('SELECT token, pid, who, since FROM _holders ORDER BY since').all() as Holder[]
  } catch {
    // The registry itself could not be read: say what we know.
  }
  const others = rows.filter((h) => h.pid !== process.pid && alive(h.pid))
  return others.length === 0 ? '没有登记的别的进程（可能是别的程序打开了这个数据库）' : others.map(describe).join('、')
}

/** Thrown when the database stayed locked by another process for the whole wait. */
export class StoreBusy extends Error {
  readonly code = 'STORE_BUSY'
}

/** Thrown when another live process holds the import lease for the whole wait. */
export class LeaseHeld extends Error {
  readonly code = 'LEASE_HELD'
  constructor(
    message: string,
    readonly holder: Holder,
  ) {
    super(message)
  }
}
