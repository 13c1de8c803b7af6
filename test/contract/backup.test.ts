import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { buildSync, type BuildOptions } from 'esbuild'
import { backupDataFolder } from '../../cloudfunctions/adapters/sqlite/backup'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'

/**
 * `npm run backup`: a copy taken while another process keeps writing is the database of one
 * instant. The writer (test/contract/support/storeChild.ts, mode `tally`) writes 50 documents and
 * a tally in each transaction, so a consistent copy holds exactly 50 × tally of them.
 */
const BATCH = 50
let work: string
let child: string
let tool: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sm-backup-'))
  child = join(work, 'storeChild.cjs')
  tool = join(work, 'backup.cjs')
  const common: BuildOptions = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], logLevel: 'error' }
  buildSync({ ...common, entryPoints: ['test/contract/support/storeChild.ts'], outfile: child })
  buildSync({ ...common, entryPoints: ['cloudfunctions/tools/backup.ts'], outfile: tool })
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const env = (extra: Record<string, string>) => ({ PATH: process.env.PATH, NODE_PATH: join(process.cwd(), 'node_modules'), ...extra })

const tallyOf = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    const rows = db.prepare(`SELECT count(*) FROM salesWeeks WHERE _id != 'tally'`).pluck().get() as number
    const tally = db.prepare(`SELECT json_extract(doc, '$.rounds') FROM salesWeeks WHERE _id = 'tally'`).pluck().get() as number
    return { rows, tally, check: db.pragma('integrity_check', { simple: true }) }
  } finally {
    db.close()
  }
}

it('copies the database while another process writes: each copy is one instant, whole, and opens as a data folder', async () => {
  const dir = join(work, 'data')
  ;(await new SqliteStore(dir).open()).close()
  const writer = spawn(process.execPath, [child], { env: env({ DATA_DIR: dir, MODE: 'tally', BATCH: String(BATCH) }) })
  try {
    await new Promise<void>((resolve) => writer.stdout.once('data', () => resolve()))
    const seen: number[] = []
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 150))
      const file = join(work, `copy-${i}.sqlite`)
      await backupDataFolder(dir, file)
      const { rows, tally, check } = tallyOf(file)
      expect(check).toBe('ok')
      expect(tally).toBeGreaterThan(0)
      expect(rows).toBe(BATCH * tally)
      expect(existsSync(`${file}-wal`)).toBe(false)
      seen.push(tally)
    }
    // The writer kept going between copies: they are four different instants.
    expect(new Set(seen).size).toBe(4)
  } finally {
    writer.kill('SIGKILL')
  }
  // Restoring is putting the copy in place as store.sqlite of a data folder.
  const restored = join(work, 'restored')
  buildRestored(join(work, 'copy-3.sqlite'), restored)
  const store = await new SqliteStore(restored).open()
  const tally = (await store.collection<{ _id: string; rounds: number }>('salesWeeks').get('tally'))!.rounds
  expect(await store.collection('salesWeeks').count({ round: { $gte: 0 } })).toBe(BATCH * tally)
  store.close()
}, 60_000)

const buildRestored = (copy: string, dir: string) => {
  mkdirSync(dir, { recursive: true })
  copyFileSync(copy, join(dir, 'store.sqlite'))
}

it('npm run backup: one line saying where the copy went; refuses to overwrite a file and says why', async () => {
  const dir = join(work, 'cli-data')
  const store = await new SqliteStore(dir).open()
  await store.collection('skus').put({ _id: 'a', n: 1 } as never)
  const run = (file: string) => spawnSync(process.execPath, [tool, file], { env: env({ DATA_DIR: dir, INIT_CWD: work }), encoding: 'utf8' })
  // While the store is open in this process, as the host would hold it.
  const done = run('nightly.sqlite')
  expect(done).toMatchObject({ status: 0, stderr: '' })
  expect(done.stdout).toMatch(new RegExp(`^已备份 ${dir} → ${join(work, 'nightly.sqlite')}（\\d+\\.\\d MB，\\d+\\.\\d 秒）\\n$`))
  expect(tallyOf(join(work, 'nightly.sqlite')).check).toBe('ok')
  store.close()

  writeFileSync(join(work, 'taken.sqlite'), 'keep me')
  expect(run('taken.sqlite')).toMatchObject({ status: 1, stderr: `备份失败：${join(work, 'taken.sqlite')} 已经存在：备份不覆盖文件，请换一个文件名\n` })
  expect(spawnSync(process.execPath, [tool], { env: env({ DATA_DIR: dir }), encoding: 'utf8' })).toMatchObject({ status: 2, stderr: expect.stringContaining('用法：npm run backup') })
}, 30_000)
