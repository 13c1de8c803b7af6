import { addDays, addMonths, daysBetween, monthOf } from '../time'
import type { Repos } from '../repos'
import type { InventoryMonth, RawWeek, SalesMonth } from '../model'
import { daysOfStock, lastDayWithData, stockOn } from './metrics'
import { monthsOf, rowsBetween, weeksHolding } from './reads'
import { HISTORY_WEEKS, dailyRate } from './orderPlan'

/**
 * How each SKU of a shop stands today: its daily selling rate and how long its stock lasts. The
 * one reading the warnings of 经营 and the suggested order share, so a SKU that 只够卖 4 天 in one
 * is never 够卖 11 天 in the other.
 */
export interface SkuOutlook {
  skuCode: string
  /** Packs a day over the last 8 weeks up to `dataThrough`, recent weeks weighted more (orderPlan.dailyRate). */
  dailyPacks: number
  /** Packs on hand at the last stock count (0 when the SKU was not counted). */
  stockPacks: number
  /** stockPacks ÷ dailyPacks; null when it does not sell. */
  daysOfStock: number | null
}

export interface Outlook {
  /** The last day with POS data on or before today; null when the last two months have none. */
  dataThrough: string | null
  /** The stock count used: the latest on or before today; null when there is none. */
  stockDate: string | null
  skus: Map<string, SkuOutlook>
}

/** Which week documents an outlook reads, once its months are known (see readOutlook). */
export interface OutlookReads {
  dataThrough: string | null
  stock: { date: string; packs: number } | null
  through: string
  historyFrom: string
  /** Dates whose sales weeks it reads, and the stock count's date whose stock week it reads. */
  salesDates: string[]
  stockDates: string[]
}

export const outlookReads = (salesMonths: ReadonlyMap<string, SalesMonth>, inventory: ReadonlyMap<string, InventoryMonth>, today: string): OutlookReads => {
  const dataThrough = lastDayWithData(salesMonths, today)
  const stock = stockOn(inventory, today)
  // The 8 weeks end at the last day with data: a late import does not read as weeks of no sales.
  const through = dataThrough ?? addDays(today, -1)
  const historyFrom = addDays(through, -(7 * HISTORY_WEEKS - 1))
  const salesDates = Array.from({ length: HISTORY_WEEKS + 1 }, (_, i) => addDays(historyFrom, 7 * i))
  return { dataThrough, stock, through, historyFrom, salesDates, stockDates: stock ? [stock.date] : [] }
}

/** This month and the one before: the months an outlook reads. */
export const outlookMonths = (today: string): string[] => [monthOf(today), addMonths(monthOf(today), -1)]

/**
 * Reads the last 8 weeks of sales up to the last day with data, and the last stock count. `sales`
 * may pass the sales months already read; they must include this month and the one before.
 */
export const readOutlook = async (db: Repos, licenseNo: string, today: string, sales?: ReadonlyMap<string, SalesMonth>): Promise<Outlook> => {
  const months = outlookMonths(today)
  const [salesMonths, inventory] = await Promise.all([
    sales ? Promise.resolve(sales) : monthsOf(db.salesMonths, licenseNo, months),
    monthsOf(db.inventoryMonths, licenseNo, months),
  ])
  const reads = outlookReads(salesMonths, inventory, today)
  const [weeks, stockWeeks] = await Promise.all([
    weeksHolding(db.salesWeeks, licenseNo, reads.salesDates),
    reads.stock ? weeksHolding(db.inventoryWeeks, licenseNo, reads.stockDates) : Promise.resolve(new Map()),
  ])
  return outlookOf(reads, weeks, stockWeeks)
}

/**
 * The outlook from the week documents its reads named (more may be given: only the dates it
 * wants are counted), so a caller reading weeks for itself too reads each collection once.
 */
export const outlookOf = (reads: OutlookReads, weeks: ReadonlyMap<string, RawWeek>, stockWeeks: ReadonlyMap<string, RawWeek>): Outlook => {
  const { dataThrough, stock, through, historyFrom } = reads
  // Packs per SKU in each of the last 8 weeks, week 0 being the 7 days up to `through`.
  const weekly = new Map<string, number[]>()
  let firstSale: string | null = null
  for (const { date, skuCode, values } of rowsBetween(weeks.values(), historyFrom, through)) {
    const week = Math.floor(daysBetween(date, through) / 7)
    const packs = weekly.get(skuCode) ?? new Array<number>(HISTORY_WEEKS).fill(0)
    packs[week] += values[0]
    weekly.set(skuCode, packs)
    if (firstSale === null || date < firstSale) firstSale = date
  }
  const weeksWithData = firstSale === null ? 0 : Math.ceil((daysBetween(firstSale, through) + 1) / 7)
  const stockLines = new Map<string, number>()
  if (stock) for (const { skuCode, values } of rowsBetween(stockWeeks.values(), stock.date, stock.date)) stockLines.set(skuCode, values[0])

  const skus = new Map<string, SkuOutlook>()
  for (const skuCode of new Set([...weekly.keys(), ...stockLines.keys()])) {
    const dailyPacks = dailyRate(weekly.get(skuCode) ?? [], weeksWithData)
    const stockPacks = stockLines.get(skuCode) ?? 0
    skus.set(skuCode, { skuCode, dailyPacks, stockPacks, daysOfStock: daysOfStock(stockPacks, dailyPacks) })
  }
  return { dataThrough, stockDate: stock?.date ?? null, skus }
}

/** Hot sellers (热销): the TOP_SKUS fastest by daily selling rate, fastest first. */
export const HOT_SELLERS = 10
export const hotSellers = (outlook: Outlook): SkuOutlook[] =>
  [...outlook.skus.values()]
    .filter((s) => s.dailyPacks > 0)
    .sort((a, b) => b.dailyPacks - a.dailyPacks || (a.skuCode < b.skuCode ? -1 : 1))
    .slice(0, HOT_SELLERS)

/**
 * Hot sellers out of stock or whose stock runs out before `deliveryDate` (counted from today):
 * most urgent first. Without a stock count nothing is known, so nothing is warned.
 */
export const runningOut = (outlook: Outlook, today: string, deliveryDate: string): SkuOutlook[] => {
  if (outlook.stockDate === null) return []
  const daysToDelivery = daysBetween(today, deliveryDate)
  return hotSellers(outlook)
    .filter((s) => (s.daysOfStock ?? Infinity) < daysToDelivery)
    .sort((a, b) => (a.daysOfStock ?? 0) - (b.daysOfStock ?? 0) || b.dailyPacks - a.dailyPacks)
}
