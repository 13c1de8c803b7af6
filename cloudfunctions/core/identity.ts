import { fail } from './errors'
import type { Binding, Retailer } from './model'
import type { Repos } from './repos'

/** The shop the caller owns, or NOT_BOUND when this WeChat user has not bound one yet. */
export const ownShop = async (db: Repos, caller: string): Promise<{ retailer: Retailer; binding: Binding }> => {
  const [binding] = await db.bindings.find({ openId: caller }, { limit: 1 })
  if (!binding) return fail('NOT_BOUND', 'notBound')
  const retailer = await db.retailers.get(binding._id)
  if (!retailer) return fail('NOT_FOUND', 'retailerMissing')
  return { retailer, binding }
}
