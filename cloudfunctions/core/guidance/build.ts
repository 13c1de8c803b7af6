import { addMonths, monthOf, chinaDate } from '../time'
import type { SendDeps } from '../reminders/ledger'
import type { GuideBuild, MarketingMonth, StoredGuide } from '../model'
import { guideOfDoc, guideTipOf } from './tip'
import { repos, type Repos } from '../repos'
import { fail } from '../errors'
import { byIds } from '../insights/reads'
import { dataVersion } from '../insights/freshness'
import { monthId } from '../imports/weeks'
import { GUIDANCE_CLASSES, TARGET_CLASSES, type GuidanceClass, type GuideBuildReport, type GuideNoticeTally, type Strategy } from '../../contracts/guidance'
import type { GuidanceConfig } from './config'
import { defaultGuidanceConfig } from './defaults'
import { PoolBuilder, type RankedPool } from './pool'
import { compileLibrary, type CompiledLibrary } from './matching'
import { guideOf } from './guide'
import { CLASS_BIT } from './classes'
import { lastCountWeekId, retailerMonthFrom } from './fromStore'
import type { CatalogueFlags, RetailerMonth } from './inputs'
import { tellNewGuide } from './notices'

/**
 * The monthly build (guidance.md §5): every pool member's guide of month M, stored per retailer
 * and month with the configuration's version, and each bound retailer told once.
 *
 * Memory stays flat in the pool's size: the pool is read in pages of PAGE retailers, each reduced
 * on arrival to a dozen numbers (PoolBuilder), ranked once, and the guides are then built and
 * written a page at a time. Resumable and idempotent: a build record (`guideBuilds`, id M) keeps
 * a cursor — the last license number settled — so a build that died carries on where it stopped,
 * and a guide is rewritten only when it changed. Building twice gives the same guides; the notices
 * (notices.ts) make sure nobody is told twice.
 */

export const PAGE = 500
/**
 * 09:00 on the 3rd of every month, China time (CloudBase cron: seconds first, year last, UTC+8), and
 * again every hour of that day until 20:00: a build the function's time limit cut short carries on
 * from its cursor, and a finished month answers from its record at once. Never in quiet hours.
 */
export const MONTHLY_GUIDE_CRON = '0 0 9-20 3 * * *'

export interface BuildProgress {
  phase: 'read' | 'guides' | 'notices'
  done: number
  total: number
}

export interface BuildOptions {
  month: string
  config?: GuidanceConfig
  /** Rebuild even when the month's build is done and nothing it was built from changed (`npm run guide`). */
  force?: boolean
  /** Tell retailers of their new guide: by default only for the months after the one two months back. */
  notify?: boolean
  pageSize?: number
  onProgress?: (progress: BuildProgress) => void
}

/** FNV-1a over a string: enough to tell one library or configuration from another. */
const hashOf = (text: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** The stored library, by id: what the guides of a build match against. */
export const storedLibrary = async (db: Repos): Promise<Strategy[]> =>
  (await db.strategies.find({}, { sort: { _id: 1 } })).map(({ _id: _, ...strategy }) => strategy)

export const catalogueFlags = async (db: Repos): Promise<CatalogueFlags> => {
  const skus = await db.skus.find({})
  return { key: new Set(skus.filter((s) => s.isKey).map((s) => s.skuCode)), new: new Set(skus.filter((s) => s.isNew).map((s) => s.skuCode)) }
}

/** Marketing rows of a month in license order, a page at a time (keyset paging on the id). */
async function* marketingPages(db: Repos, month: string, size: number): AsyncGenerator<MarketingMonth[]> {
  let after = ''
  for (;;) {
    const page = await db.marketingMonths.find({ month, _id: { $gt: after } }, { sort: { _id: 1 }, limit: size })
    if (page.length > 0) yield page
    if (page.length < size) return
    after = page[page.length - 1]._id
  }
}

/** The guidance inputs of one page of pool members, in seven queries. */
export const readPoolPage = async (db: Repos, month: string, rows: readonly MarketingMonth[]): Promise<RetailerMonth[]> => {
  const before = addMonths(month, -1)
  const ids = rows.map((r) => r.licenseNo)
  const [retailers, marketingBefore, sales, salesBefore, purchases, inventory] = await Promise.all([
    byIds(db.retailers, ids),
    byIds(db.marketingMonths, ids.map((id) => monthId(id, before))),
    byIds(db.salesMonths, ids.map((id) => monthId(id, month))),
    byIds(db.salesMonths, ids.map((id) => monthId(id, before))),
    byIds(db.purchaseMonths, ids.map((id) => monthId(id, month))),
    byIds(db.inventoryMonths, ids.map((id) => monthId(id, month))),
  ])
  const weekIds = [...inventory.values()].map((doc) => lastCountWeekId(doc)).filter((id): id is string => id !== null)
  const weeks = await byIds(db.inventoryWeeks, weekIds)
  const out: RetailerMonth[] = []
  for (const row of rows) {
    const retailer = retailers.get(row.licenseNo)
    if (!retailer) continue // the import refuses unknown shops; a register without it has nothing to say of it
    const id = monthId(row.licenseNo, month)
    const weekId = lastCountWeekId(inventory.get(id))
    out.push(
      retailerMonthFrom(month, {
        retailer,
        marketing: row,
        marketingBefore: marketingBefore.get(monthId(row.licenseNo, before)) ?? null,
        sales: sales.get(id),
        salesBefore: salesBefore.get(monthId(row.licenseNo, before)),
        purchases: purchases.get(id),
        inventoryWeeks: weekId ? [weeks.get(weekId)].filter((w) => w !== undefined) : [],
      }),
    )
  }
  return out
}

/** Reads and ranks the pool of a month: pages in, one rank. */
export const rankMonth = async (db: Repos, month: string, config: GuidanceConfig, pageSize = PAGE, onProgress?: (p: BuildProgress) => void): Promise<RankedPool> => {
  const total = await db.marketingMonths.count({ month })
  const pool = new PoolBuilder(month, config, await catalogueFlags(db))
  let done = 0
  for await (const rows of marketingPages(db, month, pageSize)) {
    for (const input of await readPoolPage(db, month, rows)) pool.add(input)
    done += rows.length
    onProgress?.({ phase: 'read', done, total })
  }
  return pool.rank()
}

const classCounts = (pool: RankedPool): Record<GuidanceClass, number> => {
  const counts = Object.fromEntries(GUIDANCE_CLASSES.map((id) => [id, 0])) as Record<GuidanceClass, number>
  for (let i = 0; i < pool.size; i++) {
    const bits = pool.classBits[i]
    if (bits === 0) counts.stable++
    for (const id of TARGET_CLASSES) if (bits & CLASS_BIT[id]) counts[id]++
  }
  return counts
}

/** Writes the guides of pool members after the cursor, a page at a time, moving the cursor with each page. */
const writeGuides = async (db: Repos, pool: RankedPool, library: CompiledLibrary, record: GuideBuild, pageSize: number, now: () => string, onProgress?: (p: BuildProgress) => void): Promise<GuideBuild> => {
  const before = addMonths(pool.month, -1)
  let start = 0
  while (start < pool.size && pool.licenseNos[start] <= record.cursor) start++
  for (let from = start; from < pool.size; from += pageSize) {
    const to = Math.min(pool.size, from + pageSize)
    const ids = pool.licenseNos.slice(from, to)
    const [existing, last] = await Promise.all([byIds(db.guides, ids.map((id) => monthId(id, pool.month))), byIds(db.guides, ids.map((id) => monthId(id, before)))])
    const changed: StoredGuide[] = []
    for (let i = from; i < to; i++) {
      const id = monthId(pool.licenseNos[i], pool.month)
      const previous = last.get(monthId(pool.licenseNos[i], before))
      const built = guideOf(pool, i, library, previous ? guideOfDoc(previous) : null)
      const guide: StoredGuide = { _id: id, ...built, tip: guideTipOf(built) }
      if (JSON.stringify(existing.get(id)) !== JSON.stringify(guide)) changed.push(guide)
    }
    if (changed.length > 0) await db.guides.putMany(changed)
    const next = { cursor: ids[ids.length - 1], written: record.written + changed.length, unchanged: record.unchanged + ids.length - changed.length, updatedAt: now() }
    await db.guideBuilds.update({ _id: record._id }, next)
    record = { ...record, ...next }
    onProgress?.({ phase: 'guides', done: to, total: pool.size })
  }
  // Guides of a former build whose retailer has left the pool (a re-imported month) go.
  let removed = 0
  let after = ''
  for (;;) {
    const page = await db.guides.find({ month: pool.month, _id: { $gt: after } }, { sort: { _id: 1 }, limit: pageSize })
    const gone = page.filter((g) => pool.indexOf(g.licenseNo) === -1).map((g) => g._id)
    if (gone.length > 0) removed += await db.guides.remove({ _id: { $in: gone } })
    if (page.length < pageSize) break
    after = page[page.length - 1]._id
  }
  const next = { state: 'notices' as const, cursor: '', removed: record.removed + removed, updatedAt: now() }
  await db.guideBuilds.update({ _id: record._id }, next)
  return { ...record, ...next }
}

/** Tells each bound pool member of its new guide, a page at a time after the cursor. */
const tellRetailers = async (deps: SendDeps, db: Repos, pool: RankedPool, record: GuideBuild, pageSize: number, now: number, onProgress?: (p: BuildProgress) => void): Promise<GuideNoticeTally> => {
  const tally: GuideNoticeTally = { inboxOnly: 0, sent: 0, failed: 0, deferred: 0 }
  let start = 0
  while (start < pool.size && pool.licenseNos[start] <= record.cursor) start++
  for (let from = start; from < pool.size; from += pageSize) {
    const to = Math.min(pool.size, from + pageSize)
    const ids = pool.licenseNos.slice(from, to)
    const owners = await byIds(db.bindings, ids)
    if (owners.size > 0) {
      const bound = ids.filter((id) => owners.has(id))
      const [retailers, guides] = await Promise.all([byIds(db.retailers, bound), byIds(db.guides, bound.map((id) => monthId(id, pool.month)))])
      for (const licenseNo of bound) {
        const facts = async () => ({
          shopName: retailers.get(licenseNo)?.shopName ?? '',
          strategyTitle: guides.get(monthId(licenseNo, pool.month))?.strategies[0]?.title ?? null,
        })
        const outcome = await tellNewGuide(deps, db, { licenseNo, month: pool.month, recipient: (owners.get(licenseNo) as { openId: string }).openId }, facts, now)
        if (outcome) tally[outcome]++
      }
    }
    await db.guideBuilds.update({ _id: record._id }, { cursor: ids[ids.length - 1], updatedAt: new Date(now).toISOString() })
    onProgress?.({ phase: 'notices', done: to, total: pool.size })
  }
  return tally
}

/**
 * Builds (or finishes, or rebuilds) the guides of one month. A month without marketing data is
 * refused (NOT_FOUND, noMarketingData) and nothing is written.
 */
export const buildMonth = async (deps: SendDeps, options: BuildOptions): Promise<GuideBuildReport> => {
  const db = repos(deps.store)
  const { month, force = false, pageSize = PAGE, onProgress } = options
  const config = options.config ?? defaultGuidanceConfig()
  const nowMs = deps.clock.now().getTime()
  const stamp = () => deps.clock.now().toISOString()
  if ((await db.marketingMonths.count({ month })) === 0) return fail('NOT_FOUND', 'noMarketingData', { month })

  const strategies = await storedLibrary(db)
  const fingerprint = `${await dataVersion(deps.store)}|${config.version}|${hashOf(JSON.stringify(config))}|${hashOf(JSON.stringify(strategies))}`
  const notify = options.notify ?? month >= addMonths(monthOf(chinaDate(nowMs)), -1)
  const noNotices: GuideNoticeTally = { inboxOnly: 0, sent: 0, failed: 0, deferred: 0 }

  let record = await db.guideBuilds.get(month)
  const same = record?.fingerprint === fingerprint
  // Fired again after it finished, with nothing changed: the record says what it did.
  if (record && same && record.state === 'done' && !force && record.classes) {
    return { month, configVersion: record.configVersion, pool: record.pool, written: record.written, unchanged: record.unchanged, removed: record.removed, resumed: false, classes: record.classes, notices: noNotices }
  }
  let resumed = same && record?.state !== 'done'
  if (!record || !same || (record.state === 'done' && force)) {
    resumed = false
    record = { _id: month, month, fingerprint, configVersion: config.version, state: 'guides', cursor: '', pool: 0, written: 0, unchanged: 0, removed: 0, startedAt: stamp(), updatedAt: stamp() }
    await db.guideBuilds.put(record)
  }
  const pool = await rankMonth(db, month, config, pageSize, onProgress)
  const report = (r: GuideBuild, notices: GuideNoticeTally): GuideBuildReport => ({
    month,
    configVersion: config.version,
    pool: pool.size,
    written: r.written,
    unchanged: r.unchanged,
    removed: r.removed,
    resumed,
    classes: classCounts(pool),
    notices,
  })
  if (record.state === 'done') return report(record, noNotices) // done, but asked to rebuild: handled above unless forced
  if (record.pool !== pool.size) {
    await db.guideBuilds.update({ _id: month }, { pool: pool.size })
    record = { ...record, pool: pool.size }
  }

  if (record.state === 'guides') {
    const library = compileLibrary(strategies, month, config.strategiesPerGuide)
    record = await writeGuides(db, pool, library, record, pageSize, stamp, onProgress)
  }
  let notices = noNotices
  if (record.state === 'notices' && notify) notices = await tellRetailers(deps, db, pool, record, pageSize, nowMs, onProgress)
  const done = { state: 'done' as const, cursor: '', classes: classCounts(pool), finishedAt: stamp(), updatedAt: stamp() }
  await db.guideBuilds.update({ _id: month }, done)
  return report({ ...record, ...done }, notices)
}

/** The month a run at `now` builds: the one before the current (China time). */
export const previousMonth = (now: number): string => addMonths(monthOf(chinaDate(now)), -1)
