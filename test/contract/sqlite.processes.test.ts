import { underImportLease } from '../../cloudfunctions/core/imports/lease'
import { recoverImports } from '../../cloudfunctions/core/imports/journal'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { LeaseHeld, StoreBusy } from '../../cloudfunctions/adapters/sqlite/holders'

/**
 * Several processes on one data folder: real child processes (test/contract/support/storeChild.ts)
 * writing into the same SQLite database as each other and as this process.
 */
let buildDir: string
let child: string
let dir: string
const started: ChildProcess[] = []

beforeAll(() => {
  buildDir = mkdtempSync(join(tmpdir(), 'sm-child-'))
  child = join(buildDir, 'storeChild.cjs')
  buildSync({ entryPoints: ['test/contract/support/storeChild.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], outfile: child, logLevel: 'error' })
})
afterAll(() => rmSync(buildDir, { recursive: true, force: true }))
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sm-procs-'))
})
afterEach(() => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

/** Starts the child; `ready` resolves at its first line, `done` with its whole output when it exits. */
const run = (env: Record<string, string>) => {
  const c = spawn(process.execPath, [child], { env: { PATH: process.env.PATH, NODE_PATH: join(process.cwd(), 'node_modules'), DATA_DIR: dir, ...env } })
  started.push(c)
  let out = ''
  let err = ''
  let onLine: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (onLine = resolve))
  c.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    if (out.includes('\n')) onLine()
  })
  c.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) => c.on('exit', (code) => resolve({ code, out, err })))
  return { pid: c.pid as number, ready, done, process: c }
}

describe('several processes on one data folder', () => {
  it('two processes writing at once lose nothing and interleave no compare-and-set', async () => {
    // Created first, so both children open an existing database.
    ;(await new SqliteStore(dir).open()).close()
    const ROUNDS = 150
    const BATCH = 40
    // Both begin once both are open (a barrier in the database), so their writes really overlap.
    const a = run({ MODE: 'write', NAME: 'a', ROUNDS: String(ROUNDS), BATCH: String(BATCH), PARTIES: '2' })
    const b = run({ MODE: 'write', NAME: 'b', ROUNDS: String(ROUNDS), BATCH: String(BATCH), PARTIES: '2' })
    const [ra, rb] = await Promise.all([a.done, b.done])
    expect([ra.code, ra.err, rb.code, rb.err]).toEqual([0, '', 0, ''])
    const store = await new SqliteStore(dir).open()
    try {
      // 150 increments from each: 300, none lost.
      expect(await store.collection('counters').get('shared')).toEqual({ _id: 'shared', count: 2 * ROUNDS, bucketEndsAt: 0 })
      // Every document of every batch, 2 × 150 × 40 = 12,000, each as its writer wrote it.
      expect(await store.collection('skus').count({})).toBe(2 * ROUNDS * BATCH)
      expect(await store.collection('skus').count({ by: 'a' })).toBe(ROUNDS * BATCH)
      expect(await store.collection('skus').get('b-149-39')).toEqual({ _id: 'b-149-39', by: 'b', round: 149, i: 39 })
      // Each round's slot was won exactly once, by one of the two (whichever was a round ahead).
      const wonA = JSON.parse(ra.out) as number[]
      const wonB = JSON.parse(rb.out) as number[]
      // They ran at once, not one after the other: their batches landed interleaved.
      const writers = store.database.prepare(`SELECT json_extract(doc, '$.by') FROM skus ORDER BY rowid`).pluck().all() as string[]
      expect(writers.filter((by, i) => i > 0 && by !== writers[i - 1]).length).toBeGreaterThan(10)
      expect([...wonA, ...wonB].sort((x, y) => x - y)).toEqual(Array.from({ length: ROUNDS }, (_, i) => i))
      expect(await store.collection('sends').count({ state: 'taken' })).toBe(ROUNDS)
    } finally {
      store.close()
    }
  }, 60_000)

  it('a write waits for another process’s lock, and after the wait says in words who has the folder open', async () => {
    const holder = run({ MODE: 'lock', HOLD_MS: '1500', WHO: '导入命令' })
    await holder.ready
    const impatient = await new SqliteStore(dir, { busyMs: 200 }).open().catch((error: unknown) => error)
    // Opening writes (it registers itself), so it is what waits here.
    expect(impatient).toBeInstanceOf(StoreBusy)
    expect((impatient as Error).message).toMatch(new RegExp(`^数据目录 .* 正忙：等了 0 秒，数据库仍被别的进程锁着写入。正在使用它的：进程 ${holder.pid}（导入命令，\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d 起）。请等它做完再试。$`))
    // A patient one simply waits for the lock, then writes.
    const patient = await new SqliteStore(dir, { busyMs: 10_000 }).open()
    await patient.collection('skus').put({ _id: 'after', n: 1 } as never)
    expect(await patient.collection('skus').get('after')).toEqual({ _id: 'after', n: 1 })
    expect((await holder.done).code).toBe(0)
    patient.close()
  }, 30_000)

  it('the import lease keeps a second import (or the start-up roll-back) waiting, then names the holder; a dead holder’s lease is taken over', async () => {
    const importer = run({ MODE: 'lease', HOLD_MS: '60000', WHO: '导入 sales-2026-03.csv' })
    await importer.ready
    const host = await new SqliteStore(dir, { leaseWaitMs: 300 }).open()
    try {
      let rolledBack = false
      const refused = await underImportLease(host, '本地服务启动时的导入恢复', async () => {
        rolledBack = true
        return recoverImports(host)
      }).catch((error: unknown) => error)
      expect(refused).toBeInstanceOf(LeaseHeld)
      expect((refused as Error).message).toMatch(new RegExp(`^数据目录 .* 正在由进程 ${importer.pid}（导入 sales-2026-03.csv，.* 起）使用，等了 0 秒仍未结束。请等它做完再试。$`))
      expect(rolledBack).toBe(false)
      // The importer dies holding the lease: it is taken over at once.
      importer.process.kill('SIGKILL')
      await importer.done
      expect(await underImportLease(host, '本地服务启动时的导入恢复', () => recoverImports(host))).toBe(0)
      expect(host.leaseHolder()).toBeNull()
    } finally {
      host.close()
    }
  }, 30_000)

  it('a lease let go is taken by the one waiting', async () => {
    const importer = run({ MODE: 'lease', HOLD_MS: '700', WHO: '导入 a.csv' })
    await importer.ready
    const other = await new SqliteStore(dir, { leaseWaitMs: 10_000 }).open()
    try {
      const t = Date.now()
      expect(await other.exclusive('导入 b.csv', async () => other.leaseHolder())).toBeNull()
      // It waited for the other import to finish.
      expect(Date.now() - t).toBeGreaterThan(300)
      expect((await importer.done).code).toBe(0)
    } finally {
      other.close()
    }
  }, 30_000)
})
