import type { Deps } from './ports'
import { repos } from './repos'
import { ownShop } from './identity'
import type { HomeData } from '../contracts/results'

/** What the home page needs for a signed-in retailer: the shop, its grade and its order window. */
export const getHome = async (deps: Deps, caller: string): Promise<HomeData> => {
  const { retailer } = await ownShop(repos(deps.store), caller)
  return {
    shop: {
      licenseNo: retailer.licenseNo,
      shopName: retailer.shopName,
      grade: retailer.grade,
      district: retailer.district,
      businessType: retailer.businessType,
      areaType: retailer.areaType,
      integrityScore: retailer.integrityScore,
      monthlyQuotaCartons: retailer.monthlyQuotaCartons,
    },
    orderWindow: retailer.orderWindow,
    overrides: [],
    manager: retailer.manager,
  }
}
