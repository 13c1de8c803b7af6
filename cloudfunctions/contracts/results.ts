import type { CalendarOverride, OrderWindow } from '../core/schedule'
import type { AreaType, BusinessType } from '../core/model'

export interface ShopCard {
  licenseNo: string
  shopName: string
  grade: number
  district: string
  businessType: BusinessType
  areaType: AreaType
  integrityScore: number
  monthlyQuotaCartons: number
}

export interface HomeData {
  shop: ShopCard
  orderWindow: OrderWindow
  /** Calendar changes to upcoming cycles; the client computes the countdown from these and its own clock. */
  overrides: CalendarOverride[]
  manager: { name: string; phone: string }
}

export interface BindResult {
  licenseNo: string
  shopName: string
}

/** What each function returns in `data` when it succeeds. */
export interface Results {
  ping: { pong: true }
  home: HomeData
  bindShop: BindResult
}
