import { addMonths, monthOf } from '../time'
import type { DocumentStore } from '../ports'
import type { MarketingMonth, Retailer, StoredStrategy } from '../model'
import { repos } from '../repos'
import type { RowProblem } from '../../contracts/insights'
import { checkLibrary, LIBRARY_COLUMNS, type KnownTargets } from '../guidance/library'
import learningIds from '../../defaults/learningIds.json'
import { loadByIds } from './applyFacts'
import type { Journal } from './journal'
import { refreshPeerStats } from './peers'
import type { LibraryRow } from './marketing'

const SHOPS_PER_QUERY = 500

/** The courses and model stores a strategy may open: the ids of the 学习 catalogues. */
export const defaultKnownTargets = (): KnownTargets => ({ courseIds: new Set(learningIds.courseIds), modelStoreIds: new Set(learningIds.modelStoreIds) })

/** The courses and model stores a strategy may open: the 学习 catalogues in the store, or the defaults before any is imported. */
export const storedKnownTargets = async (store: DocumentStore): Promise<KnownTargets> => {
  const db = repos(store)
  const [courses, stores] = await Promise.all([db.courses.find({}), db.modelStores.find({})])
  if (courses.length === 0 && stores.length === 0) return defaultKnownTargets()
  return { courseIds: new Set(courses.map((c) => c._id)), modelStoreIds: new Set(stores.map((s) => s._id)) }
}

/**
 * Writes checked marketing rows (a re-imported month replaces the rows of the shops it lists), then
 * makes each listed shop's newest marketing row its current grade, integrity score and quota, as a
 * retailers import would: the app shows them, and peer statistics move with the grade.
 */
export const applyMarketing = async (store: DocumentStore, journal: Journal, batches: AsyncIterable<string[]>, unstage: (line: string) => MarketingMonth, today: string, onRows: (rows: number) => void): Promise<void> => {
  const newest = new Map<string, MarketingMonth>()
  let done = 0
  for await (const batch of batches) {
    const rows = [...new Map(batch.map((line) => unstage(line)).map((row) => [row._id, row])).values()]
    const existing = await loadByIds<MarketingMonth>(store, 'marketingMonths', rows.map((row) => row._id))
    await journal.write('marketingMonths', rows.filter((row) => JSON.stringify(existing.get(row._id)) !== JSON.stringify(row)), existing)
    for (const row of rows) {
      const seen = newest.get(row.licenseNo)
      if (!seen || row.month > seen.month) newest.set(row.licenseNo, row)
    }
    onRows((done += batch.length))
  }
  const db = repos(store)
  const shops = [...newest.keys()]
  let gradesMoved = false
  for (let i = 0; i < shops.length; i += SHOPS_PER_QUERY) {
    const ids = shops.slice(i, i + SHOPS_PER_QUERY)
    const oldest = ids.reduce((m, id) => ((newest.get(id) as MarketingMonth).month < m ? (newest.get(id) as MarketingMonth).month : m), '9999-12')
    // A month already stored after the file's newest row of a shop stays the shop's current one.
    for (const later of await db.marketingMonths.find({ licenseNo: { $in: ids }, month: { $gt: oldest } })) {
      if (later.month > (newest.get(later.licenseNo) as MarketingMonth).month) newest.set(later.licenseNo, later)
    }
    const retailers = await loadByIds<Retailer>(store, 'retailers', ids)
    const changed: Retailer[] = []
    for (const retailer of retailers.values()) {
      const row = newest.get(retailer.licenseNo) as MarketingMonth
      if (retailer.grade === row.grade && retailer.integrityScore === row.integrityScore && retailer.monthlyQuotaCartons === row.monthlyQuotaCartons) continue
      if (retailer.grade !== row.grade) gradesMoved = true
      changed.push({ ...retailer, grade: row.grade, integrityScore: row.integrityScore, monthlyQuotaCartons: row.monthlyQuotaCartons })
    }
    await journal.write('retailers', changed, retailers)
  }
  // Peers are grouped by grade: as after a retailers import, the last 13 months follow the new grades.
  if (gradesMoved) await refreshPeerStats(store, journal, Array.from({ length: 13 }, (_, i) => addMonths(monthOf(today), -i)))
}

/**
 * Checks the staged library whole; answers its problems as row problems (nothing is written), or
 * replaces the stored library with it: new and changed strategies written, strategies the file no
 * longer holds removed.
 */
export const applyStrategies = async (
  store: DocumentStore,
  journal: Journal | null,
  batches: AsyncIterable<string[]>,
  unstage: (line: string) => LibraryRow,
  known: KnownTargets,
): Promise<{ problems: RowProblem[]; strategies: number }> => {
  const rows: string[][] = [[...LIBRARY_COLUMNS]]
  for await (const batch of batches) {
    for (const line of batch) {
      const { row, cells } = unstage(line)
      while (rows.length < row - 1) rows.push([])
      rows[row - 1] = cells
    }
  }
  const checked = checkLibrary(rows, known)
  if (checked.problems.length > 0) {
    const problems: RowProblem[] = checked.problems.map((p) => ({
      row: p.row,
      column: p.column,
      code: 'strategy',
      problem: p.code,
      ...(p.value !== undefined ? { value: p.value } : {}),
      ...(p.limit !== undefined ? { limit: p.limit } : {}),
    }))
    return { problems, strategies: 0 }
  }
  if (!journal) return { problems: [], strategies: checked.strategies.length }
  const db = repos(store)
  const existing = new Map((await db.strategies.find({})).map((s) => [s._id, s]))
  const docs: StoredStrategy[] = checked.strategies.map((s) => ({ _id: s.id, ...s }))
  const fresh = new Set(docs.map((d) => d._id))
  await journal.write('strategies', docs.filter((d) => JSON.stringify(d) !== JSON.stringify(existing.get(d._id))), existing)
  await journal.remove('strategies', [...existing.values()].filter((d) => !fresh.has(d._id)))
  return { problems: [], strategies: docs.length }
}
