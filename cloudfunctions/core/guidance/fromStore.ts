import { dateIn, weekStart } from '../time'
import type { RawWeek, InventoryMonth, PurchaseMonth, Retailer, SalesMonth } from '../model'
import { dayLines, readValues, weekId } from '../imports/weeks'
import type { MarketingFigures, RetailerMonth, SkuPacks } from './inputs'

/**
 * From the stored documents to the guidance inputs of one retailer and month M: the per-SKU totals
 * of SalesMonth (M and M−1) and PurchaseMonth (M), and the shop's last stock count dated in M, read
 * from the inventory week holding it (a count is all of the shop's rows on one date).
 *
 * Wiring: read InventoryMonth of M, ask lastCountWeekId for the one week to load, pass it here.
 */

/** Date of the shop's last stock count in the month, from its InventoryMonth; null: none. */
export const lastCountDate = (inventory: InventoryMonth | null | undefined): string | null => {
  if (!inventory) return null
  const days = inventory.daily.packs
  for (let d = days.length - 1; d >= 0; d--) if (days[d] !== null && days[d] !== undefined) return dateIn(inventory.month, d + 1)
  return null
}

/** Id of the inventory week holding the last count in the month; null: no count. */
export const lastCountWeekId = (inventory: InventoryMonth | null | undefined): string | null => {
  const date = lastCountDate(inventory)
  return date && inventory ? weekId(inventory.licenseNo, weekStart(date)) : null
}

/**
 * The last stock count dated in `month` among the given inventory weeks: its date and packs per
 * SKU; null when none of them holds a count in the month.
 */
export const lastCountIn = (weeks: Iterable<RawWeek>, month: string): { date: string; stock: SkuPacks[] } | null => {
  let date: string | null = null
  let text = ''
  for (const week of weeks) {
    for (const [day, lines] of Object.entries(week.days)) {
      if (day.slice(0, 7) !== month || !lines) continue
      if (date === null || day > date) {
        date = day
        text = lines
      }
    }
  }
  if (date === null) return null
  const value = [0]
  const stock: SkuPacks[] = []
  for (const [skuCode, line] of dayLines(text)) {
    readValues(line, value)
    stock.push({ skuCode, packs: value[0] })
  }
  return { date, stock }
}

export interface StoredRetailerMonth {
  retailer: Pick<Retailer, 'licenseNo' | 'businessType'>
  marketing: MarketingFigures
  marketingBefore: MarketingFigures | null
  sales: SalesMonth | null | undefined
  salesBefore: SalesMonth | null | undefined
  purchases: PurchaseMonth | null | undefined
  /** The inventory week(s) that may hold the last count in M (see lastCountWeekId); others are harmless. */
  inventoryWeeks: Iterable<RawWeek>
}

const marketingOf = (m: MarketingFigures): MarketingFigures => ({
  grade: m.grade,
  integrityScore: m.integrityScore,
  monthlyQuotaCartons: m.monthlyQuotaCartons,
  newRetailScore: m.newRetailScore,
  terminalLevel: m.terminalLevel,
  shopAreaM2: m.shopAreaM2,
})

/** The guidance inputs of one retailer for `month` from its stored documents. */
export const retailerMonthFrom = (month: string, stored: StoredRetailerMonth): RetailerMonth => ({
  licenseNo: stored.retailer.licenseNo,
  businessType: stored.retailer.businessType,
  marketing: marketingOf(stored.marketing),
  marketingBefore: stored.marketingBefore ? marketingOf(stored.marketingBefore) : null,
  sold: (stored.sales?.skus ?? []).map((s) => ({ skuCode: s.skuCode, packs: s.packs, salesFen: s.salesFen })),
  soldBefore: (stored.salesBefore?.skus ?? []).map((s) => ({ skuCode: s.skuCode, packs: s.packs, salesFen: s.salesFen })),
  bought: (stored.purchases?.skus ?? []).map((s) => ({ skuCode: s.skuCode, cartons: s.cartons })),
  stock: lastCountIn(stored.inventoryWeeks, month)?.stock ?? null,
})
