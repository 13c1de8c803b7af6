import type { Retailer } from '../core/model'
import type { Random } from './random'
import type { AreaType, BusinessType, OrderWindow } from '../contracts/vocabulary'

/** A fictional county (示范县): its districts (片区), each looked after by one customer manager. */
export const DISTRICTS = [
  { name: '城关一片', town: true, manager: '林志强' },
  { name: '城关二片', town: true, manager: '陈丽华' },
  { name: '岩溪片', town: false, manager: '黄建国' },
  { name: '陈巷片', town: false, manager: '吴美玲' },
  { name: '枋洋片', town: false, manager: '郑海涛' },
  { name: '坂里片', town: false, manager: '杨秀英' },
  { name: '武安片', town: true, manager: '张伟' },
  { name: '林墩片', town: false, manager: '刘芳' },
] as const

const TYPE_MIX: readonly (readonly [BusinessType, number])[] = [
  ['食杂店', 46], ['便利店', 20], ['超市', 9], ['烟酒店', 15], ['娱乐服务', 4], ['其他', 6],
]
/** Typical grade (档位) centre by business type: bigger shops sell more and sit higher. */
const GRADE_CENTRE: Record<BusinessType, number> = { 食杂店: 9, 便利店: 15, 超市: 20, 烟酒店: 19, 娱乐服务: 12, 其他: 8 }
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '吴', '林', '郑', '何', '罗', '蔡', '许', '叶', '苏']
const GIVEN = ['秀兰', '建华', '国强', '玉梅', '志明', '春花', '德福', '金水', '丽娟', '阿明', '桂英', '永福']
const SHOP_WORDS = ['福满', '兴旺', '家家乐', '好邻居', '顺心', '万家', '旺角', '佳佳', '鑫源', '便民', '惠民', '乐购']

export const COUNTY_CODE = '350625'
export const licenseOf = (n: number): string => `${COUNTY_CODE}${String(100000 + n).padStart(6, '0')}`

/**
 * Weekly windows as the county publishes them: most open Saturday 12:00 once the week's supply is
 * set and close the evening before the order day; others are same-day windows; some run
 * Saturday 12:00 → Monday 16:00.
 */
const orderWindow = (rng: Random): OrderWindow => {
  const kind = rng.weighted([['eve', 45], ['sameDay', 35], ['weekend', 20]] as const)
  if (kind === 'weekend') return { openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' }
  const closeWeekday = rng.int(1, 5)
  if (kind === 'sameDay') return { openWeekday: closeWeekday, openTime: '08:00', closeWeekday, closeTime: rng.pick(['16:00', '17:00', '12:00']) }
  return { openWeekday: 6, openTime: '12:00', closeWeekday, closeTime: '23:59' }
}

const phoneOf = (rng: Random): string => `1${rng.pick(['35', '38', '39', '58', '59', '87', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`

/** `fixed` shops (the demo identities) take the first license numbers, keeping the rest of the draw. */
export const makeRetailers = (rng: Random, count: number, fixed: readonly Partial<Retailer>[] = []): Retailer[] => {
  const managers = new Map<string, { name: string; phone: string }>(DISTRICTS.map((d) => [d.name, { name: d.manager, phone: phoneOf(rng) }]))
  const retailers: Retailer[] = []
  for (let n = 1; n <= count; n++) {
    const district = rng.pick(DISTRICTS)
    const businessType = rng.weighted(TYPE_MIX)
    const areaType: AreaType = district.town ? (rng.next() < 0.85 ? '城镇' : '乡村') : rng.next() < 0.75 ? '乡村' : '城镇'
    const grade = Math.max(1, Math.min(30, Math.round(GRADE_CENTRE[businessType] + (rng.next() + rng.next() + rng.next() - 1.5) * 10)))
    const ownerName = rng.pick(SURNAMES) + rng.pick(GIVEN)
    const shopName = `${rng.next() < 0.5 ? ownerName.slice(0, 1) + '记' : rng.pick(SHOP_WORDS)}${businessType === '其他' ? '商行' : businessType === '娱乐服务' ? '休闲会所' : businessType}`
    const licenseNo = licenseOf(n)
    const retailer: Retailer = {
      _id: licenseNo,
      licenseNo,
      shopName,
      ownerName,
      phone: phoneOf(rng),
      businessType,
      areaType,
      district: district.name,
      grade,
      integrityScore: Math.min(100, rng.int(62, 100) + (rng.next() < 0.05 ? -20 : 0)),
      monthlyQuotaCartons: grade * 4 + rng.int(0, 10),
      orderWindow: orderWindow(rng),
      manager: managers.get(district.name) as { name: string; phone: string },
    }
    const shop = fixed[n - 1]
    if (shop) Object.assign(retailer, shop, { manager: managers.get(shop.district ?? district.name) ?? retailer.manager })
    retailers.push(retailer)
  }
  return retailers
}
