import { DAY_MS, addDays, addMonths, dateIn, datesFrom, daysBetween, monthOf, monthStart, monthsFrom, chinaDate, chinaDayStart } from '../time'
import type { Deps } from '../ports'
import { repos, type Repos } from '../repos'
import { VersionedCache, dataVersion } from './freshness'
import { fail } from '../errors'
import type { Retailer, SalesMonth, Sku } from '../model'
import type { DailySales, SkuSales, SlowMover, StockWarning, SummaryData } from '../../contracts/insights'
import { actingFor } from '../helpers/access'
import { logHelperAction } from '../helpers/log'
import { comparedSpans, periodOf, type Span } from './periods'
import { change, eachDay, figuresOver, lastSales, monthMetrics, stockOn, turnoverDays, type Figures } from './metrics'
import { peerStatsId, standing } from './peers'
import { byIds, monthsOf, rowsBetween, weeksHolding } from './reads'
import { deliveryDate, nextTwoCycles } from './cycles'
import { overridesFor } from '../calendar'
import type { PeriodKind } from '../../contracts/vocabulary'

/** A SKU in stock that has not sold for this many days is a slow mover (滞销). */
export const SLOW_DAYS = 30
export const TOP_SKUS = 10

export interface SummaryEvent {
  period: PeriodKind
  date: string
  retailer?: string
}

/** Packs on hand per SKU at the stock count of `date`. */
const stockLinesOn = async (db: Repos, licenseNo: string, date: string): Promise<Map<string, number>> => {
  const weeks = await weeksHolding(db.inventoryWeeks, licenseNo, [date])
  const lines = new Map<string, number>()
  for (const { skuCode, values } of rowsBetween(weeks.values(), date, date)) lines.set(skuCode, values[0])
  return lines
}

/** Packs and sales per SKU over the current span: the month's totals, or the week's rows. */
const skuSalesOver = async (db: Repos, licenseNo: string, kind: PeriodKind, span: Span, sales: ReadonlyMap<string, SalesMonth>) => {
  const totals = new Map<string, { packs: number; salesFen: number }>()
  if (kind === 'month') {
    for (const sku of sales.get(monthOf(span.from))?.skus ?? []) totals.set(sku.skuCode, { packs: sku.packs, salesFen: sku.salesFen })
    return totals
  }
  const weeks = await weeksHolding(db.salesWeeks, licenseNo, [span.from])
  for (const { skuCode, values } of rowsBetween(weeks.values(), span.from, span.to)) {
    const total = totals.get(skuCode) ?? { packs: 0, salesFen: 0 }
    total.packs += values[0]
    total.salesFen += values[1]
    totals.set(skuCode, total)
  }
  return totals
}

const figures = (span: Span, f: Figures) => ({ ...span, ...f })
const changes = (now: Figures, base: Figures) => ({
  salesFen: change(now.salesFen, base.salesFen),
  packs: change(now.packs, base.packs),
  grossProfitFen: change(now.grossProfitFen, base.grossProfitFen),
})

/** The operating summary of one shop for the week or month holding `date`. */
/** Computed summaries, reused for a minute while no import has changed the data under them. */
const kept = new VersionedCache<SummaryData>(60_000)

export const getSummary = async (deps: Deps, caller: string, event: SummaryEvent): Promise<SummaryData> => {
  const db = repos(deps.store)
  // Who may see what is checked afresh on every call; only the figures are reused.
  const { retailer, helper } = await actingFor(db, caller, event.retailer, 'insights')
  if (helper) await logHelperAction(deps, helper, 'viewSummary')
  const now = deps.clock.now().getTime()
  const today = chinaDate(now)
  if (periodOf(event.period, event.date).from > today) return fail('INVALID_ARGUMENT', 'periodNotStarted')
  const key = `${retailer.licenseNo}|${event.period}|${event.date}|${today}|${await dataVersion(deps.store)}`
  const known = kept.get(deps.store, key, now)
  if (known) return known
  const summary = await computeSummary(db, retailer, event, now, today)
  kept.set(deps.store, key, summary, now)
  return summary
}

const computeSummary = async (db: Repos, retailer: Retailer, event: SummaryEvent, now: number, today: string): Promise<SummaryData> => {
  const { period, asOf, current, previous, lastYear } = comparedSpans(event.period, event.date, today)
  const license = retailer.licenseNo
  const slowFrom = addDays(asOf, -(SLOW_DAYS - 1))
  // Last sales are dated from the start of the month the 30 days begin in: no extra month is read.
  const saleHistory = { from: monthStart(monthOf(slowFrom)), to: asOf }
  const salesMonthsWanted = [current, previous, lastYear, saleHistory].flatMap((s) => monthsFrom(s.from, s.to))
  const asOfMonth = monthOf(asOf)

  const [sales, purchases, inventory, peers, overrides] = await Promise.all([
    monthsOf(db.salesMonths, license, salesMonthsWanted),
    monthsOf(db.purchaseMonths, license, [...monthsFrom(current.from, current.to), asOfMonth]),
    monthsOf(db.inventoryMonths, license, [asOfMonth, addMonths(asOfMonth, -1)]),
    db.peerStats.get(peerStatsId(asOfMonth, retailer.businessType, retailer.areaType, retailer.grade)),
    overridesFor(db, retailer),
  ])
  const stock = stockOn(inventory, asOf)
  const [stockLines, skuSales] = await Promise.all([
    stock ? stockLinesOn(db, license, stock.date) : Promise.resolve(new Map<string, number>()),
    skuSalesOver(db, license, event.period, current, sales),
  ])

  const sold = figuresOver(sales, current.from, current.to)
  const before = figuresOver(sales, previous.from, previous.to)
  const yearAgo = figuresOver(sales, lastYear.from, lastYear.to)
  const days = daysBetween(current.from, current.to) + 1

  const top = [...skuSales].filter(([, s]) => s.packs > 0).sort(([a, x], [b, y]) => y.packs - x.packs || (a < b ? -1 : 1)).slice(0, TOP_SKUS)
  const lastSale = lastSales(sales, saleHistory)
  const slow = [...stockLines].filter(([skuCode, packs]) => packs > 0 && !((lastSale.get(skuCode) ?? '') >= slowFrom))
  // The next delivery as seen at the end of `asOf` (or now, for a period still running).
  const seenAt = Math.min(now, chinaDayStart(asOf) + DAY_MS - 1)
  const nextDelivery = deliveryDate(nextTwoCycles(retailer.orderWindow, seenAt, overrides)[0])
  const daysToDelivery = daysBetween(asOf, nextDelivery)
  const warnings = stock
    ? top.flatMap(([skuCode, s]) => {
        const dailyPacks = s.packs / days
        const packsOnHand = stockLines.get(skuCode) ?? 0
        const daysOfStock = packsOnHand / dailyPacks
        return daysOfStock < daysToDelivery ? [{ skuCode, name: '', packsOnHand, dailyPacks, daysOfStock, nextDeliveryDate: nextDelivery, daysToDelivery }] : []
      })
    : []

  const names = await byIds(db.skus, [...top.map(([c]) => c), ...slow.map(([c]) => c)])
  const name = (skuCode: string) => (names.get(skuCode) as Sku | undefined)?.name ?? skuCode
  const topSkus: SkuSales[] = top.map(([skuCode, s]) => ({ skuCode, name: name(skuCode), packs: s.packs, salesFen: s.salesFen }))
  const slowMovers: SlowMover[] = slow
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([skuCode, packsOnHand]) => ({ skuCode, name: name(skuCode), packsOnHand, lastSaleDate: lastSale.get(skuCode) ?? null }))
  const stockWarnings: StockWarning[] = warnings.map((w) => ({ ...w, name: name(w.skuCode) }))

  const stocked = new Set([...[...stockLines].filter(([, packs]) => packs > 0).map(([c]) => c), ...[...skuSales].filter(([, s]) => s.packs > 0).map(([c]) => c)])
  const soldCount = [...skuSales.values()].filter((s) => s.packs > 0).length
  let purchasedCartons = 0
  eachDay(purchases, current.from, current.to, ({ daily }, day) => (purchasedCartons += daily.cartons[day - 1] ?? 0))
  const daily: DailySales[] = []
  eachDay(sales, current.from, current.to, ({ month, daily: d }, day) => daily.push({ date: dateIn(month, day), salesFen: d.salesFen[day - 1] ?? 0, packs: d.packs[day - 1] ?? 0 }))
  const own = monthMetrics(sales.get(asOfMonth), inventory.get(asOfMonth))

  return {
    licenseNo: license,
    shopName: retailer.shopName,
    period: event.period,
    from: period.from,
    to: period.to,
    asOf,
    hasPosData: sales.size > 0,
    current: figures(current, sold),
    previous: figures(previous, before),
    lastYear: figures(lastYear, yearAgo),
    vsPrevious: changes(sold, before),
    vsLastYear: changes(sold, yearAgo),
    // Every day of the period so far, a day without data (or a month without any) as zeros.
    daily: datesFrom(current.from, current.to).map((date) => daily.find((d) => d.date === date) ?? { date, salesFen: 0, packs: 0 }),
    topSkus,
    slowMovers,
    stockWarnings,
    stockDate: stock?.date ?? null,
    turnoverDays: stock ? turnoverDays(stock.packs, sold.packs, days) : null,
    sellThrough: stocked.size === 0 ? null : soldCount / stocked.size,
    scanRate: purchasedCartons === 0 ? null : sold.packs / (purchasedCartons * 10),
    grade: retailer.grade,
    integrityScore: retailer.integrityScore,
    quota: quotaOf(retailer, asOfMonth, purchases.get(asOfMonth)?.totals.cartons ?? 0),
    benchmark: peers
      ? {
          month: asOfMonth,
          peers: peers.peers,
          salesFen: standing(peers.salesFen, own?.salesFen ?? null, true),
          grossMargin: standing(peers.grossMargin, own?.grossMargin ?? null, true),
          turnoverDays: standing(peers.turnoverDays, own?.turnoverDays ?? null, false),
        }
      : null,
  }
}

export const quotaOf = (retailer: Retailer, month: string, usedCartons: number) => ({ month, cartons: retailer.monthlyQuotaCartons, usedCartons })
