import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'
import { buildSync } from 'esbuild'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { FolderLock, LOCK_FILE, readOwner, tryLock } from '../../cloudfunctions/adapters/node/folderLock'
import { repos } from '../../cloudfunctions/core/repos'
import { cleanup, startTestHost } from '../support/localHome'
import { RETAILER_COLUMNS, SALES_COLUMNS, SKUS_CSV, SKU_A, SKU_B, csv, importText, retailerRow } from './helpers'

/**
 * One writer per data folder, with real processes: the import command and the host bundled as
 * `npm run import` and `npm start` bundle them, run on one folder at once.
 */
let buildDir: string
let dir: string
const SHOPS = Array.from({ length: 20 }, (_, i) => `3506253000${String(10 + i)}`)

/** A sales file of `days` days from `first` for every shop and two SKUs. */
const salesFile = (name: string, firstDay: number, days: number): string => {
  const rows: (string | number)[][] = []
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(2010, 0, 1) + (firstDay + d) * 86_400_000).toISOString().slice(0, 10)
    for (const shop of SHOPS) for (const sku of [SKU_A, SKU_B]) rows.push([shop, date, sku, 1, 1000])
  }
  const file = join(dir, name)
  writeFileSync(file, csv(SALES_COLUMNS, rows))
  return file
}

const run = (script: 'import' | 'host', args: string[], env: Record<string, string> = {}) => {
  const child = spawn(process.execPath, [join(buildDir, `${script}.cjs`), ...args], {
    env: { PATH: process.env.PATH, NODE_PATH: join(process.cwd(), 'node_modules'), DATA_DIR: dir, INIT_CWD: dir, STATIC_DIR: join(dir, 'no-h5'), ...env },
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('exit', (code) => resolve({ code, out, err })))
  return { pid: child.pid as number, done, child }
}

/** No stack trace, ever: no "    at fn (file:line)" lines and no Error: prefix. */
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+[:(]|^\w*Error: /m)

const totalPacks = async (): Promise<number> => {
  const store = await new SqliteStore(dir).open()
  try {
    const months = await repos(store).salesMonths.find({})
    return months.reduce((sum, m) => sum + m.totals.packs, 0)
  } finally {
    store.close()
  }
}

beforeAll(() => {
  buildDir = mkdtempSync(join(tmpdir(), 'sm-writer-'))
  for (const [name, entry] of [['import', 'cloudfunctions/tools/import.ts'], ['host', 'cloudfunctions/host/main.ts']]) {
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile: join(buildDir, `${name}.cjs`), logLevel: 'error' })
  }
})
afterAll(() => rmSync(buildDir, { recursive: true, force: true }))
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-writer-data-'))
  const store = await new SqliteStore(dir).open()
  await importText(store, 'skus', SKUS_CSV)
  await importText(store, 'retailers', csv(RETAILER_COLUMNS, SHOPS.map((shop) => retailerRow(shop))))
  store.close()
})
afterEach(() => cleanup(dir))

describe('one writer per data folder', () => {
  it('two import commands started at once on one folder: one waits for the other, both land whole, nothing is lost', async () => {
    const a = salesFile('a.csv', 0, 600) // 24,000 rows
    const b = salesFile('b.csv', 600, 600)
    const [ra, rb] = await Promise.all([run('import', ['sales', a]).done, run('import', ['sales', b]).done])
    expect([ra.code, rb.code]).toEqual([0, 0])
    for (const r of [ra, rb]) {
      expect(r.out).toContain('✔ 已导入')
      noStack(r.err)
    }
    expect(await totalPacks()).toBe(2 * 24_000)
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  }, 60_000)

  it('an import finding another import on the folder waits, then refuses naming it, with no stack', async () => {
    const held = await tryLock(dir, { port: null, who: '导入 big.csv' })
    expect(held).toBeInstanceOf(FolderLock)
    const refused = await run('import', ['sales', salesFile('a.csv', 0, 10)], { IMPORT_WAIT_MS: '300' }).done
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(new RegExp(`正在由进程 ${process.pid}（导入 big\\.csv，\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d 起）使用，等了 0 秒仍未结束。请等它做完再试。`))
    noStack(refused.err)
    ;(held as FolderLock).release()
    expect((await run('import', ['sales', join(dir, 'a.csv')]).done).code).toBe(0)
    expect(await totalPacks()).toBe(400)
  }, 30_000)

  it('takes over the lock of a process that died, and the host refuses to start beside a live import', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: dead, port: 8080, who: '本地服务', since: '2026-11-23T02:00:00.000Z' }))
    const took = await run('import', ['sales', salesFile('a.csv', 0, 10)]).done
    expect([took.code, took.err]).toEqual([0, ''])
    expect(readOwner(dir)).toBeNull()

    const held = (await tryLock(dir, { port: null, who: '导入 a.csv' })) as FolderLock
    const host = await run('host', [], { PORT: '0' }).done
    expect(host.code).toBe(2)
    expect(host.err).toMatch(new RegExp(`数据目录 .* 正在由进程 ${process.pid}（导入 a\\.csv，.* 起）使用。请等它做完再启动本地服务。`))
    noStack(host.err)
    held.release()
  }, 30_000)

  it('hands the file to the live host holding the folder, on the port its lock names whatever PORT says', async () => {
    const host = await startTestHost({ seed: false, dataDir: dir })
    try {
      const port = new URL(host.base).port
      const r = await run('import', ['sales', salesFile('a.csv', 0, 10)], { PORT: '1' }).done
      expect(r.code).toBe(0)
      expect(r.err).toContain(`已交给 http://127.0.0.1:${port} 上运行的本地服务导入`)
      expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toContain(`"port":${port}`)
      expect((await repos(host.home.store).salesMonths.find({})).reduce((sum, m) => sum + m.totals.packs, 0)).toBe(400)
    } finally {
      await host.close()
    }
  }, 30_000)

  it('refuses, naming the host, when the host holding the folder does not answer', async () => {
    // A port nobody listens on any more, held by a live process (this one) as its host.
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    await new Promise((resolve) => server.close(resolve))
    const held = (await tryLock(dir, { port, who: '本地服务' })) as FolderLock
    const r = await run('import', ['sales', salesFile('a.csv', 0, 10)], { IMPORT_WAIT_MS: '300' }).done
    expect(r.code).toBe(2)
    expect(r.err).toContain(`正在由进程 ${process.pid}（本地服务，端口 ${port}，`)
    expect(r.err).toContain('它没有回答，请确认它在运行')
    noStack(r.err)
    held.release()
  }, 30_000)
})
