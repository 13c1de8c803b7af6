import type { DocumentStore } from '../core/ports'
import type { DemoIdentities, DemoIdentity } from '../contracts/dev'
import { repos } from '../core/repos'
import type { Retailer } from '../core/model'
import { licenseOf } from './county'

/** The demo retailers: WeChat openids bound to retailers with different settings. */
export const DEMO_RETAILERS = [
  { openId: 'demo-retailer-1', licenseNo: licenseOf(1), label: '城镇便利店，周六 12:00 至周一 16:00 订货，已开启订货提醒' },
  { openId: 'demo-retailer-2', licenseNo: licenseOf(2), label: '乡村食杂店，店主年长，周二 08:00–16:00 订货' },
  { openId: 'demo-retailer-3', licenseNo: licenseOf(3), label: '城镇烟酒店，高档位，周六 12:00 至周三 23:59 订货' },
  { openId: 'demo-retailer-4', licenseNo: licenseOf(4), label: '城镇超市，周四 08:00–17:00 订货' },
  { openId: 'demo-retailer-5', licenseNo: licenseOf(5), label: '乡村娱乐服务，低诚信分，周五 08:00–12:00 订货' },
] as const

/** The demo helpers: WeChat users bound to no shop, helping one (see seed/helpers.ts). */
export const DEMO_HELPERS = [
  { openId: 'demo-family-1', helps: licenseOf(1), name: '林小燕（女儿）', label: '福满便利店的家人帮手：收提醒、代订货、看经营' },
] as const

/** Everyone the H5 sign-in screen offers, retailers first. */
export const DEMO_IDENTITIES = [...DEMO_RETAILERS, ...DEMO_HELPERS] as const

/** The first seeded retailers are made to match their identity's label. */
export const DEMO_SHOPS: Partial<Retailer>[] = [
  { shopName: '福满便利店', ownerName: '林志明', businessType: '便利店', areaType: '城镇', district: '城关一片', grade: 18, integrityScore: 92, monthlyQuotaCartons: 80, phone: '13800000001', orderWindow: { openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' } },
  { shopName: '王记食杂店', ownerName: '王秀兰', businessType: '食杂店', areaType: '乡村', district: '岩溪片', grade: 6, integrityScore: 88, monthlyQuotaCartons: 28, phone: '13800000002', orderWindow: { openWeekday: 2, openTime: '08:00', closeWeekday: 2, closeTime: '16:00' } },
  { shopName: '鑫源烟酒店', ownerName: '陈国强', businessType: '烟酒店', areaType: '城镇', district: '城关二片', grade: 26, integrityScore: 97, monthlyQuotaCartons: 120, phone: '13800000003', orderWindow: { openWeekday: 6, openTime: '12:00', closeWeekday: 3, closeTime: '23:59' } },
  { shopName: '万家超市', ownerName: '黄丽娟', businessType: '超市', areaType: '城镇', district: '武安片', grade: 22, integrityScore: 90, monthlyQuotaCartons: 96, phone: '13800000004', orderWindow: { openWeekday: 4, openTime: '08:00', closeWeekday: 4, closeTime: '17:00' } },
  { shopName: '旺角休闲会所', ownerName: '郑德福', businessType: '娱乐服务', areaType: '乡村', district: '陈巷片', grade: 10, integrityScore: 58, monthlyQuotaCartons: 44, phone: '13800000005', orderWindow: { openWeekday: 5, openTime: '08:00', closeWeekday: 5, closeTime: '12:00' } },
]

/** An unbound shop whose license and phone the "new user" flow can use on a laptop. */
export const UNBOUND_EXAMPLE = { licenseNo: licenseOf(6), phone: '13800000006' }

export const demoIdentities = async (store: DocumentStore): Promise<DemoIdentities> => {
  const db = repos(store)
  const shopName = async (licenseNo: string) => (await db.retailers.get(licenseNo))?.shopName ?? '（未找到）'
  const identities: DemoIdentity[] = await Promise.all([
    ...DEMO_RETAILERS.map(async ({ openId, licenseNo, label }) => ({ openId, label, shopName: await shopName(licenseNo), role: 'retailer' as const })),
    ...DEMO_HELPERS.map(async ({ openId, helps, label }) => ({ openId, label, shopName: await shopName(helps), role: 'helper' as const })),
  ])
  return { identities, newUser: UNBOUND_EXAMPLE }
}
