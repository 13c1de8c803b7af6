import { addDays, addMonths, datesFrom, dayOfMonth, daysBetween, minDate, monthEnd, monthOf, monthStart, monthsFrom, chinaDate } from '../time'
import type { Deps } from '../ports'
import { repos, type Repos } from '../repos'
import { VersionedCache, dataVersionJoin, versionOf } from './freshness'
import { fail } from '../errors'
import type { CalendarEntry, InventoryMonth, PeerStats, PurchaseMonth, RawWeek, Retailer, SalesMonth, Sku } from '../model'
import type { DailySales, SkuSales, SlowMover, StockWarning, SummaryData } from '../../contracts/insights'
import { actingForWith } from '../helpers/access'
import { logHelperAction } from '../helpers/log'
import { comparedSpans, periodOf, type Span } from './periods'
import { change, eachDay, figuresOver, lastDayWithData, lastSales, monthMetrics, sellThrough, stockOn, turnoverDays, type Figures } from './metrics'
import { peerStatsId, standing } from './peers'
import { byId, byIds, byMonth, monthsJoin, rowsBetween, weeksJoin } from './reads'
import { readWithShop } from '../identity'
import { deliveryDate, nextTwoCycles } from './cycles'
import { outlookMonths, outlookOf, outlookReads, runningOut } from './outlook'
import { calendarJoin, pickOverrides } from '../calendar'
import type { PeriodKind } from '../../contracts/vocabulary'

/** A SKU in stock that has not sold for this many days is a slow mover (滞销). */
export const SLOW_DAYS = 30
export const TOP_SKUS = 10
/** Fewer days than this of a month with data, and the benchmark compares the whole month before. */
export const BENCHMARK_MIN_DAYS = 7

export interface SummaryEvent {
  period: PeriodKind
  date: string
  retailer?: string
}

/** Packs on hand per SKU at the stock count of `date`, from week documents holding it. */
const stockLinesOf = (weeks: ReadonlyMap<string, RawWeek>, date: string): Map<string, number> => {
  const lines = new Map<string, number>()
  for (const { skuCode, values } of rowsBetween(weeks.values(), date, date)) lines.set(skuCode, values[0])
  return lines
}

/**
 * Whether the span's SKU sales come from a month's totals (the span holds all of the month's
 * data): then no week is read. Otherwise the dates whose week documents hold the span.
 */
const spanWeekDates = (span: Span, sales: ReadonlyMap<string, SalesMonth>): string[] | null => {
  if (span.to < span.from) return []
  const month = sales.get(monthOf(span.from))
  const wholeMonth =
    month && span.from === monthStart(month.month) && monthOf(span.to) === month.month && (lastDayWithData(new Map([[month.month, month]]), monthEnd(month.month)) ?? '') <= span.to
  return wholeMonth ? null : datesFrom(span.from, span.to).filter((_, i) => i % 7 === 0).concat(span.to)
}

/** Packs and sales per SKU over the span: from the month's totals, or from the week rows of the span. */
const skuSalesOf = (span: Span, sales: ReadonlyMap<string, SalesMonth>, weeks: ReadonlyMap<string, RawWeek>) => {
  const totals = new Map<string, { packs: number; salesFen: number }>()
  if (span.to < span.from) return totals
  if (spanWeekDates(span, sales) === null) {
    for (const sku of (sales.get(monthOf(span.from)) as SalesMonth).skus) totals.set(sku.skuCode, { packs: sku.packs, salesFen: sku.salesFen })
    return totals
  }
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
  const { retailer, helper, joined } = await actingForWith(db, caller, event.retailer, ['insights'], () => ({ version: dataVersionJoin }))
  if (helper) await logHelperAction(deps, helper, 'viewSummary')
  const now = deps.clock.now().getTime()
  const today = chinaDate(now)
  if (periodOf(event.period, event.date).from > today) return fail('INVALID_ARGUMENT', 'periodNotStarted')
  const key = `${retailer.licenseNo}|${event.period}|${event.date}|${today}|${versionOf(joined.version)}`
  const known = kept.get(deps.store, key, now)
  if (known) return known
  const summary = await computeSummary(db, retailer, event, now, today)
  kept.set(deps.store, key, summary, now)
  return summary
}

const computeSummary = async (db: Repos, retailer: Retailer, event: SummaryEvent, now: number, today: string): Promise<SummaryData> => {
  const license = retailer.licenseNo
  const period = periodOf(event.period, event.date)
  const limit = minDate(period.to, today)
  const limitMonth = monthOf(limit)
  // Every month the spans can need whatever the last day with data turns out to be: the period and
  // the one before, the same period a year ago, and the two months before `limit` (slow movers,
  // the benchmark's month, the stock outlook).
  const before = comparedSpans(event.period, event.date, limit)
  const periodMonths = [
    ...monthsFrom(before.previousWhole.from, limit),
    ...monthsFrom(periodOf(event.period, before.lastYear.from).from, periodOf(event.period, before.lastYear.from).to),
    addMonths(limitMonth, -2),
    addMonths(limitMonth, -1),
  ]
  // The warnings are about today: they are read for a period that holds today, and only then.
  const holdsToday = period.to >= today
  const salesMonthsWanted = [...periodMonths, ...(holdsToday ? [monthOf(today), addMonths(monthOf(today), -1)] : [])]
  // The shop's months and calendar in one read; purchases for every month the span can reach.
  const first = await readWithShop(db, license, {
    sales: monthsJoin('salesMonths', license, salesMonthsWanted),
    inventory: monthsJoin('inventoryMonths', license, [limitMonth, addMonths(limitMonth, -1), addMonths(limitMonth, -2), ...(holdsToday ? outlookMonths(today) : [])]),
    purchases: monthsJoin('purchaseMonths', license, monthsFrom(period.from, limit)),
    calendar: calendarJoin(retailer),
  })
  const sales = byMonth(first.sales as SalesMonth[])
  const inventory = byMonth(first.inventory as InventoryMonth[])
  const purchases = byMonth(first.purchases as PurchaseMonth[])
  const overrides = pickOverrides(first.calendar as CalendarEntry[], retailer)
  const dataThrough = lastDayWithData(sales, limit)
  const { asOf, days, current, previous, lastYear, previousWhole } = comparedSpans(event.period, event.date, dataThrough)
  // Stock and slow movers are read at the last day with data, even before the period has any.
  const ref = dataThrough ?? limit
  const refMonth = monthOf(ref)
  // In a month's first days its few days say little against peers: the whole month before says more.
  const benchMonth = dataThrough !== null && (dayOfMonth(dataThrough) >= BENCHMARK_MIN_DAYS || dataThrough === monthEnd(refMonth)) ? refMonth : addMonths(refMonth, -1)
  const slowFrom = addDays(ref, -(SLOW_DAYS - 1))
  // Last sales are dated from the start of the month the 30 days begin in: no extra month is read.
  const saleHistory = { from: monthStart(monthOf(slowFrom)), to: ref }

  const stock = stockOn(inventory, ref)
  // Each week collection is read once, for the span's SKU sales, the stock lines and the outlook together.
  const reads = holdsToday ? outlookReads(sales, inventory, today) : null
  const salesDates = [...(spanWeekDates(current, sales) ?? []), ...(reads?.salesDates ?? [])]
  const stockDates = [...(stock ? [stock.date] : []), ...(reads?.stockDates ?? [])]
  // What the months point to — the peers' month, the weeks holding the dates read — in a second.
  const second = await readWithShop(db, license, {
    peers: { from: 'peerStats', where: { _id: peerStatsId(benchMonth, retailer.businessType, retailer.areaType, retailer.grade) } },
    salesWeeks: weeksJoin('salesWeeks', license, salesDates),
    stockWeeks: weeksJoin('inventoryWeeks', license, stockDates),
  })
  const peers = (second.peers[0] as PeerStats | undefined) ?? null
  const salesWeeks = byId(second.salesWeeks as RawWeek[])
  const stockWeeks = byId(second.stockWeeks as RawWeek[])
  const stockLines = stock ? stockLinesOf(stockWeeks, stock.date) : new Map<string, number>()
  const skuSales = skuSalesOf(current, sales, salesWeeks)
  const outlook = reads ? outlookOf(reads, salesWeeks, stockWeeks) : null

  const sold = figuresOver(sales, current.from, current.to)
  const base = figuresOver(sales, previous.from, previous.to)
  const yearAgo = figuresOver(sales, lastYear.from, lastYear.to)

  const top = [...skuSales].filter(([, s]) => s.packs > 0).sort(([a, x], [b, y]) => y.packs - x.packs || (a < b ? -1 : 1)).slice(0, TOP_SKUS)
  const lastSale = lastSales(sales, saleHistory)
  const slow = [...stockLines].filter(([skuCode, packs]) => packs > 0 && !((lastSale.get(skuCode) ?? '') >= slowFrom))
  // Warnings are about today, whatever the period asked: the same under 本周 and 本月.
  const nextDelivery = deliveryDate(nextTwoCycles(retailer.orderWindow, now, overrides)[0])
  const warnings = outlook ? runningOut(outlook, today, nextDelivery) : []

  const names = await byIds(db.skus, [...top.map(([c]) => c), ...slow.map(([c]) => c), ...warnings.map((w) => w.skuCode)])
  const name = (skuCode: string) => (names.get(skuCode) as Sku | undefined)?.name ?? skuCode
  const topSkus: SkuSales[] = top.map(([skuCode, s]) => ({ skuCode, name: name(skuCode), packs: s.packs, salesFen: s.salesFen }))
  const slowMovers: SlowMover[] = slow
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([skuCode, packsOnHand]) => ({ skuCode, name: name(skuCode), packsOnHand, lastSaleDate: lastSale.get(skuCode) ?? null }))
  const stockWarnings: StockWarning[] = warnings.map((w) => ({
    skuCode: w.skuCode,
    name: name(w.skuCode),
    packsOnHand: w.stockPacks,
    dailyPacks: w.dailyPacks,
    daysOfStock: w.daysOfStock ?? 0,
    nextDeliveryDate: nextDelivery,
    daysToDelivery: daysBetween(today, nextDelivery),
  }))

  const stocked = new Set([...stockLines].filter(([, packs]) => packs > 0).map(([c]) => c))
  const soldSkus = new Set([...skuSales].filter(([, s]) => s.packs > 0).map(([c]) => c))
  let purchasedCartons = 0
  eachDay(purchases, current.from, current.to, ({ daily }, day) => (purchasedCartons += daily.cartons[day - 1] ?? 0))
  const daily: DailySales[] = days === 0 ? [] : datesFrom(current.from, current.to).map((date) => dayOf(sales, date))
  const own = monthMetrics(sales.get(benchMonth), inventory.get(benchMonth))
  const periodStock = days > 0 ? stockOn(inventory, asOf) : null

  return {
    licenseNo: license,
    shopName: retailer.shopName,
    period: event.period,
    from: period.from,
    to: period.to,
    asOf,
    dataThrough,
    days,
    hasPosData: periodMonths.some((m) => sales.has(m)),
    current: figures(current, sold),
    previous: figures(previous, base),
    lastYear: figures(lastYear, yearAgo),
    vsPrevious: changes(sold, base),
    vsLastYear: changes(sold, yearAgo),
    previousWhole: figures(previousWhole, figuresOver(sales, previousWhole.from, previousWhole.to)),
    daily,
    topSkus,
    slowMovers,
    stockWarnings,
    stockDate: periodStock?.date ?? null,
    warningStockDate: outlook?.stockDate ?? null,
    turnoverDays: periodStock ? turnoverDays(periodStock.packs, sold.packs, days) : null,
    sellThrough: days === 0 ? null : sellThrough(stocked, soldSkus),
    scanRate: purchasedCartons === 0 ? null : sold.packs / (purchasedCartons * 10),
    grade: retailer.grade,
    integrityScore: retailer.integrityScore,
    quota: quotaOf(retailer, limitMonth, purchases.get(limitMonth)?.totals.cartons ?? 0),
    benchmark: peers
      ? {
          month: benchMonth,
          from: monthStart(benchMonth),
          to: lastDayWithData(new Map([...sales].filter(([m]) => m === benchMonth)), monthEnd(benchMonth)) ?? monthEnd(benchMonth),
          peers: peers.peers,
          salesFen: standing(peers.salesFen, own?.salesFen ?? null, true),
          grossMargin: standing(peers.grossMargin, own?.grossMargin ?? null, true),
          turnoverDays: standing(peers.turnoverDays, own?.turnoverDays ?? null, false),
        }
      : null,
  }
}

/** One day's sales; null figures on a day without data. */
const dayOf = (sales: ReadonlyMap<string, SalesMonth>, date: string): DailySales => {
  const month = sales.get(monthOf(date))
  const i = dayOfMonth(date) - 1
  const packs = month?.daily.packs[i]
  if (!month || packs === null || packs === undefined) return { date, salesFen: null, packs: null }
  return { date, salesFen: month.daily.salesFen[i] ?? 0, packs }
}

export const quotaOf = (retailer: Retailer, month: string, usedCartons: number) => ({ month, cartons: retailer.monthlyQuotaCartons, usedCartons })
