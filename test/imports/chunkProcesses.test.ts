import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { repos } from '../../cloudfunctions/core/repos'
import { addDays } from '../../cloudfunctions/core/time'
import type { ImportReport } from '../../cloudfunctions/contracts/insights'
import { RETAILER_COLUMNS, SALES_COLUMNS, SKU_A, SKU_B, SKU_C, SKUS_CSV, csv, everything, importText, openStore, removeDir, retailerRow, tempDir } from './helpers'

/**
 * An import in chunks whose process is killed (SIGKILL) between two chunks, and finished by other
 * processes, one chunk each, over the same SQLite data folder: it lands whole and equal to the same
 * file imported in one go; and while it waits between chunks, another import is refused.
 */
const SHOPS = ['350625300010', '350625300011', '350625300012']
const NOW = '2026-03-18T10:00:00+08:00'
const SALES = csv(
  SALES_COLUMNS,
  Array.from({ length: 40 }, (_, d) => addDays('2026-02-05', d)).flatMap((date, d) =>
    SHOPS.flatMap((shop, s) => [SKU_A, SKU_B, SKU_C].map((sku, k) => [shop, date, sku, 1 + ((d + s + k) % 5), (1 + ((d + s + k) % 5)) * [1000, 2000, 500][k]])),
  ),
)

describe('an import in chunks across processes (SQLite data folder)', () => {
  let buildDir: string
  let file: string
  const dirs: string[] = []
  const stores: SqliteStore[] = []

  const folder = async (): Promise<{ dir: string; store: SqliteStore }> => {
    const dir = tempDir()
    dirs.push(dir)
    const store = await openStore(dir)
    stores.push(store)
    await importText(store, 'skus', SKUS_CSV, { now: NOW })
    await importText(store, 'retailers', csv(RETAILER_COLUMNS, SHOPS.map((s) => retailerRow(s))), { now: NOW })
    return { dir, store }
  }

  const chunk = (dir: string, mode: 'first' | 'next', die: boolean): { report: (ImportReport & { error?: string; reason?: string }) | null; signal: NodeJS.Signals | null } => {
    const child = spawnSync(process.execPath, [join(buildDir, 'chunk.cjs')], {
      env: { PATH: process.env.PATH, NODE_PATH: join(process.cwd(), 'node_modules'), DATA_DIR: dir, FILE: file, ROWS: '70', NOW, MODE: mode, DIE: die ? '1' : '0' },
      encoding: 'utf8',
    })
    const line = child.stdout.trim().split('\n').pop() ?? 'null'
    return { report: JSON.parse(line), signal: child.signal }
  }

  beforeAll(() => {
    buildDir = tempDir()
    buildSync({ entryPoints: ['test/imports/support/chunkChild.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], outfile: join(buildDir, 'chunk.cjs'), logLevel: 'error' })
    file = join(buildDir, 'sales.csv')
    writeFileSync(file, SALES)
  }, 60_000)
  afterAll(() => {
    for (const store of stores) store.close()
    for (const dir of [...dirs, buildDir]) removeDir(dir)
  })

  it('killed between chunks, finished chunk by chunk by other processes: whole, and equal to one go; another import refused meanwhile', async () => {
    const whole = await folder()
    const oneGo = await importText(whole.store, 'sales', SALES, { now: NOW, file })
    expect(oneGo).toMatchObject({ applied: true, rows: 360, imported: 360 })

    const chunked = await folder()
    const first = chunk(chunked.dir, 'first', true)
    expect(first.signal).toBe('SIGKILL')
    expect(first.report).toMatchObject({ applied: false, continues: { rowsDone: 70, chunks: 1 } })
    const importId = first.report?.continues?.importId as string
    const db = repos(chunked.store)
    expect(await db.imports.get(importId)).toMatchObject({ state: 'applying', resume: { rows: 70, chunks: 1 } })

    // The process that held the folder's own lease is dead, but the import's lease is live: refused, nothing rolled back.
    await expect(importText(chunked.store, 'sales', SALES, { now: NOW })).rejects.toMatchObject({ code: 'CONFLICT', reason: 'importBusy' })
    expect(await db.imports.get(importId)).toMatchObject({ state: 'applying' })

    // Each further chunk in a process of its own; the second of them is killed after its chunk too.
    let last = first.report as ImportReport
    let processes = 1
    while (last.continues) {
      const next = chunk(chunked.dir, 'next', processes === 2)
      if (!next.report) throw new Error('a waiting import nobody could take')
      last = next.report
      processes++
    }
    expect(processes).toBe(Math.ceil(360 / 70))
    expect({ ...last, seconds: 0, rowsPerSecond: 0, changedDocs: 0 }).toEqual({ ...oneGo, seconds: 0, rowsPerSecond: 0, changedDocs: 0 })
    expect(await everything(chunked.store)).toEqual(await everything(whole.store))
    expect(await db.imports.get(importId)).toMatchObject({ state: 'done', rows: 360, imported: 360 })
    expect(await chunked.store.collection('leases').find({})).toEqual([])
    // And the folder takes the next import.
    expect(await importText(chunked.store, 'sales', SALES, { now: NOW, file })).toMatchObject({ applied: true })
  }, 60_000)
})
