import type { Retailer, Sku } from '../core/model'
import type { Random } from './random'
import type { BusinessType } from '../contracts/vocabulary'

/**
 * How a demo shop trades: what it carries, how much it sells, how well it scans and orders.
 * Drawn once per shop from its own random stream, so shops do not depend on each other's draws.
 */

const BANDS = ['10元以下', '10-20元', '20-30元', '30-50元', '50元以上'] as const
/** Which price bands each kind of shop sells: groceries cheap, tobacco-and-liquor shops dear. */
const BAND_MIX: Record<BusinessType, readonly number[]> = {
  食杂店: [5, 5, 2, 0.5, 0.1],
  便利店: [2, 4, 4, 2, 0.5],
  超市: [2, 4, 4, 2, 1],
  烟酒店: [0.5, 2, 4, 4, 3],
  娱乐服务: [1, 3, 4, 3, 1],
  其他: [3, 4, 2, 1, 0.2],
}
/** Villages buy cheaper. */
const VILLAGE_TILT = [1.6, 1.2, 0.8, 0.5, 0.3]

export interface CarriedSku {
  sku: Sku
  /** Share of the shop's daily packs. */
  share: number
  /** Day index from which it no longer sells at all (a slow mover); Infinity for the others. */
  stopsSellingAt: number
  /** Days of sales the shop stocks up to when it orders. */
  targetDays: number
}

export interface ShopProfile {
  /** Packs a day on an ordinary day. */
  dailyPacks: number
  carried: CarriedSku[]
  /** Share of sales scanned at the POS (a low-scan shop leaves much unrecorded). */
  scanShare: number
}

export interface ProfileHints {
  lowScan?: boolean
  /** Under-orders its best sellers, which then run out. */
  stockOuts?: boolean
}

export const shopProfile = (rng: Random, retailer: Retailer, skus: readonly Sku[], days: number, hints: ProfileHints = {}): ShopProfile => {
  const village = retailer.areaType === '乡村'
  const bandWeight = (band: string) => {
    const i = BANDS.indexOf(band as (typeof BANDS)[number])
    return i < 0 ? 0.5 : BAND_MIX[retailer.businessType][i] * (village ? VILLAGE_TILT[i] : 1)
  }
  const count = Math.max(12, Math.min(40, 8 + retailer.grade + rng.int(-3, 3)))
  // Weighted draw without replacement: each SKU's key is u^(1/w), the largest keys win.
  const picked = skus
    .map((sku) => ({ sku, key: Math.pow(rng.next(), 1 / Math.max(0.01, bandWeight(sku.priceBand))) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, count)
    .map(({ sku }) => sku)
  // Popularity falls off with rank: a few SKUs carry most of the sales.
  const raw = picked.map((_, rank) => 1 / Math.pow(rank + 1, 0.9))
  const total = raw.reduce((sum, w) => sum + w, 0)
  const slowCount = rng.int(1, 3)
  const carried = picked.map((sku, rank) => ({
    sku,
    share: raw[rank] / total,
    // The least popular few stop selling 35–80 days before the end: in stock, no sale for 30 days.
    stopsSellingAt: rank >= picked.length - slowCount ? days - rng.int(35, 80) : Infinity,
    targetDays: hints.stockOuts && rank < 2 ? 3 : 9,
  }))
  const quotaPacksPerDay = (retailer.monthlyQuotaCartons * 10) / 30
  return {
    dailyPacks: quotaPacksPerDay * (0.55 + rng.next() * 0.3),
    carried,
    scanShare: hints.lowScan ? 0.4 + rng.next() * 0.2 : 0.95 + rng.next() * 0.05,
  }
}
