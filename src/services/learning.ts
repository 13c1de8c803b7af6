import type { AreaType, BusinessType } from '@contracts'
import type { CoursesData, ModelStoresData } from '@contracts/learning'
import { call } from './client'

/**
 * 学习's lists, which the tab in the main package shows. A course and its progress (./course.ts) and a model
 * store (./modelStore.ts) are asked only from the packages/learn pages, so their code stays in that subpackage.
 */

/** `retailer`: a shop the caller helps with `insights` (a helper may watch for the shop); absent: the caller's own. */
export const forShop = (retailer?: string) => (retailer ? { retailer } : {})

export const fetchCourses = (retailer?: string): Promise<CoursesData> => call('courses', forShop(retailer))

export interface StoreFilters {
  businessType?: BusinessType
  areaType?: AreaType
  district?: string
}

export const fetchModelStores = (filters: StoreFilters = {}, retailer?: string): Promise<ModelStoresData> =>
  call('modelStores', { ...filters, ...forShop(retailer) })
