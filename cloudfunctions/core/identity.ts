import { fail } from './errors'
import type { Binding, Retailer } from './model'
import type { Repos } from './repos'

/** The retailer a binding names; NOT_BOUND without a binding. */
export const boundRetailer = async (db: Repos, binding: Binding | undefined): Promise<Retailer> => {
  if (!binding) return fail('NOT_BOUND', 'notBound')
  return (await db.retailers.get(binding._id)) ?? fail('NOT_FOUND', 'retailerMissing')
}

/** The retailer the caller owns, or NOT_BOUND when this WeChat user has not bound one yet. */
export const ownRetailer = async (db: Repos, caller: string): Promise<{ retailer: Retailer; binding: Binding }> => {
  const [binding] = await db.bindings.find({ openId: caller }, { limit: 1 })
  return { retailer: await boundRetailer(db, binding), binding }
}
