import { addMonths, dateIn, dayOfMonth, daysInMonth, monthOf } from '../time'
import type { InventoryMonth, SalesMonth } from '../model'

/**
 * The indicators, each defined once here and used by 经营, the benchmark, the warnings and the
 * suggested order. Computed from month aggregates so they cost the same whatever the history.
 * Ratios are fractions (0.12 = 12 %); money is fen.
 *
 * - daily selling rate (日均销量) of a SKU: `dailyRate` in orderPlan.ts, the last 8 weeks up to the
 *   last day with data, recent weeks weighted more;
 * - days of stock (够卖几天) of a SKU: `daysOfStock` = packs on hand ÷ its daily selling rate;
 * - turnover days (库存周转天数) of the shop: `turnoverDays` = stock ÷ average daily packs sold over
 *   the days of a period that have data;
 * - sell-through (动销率): `sellThrough` = SKUs sold in the period ÷ SKUs stocked or sold.
 */

export interface Figures {
  salesFen: number
  packs: number
  grossProfitFen: number
}

/**
 * Calls `visit(month, day)` for every day from `from` to `to` whose month is among `months`,
 * month by month — the summary's hot path, so no date is built per day.
 */
export const eachDay = <M extends { month: string }>(months: ReadonlyMap<string, M>, from: string, to: string, visit: (month: M, day: number) => void): void => {
  const last = monthOf(to)
  for (let month = monthOf(from); month <= last; month = addMonths(month, 1)) {
    const doc = months.get(month)
    if (!doc) continue
    const end = month === last ? dayOfMonth(to) : daysInMonth(month)
    for (let day = month === monthOf(from) ? dayOfMonth(from) : 1; day <= end; day++) visit(doc, day)
  }
}

/** Sales, packs and gross profit over the days from `from` to `to`, from the months holding them. */
export const figuresOver = (months: ReadonlyMap<string, SalesMonth>, from: string, to: string): Figures => {
  const figures: Figures = { salesFen: 0, packs: 0, grossProfitFen: 0 }
  eachDay(months, from, to, ({ daily }, day) => {
    const sales = daily.salesFen[day - 1] ?? 0
    figures.salesFen += sales
    figures.packs += daily.packs[day - 1] ?? 0
    figures.grossProfitFen += sales - (daily.costFen[day - 1] ?? 0)
  })
  return figures
}

/** Change from `base` to `now` as a fraction; null when there is nothing to compare with. */
export const change = (now: number, base: number): number | null => (base === 0 ? null : (now - base) / base)

/** Inventory turnover days: how many days the stock lasts at the average daily sales. */
export const turnoverDays = (stockPacks: number, packsSold: number, days: number): number | null =>
  packsSold > 0 && days > 0 ? stockPacks / (packsSold / days) : null

/** How many days `stockPacks` last at `dailyPacks` a day; null when the SKU does not sell. */
export const daysOfStock = (stockPacks: number, dailyPacks: number): number | null => (dailyPacks > 0 ? Math.max(0, stockPacks) / dailyPacks : null)

/** Share of the SKUs stocked or sold that sold; null when there are none. */
export const sellThrough = (stocked: ReadonlySet<string>, sold: ReadonlySet<string>): number | null => {
  const all = new Set([...stocked, ...sold])
  return all.size === 0 ? null : [...all].filter((sku) => sold.has(sku)).length / all.size
}

/**
 * The last day on or before `limit` with any POS rows in the given months; null when none of
 * them has any. A day without rows is a day without data, never a day of zero sales.
 */
export const lastDayWithData = (months: ReadonlyMap<string, SalesMonth>, limit: string): string | null => {
  for (const month of [...months.keys()].filter((m) => m <= monthOf(limit)).sort().reverse()) {
    const { packs } = (months.get(month) as SalesMonth).daily
    for (let i = month === monthOf(limit) ? dayOfMonth(limit) - 1 : packs.length - 1; i >= 0; i--) {
      if (packs[i] !== null && packs[i] !== undefined) return dateIn(month, i + 1)
    }
  }
  return null
}

/** Whether `date` has POS rows in the months given. */
export const hasDataOn = (months: ReadonlyMap<string, SalesMonth>, date: string): boolean => {
  const packs = months.get(monthOf(date))?.daily.packs[dayOfMonth(date) - 1]
  return packs !== null && packs !== undefined
}

/** The latest stock count on or before `date`, searching the given months. */
export const stockOn = (months: ReadonlyMap<string, Pick<InventoryMonth, 'daily'>>, date: string): { date: string; packs: number } | null => {
  const limit = monthOf(date)
  for (const month of [...months.keys()].filter((m) => m <= limit).sort().reverse()) {
    const { daily } = months.get(month) as Pick<InventoryMonth, 'daily'>
    for (let i = month === limit ? dayOfMonth(date) - 1 : daily.packs.length - 1; i >= 0; i--) {
      const packs = daily.packs[i]
      if (packs !== null && packs !== undefined) return { date: dateIn(month, i + 1), packs }
    }
  }
  return null
}

/** Days of the month up to the last one with any POS data (a month still running counts its days so far). */
const daysWithData = (month: MetricsSales): number => {
  let last = 0
  month.daily.packs.forEach((packs, i) => {
    if (packs !== null) last = i + 1
  })
  return last
}

export interface MonthMetrics {
  salesFen: number
  grossMargin: number | null
  turnoverDays: number | null
}

/** What the benchmark reads of a sales month: its totals and which days have rows. */
export type MetricsSales = Pick<SalesMonth, 'month' | 'totals'> & { daily: Pick<SalesMonth['daily'], 'packs'> }
/** What the benchmark reads of a stock month: its daily counts. */
export type MetricsStock = Pick<InventoryMonth, 'month' | 'daily'>

/** A retailer's benchmark indicators for one month; null when the month has no sales. */
export const monthMetrics = (sales: MetricsSales | undefined, inventory: MetricsStock | undefined): MonthMetrics | null => {
  if (!sales || sales.totals.salesFen <= 0) return null
  const days = daysWithData(sales)
  const stock = inventory ? stockOn(new Map([[inventory.month, inventory]]), `${sales.month}-${String(days).padStart(2, '0')}`) : null
  return {
    salesFen: sales.totals.salesFen,
    grossMargin: (sales.totals.salesFen - sales.totals.costFen) / sales.totals.salesFen,
    turnoverDays: stock ? turnoverDays(stock.packs, sales.totals.packs, days) : null,
  }
}

/** For each SKU, the last day within `span` it sold on, from the soldDays bits of the months. */
export const lastSales = (months: ReadonlyMap<string, SalesMonth>, span: { from: string; to: string }): Map<string, string> => {
  const last = new Map<string, string>()
  for (const month of [...months.keys()].filter((m) => m >= monthOf(span.from) && m <= monthOf(span.to)).sort().reverse()) {
    const first = month === monthOf(span.from) ? dayOfMonth(span.from) : 1
    const end = month === monthOf(span.to) ? dayOfMonth(span.to) : 31
    for (const { skuCode, soldDays } of (months.get(month) as SalesMonth).skus) {
      if (last.has(skuCode) || !soldDays) continue
      for (let day = end; day >= first; day--) {
        if (soldDays & (1 << (day - 1))) {
          last.set(skuCode, dateIn(month, day))
          break
        }
      }
    }
  }
  return last
}
