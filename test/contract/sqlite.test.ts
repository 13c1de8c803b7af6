import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { KEYED_IDS, fieldExpr, idsOnly, pageOf, topField, whereOf } from '../../cloudfunctions/adapters/sqlite/sql'
import type { Filter, FindOptions } from '../../cloudfunctions/core/ports'
import { COLLECTIONS } from '../../cloudfunctions/core/collections'

/** What the SQLite store adds to the contract: documents kept exactly, types kept apart, indexes used. */
describe('SqliteStore', () => {
  let dir: string
  let store: SqliteStore
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sm-sqlite-'))
    store = await new SqliteStore(dir).open()
  })
  afterEach(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps a document’s shape exactly: integers, fractions, negatives, booleans, null, empty and nested objects and arrays, Chinese text', async () => {
    const doc = {
      _id: '350625100001|2026-03',
      n: 42,
      f: 0.1 + 0.2,
      neg: -7,
      big: 9_007_199_254_740_991,
      yes: true,
      no: false,
      none: null,
      empty: {},
      list: [],
      daily: { packs: [1, null, 3], fen: [0.5, -2] },
      skus: [{ skuCode: '6901028000001', packs: 3, isKey: true }],
      text: '福满便利店 "引号" \\ 反斜杠',
    }
    await store.collection('salesMonths').put(doc)
    const back = await store.collection('salesMonths').get(doc._id)
    expect(back).toEqual(doc)
    expect(Object.is((back as typeof doc).f, 0.30000000000000004)).toBe(true)
    // And after reopening.
    store.close()
    store = await new SqliteStore(dir).open()
    expect(await store.collection('salesMonths').get(doc._id)).toEqual(doc)
  })

  it('keeps types apart as nedb and CloudBase do: a number range never matches text, a text range never numbers, true only true', async () => {
    const c = store.collection<{ _id: string; v: unknown }>('skus')
    await c.putMany([
      { _id: 'n1', v: 1 },
      { _id: 'n5', v: 5 },
      { _id: 'sA', v: 'A' },
      { _id: 's5', v: '5' },
      { _id: 't', v: true },
      { _id: 'f', v: false },
      { _id: 'z', v: null },
      { _id: 'missing' } as never,
    ])
    const ids = async (filter: Filter) => (await c.find(filter, { sort: { _id: 1 } })).map((d) => d._id)
    expect(await ids({ v: { $gt: 1 } })).toEqual(['n5'])
    expect(await ids({ v: { $lt: 'Z' } })).toEqual(['s5', 'sA'])
    expect(await ids({ v: 5 })).toEqual(['n5'])
    expect(await ids({ v: '5' })).toEqual(['s5'])
    expect(await ids({ v: true })).toEqual(['t'])
    expect(await ids({ v: false })).toEqual(['f'])
    expect(await ids({ v: null })).toEqual(['missing', 'z'])
    expect(await ids({ v: { $in: [5, 'A', null] } })).toEqual(['missing', 'n5', 'sA', 'z'])
    expect(await ids({ v: { $in: [] } })).toEqual([])
    expect(await ids({ v: { $ne: true } })).toEqual(['f', 'missing', 'n1', 'n5', 's5', 'sA', 'z'])
  })

  it('reads a short list of ids by key and a long one in SQL, with the same answers: sorted, once each, missing ids skipped, limit kept', async () => {
    const weeks = store.collection('salesWeeks')
    await weeks.putMany(Array.from({ length: 30 }, (_, i) => ({ _id: `w${String(i).padStart(2, '0')}`, n: i })))
    const ids = async (list: string[], limit?: number) => (await weeks.find({ _id: { $in: list } }, limit ? { limit } : {})).map((d) => d._id)
    // Short (by key): out of order, repeated, one missing.
    expect(idsOnly({ _id: { $in: ['w05', 'w01', 'w05', 'nope'] } })).toEqual(['nope', 'w01', 'w05'])
    expect(await ids(['w05', 'w01', 'w05', 'nope'])).toEqual(['w01', 'w05'])
    expect(await ids(['w09', 'w03', 'w07'], 2)).toEqual(['w03', 'w07'])
    expect(await ids([])).toEqual([])
    // Long (in SQL): the same rules.
    const long = Array.from({ length: KEYED_IDS + 5 }, (_, i) => `w${String(29 - i).padStart(2, '0')}`)
    expect(idsOnly({ _id: { $in: long } })).toBeNull()
    expect(await ids([...long, 'nope', long[0]])).toEqual([...long].sort())
    expect(await ids(long, 3)).toEqual([...long].sort().slice(0, 3))
    // Anything beside the id list goes to SQL.
    expect(idsOnly({ _id: { $in: ['a'] }, n: 1 })).toBeNull()
    expect(idsOnly({ _id: { $in: ['a'], $ne: 'b' } })).toBeNull()
    expect(idsOnly({ _id: { $in: [1] } })).toBeNull()
  })

  it('writes small page bounds into the statement and binds large ones', () => {
    expect(pageOf({ limit: 1 })).toEqual({ tail: ' LIMIT 1', params: [] })
    expect(pageOf({ limit: 13, skip: 26, sort: { month: -1 } })).toEqual({ tail: ` ORDER BY json_extract(doc, '$.month') DESC LIMIT 13 OFFSET 26`, params: [] })
    expect(pageOf({ skip: 5 })).toEqual({ tail: ' LIMIT -1 OFFSET 5', params: [] })
    expect(pageOf({ limit: 5000 })).toEqual({ tail: ' LIMIT ? OFFSET ?', params: [5000, 0] })
    expect(() => pageOf({ limit: 1.5 })).toThrow('whole number')
  })

  it('refuses field names it cannot put in a JSON path, rather than guessing', () => {
    expect(() => fieldExpr("a') OR 1=1 --")).toThrow('field name not supported')
    expect(() => whereOf({ 'a b': 1 })).toThrow('field name not supported')
  })

  /** SQLite's plan for a find, as text. */
  const plan = (collection: string, filter: Filter, options: FindOptions = {}): string => {
    const { where, params } = whereOf(filter)
    const page = pageOf(options)
    const rows = store.database.prepare(`EXPLAIN QUERY PLAN SELECT doc FROM "${collection}"${where}${page.tail}`).all(...params, ...page.params) as { detail: string }[]
    return rows.map((r) => r.detail).join(' | ')
  }

  it('answers the core’s queries from the declared indexes, without scanning the table or sorting it', () => {
    // The reminder tick's keyset pages over nextFireAt, sorted as they are read.
    expect(plan('reminderSchedules', { nextFireAt: { $gt: 1, $lte: 2 } }, { sort: { nextFireAt: 1, _id: 1 }, limit: 1000 })).toBe(
      'SEARCH reminderSchedules USING INDEX ix:reminderSchedules.nextFireAt (<expr>>? AND <expr><?)',
    )
    expect(plan('reminderSchedules', { nextFireAt: 5, _id: { $gt: 'x' } }, { sort: { _id: 1 }, limit: 1000 })).toMatch(/^SEARCH reminderSchedules USING INDEX ix:reminderSchedules\.nextFireAt \(<expr>=\? AND _id>\?\)$/)
    expect(plan('bindings', { openId: 'o' })).toBe('SEARCH bindings USING INDEX ix:bindings.openId unique (<expr>=?)')
    expect(plan('salesMonths', { month: '2026-03' })).toBe('SEARCH salesMonths USING INDEX ix:salesMonths.month (<expr>=?)')
    expect(plan('helperLog', { licenseNo: 'x' }, { sort: { atMs: -1, _id: -1 }, limit: 50 })).toMatch(/^SEARCH helperLog USING INDEX ix:helperLog\.licenseNo \(<expr>=\?\) \| USE TEMP B-TREE FOR ORDER BY$/)
    expect(plan('salesWeeks', { _id: { $in: ['a', 'b'] } })).toMatch(/^SEARCH salesWeeks USING INDEX sqlite_autoindex_salesWeeks_1 \(_id=\?\)/)
    expect(plan('calendar', { scope: { $in: ['a', '*'] } })).toMatch(/^SEARCH calendar USING INDEX ix:calendar\.scope \(<expr>=\?\)/)
  })

  it('reads the fields an index carries from the index alone, and follows the declaration when it changes', async () => {
    const guides = store.collection<{ _id: string; licenseNo: string; month: string; tip: unknown; body: string }>('guides')
    await guides.putMany([
      { _id: 'L1|2026-10', licenseNo: 'L1', month: '2026-10', tip: { says: '十月' }, body: 'x'.repeat(3000) },
      { _id: 'L1|2026-11', licenseNo: 'L1', month: '2026-11', tip: { says: '十一月' }, body: 'x'.repeat(3000) },
    ])
    // 首页's read of the newest guide's tip, as findOneWith's projection writes it.
    const tipPlan = () =>
      (store.database.prepare(`EXPLAIN QUERY PLAN SELECT _id, ${topField('tip')} FROM guides WHERE ${fieldExpr('licenseNo')} = ? ORDER BY _id DESC LIMIT 1`).all('L1') as { detail: string }[]).map((r) => r.detail).join(' | ')
    expect(tipPlan()).toBe('SEARCH guides USING COVERING INDEX ix:guides.licenseNo carries tip (<expr>=?)')
    const read = () => store.collection('bindings').findOneWith({ _id: 'L1' }, { guide: { from: 'guides', on: { local: '_id', foreign: 'licenseNo' }, sort: { _id: -1 }, limit: 1, fields: ['tip'] } })
    await store.collection<{ _id: string; openId: string }>('bindings').put({ _id: 'L1', openId: 'o1' })
    expect((await read())?.joined.guide).toEqual([{ _id: 'L1|2026-11', tip: { says: '十一月' } }])
    await guides.put({ _id: 'L1|2026-11', licenseNo: 'L1', month: '2026-11', tip: { says: '重建' }, body: '' })
    expect((await read())?.joined.guide).toEqual([{ _id: 'L1|2026-11', tip: { says: '重建' } }])

    // Opened with the index declared without what it carries, the folder's index follows, and back.
    store.close()
    const plain = await new SqliteStore(dir, { collections: { ...COLLECTIONS, guides: [{ field: 'licenseNo' }] } }).open()
    const names = () => plain.database.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'guides'`).pluck().all()
    expect(names()).toContain('ix:guides.licenseNo')
    expect(names()).not.toContain('ix:guides.licenseNo carries tip')
    plain.close()
    store = await new SqliteStore(dir).open()
    expect(tipPlan()).toBe('SEARCH guides USING COVERING INDEX ix:guides.licenseNo carries tip (<expr>=?)')
    await expect(new SqliteStore(join(dir, 'other'), { collections: { bindings: [{ field: 'openId', unique: true, carries: ['boundAt'] }] } }).open()).rejects.toThrow('a unique index carries no fields')
  })
})
