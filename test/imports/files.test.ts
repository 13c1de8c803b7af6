import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { repos } from '../../cloudfunctions/core/repos'
import { RETAILER_COLUMNS, SALES_COLUMNS, SKUS_CSV, SKU_A, SKU_B, csv, everything, importText, openStore, removeDir, retailerRow, tempDir } from './helpers'

const R = '350625300010'

describe('files as Excel and systems write them', () => {
  let store: SqliteStore
  beforeEach(async () => {
    store = await openStore()
    await importText(store, 'skus', SKUS_CSV)
  })
  afterEach(() => removeDir(store.dir))

  it('reads a GBK file from a Chinese Excel', async () => {
    const text = csv(RETAILER_COLUMNS, [retailerRow(R, { shop_name: '王记食杂店', owner_name: '王秀兰', business_type: '食杂店', area_type: '乡村', district: '岩溪片' })])
    const gbk = iconv.encode(text, 'gbk')
    expect(gbk.includes(Buffer.from('王记', 'utf8'))).toBe(false)
    const report = await importText(store, 'retailers', gbk)
    expect(report).toMatchObject({ applied: true, imported: 1, problems: [] })
    expect(await repos(store).retailers.get(R)).toMatchObject({ shopName: '王记食杂店', ownerName: '王秀兰', businessType: '食杂店', areaType: '乡村', district: '岩溪片' })
  })

  it('reads a UTF-8 file with a byte-order mark, the first column name intact', async () => {
    const text = `\uFEFF${csv(RETAILER_COLUMNS, [retailerRow(R, { shop_name: '福满便利店' })])}`
    const report = await importText(store, 'retailers', Buffer.from(text, 'utf8'))
    expect(report).toMatchObject({ applied: true, imported: 1, problems: [] })
    expect((await repos(store).retailers.get(R))?.shopName).toBe('福满便利店')
  })

  it('reads UTF-16 "Unicode text" with its byte-order mark', async () => {
    const text = csv(RETAILER_COLUMNS, [retailerRow(R, { shop_name: '鑫源烟酒店' })])
    const report = await importText(store, 'retailers', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]))
    expect(report).toMatchObject({ applied: true, imported: 1 })
    expect((await repos(store).retailers.get(R))?.shopName).toBe('鑫源烟酒店')
  })

  it('with --skip-invalid imports the good rows and writes the bad ones with reasons next to the file', async () => {
    await importText(store, 'retailers', csv(RETAILER_COLUMNS, [retailerRow(R)]))
    const dir = tempDir()
    const rejectedPath = join(dir, 'sales.rejected.csv')
    const report = await importText(
      store,
      'sales',
      csv([...SALES_COLUMNS, 'remark'], [
        [R, '2026-03-16', SKU_A, 2, 2000, 'ok'],
        [R, '2026-03-16', '6901028000000', 1, 1000, '"收银员, 手输"'],
        [R, '2026-03-17', SKU_B, 'x', 1000, ''],
      ]),
      { skipInvalid: true, rejectedPath },
    )
    expect(report).toMatchObject({ applied: true, rows: 3, imported: 1, rejected: 2, rejectedFile: rejectedPath })
    expect((await repos(store).salesMonths.get(`${R}|2026-03`))?.totals).toEqual({ packs: 2, salesFen: 2000, costFen: 1800 })
    // With a BOM, so Excel opens it as UTF-8; the original cells, then the row number and the reasons.
    expect(readFileSync(rejectedPath, 'utf8')).toBe(
      '\uFEFFlicense_no,date,sku_code,packs,sales_fen,remark,行号,问题\r\n' +
        `${R},2026-03-16,6901028000000,1,1000,"收银员, 手输",3,sku_code：未知的规格 6901028000000\r\n` +
        `${R},2026-03-17,${SKU_B},x,1000,,4,packs：应为整数，实际是「x」\r\n`,
    )
    removeDir(dir)
  })
})

describe('importing again', () => {
  let store: SqliteStore
  const sales = (rows: (string | number)[][]) => csv(SALES_COLUMNS, rows)
  const FILE = sales([
    [R, '2026-03-16', SKU_A, 4, 4000],
    [R, '2026-03-16', SKU_B, 1, 2000],
    [R, '2026-03-17', SKU_A, 2, 2000],
    [R, '2026-04-01', SKU_A, 1, 1000],
  ])
  beforeEach(async () => {
    store = await openStore()
    await importText(store, 'skus', SKUS_CSV)
    await importText(store, 'retailers', csv(RETAILER_COLUMNS, [retailerRow(R)]))
  })
  afterEach(() => removeDir(store.dir))

  it('changes nothing when the same file comes twice', async () => {
    const first = await importText(store, 'sales', FILE, { now: '2026-04-02T10:00:00+08:00' })
    expect(first.changedDocs).toBeGreaterThan(0)
    const after = await everything(store)
    const second = await importText(store, 'sales', FILE, { now: '2026-04-02T10:00:00+08:00' })
    expect(second).toMatchObject({ applied: true, imported: 4, changedDocs: 0 })
    expect(await everything(store)).toEqual(after)
  })

  it('lets a corrected row replace the old one, the aggregates moving by the difference', async () => {
    await importText(store, 'sales', FILE, { now: '2026-04-02T10:00:00+08:00' })
    const db = repos(store)
    const march = await db.salesMonths.get(`${R}|2026-03`)
    // March: A 6 packs 6000 (cost 5400), B 1 pack 2000 (cost 1800).
    expect(march?.totals).toEqual({ packs: 7, salesFen: 8000, costFen: 7200 })
    // The POS re-exports Monday: A was 5 packs, not 4.
    const report = await importText(store, 'sales', sales([[R, '2026-03-16', SKU_A, 5, 5000]]), { now: '2026-04-02T10:00:00+08:00' })
    expect(report.imported).toBe(1)
    const corrected = await db.salesMonths.get(`${R}|2026-03`)
    // +1 pack, +1000 fen, +900 cost; Monday's sum is 5 + 1 = 6 packs; April is untouched.
    expect(corrected?.totals).toEqual({ packs: 8, salesFen: 9000, costFen: 8100 })
    expect(corrected?.daily.packs.slice(15, 17)).toEqual([6, 2])
    expect(corrected?.skus.find((s) => s.skuCode === SKU_A)).toMatchObject({ packs: 7, salesFen: 7000, costFen: 6300 })
    expect((await db.salesMonths.get(`${R}|2026-04`))?.totals).toEqual({ packs: 1, salesFen: 1000, costFen: 900 })
    const week = await db.salesWeeks.get(`${R}|2026-03-16`)
    expect(week?.days['2026-03-16'].split('\n')).toEqual([`${SKU_A},5,5000,4500`, `${SKU_B},1,2000,1800`])
  })
})
