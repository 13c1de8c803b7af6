import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanup, startTestHost, type TestHost } from '../support/localHome'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { repos } from '../../cloudfunctions/core/repos'
import { runImport } from '../../cloudfunctions/tools/importRun'
import { RETAILER_COLUMNS, SALES_COLUMNS, SKUS_CSV, SKU_A, csv, importText, removeDir, retailerRow, tempDir } from './helpers'

const R = '350625300010'
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

describe('npm run import and a running local host', () => {
  let host: TestHost
  let files: string
  beforeAll(async () => {
    host = await startTestHost({ seed: false })
    await importText(host.home.store, 'skus', SKUS_CSV)
    await importText(host.home.store, 'retailers', csv(RETAILER_COLUMNS, [retailerRow(R)]))
    await repos(host.home.store).bindings.put({ _id: R, openId: 'owner-r', boundAt: '2026-01-01T00:00:00+08:00' })
    files = tempDir()
    writeFileSync(join(files, 'sales.csv'), csv(SALES_COLUMNS, [[R, today, SKU_A, 3, 3000]]))
    writeFileSync(join(files, 'bad.csv'), csv(SALES_COLUMNS, [[R, today, '6901028000000', 3, 3000]]))
  })
  afterAll(async () => {
    await host.close().catch(() => undefined)
    cleanup(host.dataDir)
    removeDir(files)
  })

  it('hands the file to the host, whose app sees the rows at once', async () => {
    const progress: string[] = []
    const run = await runImport(['sales', 'sales.csv'], { cwd: files, dataDir: host.dataDir }, (p) => progress.push(p.phase))
    expect(run).toMatchObject({ code: 0, via: 'host', port: Number(new URL(host.base).port), report: { applied: true, imported: 1 } })
    // The grant was used once and is gone.
    expect(readdirSync(join(host.dataDir, 'import-grants'))).toEqual([])
    expect(progress).toContain('check')
    const reply = (await host.call('summary', { period: 'week', date: today }, 'owner-r')) as { ok: boolean; data: { current: { packs: number; salesFen: number } } }
    expect(reply).toMatchObject({ ok: true, data: { current: { packs: 3, salesFen: 3000 } } })
  })

  it('reports bad rows from the host with exit code 1', async () => {
    const run = await runImport(['sales', join(files, 'bad.csv')], { cwd: '/', dataDir: host.dataDir })
    expect(run).toMatchObject({ code: 1, via: 'host', report: { applied: false, problems: [{ row: 2, column: 'sku_code', code: 'unknownSku', value: '6901028000000' }] } })
  })

  it('never imports a path a request names, only a grant the import command wrote into the data folder', async () => {
    const post = (body: unknown) => fetch(`${host.base}/dev/import/sales`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    for (const body of [{ path: join(files, 'sales.csv') }, { grant: 'x'.repeat(43) }, { grant: '../../etc/passwd' }, {}]) {
      const res = await post(body)
      expect(res.status).toBe(403)
      expect(await res.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '只导入 npm run import 命令行上指定的文件' } })
    }
    expect(readdirSync(files).filter((f) => f.endsWith('.rejected.csv'))).toEqual([])
  })

  it('writes another data folder itself, not through a host serving a different one', async () => {
    const elsewhere = join(files, 'elsewhere')
    const run = await runImport(['sales', 'sales.csv'], { cwd: files, dataDir: elsewhere })
    // That folder holds no county, so the shop is unknown there: checked there, not by the host.
    expect(run).toMatchObject({ code: 1, via: 'store', report: { problems: [{ column: 'license_no', code: 'unknownRetailer', value: R }, { column: 'sku_code' }] } })
  })

  it('says how to use it when the arguments are wrong', async () => {
    expect(await runImport(['orders', 'x.csv'], { cwd: files, dataDir: host.dataDir })).toMatchObject({ code: 2, message: expect.stringContaining('用法') })
    expect(await runImport(['sales', 'missing.csv'], { cwd: files, dataDir: host.dataDir })).toMatchObject({ code: 2, message: expect.stringContaining('找不到文件') })
  })

  it('writes the store itself when no host is running', async () => {
    await host.close()
    writeFileSync(join(files, 'more.csv'), csv(SALES_COLUMNS, [[R, today, SKU_A, 5, 5000]]))
    const run = await runImport(['sales', 'more.csv'], { cwd: files, dataDir: host.dataDir })
    expect(run.message).toBeUndefined()
    expect(run).toMatchObject({ code: 0, via: 'store', report: { applied: true, imported: 1 } })
    const reopened = await new SqliteStore(host.dataDir).open()
    const week = await repos(reopened).salesWeeks.find({ licenseNo: R })
    expect(week.map((w) => w.days[today])).toEqual([`${SKU_A},5,5000,4500`])
  })
})
