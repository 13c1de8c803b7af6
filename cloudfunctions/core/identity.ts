import { fail } from './errors'
import type { Binding, Retailer } from './model'
import type { Doc, Join } from './ports'
import type { Repos } from './repos'

/** The shop itself, read with the document that names it (a binding, a helper) through `licenceField`. */
export const shopJoin = (licenceField: string): Join => ({ from: 'retailers', on: { local: licenceField, foreign: '_id' } })

/**
 * The retailer the caller owns — NOT_BOUND when this WeChat user has not bound one yet — and, in
 * the same read, the documents of `joins` (a page's settings, consents, newest guide: one round
 * trip for all of them). A binding's `_id` is its licence number, which joins correlate on.
 */
export const ownShopWith = async <K extends string>(
  db: Repos,
  caller: string,
  joins: Record<K, Join>,
): Promise<{ retailer: Retailer; binding: Binding; joined: Record<K, Doc[]> }> => {
  const found = await db.bindings.findOneWith({ openId: caller }, { ...joins, shop: shopJoin('_id') })
  if (!found) return fail('NOT_BOUND', 'notBound')
  const [retailer] = found.joined.shop as Retailer[]
  return retailer ? { retailer, binding: found.doc, joined: found.joined } : fail('NOT_FOUND', 'retailerMissing')
}

/** The retailer the caller owns, or NOT_BOUND when this WeChat user has not bound one yet. */
export const ownRetailer = async (db: Repos, caller: string): Promise<{ retailer: Retailer; binding: Binding }> => {
  const { retailer, binding } = await ownShopWith(db, caller, {})
  return { retailer, binding }
}

/**
 * Several reads of one shop's documents in one request: joins on the shop's own document, which
 * every read of them has in common (in CloudBase one `aggregate()`, in SQLite one transaction).
 * A join that can find nothing (no ids to read) is null, answered with no documents unasked.
 */
export const readWithShop = async <K extends string>(db: Repos, licenseNo: string, joins: Record<K, Join | null>): Promise<Record<K, Doc[]>> => {
  const asked = Object.fromEntries(Object.entries(joins).filter(([, join]) => join !== null)) as Record<K, Join>
  const found = await db.retailers.findOneWith({ _id: licenseNo }, asked)
  if (!found) return fail('NOT_FOUND', 'retailerMissing')
  return Object.fromEntries(Object.keys(joins).map((name) => [name, found.joined[name as K] ?? []])) as Record<K, Doc[]>
}
