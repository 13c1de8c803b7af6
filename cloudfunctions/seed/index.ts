import type { DocumentStore } from '../core/ports'
import { repos } from '../core/repos'
import { seeded } from './random'
import { makeCatalogue } from './catalogue'
import { makeRetailers } from './county'
import { DEMO_IDENTITIES, DEMO_SHOPS, UNBOUND_EXAMPLE } from './identities'

export const COUNTY_SIZE = 1300
const SEED = 20261123

/**
 * Seeds the demo county into an empty store: ~1,300 retailers, ~60 SKUs, the demo identities'
 * bindings. Deterministic: the same seed gives the same county everywhere.
 * Returns false (and writes nothing) when the store already holds a county.
 */
export const seedDemoCounty = async (store: DocumentStore, size = COUNTY_SIZE): Promise<boolean> => {
  const db = repos(store)
  if ((await db.retailers.count({})) > 0) return false
  const rng = seeded(SEED)
  const skus = makeCatalogue(rng)
  const retailers = makeRetailers(rng, size, [...DEMO_SHOPS, { phone: UNBOUND_EXAMPLE.phone }])
  await db.skus.putMany(skus)
  // Bindings before retailers: a crash in between leaves the county unseeded, so the next start seeds again.
  await db.bindings.putMany(
    DEMO_IDENTITIES.map(({ openId, licenseNo }) => ({ _id: licenseNo, openId, boundAt: '2026-01-01T00:00:00.000+08:00' })),
  )
  await db.retailers.putMany(retailers)
  return true
}
