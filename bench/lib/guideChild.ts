/**
 * One measurement of bench/lib/guide.mjs, in a process of its own so its peak RSS is its own:
 *   generate <dataDir> <retailers>  a county of that many retailers with a month of guidance inputs (untimed)
 *   build <dataDir>                 builds the month's guides (timed), as `npm run guide -- build` does
 *   match <retailers>               matches the default library to every member of a ranked pool (µs each)
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { repos } from '../../cloudfunctions/core/repos'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { buildMonth } from '../../cloudfunctions/core/guidance/build'
import { rankPool } from '../../cloudfunctions/core/guidance/pool'
import { compileLibrary, matchStrategies } from '../../cloudfunctions/core/guidance/matching'
import { defaultGuidanceConfig } from '../../cloudfunctions/core/guidance/defaults'
import type { RetailerMonth } from '../../cloudfunctions/core/guidance/inputs'
import { seeded } from '../../cloudfunctions/seed/random'
import { makeCatalogue } from '../../cloudfunctions/seed/catalogue'
import { defaultLibrary } from '../../cloudfunctions/seed/guidance'
import { BUSINESS_TYPES } from '../../cloudfunctions/contracts/vocabulary'
import type { InventoryMonth, MarketingMonth, PurchaseMonth, RawWeek, Retailer, SalesMonth } from '../../cloudfunctions/core/model'

const MONTH = '2026-10'
const BEFORE = '2026-09'
const BATCH = 2000

const peakRss = (): number => {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
  return match ? Number(match[1]) * 1024 : process.resourceUsage().maxRSS * 1024
}

const licenseOf = (n: number): string => `35${String(n).padStart(10, '0')}`
const skus = makeCatalogue(seeded(20261123))

/** One retailer's month of inputs, drawn from its own stream: 12–30 SKUs sold and bought, a stock count for most. */
const inputsOf = (n: number): RetailerMonth => {
  const rng = seeded(7919 * n + 1)
  const carried = Array.from({ length: rng.int(12, 30) }, () => skus[rng.int(0, skus.length - 1)])
  const sold = carried.map((s) => {
    const packs = rng.int(0, 60)
    return { skuCode: s.skuCode, packs, salesFen: packs * s.retailFenPerPack }
  })
  const grade = rng.int(1, 30)
  const marketing = { grade, integrityScore: rng.int(60, 100), monthlyQuotaCartons: grade * 4 + rng.int(0, 10), newRetailScore: rng.int(30, 99), terminalLevel: rng.int(1, 5), shopAreaM2: rng.int(10, 200) }
  return {
    licenseNo: licenseOf(n),
    businessType: BUSINESS_TYPES[n % BUSINESS_TYPES.length],
    marketing,
    marketingBefore: rng.next() < 0.95 ? { ...marketing, grade: Math.max(1, Math.min(30, grade + rng.int(-2, 2))) } : null,
    sold,
    soldBefore: sold.map((s) => ({ ...s, packs: Math.max(0, s.packs + rng.int(-5, 5)) })),
    bought: carried.map((s) => ({ skuCode: s.skuCode, cartons: rng.int(0, 6) })),
    stock: rng.next() < 0.8 ? carried.map((s) => ({ skuCode: s.skuCode, packs: rng.int(0, 40) })) : null,
  }
}

const days = () => new Array<number | null>(31).fill(null)

const generate = async (dataDir: string, count: number) => {
  const store = await new SqliteStore(dataDir, { log: () => undefined }).open()
  const db = repos(store)
  await db.skus.putMany(skus)
  await db.strategies.putMany(defaultLibrary().map((s) => ({ _id: s.id, ...s })))
  for (let from = 1; from <= count; from += BATCH) {
    const inputs = Array.from({ length: Math.min(BATCH, count - from + 1) }, (_, i) => inputsOf(from + i))
    const retailers: Retailer[] = inputs.map((c) => ({
      _id: c.licenseNo, licenseNo: c.licenseNo, shopName: `示范店${c.licenseNo.slice(-6)}`, ownerName: '张三', phone: '13800000000', businessType: c.businessType as Retailer['businessType'],
      areaType: '城镇', district: `片区${Number(c.licenseNo) % 8}`, grade: c.marketing.grade, integrityScore: c.marketing.integrityScore, monthlyQuotaCartons: c.marketing.monthlyQuotaCartons,
      orderWindow: { openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' }, manager: { name: '李四', phone: '13900000000' },
    }))
    const marketing: MarketingMonth[] = inputs.flatMap((c) => [
      { _id: `${c.licenseNo}|${MONTH}`, licenseNo: c.licenseNo, month: MONTH, ...c.marketing },
      ...(c.marketingBefore ? [{ _id: `${c.licenseNo}|${BEFORE}`, licenseNo: c.licenseNo, month: BEFORE, ...c.marketingBefore }] : []),
    ])
    const sales = (c: RetailerMonth, month: string, rows: RetailerMonth['sold']): SalesMonth => {
      const skuRows = rows.map((r) => ({ ...r, costFen: Math.round(r.salesFen * 0.9), soldDays: 1 }))
      const totals = { packs: 0, salesFen: 0, costFen: 0 }
      for (const r of skuRows) {
        totals.packs += r.packs
        totals.salesFen += r.salesFen
        totals.costFen += r.costFen
      }
      return { _id: `${c.licenseNo}|${month}`, licenseNo: c.licenseNo, month, totals, daily: { packs: days(), salesFen: days(), costFen: days() }, skus: skuRows }
    }
    const purchases: PurchaseMonth[] = inputs.map((c) => ({
      _id: `${c.licenseNo}|${MONTH}`, licenseNo: c.licenseNo, month: MONTH, totals: { cartons: 0, amountFen: 0 }, daily: { cartons: days() },
      skus: c.bought.map((b) => ({ skuCode: b.skuCode, cartons: b.cartons, amountFen: b.cartons * 1000 })),
    }))
    const counted = inputs.filter((c) => c.stock)
    const inventory: InventoryMonth[] = counted.map((c) => {
      const packs = days()
      packs[27] = 1
      return { _id: `${c.licenseNo}|${MONTH}`, licenseNo: c.licenseNo, month: MONTH, totals: {}, daily: { packs }, skus: [] }
    })
    const weeks: RawWeek[] = counted.map((c) => ({ _id: `${c.licenseNo}|2026-10-26`, licenseNo: c.licenseNo, weekStart: '2026-10-26', days: { '2026-10-28': (c.stock ?? []).map((s) => `${s.skuCode},${s.packs}`).join('\n') } }))
    await db.retailers.putMany(retailers)
    await db.marketingMonths.putMany(marketing)
    await db.salesMonths.putMany([...inputs.map((c) => sales(c, MONTH, c.sold)), ...inputs.map((c) => sales(c, BEFORE, c.soldBefore))])
    await db.purchaseMonths.putMany(purchases)
    await db.inventoryMonths.putMany(inventory)
    await db.inventoryWeeks.putMany(weeks)
  }
  store.close()
  return { retailers: count }
}

const build = async (dataDir: string) => {
  const store = await new SqliteStore(dataDir, { log: () => undefined }).open()
  const notifier = { send: async () => ({ ok: true as const }) }
  const started = process.hrtime.bigint()
  const report = await buildMonth({ store, clock: fixedClock('2026-11-03T09:00:00+08:00'), notifier }, { month: MONTH })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  store.close()
  return { seconds, pool: report.pool, written: report.written, classes: report.classes, peakRss: peakRss() }
}

const match = (count: number) => {
  const config = defaultGuidanceConfig()
  const pool = rankPool(MONTH, Array.from({ length: count }, (_, i) => inputsOf(i + 1)), config, { key: new Set(skus.filter((s) => s.isKey).map((s) => s.skuCode)), new: new Set(skus.filter((s) => s.isNew).map((s) => s.skuCode)) })
  const library = compileLibrary(defaultLibrary(join(process.cwd(), 'cloudfunctions/defaults/strategies.csv')), MONTH, config.strategiesPerGuide)
  let matched = 0
  for (let i = 0; i < pool.size; i++) matched += matchStrategies(library, pool, i).length // warm-up
  const runs: number[] = []
  for (let r = 0; r < 5; r++) {
    const t = process.hrtime.bigint()
    for (let i = 0; i < pool.size; i++) matched += matchStrategies(library, pool, i).length
    runs.push(Number(process.hrtime.bigint() - t) / 1e3 / pool.size)
  }
  runs.sort((a, b) => a - b)
  return { microsPerRetailer: runs[2], runs, strategies: library.strategies.length, matched }
}

const main = async () => {
  const [mode, a, b] = process.argv.slice(2)
  const result = mode === 'generate' ? await generate(a, Number(b)) : mode === 'build' ? await build(a) : match(Number(a))
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
