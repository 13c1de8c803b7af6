import { INDICATORS } from '../../contracts/guidance'
import type { CatalogueFlags, RetailerMonth, SkuSold } from './inputs'

/** How many indicators each retailer has: the width of a row in the pool's value table. */
export const INDICATOR_COUNT = INDICATORS.length

/**
 * Writes the ten indicators of guidance.md §2 for one retailer into `out[at … at + 9]`, in
 * INDICATORS order; NaN marks "no value". Unrounded, as the rules rank them.
 *
 * Read "Precisely": `s` ranges over every SKU of the shop's sales, purchases and stock rows of M;
 * sold(s) is net packs; "sold nothing" is Σ packs ≤ 0. A divisor of 0 gives no value (a negative Σ
 * packs is a divisor, so #2 still has one then: only 0 is named).
 */
export const writeIndicators = (input: RetailerMonth, catalogue: CatalogueFlags, out: Float64Array | number[], at: number): void => {
  // Per SKU of M: packs sold, whether it is on shelf. One map per retailer, dropped at the end.
  const sold = new Map<string, number>()
  const onShelf = new Set<string>()
  let packs = 0
  let salesFen = 0
  let keyPacks = 0
  for (const row of input.sold) {
    sold.set(row.skuCode, (sold.get(row.skuCode) ?? 0) + row.packs)
    packs += row.packs
    salesFen += row.salesFen
    if (catalogue.key.has(row.skuCode)) keyPacks += row.packs
  }
  let cartons = 0
  const bought = new Map<string, number>()
  for (const row of input.bought) {
    bought.set(row.skuCode, (bought.get(row.skuCode) ?? 0) + row.cartons)
    cartons += row.cartons
  }
  for (const [sku, n] of sold) if (n > 0) onShelf.add(sku)
  for (const [sku, n] of bought) if (n > 0) onShelf.add(sku)
  if (input.stock) {
    const stock = new Map<string, number>()
    for (const row of input.stock) stock.set(row.skuCode, (stock.get(row.skuCode) ?? 0) + row.packs)
    for (const [sku, n] of stock) if (n > 0) onShelf.add(sku)
  }

  let keyOnShelf = 0
  let newOnShelf = 0
  let selling = 0
  for (const sku of onShelf) {
    if (catalogue.key.has(sku)) keyOnShelf++
    if (catalogue.new.has(sku)) newOnShelf++
  }
  for (const n of sold.values()) if (n > 0) selling++

  const before = totalsOf(input.soldBefore, catalogue)
  const soldBefore = before.packs > 0
  const avgPack = packs > 0 ? salesFen / packs : NaN
  const quota = input.marketing.monthlyQuotaCartons

  out[at] = catalogue.key.size > 0 ? keyOnShelf / catalogue.key.size : NaN
  out[at + 1] = packs !== 0 ? keyPacks / packs : NaN
  out[at + 2] = newOnShelf
  // Every SKU selling is on shelf, so the numerator is the SKUs selling.
  out[at + 3] = onShelf.size > 0 ? selling / onShelf.size : NaN
  out[at + 4] = selling
  out[at + 5] = soldBefore ? (keyPacks - before.keyPacks) / Math.max(before.keyPacks, 1) : NaN
  out[at + 6] = avgPack
  out[at + 7] = soldBefore && packs > 0 ? avgPack - before.salesFen / before.packs : NaN
  out[at + 8] = quota !== 0 ? cartons / quota : NaN
  out[at + 9] = cartons !== 0 ? Math.min(packs / (10 * cartons), 1) : NaN
}

const totalsOf = (rows: readonly SkuSold[], catalogue: CatalogueFlags) => {
  let packs = 0
  let salesFen = 0
  let keyPacks = 0
  for (const row of rows) {
    packs += row.packs
    salesFen += row.salesFen
    if (catalogue.key.has(row.skuCode)) keyPacks += row.packs
  }
  return { packs, salesFen, keyPacks }
}

/** The ten indicators of one retailer as values or null, in INDICATORS order. */
export const indicatorValues = (input: RetailerMonth, catalogue: CatalogueFlags): (number | null)[] => {
  const out = new Float64Array(INDICATOR_COUNT)
  writeIndicators(input, catalogue, out, 0)
  return Array.from(out, (v) => (Number.isNaN(v) ? null : v))
}
