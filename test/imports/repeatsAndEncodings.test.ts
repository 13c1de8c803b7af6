import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { repos } from '../../cloudfunctions/core/repos'
import { RowKeys } from '../../cloudfunctions/core/imports/repeats'
import { isGb18030, sniffEncoding } from '../../cloudfunctions/adapters/node/decode'
import { UnknownEncoding } from '../../cloudfunctions/core/imports/ports'
import { describeProblem } from '../../cloudfunctions/words/imports'
import { CALENDAR_COLUMNS, RETAILER_COLUMNS, SALES_COLUMNS, SKUS_CSV, SKU_A, SKU_B, csv, importText, openStore, removeDir, retailerRow, tempDir } from './helpers'

const R = '350625300010'
const sales = (rows: (string | number)[][]) => csv(SALES_COLUMNS, rows)

describe('rows that say the same thing twice', () => {
  let store: SqliteStore
  beforeEach(async () => {
    store = await openStore()
    await importText(store, 'skus', SKUS_CSV)
    await importText(store, 'retailers', csv(RETAILER_COLUMNS, [retailerRow(R)]))
  })
  afterEach(() => removeDir(store.dir))

  it('refuses a sales file with one shop, day and SKU twice (5 packs, then 9), naming both rows, and imports nothing', async () => {
    const report = await importText(store, 'sales', sales([[R, '2026-03-16', SKU_A, 5, 5000], [R, '2026-03-16', SKU_B, 1, 2000], [R, '2026-03-16', SKU_A, 9, 9000]]))
    expect(report).toMatchObject({ applied: false, imported: 0, rejected: 1 })
    expect(report.problems.map(describeProblem)).toEqual(['第 4 行 (整行)：与第 2 行重复（license_no、date、sku_code 相同）：同一文件里只能有一行，请删去不对的那行'])
    expect(await repos(store).salesMonths.get(`${R}|2026-03`)).toBeNull()
  })

  it('refuses an identical repeated row too, and tells apart the same SKU on another day or at another shop', async () => {
    const twice = await importText(store, 'sales', sales([[R, '2026-03-16', SKU_A, 5, 5000], [R, '2026-03-16', SKU_A, 5, 5000]]))
    expect(twice.problems).toMatchObject([{ row: 3, code: 'repeatedRow', firstRow: 2 }])
    const distinct = await importText(store, 'sales', sales([[R, '2026-03-16', SKU_A, 5, 5000], [R, '2026-03-17', SKU_A, 5, 5000], [R, '2026-03-16', SKU_B, 1, 2000]]))
    expect(distinct).toMatchObject({ applied: true, imported: 3, problems: [] })
  })

  it('with --skip-invalid imports the first and writes the repeat, with both row numbers, to the rejected file', async () => {
    const dir = tempDir()
    const rejectedPath = join(dir, 'sales.rejected.csv')
    const report = await importText(store, 'sales', sales([[R, '2026-03-16', SKU_A, 5, 5000], [R, '2026-03-16', SKU_A, 9, 9000]]), { skipInvalid: true, rejectedPath })
    expect(report).toMatchObject({ applied: true, imported: 1, rejected: 1 })
    expect((await repos(store).salesMonths.get(`${R}|2026-03`))?.totals).toMatchObject({ packs: 5, salesFen: 5000 })
    expect(readFileSync(rejectedPath, 'utf8').split('\r\n')[1]).toBe(`${R},2026-03-16,${SKU_A},9,9000,3,(整行)：与第 2 行重复（license_no、date、sku_code 相同）：同一文件里只能有一行，请删去不对的那行`)
    removeDir(dir)
  })

  it('refuses a register naming one licence twice and a calendar changing one cycle twice', async () => {
    const register = await importText(store, 'retailers', csv(RETAILER_COLUMNS, [retailerRow(R), retailerRow('350625300011'), retailerRow(R, { shop_name: '另一家' })]))
    expect(register.problems).toMatchObject([{ row: 4, column: '#row', code: 'repeatedRow', firstRow: 2, columns: ['license_no'] }])
    const calendar = await importText(store, 'calendar', csv(CALENDAR_COLUMNS, [['*', '2026-03-23', 'cancel', '', ''], ['*', '2026-03-23', 'cancel', '', '']]))
    expect(calendar.problems).toMatchObject([{ row: 3, code: 'repeatedRow', firstRow: 2, columns: ['scope', 'cycle_close_date'] }])
  })
})

describe('the compact key table behind the repeat check', () => {
  it('answers the first row of every repeated key and 0 for a new one, as a Map would, across sealed runs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 53 - 1 }).chain((k) => fc.constantFrom(k, k % 5000)), { maxLength: 20_000 }), (keys) => {
        // A small open table, so most keys are found in sealed runs; the part is the low 4 bits.
        const table = new RowKeys((key) => key % 16, 64)
        const map = new Map<number, number>()
        keys.forEach((key, i) => {
          const row = i + 2
          const expected = map.get(key) ?? 0
          if (!map.has(key)) map.set(key, row)
          expect(table.firstRow(key, row)).toBe(expected)
        })
      }),
      { numRuns: 30 },
    )
  })
})

describe('encodings no import can read', () => {
  let store: SqliteStore
  beforeEach(async () => {
    store = await openStore()
  })
  afterEach(() => removeDir(store.dir))
  const SENTENCE = '第 1 行 (文件)：文件编码无法识别，请另存为 UTF-8 或 GBK 的 CSV'

  it('says so for UTF-16 without its byte-order mark, not 表头缺少这一列', async () => {
    const report = await importText(store, 'skus', iconv.encode(SKUS_CSV, 'utf16le'))
    expect(report).toMatchObject({ applied: false, imported: 0 })
    expect(report.problems.map(describeProblem)).toEqual([SENTENCE])
    const bigEndian = await importText(store, 'skus', iconv.encode(SKUS_CSV, 'utf16be'))
    expect(bigEndian.problems.map(describeProblem)).toEqual([SENTENCE])
  })

  it('says so for a spreadsheet saved as .xlsx (a zip) and for bytes no GB18030 text holds', async () => {
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1'), Buffer.alloc(64, 7)])
    expect((await importText(store, 'skus', zip)).problems.map(describeProblem)).toEqual([SENTENCE])
    // 0x80 and 0xFF never start a GB18030 character; this is not valid UTF-8 either.
    const latin = Buffer.from('sku_code,name\r\n\xff\x80\xff,caf\xe9\r\n', 'latin1')
    expect((await importText(store, 'skus', latin)).problems.map(describeProblem)).toEqual([SENTENCE])
  })

  it('still reads UTF-8, GBK, GB18030 four-byte characters and UTF-16 with a BOM', () => {
    expect(sniffEncoding(Buffer.from('名称,王记\r\n', 'utf8'))).toBe('utf8')
    expect(sniffEncoding(iconv.encode('名称,王记\r\n', 'gbk'))).toBe('gb18030')
    expect(sniffEncoding(iconv.encode('名称,𠀀\u00e9\r\n', 'gb18030'))).toBe('gb18030')
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe('utf16le')
    expect(() => sniffEncoding(Buffer.from([0x41, 0x00, 0x42, 0x00]))).toThrow(UnknownEncoding)
  })

  it('takes every GB18030 encoding of any text as GB18030, a cut last character included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(8), (text, cut) => {
        const bytes = iconv.encode(text.replace(/\0/g, ''), 'gb18030')
        expect(isGb18030(bytes.subarray(0, Math.max(0, bytes.length - cut)))).toBe(true)
      }),
    )
  })
})
