import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { alive, describe } from '../sqlite/holders'

/**
 * One writer per data folder: `writer.lock` names the process that writes it — the local host (with
 * the port it serves) or a standalone `npm run import` — by PID. It is created exclusively ('wx'),
 * so of two processes starting at once only one gets it. A lock whose process is gone (killed,
 * crashed) is taken over: the one process that creates `writer.lock.<dead pid>.takeover` first
 * checks again and replaces it, so two processes finding the same dead lock cannot both take it.
 *
 * The SQLite store beneath keeps its own import lease (core/imports/lease.ts); this lock is what
 * tells an import that a host holds the folder and on which port to hand it the file.
 */

export interface LockOwner {
  pid: number
  /** The port a local host serves; null for an import. */
  port: number | null
  /** What the process is, in words (本地服务, 导入 sales.csv, …). */
  who: string
  since: string
}

export const LOCK_FILE = 'writer.lock'

/** A takeover marker left by a process that died while taking over is removed after this long. */
const STALE_TAKEOVER_MS = 30_000

export class FolderLock {
  private released = false
  constructor(
    readonly dir: string,
    readonly owner: LockOwner,
    /** Taken again by the process that already held it: the first taker releases it. */
    private readonly shared = false,
  ) {}

  /** Gives the folder up (only while this process still holds it); safe to call more than once. */
  release(): void {
    if (this.released || this.shared) return
    this.released = true
    if (readOwner(this.dir)?.pid === this.owner.pid) rmSync(join(this.dir, LOCK_FILE), { force: true })
  }
}

export const readOwner = (dir: string): LockOwner | null => {
  try {
    const owner = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as Partial<LockOwner>
    return typeof owner.pid === 'number' && Number.isInteger(owner.pid) && owner.pid > 0 ? { pid: owner.pid, port: typeof owner.port === 'number' ? owner.port : null, who: String(owner.who ?? ''), since: String(owner.since ?? '') } : null
  } catch {
    return null
  }
}

/** The process holding the folder, when it is alive and not this one. */
export const liveOwner = (dir: string): LockOwner | null => {
  const owner = readOwner(dir)
  return owner && owner.pid !== process.pid && alive(owner.pid) ? owner : null
}

const createExclusive = (file: string, text: string): boolean => {
  let fd: number
  try {
    fd = openSync(file, 'wx', 0o644)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, text)
  } finally {
    closeSync(fd)
  }
  return true
}

/** Replaces the lock of a dead process (null: an unreadable lock), unless another process is already doing so. */
const takeOverFrom = (dir: string, dead: LockOwner | null, text: string): boolean => {
  const marker = join(dir, `${LOCK_FILE}.${dead?.pid ?? 'unreadable'}.takeover`)
  try {
    if (Date.now() - statSync(marker).mtimeMs > STALE_TAKEOVER_MS) rmSync(marker, { force: true })
  } catch {
    // No marker: nobody is taking over.
  }
  if (!createExclusive(marker, String(process.pid))) return false
  try {
    const now = readOwner(dir)
    // Checked again while holding the marker: someone may have taken it over and released the marker since.
    if (dead === null ? now !== null : now !== null && (now.pid !== dead.pid || alive(now.pid))) return false
    rmSync(join(dir, LOCK_FILE), { force: true })
    return createExclusive(join(dir, LOCK_FILE), text)
  } finally {
    rmSync(marker, { force: true })
  }
}

/** A lock file that stays unreadable this long is not being written: it is damaged, and replaced. */
const UNREADABLE_MS = 2_000

const ageOf = (file: string): number => {
  try {
    return Date.now() - statSync(file).mtimeMs
  } catch {
    return 0
  }
}

/**
 * Takes the folder for this process, answering the lock, or the live owner that holds it.
 * A lock this process already holds (a second open in tests) is shared.
 */
export const tryLock = async (dir: string, owner: Omit<LockOwner, 'pid' | 'since'>): Promise<FolderLock | LockOwner> => {
  mkdirSync(dir, { recursive: true })
  const mine: LockOwner = { pid: process.pid, since: new Date().toISOString(), ...owner }
  const text = JSON.stringify(mine)
  const file = join(dir, LOCK_FILE)
  for (;;) {
    if (createExclusive(file, text)) return new FolderLock(dir, mine)
    const held = readOwner(dir)
    if (held?.pid === process.pid) return new FolderLock(dir, held, true)
    if (held && alive(held.pid)) return held
    // Dead: taken over. Unreadable: being written this instant, or damaged once it stays so.
    if (held ? takeOverFrom(dir, held, text) : ageOf(file) > UNREADABLE_MS && takeOverFrom(dir, null, text)) return new FolderLock(dir, mine)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** 进程 4242（本地服务，端口 8080，2026-11-23 10:02:03 起） */
export const ownerInWords = (owner: LockOwner): string =>
  describe({ pid: owner.pid, who: owner.port === null ? owner.who : `${owner.who}，端口 ${owner.port}`, since: owner.since })
