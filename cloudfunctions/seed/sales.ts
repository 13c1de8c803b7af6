import { addDays, addMonths, dayNumber, dayOfMonth, daysBetween, monthOf, monthStart, weekStart } from '../core/time'
import type { DocumentStore } from '../core/ports'
import { repos } from '../core/repos'
import { FACT_FIELDS, type FactKind, type FactMonth, type RawWeek, type InventoryMonth, type OrderRecord, type PeerStats, type PurchaseMonth, type Retailer, type SalesMonth, type Sku } from '../core/model'
import { SkuNumbers, WeekRows, applyMonthChange, emptyMonthChange, mergeWeek, monthId, weekId, type MonthChange, type MonthChanges } from '../core/imports/weeks'
import { costFen } from '../core/imports/facts'
import { monthMetrics, type MonthMetrics } from '../core/insights/metrics'
import { computePeerStats } from '../core/insights/peers'
import { bumpDataVersion } from '../core/insights/freshness'
import { cycleOfOrderDate } from '../core/schedule'
import { orderId } from '../core/orders'
import { SPRING_FESTIVAL_DAYS } from '../core/holidays'
import { seeded, type Random } from './random'
import { shopProfile, type ProfileHints, type ShopProfile } from './shopProfile'

/**
 * Twelve months (and the current one so far) of shop data for the demo county, simulated day by day: customers buy (weekly
 * rhythm, a Spring Festival peak), the shop sells what it has, scans most of it, counts its stock
 * every evening and orders once a week on its order day, delivered the next morning.
 *
 * What is stored is what the features need, so the host loads it in about a second: the shops in
 * `rawFor` (the demo identities) get all twelve months as raw rows in week documents — built by
 * the importer's own merge, so their summaries and suggested orders work exactly as after an
 * import — and their month aggregates; every shop gets the peer statistics of all twelve months
 * and its month aggregates for the last RECENT_MONTHS months (what an import of new data
 * recomputes peer statistics from).
 */

/** Months of history before the current one: a full year, so this month has its month a year ago. */
export const HISTORY_MONTHS = 12
/** Months of aggregates kept for shops without raw rows: the current one, and the two a month's guide reads (M and M−1). */
export const RECENT_MONTHS = 3
const SEED = 20261124
// Aliases at module level: inside Jest's sandbox every lookup of a global such as Math is slow,
// and the simulation makes millions of them.
const { ceil, cos, exp, log, max, min, round, sqrt, PI } = Math

/** Monday … Sunday: weekends sell more. */
const WEEK_RHYTHM = [0.92, 0.9, 0.95, 1, 1.1, 1.22, 1.08]

/** Demand on a day relative to an ordinary one: stocking up for the festival, quiet while shops close. */
export const festivalFactor = (date: string): number => {
  const day = dayNumber(date)
  for (const festival of SPRING_FESTIVAL_DAYS) {
    const offset = day - dayNumber(festival)
    if (offset >= -21 && offset < 0) return 1 + 0.9 * ((21 + offset) / 21)
    if (offset >= 0 && offset < 7) return 0.7
  }
  const monthDay = date.slice(5)
  return monthDay >= '10-01' && monthDay <= '10-07' ? 1.15 : 1
}

/** A Poisson draw with one random number (inversion); a normal approximation for large means. */
const poisson = (rng: Random, mean: number): number => {
  if (mean <= 0) return 0
  if (mean > 30) {
    const z = sqrt(-2 * log(1 - rng.next())) * cos(2 * PI * rng.next())
    return max(0, round(mean + sqrt(mean) * z))
  }
  const u = rng.next()
  let k = 0
  let p = exp(-mean)
  for (let cdf = p; u > cdf && k < 200; cdf += p) p *= mean / ++k
  return k
}

const KINDS = ['sales', 'purchases', 'inventory'] as const

type DayRow = [skuCode: string, values: number[]]

/** One simulated shop: per day and SKU what was scanned, ordered and left on the shelf. */
interface ShopDays {
  /** rows[kind][day]: that day's rows, as (skuCode, values in FACT_FIELDS order). */
  rows: Record<FactKind, DayRow[][]>
  /** sums[kind][day * width + i]: that day's total of field i (FACT_FIELDS order). */
  sums: Record<FactKind, Float64Array>
}

/** The days simulated, with what every shop shares about each: worked out once, not per shop. */
interface SimDays {
  dates: string[]
  weekdays: number[]
  demand: number[]
  months: string[]
  daysOfMonth: number[]
}

const simDays = (first: string, count: number): SimDays => {
  const dates = Array.from({ length: count }, (_, i) => addDays(first, i))
  const weekdays = dates.map((date) => ((dayNumber(date) + 3) % 7) + 1)
  return {
    dates,
    weekdays,
    demand: dates.map((date, i) => WEEK_RHYTHM[weekdays[i] - 1] * festivalFactor(date)),
    months: dates.map(monthOf),
    daysOfMonth: dates.map(dayOfMonth),
  }
}

const emptyDays = (days: number): ShopDays => ({
  rows: { sales: [], purchases: [], inventory: [] },
  sums: { sales: new Float64Array(days * 3), purchases: new Float64Array(days * 2), inventory: new Float64Array(days) },
})

/**
 * A shop stored only as aggregates is simulated as totals — one pool of stock, its SKU mix priced
 * once — which gives the same kind of month figures for a twentieth of the work.
 */
const simulateTotals = (retailer: Retailer, skus: readonly Sku[], sim: SimDays, rng: Random, hints: ProfileHints): ShopDays & { profile: ShopProfile } => {
  const profile = shopProfile(rng, retailer, skus, sim.dates.length, hints)
  let price = 0
  let cost = 0
  let slowStock = 0
  for (const c of profile.carried) {
    price += c.share * c.sku.retailFenPerPack
    cost += (c.share * c.sku.wholesaleFenPerCarton) / 10
    if (c.stopsSellingAt < Infinity) slowStock += 10 + rng.int(0, 20)
  }
  const targetDays = hints.stockOuts ? 5 : 9
  const out = emptyDays(sim.dates.length)
  let stock = round(profile.dailyPacks * targetDays)
  let arriving = 0
  let orderedThisMonth = 0
  let month = ''
  for (let day = 0; day < sim.dates.length; day++) {
    if (sim.months[day] !== month) {
      month = sim.months[day]
      orderedThisMonth = 0
    }
    stock += arriving
    arriving = 0
    const sold = min(poisson(rng, profile.dailyPacks * sim.demand[day]), stock)
    stock -= sold
    const scanned = round(sold * profile.scanShare)
    out.sums.sales[day * 3] = scanned
    out.sums.sales[day * 3 + 1] = round(scanned * price)
    out.sums.sales[day * 3 + 2] = round(scanned * cost)
    out.sums.inventory[day] = stock + slowStock
    if (sim.weekdays[day] === retailer.orderWindow.closeWeekday) {
      const cartons = max(0, min(ceil((profile.dailyPacks * targetDays - stock) / 10), retailer.monthlyQuotaCartons - orderedThisMonth))
      orderedThisMonth += cartons
      arriving = cartons * 10
      out.sums.purchases[day * 2] = cartons
      out.sums.purchases[day * 2 + 1] = round(cartons * 10 * cost)
    }
  }
  return { ...out, profile }
}

/** A shop with raw rows, SKU by SKU: each SKU's own demand, stock, slow movers and orders. */
const simulate = (retailer: Retailer, skus: readonly Sku[], sim: SimDays, rng: Random, hints: ProfileHints): ShopDays => {
  const { dates } = sim
  const profile = shopProfile(rng, retailer, skus, dates.length, hints)
  const n = profile.carried.length
  const stock = profile.carried.map((c) => round(profile.dailyPacks * c.share * c.targetDays) + (c.stopsSellingAt < Infinity ? 10 + rng.int(0, 20) : 0))
  const arriving = new Array<number>(n).fill(0)
  const out = emptyDays(dates.length)
  let orderedThisMonth = 0
  let month = ''
  for (let day = 0; day < dates.length; day++) {
    if (sim.months[day] !== month) {
      month = sim.months[day]
      orderedThisMonth = 0
    }
    const weekday = sim.weekdays[day]
    const demandFactor = sim.demand[day]
    const sales = out.sums.sales.subarray(day * 3, day * 3 + 3)
    const purchases = out.sums.purchases.subarray(day * 2, day * 2 + 2)
    let onHand = 0
    const rows: Record<FactKind, DayRow[]> = { sales: [], purchases: [], inventory: [] }
    for (let k = 0; k < n; k++) {
      const { sku, share, stopsSellingAt, targetDays } = profile.carried[k]
      stock[k] += arriving[k]
      arriving[k] = 0
      const demand = day >= stopsSellingAt ? 0 : poisson(rng, profile.dailyPacks * share * demandFactor)
      const sold = min(demand, stock[k])
      stock[k] -= sold
      const scanned = sold === 0 ? 0 : round(sold * profile.scanShare + rng.next() - 0.5)
      if (scanned > 0) {
        const fen = scanned * sku.retailFenPerPack
        const cost = costFen(scanned, sku.wholesaleFenPerCarton)
        sales[0] += scanned
        sales[1] += fen
        sales[2] += cost
        rows.sales.push([sku.skuCode, [scanned, fen, cost]])
      }
      onHand += stock[k]
      rows.inventory.push([sku.skuCode, [stock[k]]])
      // Order day: top up to the target, in whole cartons, within the month's quota.
      if (weekday === retailer.orderWindow.closeWeekday && day < stopsSellingAt) {
        const want = ceil((profile.dailyPacks * share * targetDays - stock[k]) / 10)
        const cartons = max(0, min(want, retailer.monthlyQuotaCartons - orderedThisMonth))
        if (cartons > 0) {
          orderedThisMonth += cartons
          arriving[k] = cartons * 10
          purchases[0] += cartons
          purchases[1] += cartons * sku.wholesaleFenPerCarton
          rows.purchases.push([sku.skuCode, [cartons, cartons * sku.wholesaleFenPerCarton]])
        }
      }
    }
    out.sums.inventory[day] = onHand
    for (const kind of KINDS) out.rows[kind].push(rows[kind])
  }
  return out
}

/** Month aggregates from daily totals only (shops without raw rows). */
const monthsFromSums = (kind: FactKind, licenseNo: string, sim: SimDays, sums: Float64Array): FactMonth[] => {
  const changes: MonthChanges = new Map()
  const width = FACT_FIELDS[kind].length
  let change = null as MonthChange | null
  for (let day = 0; day < sim.dates.length; day++) {
    const total: number[] = []
    let any = kind === 'inventory'
    for (let i = 0; i < width; i++) {
      total.push(sums[day * width + i])
      if (total[i] !== 0) any = true
    }
    if (!any) continue
    const month = sim.months[day]
    if (change?.month !== month) {
      const id = monthId(licenseNo, month)
      change = changes.get(id) ?? emptyMonthChange(licenseNo, month)
      changes.set(id, change)
    }
    change.days.set(sim.daysOfMonth[day], total)
  }
  return [...changes.values()].map((c) => applyMonthChange(kind, null, c))
}

/** `total` whole units shared by weight, largest remainders first: the parts add up to the total. */
const apportion = (total: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (total <= 0 || sum <= 0) return weights.map(() => 0)
  const exact = weights.map((w) => (total * w) / sum)
  const parts = exact.map(Math.floor)
  let left = total - parts.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of order) {
    if (left <= 0) break
    parts[i]++
    left--
  }
  return parts
}

/**
 * Per-SKU totals for a shop simulated as totals: the month's packs and cartons shared among the
 * SKUs it still sold that month by their share of its sales, money at each SKU's own prices, the
 * rounding left on the best seller so the SKUs add up to the month. What the guide's indicators
 * (key SKUs on shelf, new SKUs, SKUs selling) and the profit sheet read.
 */
const withSkuTotals = (kind: FactKind, month: FactMonth, profile: ShopProfile, firstDayOfMonth: number): FactMonth => {
  if (kind === 'inventory') return month
  const active = profile.carried.filter((c) => c.stopsSellingAt > firstDayOfMonth)
  const weights = active.map((c) => c.share)
  if (kind === 'sales') {
    const totals = month.totals as Record<'packs' | 'salesFen' | 'costFen', number>
    const packs = apportion(totals.packs, weights)
    let soldDays = 0
    ;(month.daily.packs ?? []).forEach((v, d) => (v ? (soldDays |= 1 << d) : undefined))
    const rows = active
      .map((c, i) => ({ skuCode: c.sku.skuCode, packs: packs[i], salesFen: packs[i] * c.sku.retailFenPerPack, costFen: costFen(packs[i], c.sku.wholesaleFenPerCarton), soldDays }))
      .filter((r) => r.packs > 0)
    const top = rows.reduce<(typeof rows)[number] | null>((best, r) => (!best || r.packs > best.packs ? r : best), null)
    if (top) {
      top.salesFen += totals.salesFen - rows.reduce((n, r) => n + r.salesFen, 0)
      top.costFen += totals.costFen - rows.reduce((n, r) => n + r.costFen, 0)
    }
    return { ...month, skus: rows.sort((a, b) => (a.skuCode < b.skuCode ? -1 : 1)) as unknown as FactMonth['skus'] }
  }
  const totals = month.totals as Record<'cartons' | 'amountFen', number>
  const cartons = apportion(totals.cartons, weights)
  const rows = active.map((c, i) => ({ skuCode: c.sku.skuCode, cartons: cartons[i], amountFen: cartons[i] * c.sku.wholesaleFenPerCarton })).filter((r) => r.cartons > 0)
  const top = rows.reduce<(typeof rows)[number] | null>((best, r) => (!best || r.cartons > best.cartons ? r : best), null)
  if (top) top.amountFen += totals.amountFen - rows.reduce((n, r) => n + r.amountFen, 0)
  return { ...month, skus: rows.sort((a, b) => (a.skuCode < b.skuCode ? -1 : 1)) as unknown as FactMonth['skus'] }
}

/** Week documents and month aggregates from raw rows, through the importer's own merge. */
const docsFromRows = (kind: FactKind, licenseNo: string, dates: readonly string[], rows: readonly DayRow[][]): { weeks: RawWeek[]; months: FactMonth[] } => {
  const numbers = new SkuNumbers()
  const byWeek = new Map<string, WeekRows>()
  dates.forEach((date, day) => {
    const monday = weekStart(date)
    let week = byWeek.get(monday)
    if (!week) byWeek.set(monday, (week = new WeekRows(FACT_FIELDS[kind].length)))
    for (const [skuCode, values] of rows[day]) week.add(daysBetween(monday, date), numbers.of(skuCode), values)
  })
  const changes: MonthChanges = new Map()
  const weeks: RawWeek[] = []
  for (const [monday, weekRows] of byWeek) {
    const week = mergeWeek(kind, { _id: weekId(licenseNo, monday), licenseNo, weekStart: monday }, null, weekRows, numbers, changes)
    if (week) weeks.push(week)
  }
  return { weeks, months: [...changes.values()].map((change) => applyMonthChange(kind, null, change)) }
}

export interface ShopDataOptions {
  /** China date the data runs up to (excluded): the seeding day. */
  today: string
  /** Shops that also get raw rows (the demo identities). */
  rawFor: ReadonlySet<string>
  /** Shops that scan little, and shops that run out of their best sellers. */
  lowScan: ReadonlySet<string>
  stockOuts: ReadonlySet<string>
}

/** About 5 % of shops scan badly and 4 % run short, besides the demo shops chosen for it. */
export const shopHints = (retailers: readonly Retailer[], options: Pick<ShopDataOptions, 'lowScan' | 'stockOuts'>): Map<string, ProfileHints> => {
  const rng = seeded(SEED)
  return new Map(
    retailers.map((r) => [r.licenseNo, { lowScan: options.lowScan.has(r.licenseNo) || rng.next() < 0.05, stockOuts: options.stockOuts.has(r.licenseNo) || rng.next() < 0.04 }]),
  )
}

/** Seeds twelve months of sales, purchases and stock counts, and the peer statistics they give. */
export const seedShopData = async (store: DocumentStore, retailers: readonly Retailer[], skus: readonly Sku[], options: ShopDataOptions): Promise<void> => {
  const db = repos(store)
  const first = monthStart(addMonths(monthOf(options.today), -HISTORY_MONTHS))
  const sim = simDays(first, daysBetween(first, options.today))
  const { dates } = sim
  const hints = shopHints(retailers, options)
  const recent = addMonths(monthOf(options.today), -(RECENT_MONTHS - 1))
  const months: Record<FactKind, FactMonth[]> = { sales: [], purchases: [], inventory: [] }
  const orders: OrderRecord[] = []
  const weeks: Record<FactKind, RawWeek[]> = { sales: [], purchases: [], inventory: [] }

  retailers.forEach((retailer, index) => {
    const raw = options.rawFor.has(retailer.licenseNo)
    const rng = seeded(SEED + 7919 * (index + 1))
    const hint = hints.get(retailer.licenseNo) ?? {}
    // The simulated weekly orders mark their cycles, as an import of the purchases does.
    const mark = (purchases: Float64Array) => orders.push(...orderRecordsOf(retailer, sim, purchases, raw ? dates[0] : monthStart(recent)))
    if (raw) {
      const days = simulate(retailer, skus, sim, rng, hint)
      mark(days.sums.purchases)
      for (const kind of KINDS) {
        const docs = docsFromRows(kind, retailer.licenseNo, dates, days.rows[kind])
        weeks[kind].push(...docs.weeks)
        months[kind].push(...docs.months)
      }
    } else {
      const days = simulateTotals(retailer, skus, sim, rng, hint)
      mark(days.sums.purchases)
      for (const kind of KINDS) {
        const docs = monthsFromSums(kind, retailer.licenseNo, sim, days.sums[kind])
        months[kind].push(...docs.map((doc) => (doc.month >= recent ? withSkuTotals(kind, doc, days.profile, sim.dates.indexOf(monthStart(doc.month))) : doc)))
      }
    }
  })

  await db.salesWeeks.putMany(weeks.sales)
  await db.purchaseWeeks.putMany(weeks.purchases)
  await db.inventoryWeeks.putMany(weeks.inventory)
  await db.orders.putMany(orders)
  const kept = <T>(docs: FactMonth[]) => docs.filter((doc) => doc.month >= recent || options.rawFor.has(doc.licenseNo)) as T[]
  await db.salesMonths.putMany(kept<SalesMonth>(months.sales))
  await db.purchaseMonths.putMany(kept<PurchaseMonth>(months.purchases))
  await db.inventoryMonths.putMany(kept<InventoryMonth>(months.inventory))
  await db.peerStats.putMany(peerStatsOf(retailers, months.sales as SalesMonth[], months.inventory as InventoryMonth[]))
  await bumpDataVersion(store)
}

/** An order record (source `import`) for each cycle the simulated shop bought in, from `since` on. */
const orderRecordsOf = (retailer: Retailer, sim: SimDays, purchases: Float64Array, since: string): OrderRecord[] => {
  const records: OrderRecord[] = []
  sim.dates.forEach((date, day) => {
    if (date < since || purchases[day * 2] <= 0) return
    const { cycleId } = cycleOfOrderDate(retailer.orderWindow, date)
    records.push({ _id: orderId(retailer.licenseNo, cycleId), licenseNo: retailer.licenseNo, cycleId, source: 'import', at: `${date}T00:00:00+08:00` })
  })
  return records
}

const peerStatsOf = (retailers: readonly Retailer[], sales: readonly SalesMonth[], inventory: readonly InventoryMonth[]): PeerStats[] => {
  const stock = new Map(inventory.map((doc) => [doc._id, doc]))
  const byMonth = new Map<string, Map<string, MonthMetrics>>()
  for (const doc of sales) {
    const metrics = monthMetrics(doc, stock.get(doc._id))
    if (!metrics) continue
    if (!byMonth.has(doc.month)) byMonth.set(doc.month, new Map())
    byMonth.get(doc.month)?.set(doc.licenseNo, metrics)
  }
  return [...byMonth].flatMap(([month, metrics]) => computePeerStats(month, retailers, metrics))
}
