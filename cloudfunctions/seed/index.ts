import { chinaDate } from '../core/time'
import type { DocumentStore } from '../core/ports'
import { repos } from '../core/repos'
import { seeded } from './random'
import { makeCatalogue } from './catalogue'
import { makeRetailers } from './county'
import { DEMO_RETAILERS, DEMO_SHOPS, UNBOUND_EXAMPLE } from './identities'
import { seedDemoHelpers } from './helpers'
import { seedShopData, shopHints } from './sales'
import { seedGuidance } from './guidance'
import { seedLearningCatalogues } from './learning'

export { seedLearningCatalogues, copyDefaultMedia } from './learning'

export const COUNTY_SIZE = 1300
const SEED = 20261123

/**
 * Seeds the demo county into an empty store: ~1,300 retailers, ~60 SKUs, the demo identities'
 * bindings. Deterministic: the same seed gives the same county everywhere.
 * Returns false (and writes nothing) when the store already holds a county.
 */
export interface SeedOptions {
  /** Twelve months of sales, purchases and stock counts (seed/sales.ts); on unless turned off. */
  shopData?: boolean
  /** The day the shop data runs up to (excluded), China time; today by default. */
  today?: string
  /** The default 学习 catalogues (courses, model stores); on unless turned off. Their media are copied by `copyDefaultMedia`. */
  learning?: boolean
}

export const seedDemoCounty = async (store: DocumentStore, size = COUNTY_SIZE, options: SeedOptions = {}): Promise<boolean> => {
  const db = repos(store)
  if ((await db.retailers.count({})) > 0) return false
  const rng = seeded(SEED)
  const skus = makeCatalogue(rng)
  const retailers = makeRetailers(rng, size, [...DEMO_SHOPS, { phone: UNBOUND_EXAMPLE.phone }])
  await db.skus.putMany(skus)
  // Bindings before retailers: a crash in between leaves the county unseeded, so the next start seeds again.
  await db.bindings.putMany(
    DEMO_RETAILERS.map(({ openId, licenseNo }) => ({ _id: licenseNo, openId, boundAt: '2026-01-01T00:00:00.000+08:00' })),
  )
  await seedDemoHelpers(store)
  if (options.learning ?? true) await seedLearningCatalogues(store)
  const today = options.today ?? chinaDate(Date.now())
  const demo = DEMO_RETAILERS.map((r) => r.licenseNo as string)
  // 福满 and the elderly village grocery run short of their best sellers; the village venue scans little.
  const hinted = { stockOuts: new Set([demo[0], demo[1]]), lowScan: new Set([demo[4]]) }
  if (options.shopData ?? true) await seedShopData(store, retailers, skus, { today, rawFor: new Set(demo), ...hinted })
  await db.retailers.putMany(retailers)
  if (options.shopData ?? true) {
    const hints = shopHints(retailers, hinted)
    const lowScan = new Set(retailers.filter((r) => hints.get(r.licenseNo)?.lowScan).map((r) => r.licenseNo))
    await seedGuidance(store, retailers, { today, lowScan, demo })
  }
  return true
}
