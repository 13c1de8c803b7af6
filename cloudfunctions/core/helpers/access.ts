import { fail } from '../errors'
import type { Helper, Retailer } from '../model'
import type { Repos } from '../repos'
import { shopJoin } from '../identity'
import type { Doc, Join } from '../ports'
import type { HelperScope } from '../../contracts/vocabulary'

export const MAX_HELPERS_PER_RETAILER = 5
/** 一带三: a paired neighbour helps at most three shops. */
export const MAX_RETAILERS_PER_NEIGHBOUR = 3

/** What each scope lets a helper do, as the invite and the helper list say it. */
export const helperDocId = (licenseNo: string, openId: string): string => `${licenseNo}|${openId}`

/** Whether a helper holds any of `scopes` for the shop they help. */
const allows = (helper: Helper, scopes: readonly HelperScope[]): boolean => scopes.some((scope) => helper.scopes.includes(scope))

/**
 * The caller's standing as a helper of a shop, read fresh on every call so a removed helper or a
 * withdrawn scope takes effect at once. FORBIDDEN says the same whether the caller was never a
 * helper or lacks only this scope, so it cannot be used to probe who helps whom.
 */
export const helperAccess = async (db: Repos, caller: string, licenseNo: string, scope: HelperScope): Promise<Helper> => {
  const helper = await db.helpers.get(helperDocId(licenseNo, caller))
  if (!helper || !allows(helper, [scope])) return fail('FORBIDDEN', 'noScope')
  return helper
}

/**
 * The shop a call acts on: the caller's own shop, or — when the event names another shop — one
 * the caller helps with one of `scopes`; and, in the same read, the documents of `joins`, given the
 * field of the document found that holds the licence number (`_id` of a binding, `licenseNo` of a
 * helper). Ids in an event never reach a shop by themselves. A named shop is looked for among
 * those the caller helps first (one read); naming one's own shop costs a second.
 */
export const actingForWith = async <K extends string>(
  db: Repos,
  caller: string,
  licenseNo: string | undefined,
  scopes: readonly HelperScope[],
  joins: (licenceField: '_id' | 'licenseNo') => Record<K, Join>,
): Promise<{ retailer: Retailer; helper: Helper | null; joined: Record<K, Doc[]> }> => {
  if (licenseNo !== undefined) {
    const found = await db.helpers.findOneWith({ _id: helperDocId(licenseNo, caller) }, { ...joins('licenseNo'), shop: shopJoin('licenseNo') })
    if (found) {
      const helper = found.doc
      if (!allows(helper, scopes)) return fail('FORBIDDEN', 'noScope')
      const [retailer] = found.joined.shop as Retailer[]
      return retailer ? { retailer, helper, joined: found.joined } : fail('NOT_FOUND', 'retailerMissing')
    }
  }
  const own = await db.bindings.findOneWith({ openId: caller }, { ...joins('_id'), shop: shopJoin('_id') })
  if (licenseNo !== undefined && own?.doc._id !== licenseNo) return fail('FORBIDDEN', 'noScope')
  if (!own) return fail('NOT_BOUND', 'notBound')
  const [retailer] = own.joined.shop as Retailer[]
  return retailer ? { retailer, helper: null, joined: own.joined } : fail('NOT_FOUND', 'retailerMissing')
}

const noJoins = () => ({})

/** As actingForWith, reading the shop alone. */
export const actingFor = async (db: Repos, caller: string, licenseNo: string | undefined, scope: HelperScope): Promise<{ retailer: Retailer; helper: Helper | null }> => {
  const { retailer, helper } = await actingForWith(db, caller, licenseNo, [scope], noJoins)
  return { retailer, helper }
}

/** As actingFor, for a call any of `scopes` allows (the order history: `remind` or `order`). */
export const actingForAny = async (db: Repos, caller: string, licenseNo: string | undefined, scopes: readonly HelperScope[]): Promise<{ retailer: Retailer; helper: Helper | null }> => {
  const { retailer, helper } = await actingForWith(db, caller, licenseNo, scopes, noJoins)
  return { retailer, helper }
}
