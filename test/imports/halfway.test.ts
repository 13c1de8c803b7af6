import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import type { Collection, Doc, DocumentStore } from '../../cloudfunctions/core/ports'
import { repos } from '../../cloudfunctions/core/repos'
import { recoverImports } from '../../cloudfunctions/core/imports/journal'
import { RETAILER_COLUMNS, SALES_COLUMNS, SKUS_CSV, SKU_A, SKU_B, csv, everything, importText, openStore, removeDir, retailerRow } from './helpers'

/**
 * The real embedded store behind a switch on its writes: after the first `allowed`, the next one
 * fails (a passing error half-way), or it and every later one never finish (the process died).
 */
const stopping = (inner: DocumentStore, allowed: number, how: 'fail' | 'die'): DocumentStore => {
  let writes = 0
  const gate = <T>(write: () => Promise<T>): Promise<T> => {
    writes++
    if (writes <= allowed || (how === 'fail' && writes > allowed + 1)) return write()
    return how === 'fail' ? Promise.reject(new Error('disk full')) : new Promise<T>(() => undefined)
  }
  return {
    collection: <T extends Doc>(name: string): Collection<T> => {
      const c = inner.collection<T>(name)
      return {
        get: (id) => c.get(id),
        find: (filter, options) => c.find(filter, options),
        count: (filter) => c.count(filter),
        insert: (doc) => gate(() => c.insert(doc)),
        put: (doc) => gate(() => c.put(doc)),
        putMany: (docs) => gate(() => c.putMany(docs)),
        update: (filter, set) => gate(() => c.update(filter, set)),
        increment: (id, field, by, init) => gate(() => c.increment(id, field, by, init)),
        remove: (filter) => gate(() => c.remove(filter)),
        group: (filter, spec) => c.group(filter, spec),
        findOneWith: (filter, joins) => c.findOneWith(filter, joins),
      }
    },
  }
}

const R = '350625300010'
/** Three weeks of sales: the importer writes them one week at a time. */
const FILE = csv(SALES_COLUMNS, [
  [R, '2026-03-02', SKU_A, 5, 5000],
  [R, '2026-03-09', SKU_A, 3, 3000],
  [R, '2026-03-10', SKU_B, 2, 4000],
  [R, '2026-03-16', SKU_A, 4, 4000],
])

describe('an import that stops half-way', () => {
  let store: SqliteStore
  let before: Record<string, unknown[]>
  beforeEach(async () => {
    store = await openStore()
    await importText(store, 'skus', SKUS_CSV)
    await importText(store, 'retailers', csv(RETAILER_COLUMNS, [retailerRow(R)]))
    // Something already there that the failed import would have changed: an earlier Monday.
    await importText(store, 'sales', csv(SALES_COLUMNS, [[R, '2026-03-02', SKU_A, 1, 1000]]))
    before = await everything(store)
  })
  afterEach(() => removeDir(store.dir))

  it('leaves the store as it was when a write fails', async () => {
    // Journal start (2 writes), then undo record + week for two weeks: the third week's write fails.
    await expect(importText(stopping(store, 6, 'fail'), 'sales', FILE)).rejects.toThrow('disk full')
    expect(await everything(store)).toEqual(before)
    // And so it is on disk, as the next start would read it.
    const reopened = await new SqliteStore(store.dir).open()
    expect(await everything(reopened)).toEqual(before)
    expect(await repos(reopened).imports.find({ state: 'applying' })).toEqual([])
  })

  it('is undone when the process died half-way, at the next start, and then imports whole', async () => {
    void importText(stopping(store, 6, 'die'), 'sales', FILE)
    // Wait until the dying import has written what it could.
    for (let i = 0; i < 100 && (await repos(store).salesWeeks.count({})) < 2; i++) await new Promise((r) => setTimeout(r, 10))
    expect(await repos(store).salesWeeks.get(`${R}|2026-03-09`)).not.toBeNull()
    expect(await everything(store)).not.toEqual(before)

    // The next start reads the files afresh and rolls the stopped import back.
    const restarted = await new SqliteStore(store.dir).open()
    expect(await recoverImports(restarted)).toBe(1)
    expect(await everything(restarted)).toEqual(before)
    expect(await repos(restarted).imports.find({ state: { $ne: 'done' } })).toEqual([expect.objectContaining({ kind: 'sales', file: 'sales.csv', state: 'rolledBack' })])

    // Importing the file again applies it completely: Monday 03-02 now says 5 packs, not 1.
    // A 5 + 3 + 4 = 12 packs (cost 12 × 900), B 2 packs (2 × 1800): 14 packs, 16000 fen, cost 14400.
    const report = await importText(restarted, 'sales', FILE)
    expect(report).toMatchObject({ applied: true, imported: 4 })
    expect((await repos(restarted).salesMonths.get(`${R}|2026-03`))?.totals).toEqual({ packs: 14, salesFen: 16000, costFen: 14400 })
  })
})
