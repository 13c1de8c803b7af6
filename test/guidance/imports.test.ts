import iconv from 'iconv-lite'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { csv, everything, importText, openStore, problemsText, removeDir, retailerRow, RETAILER_COLUMNS } from '../imports/helpers'
import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { repos } from '../../cloudfunctions/core/repos'
import { LIBRARY_COLUMNS } from '../../cloudfunctions/core/guidance/library'
import { MARKETING_COLUMNS } from '../../cloudfunctions/core/imports/marketing'
import learningIds from '../../cloudfunctions/defaults/learningIds.json'
import { parseCsv } from './helpers'

/**
 * The two guidance imports (guidance.md §1, §4) with every guarantee the other imports give:
 * checked whole and refused whole in Chinese with rows named, idempotent, any of the encodings.
 */

const NOW = '2026-11-05T10:00:00+08:00'
const SHOP_1 = '350625100001'
const SHOP_2 = '350625100002'
const SHOP_3 = '350625100003'
const row = (licenseNo: string, month: string, grade: number | string, extra: Partial<Record<'integrity' | 'quota' | 'retail' | 'level' | 'area', number | string>> = {}) => [
  licenseNo, month, grade, extra.integrity ?? 90, extra.quota ?? 40, extra.retail ?? 72.5, extra.level ?? 3, extra.area ?? 45,
]
const marketing = (rows: (string | number)[][]) => csv(MARKETING_COLUMNS, rows)
const GOOD = marketing([row(SHOP_1, '2026-09', 12), row(SHOP_2, '2026-09', 8), row(SHOP_1, '2026-10', 14, { integrity: 95, quota: 56 }), row(SHOP_2, '2026-10', 8, { quota: 32 })])

describe('the marketing import', () => {
  let store: SqliteStore
  beforeEach(async () => {
    store = await openStore()
    const register = csv(RETAILER_COLUMNS, [retailerRow(SHOP_1), retailerRow(SHOP_2, { grade: 8, monthly_quota_cartons: 32 }), retailerRow(SHOP_3)])
    expect(await importText(store, 'retailers', register, { now: NOW })).toMatchObject({ applied: true })
  })
  afterEach(() => {
    store.close()
    removeDir(store.dir)
  })

  it('stores one row per shop and month; the newest month becomes the shop’s grade, integrity score and quota', async () => {
    const report = await importText(store, 'marketing', GOOD, { now: NOW })
    expect(report).toMatchObject({ kind: 'marketing', rows: 4, imported: 4, applied: true })
    const db = repos(store)
    expect(await db.marketingMonths.get(`${SHOP_1}|2026-10`)).toEqual({
      _id: `${SHOP_1}|2026-10`, licenseNo: SHOP_1, month: '2026-10', grade: 14, integrityScore: 95, monthlyQuotaCartons: 56, newRetailScore: 72.5, terminalLevel: 3, shopAreaM2: 45,
    })
    expect(await db.retailers.get(SHOP_1)).toMatchObject({ grade: 14, integrityScore: 95, monthlyQuotaCartons: 56 })
    expect(await db.retailers.get(SHOP_2)).toMatchObject({ grade: 8, integrityScore: 90, monthlyQuotaCartons: 32 })
    expect(await db.retailers.get(SHOP_3)).toMatchObject({ grade: 10 }) // not in the file: as the register says
  })

  it('an older month imported later does not take over the shop’s current figures', async () => {
    await importText(store, 'marketing', GOOD, { now: NOW })
    expect(await importText(store, 'marketing', marketing([row(SHOP_1, '2026-08', 3)]), { now: NOW })).toMatchObject({ applied: true })
    expect(await repos(store).retailers.get(SHOP_1)).toMatchObject({ grade: 14 })
  })

  it('re-imported, changes nothing; a corrected row replaces the month’s row of that shop', async () => {
    await importText(store, 'marketing', GOOD, { now: NOW })
    const before = await everything(store)
    expect(await importText(store, 'marketing', GOOD, { now: NOW })).toMatchObject({ applied: true, changedDocs: 0 })
    expect(await everything(store)).toEqual(before)
    await importText(store, 'marketing', marketing([row(SHOP_1, '2026-10', 16)]), { now: NOW })
    expect(await repos(store).marketingMonths.count({ licenseNo: SHOP_1 })).toBe(2)
    expect(await repos(store).retailers.get(SHOP_1)).toMatchObject({ grade: 16 })
  })

  it('reads GBK from a Chinese Excel, and UTF-8 with a BOM', async () => {
    const text = GOOD.replace('license_no', '\uFEFFlicense_no')
    expect(await importText(store, 'marketing', Buffer.from(text, 'utf8'), { now: NOW })).toMatchObject({ applied: true, imported: 4 })
    const store2 = await openStore()
    await importText(store2, 'retailers', csv(RETAILER_COLUMNS, [retailerRow(SHOP_1, { shop_name: '王记食杂店' })]), { now: NOW })
    expect(await importText(store2, 'marketing', iconv.encode(`${marketing([row(SHOP_1, '2026-10', 7)])}`, 'gbk'), { now: NOW })).toMatchObject({ applied: true })
    expect(await repos(store2).retailers.get(SHOP_1)).toMatchObject({ shopName: '王记食杂店', grade: 7 })
    store2.close()
    removeDir(store2.dir)
  })

  it('refuses bad rows whole, in Chinese, rows named, and changes nothing: unknown shop, future month, grade 0, negative area, two rows for one shop and month', async () => {
    await importText(store, 'marketing', GOOD, { now: NOW })
    const before = await everything(store)
    const bad = marketing([
      row(SHOP_1, '2026-10', 15),
      row('350625999999', '2026-10', 5),
      row(SHOP_2, '2026-12', 5),
      row(SHOP_3, '2026-10', 0),
      row(SHOP_3, '2026-09', 9, { area: -5 }),
      row(SHOP_1, '2026-10', 16),
      row(SHOP_2, '2026-1', 5, { level: 6 }),
    ])
    const report = await importText(store, 'marketing', bad, { now: NOW })
    expect(report).toMatchObject({ applied: false, imported: 0, changedDocs: 0, rejected: 6 })
    expect(problemsText(report)).toEqual([
      '第 3 行 license_no：未知的零售户 350625999999',
      '第 4 行 month：月份 2026-12 还没到（最晚 2026-11）',
      '第 5 行 grade：应在 1–30 之间，实际是 0',
      '第 6 行 shop_area_m2：应在 0–100000 之间，实际是 -5',
      '第 7 行 (整行)：与第 2 行重复（license_no、month 相同）：同一文件里只能有一行，请删去不对的那行',
      '第 8 行 month：不是有效月份（应为 YYYY-MM），实际是「2026-1」',
      '第 8 行 terminal_level：应在 1–5 之间，实际是 6',
    ])
    expect(await everything(store)).toEqual(before)
  })
})

const LIBRARY_TEXT = readFileSync(join(__dirname, '../../cloudfunctions/defaults/strategies.csv'), 'utf8')
const libraryRow = (fields: Partial<Record<(typeof LIBRARY_COLUMNS)[number], string>>): string[] => {
  const base: Record<string, string> = {
    id: 'x-test', title: '试一试', body: '一段说明。', classes: 'stable', conditions: '', target_indicator: 'sellThrough', target_direction: 'up',
    actions: 'callManager', priority: '10', valid_from: '', valid_to: '', ...fields,
  }
  return LIBRARY_COLUMNS.map((c) => base[c])
}

describe('the strategies import (the strategy library)', () => {
  let store: SqliteStore
  beforeEach(async () => (store = await openStore()))
  afterEach(() => {
    store.close()
    removeDir(store.dir)
  })

  it('imports the default library whole, and a re-import changes nothing', async () => {
    const report = await importText(store, 'strategies', LIBRARY_TEXT, { now: NOW })
    expect(report).toMatchObject({ applied: true, rows: 17, imported: 17 })
    const stored = await repos(store).strategies.find({}, { sort: { _id: 1 } })
    expect(stored.map((s) => s._id)).toContain('nr-scanner-fault')
    expect(stored.find((s) => s._id === 'nr-scanner-fault')).toMatchObject({ conditions: [{ figure: 'scanRate', op: '<', value: 0.8 }], actions: [{ kind: 'course', courseId: 'c-scanner-fault' }] })
    const before = await everything(store)
    expect(await importText(store, 'strategies', LIBRARY_TEXT, { now: NOW })).toMatchObject({ applied: true, changedDocs: 0 })
    expect(await everything(store)).toEqual(before)
  })

  it('replaces the library: a strategy the new file no longer holds is gone, an edited one changed', async () => {
    await importText(store, 'strategies', LIBRARY_TEXT, { now: NOW })
    const rows = parseCsv(LIBRARY_TEXT)
    const edited = [rows[0], ...rows.slice(1, 5).map((r) => (r[0] === 'gf-training' ? r.map((c, i) => (i === 1 ? '档位培训报名' : c)) : r))]
    expect(await importText(store, 'strategies', edited.map((r) => r.join(',')).join('\r\n'), { now: NOW })).toMatchObject({ applied: true, imported: 4 })
    const stored = await repos(store).strategies.find({}, { sort: { _id: 1 } })
    expect(stored.map((s) => s._id).sort()).toEqual(['gf-profit-sheet', 'gf-training', 'gf-weak-indicators', 'nr-pos-unstable'])
    expect(stored.find((s) => s._id === 'gf-training')?.title).toBe('档位培训报名')
  })

  it('refuses a library naming an unknown class, indicator, operator, course or store: whole, rows named, nothing changed', async () => {
    await importText(store, 'strategies', LIBRARY_TEXT, { now: NOW })
    const before = await everything(store)
    const bad = [
      [...LIBRARY_COLUMNS],
      libraryRow({ id: 'ok-1' }),
      libraryRow({ id: 'bad-class', classes: 'stable;vip' }),
      libraryRow({ id: 'bad-indicator', conditions: 'profit<3' }),
      libraryRow({ id: 'bad-op', conditions: 'scanRate=>0.8' }),
      libraryRow({ id: 'bad-course', actions: 'course:c-nothing' }),
      libraryRow({ id: 'bad-store', actions: 'modelStore:ms-nowhere;callManager' }),
      libraryRow({ id: 'ok-1', target_direction: 'sideways' }),
    ]
    const report = await importText(store, 'strategies', bad.map((r) => r.join(',')).join('\r\n'), { now: NOW })
    expect(report).toMatchObject({ applied: false, imported: 0, changedDocs: 0, rejected: 6 })
    expect(problemsText(report)).toEqual([
      '第 3 行 classes：未知的类别「vip」',
      '第 4 行 conditions：未知的指标「profit」',
      '第 5 行 conditions：未知的比较符「=>」，只能用 < <= > >= = !=',
      '第 6 行 actions：未知的课程「c-nothing」',
      '第 7 行 actions：未知的样板店「ms-nowhere」',
      '第 8 行 id：编号「ok-1」和第 2 行重复',
      '第 8 行 target_direction：方向「sideways」只能是 up 或 down',
    ])
    expect(await everything(store)).toEqual(before)
  })

  it('knows the course and model-store ids of the 学习 catalogues', () => {
    const ids = (file: string) => parseCsv(readFileSync(join(__dirname, '../../cloudfunctions/defaults', file), 'utf8')).slice(1).filter((r) => r[0]).map((r) => r[0])
    expect(learningIds.courseIds).toEqual(ids('courses.csv'))
    expect(learningIds.modelStoreIds).toEqual(ids('modelStores.csv'))
  })
})
