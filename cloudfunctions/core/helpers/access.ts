import { fail } from '../errors'
import type { Helper, Retailer } from '../model'
import type { Repos } from '../repos'
import { boundRetailer } from '../identity'
import type { HelperScope } from '../../contracts/vocabulary'

export const MAX_HELPERS_PER_RETAILER = 5
/** 一带三: a paired neighbour helps at most three shops. */
export const MAX_RETAILERS_PER_NEIGHBOUR = 3

/** What each scope lets a helper do, as the invite and the helper list say it. */
export const helperDocId = (licenseNo: string, openId: string): string => `${licenseNo}|${openId}`

/**
 * The caller's standing as a helper of a shop, read fresh on every call so a removed helper or a
 * withdrawn scope takes effect at once. FORBIDDEN says the same whether the caller was never a
 * helper or lacks only this scope, so it cannot be used to probe who helps whom.
 */
export const helperAccess = async (db: Repos, caller: string, licenseNo: string, scope: HelperScope): Promise<Helper> => {
  const helper = await db.helpers.get(helperDocId(licenseNo, caller))
  if (!helper || !helper.scopes.includes(scope)) return fail('FORBIDDEN', 'noScope')
  return helper
}

/**
 * The shop a call acts on: the caller's own shop, or — when the event names another shop — one
 * the caller helps with `scope`. Ids in an event never reach a shop by themselves.
 */
export const actingFor = async (
  db: Repos,
  caller: string,
  licenseNo: string | undefined,
  scope: HelperScope,
): Promise<{ retailer: Retailer; helper: Helper | null }> => {
  const [own] = await db.bindings.find({ openId: caller }, { limit: 1 })
  if (licenseNo === undefined || own?._id === licenseNo) return { retailer: await boundRetailer(db, own), helper: null }
  const helper = await helperAccess(db, caller, licenseNo, scope)
  const retailer = await db.retailers.get(licenseNo)
  return retailer ? { retailer, helper } : fail('NOT_FOUND', 'retailerMissing')
}

/** As actingFor, for a call any of `scopes` allows (the order history: `remind` or `order`). */
export const actingForAny = async (
  db: Repos,
  caller: string,
  licenseNo: string | undefined,
  scopes: readonly HelperScope[],
): Promise<{ retailer: Retailer; helper: Helper | null }> => {
  const [own] = await db.bindings.find({ openId: caller }, { limit: 1 })
  if (licenseNo === undefined || own?._id === licenseNo) return { retailer: await boundRetailer(db, own), helper: null }
  const helper = await db.helpers.get(helperDocId(licenseNo, caller))
  if (!helper || !scopes.some((scope) => helper.scopes.includes(scope))) return fail('FORBIDDEN', 'noScope')
  const retailer = await db.retailers.get(licenseNo)
  return retailer ? { retailer, helper } : fail('NOT_FOUND', 'retailerMissing')
}
