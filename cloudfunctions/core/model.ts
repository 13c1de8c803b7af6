import type { OrderWindow } from './schedule'

/** Documents the core keeps. Money is integer fen (分); instants are epoch ms or ISO-8601. */

export const BUSINESS_TYPES = ['食杂店', '便利店', '超市', '烟酒店', '娱乐服务', '其他'] as const
export type BusinessType = (typeof BUSINESS_TYPES)[number]
export const AREA_TYPES = ['城镇', '乡村'] as const
export type AreaType = (typeof AREA_TYPES)[number]

/** A licensed shop (零售户), keyed by its 12-digit license number. */
export interface Retailer {
  _id: string
  licenseNo: string
  shopName: string
  ownerName: string
  phone: string
  businessType: BusinessType
  areaType: AreaType
  district: string
  grade: number
  integrityScore: number
  monthlyQuotaCartons: number
  orderWindow: OrderWindow
  manager: { name: string; phone: string }
}

/** A cigarette product (品规), keyed by its code. */
export interface Sku {
  _id: string
  skuCode: string
  name: string
  brand: string
  priceBand: string
  wholesaleFenPerCarton: number
  retailFenPerPack: number
  isKey: boolean
  isNew: boolean
}

/** The WeChat user who owns a shop's account; one per shop (keyed by license) and one shop per user. */
export interface Binding {
  _id: string
  openId: string
  boundAt: string
}

/** A counter in a time bucket, for rate limits. */
export interface Counter {
  _id: string
  count: number
  bucketEndsAt: number
}

/**
 * A company calendar change (calendar.csv): `scope` is a license number, a district name or `*`;
 * the id is `${scope}|${cycleCloseDate}` so re-importing a row replaces it.
 */
export interface CalendarEntry {
  _id: string
  scope: string
  cycleCloseDate: string
  action: 'cancel' | 'move'
  newOpen?: string
  newClose?: string
}

/** A retailer's order for one cycle; id `${licenseNo}|${cycleId}`. */
export interface OrderRecord {
  _id: string
  licenseNo: string
  cycleId: string
  /** self: the retailer tapped 我已订货; helper: 家人已代订; import: a purchase arrived from the marketing system. */
  source: 'self' | 'helper' | 'import'
  /** openid of whoever marked it, when a person did. */
  by?: string
  at: string
}
