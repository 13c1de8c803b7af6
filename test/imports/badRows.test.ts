import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import type { ImportKind } from '../../cloudfunctions/contracts/vocabulary'
import {
  CALENDAR_COLUMNS, INVENTORY_COLUMNS, PURCHASE_COLUMNS, RETAILER_COLUMNS, SALES_COLUMNS, SKUS_CSV, SKU_A, SKU_COLUMNS,
  csv, everything, importText, openStore, problemsText, removeDir, retailerRow,
} from './helpers'
import { describeProblem } from '../../cloudfunctions/words/imports'

/**
 * Every kind of bad row: the file imports nothing, and the report says in Chinese which row and
 * which column is wrong and why. Today is 2026-03-18 (China).
 */
const R = '350625300010'

describe('a file with a bad row imports nothing and says what is wrong', () => {
  let store: SqliteStore
  let before: Record<string, unknown[]>
  beforeAll(async () => {
    store = await openStore()
    await importText(store, 'skus', SKUS_CSV)
    await importText(store, 'retailers', csv(RETAILER_COLUMNS, [retailerRow(R, { district: '城关一片' })]))
    before = await everything(store)
  })
  afterAll(() => removeDir(store.dir))

  const refused = async (kind: ImportKind, text: string, expected: string[]) => {
    const report = await importText(store, kind, text)
    expect(problemsText(report)).toEqual(expected)
    expect(report).toMatchObject({ applied: false, imported: 0, changedDocs: 0 })
    expect(await everything(store)).toEqual(before)
  }

  it('sales: unknown SKU and shop, malformed numbers and dates, dates in the future', () =>
    refused(
      'sales',
      csv(SALES_COLUMNS, [
        [R, '2026-03-16', SKU_A, 3, 3000],
        [R, '2026-03-16', '6901028000000', 3, 3000],
        ['350625999999', '2026-03-16', SKU_A, 3, 3000],
        ['35062530001', '2026-03-16', SKU_A, 3, 3000],
        [R, '2026-03-16', SKU_A, '3.5', 3000],
        [R, '2026-03-16', SKU_A, -1, ''],
        [R, '2026/03/16', SKU_A, 1, 1000],
        [R, '2026-02-30', SKU_A, 1, 1000],
        [R, '2026-03-19', SKU_A, 1, 1000],
      ]),
      [
        '第 3 行 sku_code：未知的规格 6901028000000',
        '第 4 行 license_no：未知的零售户 350625999999',
        '第 5 行 license_no：应为 12 位数字，实际是「35062530001」',
        '第 6 行 packs：应为整数，实际是「3.5」',
        '第 7 行 packs：应在 0–100000 之间，实际是 -1',
        '第 7 行 sales_fen：不能为空',
        '第 8 行 date：不是有效日期（应为 YYYY-MM-DD），实际是「2026/03/16」',
        '第 9 行 date：不是有效日期（应为 YYYY-MM-DD），实际是「2026-02-30」',
        '第 10 行 date：日期 2026-03-19 晚于 2026-03-18',
      ],
    ))

  it('purchases and inventory: quantities out of range', async () => {
    await refused('purchases', csv(PURCHASE_COLUMNS, [[R, '2026-03-16', SKU_A, 20000, 1]]), ['第 2 行 cartons：应在 0–10000 之间，实际是 20000'])
    await refused('inventory', csv(INVENTORY_COLUMNS, [[R, '2026-03-16', SKU_A, 'x']]), ['第 2 行 packs_on_hand：应为整数，实际是「x」'])
  })

  it('a bad row after good ones: the good ones written meanwhile are taken back', async () => {
    // Two weeks of good rows, then a bad one: sales are written as they are read, so this undoes writes.
    const good = Array.from({ length: 14 }, (_, i) => [R, `2026-03-${String(i + 1).padStart(2, '0')}`, SKU_A, 1, 1000])
    await refused('sales', csv(SALES_COLUMNS, [...good, [R, '2026-03-15', 'nope', 1, 1000]]), ['第 16 行 sku_code：未知的规格 nope'])
  })

  it('retailers: unknown business and area types, grades, scores, phones, windows', () =>
    refused(
      'retailers',
      csv(RETAILER_COLUMNS, [
        retailerRow('350625300011', { business_type: '小卖部', area_type: '郊区' }),
        retailerRow('350625300012', { grade: 31, integrity_score: 101, phone: '123' }),
        retailerRow('350625300013', { open_weekday: 8, open_time: '25:00', shop_name: '' }),
      ]),
      [
        '第 2 行 business_type：应为 食杂店、便利店、超市、烟酒店、娱乐服务、其他 之一，实际是「小卖部」',
        '第 2 行 area_type：应为 城镇、乡村 之一，实际是「郊区」',
        '第 3 行 phone：应为 11 位手机号，实际是「123」',
        '第 3 行 grade：应在 1–30 之间，实际是 31',
        '第 3 行 integrity_score：应在 0–100 之间，实际是 101',
        '第 4 行 shop_name：不能为空',
        '第 4 行 open_weekday：应为 1–7（1 = 周一，7 = 周日），实际是「8」',
        '第 4 行 open_time：应为 HH:mm（如 16:00），实际是「25:00」',
      ],
    ))

  it('skus: flags and prices', () =>
    refused('skus', csv(SKU_COLUMNS, [['6901000000009', '新品', '新', '10元以下', 0, 500, 2, 0]]), [
      '第 2 行 wholesale_fen_per_carton：应在 1–10000000 之间，实际是 0',
      '第 2 行 is_key：应为 0 或 1，实际是「2」',
    ]))

  it('calendar: unknown scopes, moves without times, too far, backwards, and cancels with times', () =>
    refused(
      'calendar',
      csv(CALENDAR_COLUMNS, [
        ['火星片', '2026-10-05', 'cancel', '', ''],
        ['*', '2026-10-05', 'move', '2026-10-08T08:00', ''],
        ['城关一片', '2026-10-05', 'move', '2026-10-20T08:00', '2026-10-20T16:00'],
        ['*', '2026-10-05', 'move', '2026-10-08T16:00', '2026-10-08T08:00'],
        ['*', '2026-10-05', 'cancel', '2026-10-08T08:00', ''],
        // The shop's window closes on Mondays; 2026-10-06 is a Tuesday.
        [R, '2026-10-06', 'cancel', '', ''],
        ['*', '2026-10-05', 'postpone', '', ''],
      ]),
      [
        '第 2 行 scope：未知的片区「火星片」（应为许可证号、片区名或 *）',
        '第 3 行 new_close：调整订货时间时不能为空',
        '第 4 行 new_close：离原截止日 2026-10-05 超过 14 天',
        '第 5 行 new_close：应晚于 new_open',
        '第 6 行 new_open：取消订货时应留空',
        `第 7 行 cycle_close_date：${R} 的订货周期在每周一截止，2026-10-06 不是截止日`,
        '第 8 行 action：应为 cancel、move 之一，实际是「postpone」',
      ],
    ))

  it('a header without a required column', () =>
    refused('sales', csv(['license_no', 'date', 'sku', 'packs', 'sales_fen'], [[R, '2026-03-16', SKU_A, 1, 1000]]), ['第 1 行 sku_code：表头缺少这一列']))

  it('a broken CSV (a quote never closed)', async () => {
    const report = await importText(store, 'sales', `${SALES_COLUMNS.join(',')}\n${R},2026-03-16,"${SKU_A},1,1000\n${R},2026-03-17,${SKU_A},1,1000\n`)
    expect(report.applied).toBe(false)
    expect(describeProblem(report.problems[0])).toContain('(文件)：CSV 格式错误')
    expect(await everything(store)).toEqual(before)
  })

  it('lists at most 100 problems, then counts the rest', async () => {
    const rows = Array.from({ length: 150 }, () => [R, '2026-03-16', '6901028000000', 1, 1000])
    const report = await importText(store, 'sales', csv(SALES_COLUMNS, rows))
    expect(report.problems).toHaveLength(100)
    expect(describeProblem(report.problems[99])).toBe('第 101 行 sku_code：未知的规格 6901028000000')
    expect(report.moreProblems).toBe(50)
    expect(report.rejected).toBe(150)
    expect(await everything(store)).toEqual(before)
  })

  it('ignores extra columns, blank lines and rows of empty cells', async () => {
    const text = `note,${SALES_COLUMNS.join(',')},remark\r\nx,${R},2026-03-16,${SKU_A},2,2000,hello\r\n\r\n,,,,,,\r\n`
    const report = await importText(store, 'sales', text)
    expect(report).toMatchObject({ applied: true, rows: 1, imported: 1, rejected: 0 })
  })
})
