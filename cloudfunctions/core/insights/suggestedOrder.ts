import { addDays, addMonths, daysBetween, maxDate, monthOf, chinaIso, chinaDate } from '../time'
import type { Deps } from '../ports'
import { repos } from '../repos'
import type { Sku } from '../model'
import type { SuggestedOrderData } from '../../contracts/insights'
import { actingFor } from '../helpers/access'
import { stockOn } from './metrics'
import { byIds, monthsOf, rowsBetween, weeksHolding } from './reads'
import { deliveryDate, nextTwoCycles } from './cycles'
import { overridesFor } from '../calendar'
import { HISTORY_WEEKS, SAFETY_DAYS, dailyRate, planOrder } from './orderPlan'

/** What to order in the coming cycle, SKU by SKU, within the monthly quota. */
export const getSuggestedOrder = async (deps: Deps, caller: string, event: { retailer?: string }): Promise<SuggestedOrderData> => {
  const db = repos(deps.store)
  const { retailer } = await actingFor(db, caller, event.retailer, 'order')
  const license = retailer.licenseNo
  const now = deps.clock.now().getTime()
  const today = chinaDate(now)
  const overrides = await overridesFor(db, retailer)
  const [cycle, next] = nextTwoCycles(retailer.orderWindow, now, overrides)
  const nextDelivery = deliveryDate(next)
  const coverDays = daysBetween(today, nextDelivery) + SAFETY_DAYS
  // The order counts against the quota of the month it is placed in.
  const quotaMonth = monthOf(maxDate(today, chinaDate(cycle.opensAt)))

  const historyFrom = addDays(today, -7 * HISTORY_WEEKS)
  const historyDates = Array.from({ length: HISTORY_WEEKS + 1 }, (_, i) => addDays(historyFrom, 7 * i))
  const [weeks, inventory, purchases] = await Promise.all([
    weeksHolding(db.salesWeeks, license, historyDates),
    monthsOf(db.inventoryMonths, license, [monthOf(today), addMonths(monthOf(today), -1)]),
    monthsOf(db.purchaseMonths, license, [quotaMonth]),
  ])
  const stock = stockOn(inventory, today)
  const stockWeeks = stock ? await weeksHolding(db.inventoryWeeks, license, [stock.date]) : new Map()

  // Packs per SKU in each of the last 8 weeks, week 0 being the 7 days before today.
  const weekly = new Map<string, number[]>()
  let firstSale: string | null = null
  for (const { date, skuCode, values } of rowsBetween(weeks.values(), historyFrom, addDays(today, -1))) {
    const week = Math.floor((daysBetween(date, today) - 1) / 7)
    const packs = weekly.get(skuCode) ?? new Array<number>(HISTORY_WEEKS).fill(0)
    packs[week] += values[0]
    weekly.set(skuCode, packs)
    if (firstSale === null || date < firstSale) firstSale = date
  }
  const weeksWithData = firstSale === null ? 0 : Math.ceil(daysBetween(firstSale, today) / 7)
  const stockLines = new Map<string, number>()
  if (stock) for (const { skuCode, values } of rowsBetween(stockWeeks.values(), stock.date, stock.date)) stockLines.set(skuCode, values[0])

  const catalogue = await byIds(db.skus, [...new Set([...weekly.keys(), ...stockLines.keys()])])
  const items = [...catalogue.values()].map((sku: Sku) => ({
    skuCode: sku.skuCode,
    name: sku.name,
    dailyPacks: dailyRate(weekly.get(sku.skuCode) ?? [], weeksWithData),
    stockPacks: stockLines.get(sku.skuCode) ?? 0,
    wholesaleFenPerCarton: sku.wholesaleFenPerCarton,
  }))
  const usedCartons = purchases.get(quotaMonth)?.totals.cartons ?? 0
  const remainingCartons = Math.max(0, retailer.monthlyQuotaCartons - usedCartons)
  const lines = planOrder(items, coverDays, remainingCartons)
  const ordered = lines.filter((line) => line.cartons > 0)

  return {
    licenseNo: license,
    shopName: retailer.shopName,
    cycleId: cycle.cycleId,
    opensAt: chinaIso(cycle.opensAt),
    closesAt: chinaIso(cycle.closesAt),
    deliveryDate: deliveryDate(cycle),
    nextDeliveryDate: nextDelivery,
    coverDays,
    safetyDays: SAFETY_DAYS,
    stockDate: stock?.date ?? null,
    quota: { month: quotaMonth, cartons: retailer.monthlyQuotaCartons, usedCartons, remainingCartons },
    lines,
    totalCartons: ordered.reduce((sum, line) => sum + line.cartons, 0),
    totalFen: ordered.reduce((sum, line) => sum + line.cartons * line.wholesaleFenPerCarton, 0),
    historyWeeks: HISTORY_WEEKS,
  }
}
