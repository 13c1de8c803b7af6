import type { ModelStoreDetail } from '@contracts/learning'
import { call } from './client'
import { forShop } from './learning'

/** One model store (示范店) beside the shop's own figures. */
export const fetchModelStore = (id: string, retailer?: string): Promise<ModelStoreDetail> => call('modelStore', { id, ...forShop(retailer) })
