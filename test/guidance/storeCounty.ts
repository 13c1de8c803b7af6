import { addMonths, dateIn, daysInMonth, weekStart } from '../../cloudfunctions/core/time'
import type { DocumentStore } from '../../cloudfunctions/core/ports'
import type { InventoryMonth, MarketingMonth, PurchaseMonth, RawWeek, Retailer, SalesMonth, Sku } from '../../cloudfunctions/core/model'
import { repos } from '../../cloudfunctions/core/repos'
import type { CatalogueFlags, MarketingFigures, RetailerMonth } from '../../cloudfunctions/core/guidance/inputs'
import type { BusinessType } from '../../cloudfunctions/contracts/vocabulary'

/**
 * Writes a county given as guidance inputs (county.ts) into a store as the imports would leave it:
 * the register, the catalogue, marketing rows of M and M−1, the month aggregates of sales (M, M−1)
 * and purchases (M), and the last stock count of M (its inventory month and week). Building the
 * month from the store must then give exactly the guides the pure rules give.
 */

export const DISTRICTS = ['城关一片', '岩溪片']

export const retailerOf = (input: RetailerMonth, n: number): Retailer => ({
  _id: input.licenseNo,
  licenseNo: input.licenseNo,
  shopName: `${n}号店`,
  ownerName: '张三',
  phone: `1390000${String(n).padStart(4, '0')}`,
  businessType: input.businessType as BusinessType,
  areaType: n % 2 === 0 ? '乡村' : '城镇',
  district: DISTRICTS[n % 2],
  grade: input.marketing.grade,
  integrityScore: input.marketing.integrityScore,
  monthlyQuotaCartons: input.marketing.monthlyQuotaCartons,
  orderWindow: { openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' },
  manager: { name: '林志强', phone: '13500000000' },
})

const marketingDoc = (licenseNo: string, month: string, m: MarketingFigures): MarketingMonth => ({ _id: `${licenseNo}|${month}`, licenseNo, month, ...m })

const days = (month: string): (number | null)[] => new Array<number | null>(daysInMonth(month)).fill(null)

const salesDoc = (licenseNo: string, month: string, rows: RetailerMonth['sold']): SalesMonth => {
  const skus = rows.map((r) => ({ skuCode: r.skuCode, packs: r.packs, salesFen: r.salesFen, costFen: Math.round(r.salesFen * 0.9), soldDays: r.packs > 0 ? 1 << 9 : 0 }))
  const totals = { packs: 0, salesFen: 0, costFen: 0 }
  for (const s of skus) {
    totals.packs += s.packs
    totals.salesFen += s.salesFen
    totals.costFen += s.costFen
  }
  const daily = { packs: days(month), salesFen: days(month), costFen: days(month) }
  daily.packs[9] = totals.packs
  daily.salesFen[9] = totals.salesFen
  daily.costFen[9] = totals.costFen
  return { _id: `${licenseNo}|${month}`, licenseNo, month, totals, daily, skus }
}

export const SKU_PRICES: Record<string, number> = { K1: 2000, K2: 1500, K3: 2000, K4: 2500, N1: 1500, N2: 2000, A: 1000 }

export const catalogueSkus = (catalogue: CatalogueFlags): Sku[] =>
  Object.entries(SKU_PRICES).map(([skuCode, retail]) => ({
    _id: skuCode,
    skuCode,
    name: `${skuCode} 品规`,
    brand: skuCode.slice(0, 1),
    priceBand: '10-20元',
    wholesaleFenPerCarton: retail * 9,
    retailFenPerPack: retail,
    isKey: catalogue.key.has(skuCode),
    isNew: catalogue.new.has(skuCode),
  }))

/** Writes the county; answers the retailers written, in input order. */
export const storeCounty = async (store: DocumentStore, month: string, county: readonly RetailerMonth[], catalogue: CatalogueFlags, names: (n: number) => number = (n) => n): Promise<Retailer[]> => {
  const db = repos(store)
  const before = addMonths(month, -1)
  const retailers = county.map((input, i) => retailerOf(input, names(i + 1)))
  await db.retailers.putMany(retailers)
  await db.skus.putMany(catalogueSkus(catalogue))
  await db.marketingMonths.putMany(county.flatMap((c) => [marketingDoc(c.licenseNo, month, c.marketing), ...(c.marketingBefore ? [marketingDoc(c.licenseNo, before, c.marketingBefore)] : [])]))
  await db.salesMonths.putMany(county.flatMap((c) => [salesDoc(c.licenseNo, month, c.sold), salesDoc(c.licenseNo, before, c.soldBefore)]))
  const purchases: PurchaseMonth[] = county.map((c) => {
    const skus = c.bought.map((b) => ({ skuCode: b.skuCode, cartons: b.cartons, amountFen: b.cartons * SKU_PRICES[b.skuCode] * 9 }))
    const cartons = days(month)
    cartons[9] = skus.reduce((n, s) => n + s.cartons, 0)
    return { _id: `${c.licenseNo}|${month}`, licenseNo: c.licenseNo, month, totals: { cartons: cartons[9] ?? 0, amountFen: skus.reduce((n, s) => n + s.amountFen, 0) }, daily: { cartons }, skus }
  })
  await db.purchaseMonths.putMany(purchases)
  // The last count on the 20th; an earlier count on the 5th in another week, which must not be read.
  const last = dateIn(month, 20)
  const early = dateIn(month, 5)
  const counted = county.filter((c) => c.stock !== null)
  const inventory: InventoryMonth[] = counted.map((c) => {
    const packs = days(month)
    packs[4] = 999
    packs[19] = (c.stock ?? []).reduce((n, s) => n + s.packs, 0)
    return { _id: `${c.licenseNo}|${month}`, licenseNo: c.licenseNo, month, totals: {}, daily: { packs }, skus: [] }
  })
  await db.inventoryMonths.putMany(inventory)
  const weeks: RawWeek[] = counted.flatMap((c) => [
    { _id: `${c.licenseNo}|${weekStart(last)}`, licenseNo: c.licenseNo, weekStart: weekStart(last), days: { [last]: (c.stock ?? []).map((s) => `${s.skuCode},${s.packs}`).join('\n') } },
    { _id: `${c.licenseNo}|${weekStart(early)}`, licenseNo: c.licenseNo, weekStart: weekStart(early), days: { [early]: 'A,999\nK4,50\nN2,50' } },
  ])
  await db.inventoryWeeks.putMany(weeks)
  return retailers
}
