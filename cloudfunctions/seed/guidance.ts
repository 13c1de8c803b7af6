import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { addMonths, chinaDayStart, HOUR_MS } from '../core/time'
import type { DocumentStore, Notifier } from '../core/ports'
import type { MarketingMonth, Retailer } from '../core/model'
import { repos } from '../core/repos'
import { checkLibrary } from '../core/guidance/library'
import { defaultKnownTargets } from '../core/imports/applyGuidance'
import { buildMonth } from '../core/guidance/build'
import { seeded, type Random } from './random'
import type { BusinessType } from '../contracts/vocabulary'

/**
 * The demo county's guidance (guidance.md): thirteen months of marketing rows per shop, the
 * default strategy library, and last month's guides built as the monthly timer would build them.
 *
 * Believable and deterministic: grades drift a step now and then (a few jump two or three),
 * quotas follow the grade, terminal images are better in supermarkets and convenience stores and
 * improve slowly, new-retail scores are low where the POS scans little. The newest month's row is
 * the register's grade, integrity score and quota, as an import of it would make them.
 */

const SEED = 20261125
export const MARKETING_MONTHS = 13

const AREA: Record<BusinessType, [number, number]> = { 食杂店: [12, 45], 便利店: [35, 120], 超市: [80, 320], 烟酒店: [18, 70], 娱乐服务: [50, 220], 其他: [10, 45] }
/** Terminal image level weights (1…5) by business type. */
const LEVEL: Record<BusinessType, readonly number[]> = {
  食杂店: [3, 4, 3, 1, 0.3],
  便利店: [0.5, 2, 4, 3, 1],
  超市: [0.3, 1, 3, 4, 2],
  烟酒店: [0.5, 2, 4, 3, 1.5],
  娱乐服务: [1, 3, 3, 2, 0.5],
  其他: [3, 3, 2, 1, 0.2],
}

/** How the five demo shops read, so their guides show each kind of class (license order). */
const DEMO_DESIGN: readonly { gradeBefore?: number; newRetail: number; level: number; area: number }[] = [
  // 福满便利店: grade 20 → 18 last month (档位波动类), short of best sellers.
  { gradeBefore: 20, newRetail: 74, level: 2, area: 60 },
  // 王记食杂店: an elderly owner, new-retail score 48 (新零售指导类).
  { newRetail: 48, level: 3, area: 22 },
  // 鑫源烟酒店: a steady high grade, a good image, many key SKUs.
  { gradeBefore: 26, newRetail: 88, level: 4, area: 45 },
  // 万家超市: a big shop with a poor image: the most to gain from a model store (终端提升类).
  { newRetail: 81, level: 1, area: 180 },
  // 旺角休闲会所: scans little (新零售指导类).
  { newRetail: 52, level: 3, area: 120 },
]

const clamp = (x: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, x))
const one = (x: number): number => Math.round(x * 10) / 10

const levelOf = (rng: Random, type: BusinessType): number => rng.weighted(LEVEL[type].map((w, i) => [i + 1, w] as const))

/** Thirteen months of marketing rows for one shop, oldest first, the newest equal to the register. */
const shopMonths = (rng: Random, retailer: Retailer, months: readonly string[], lowScan: boolean, demo: (typeof DEMO_DESIGN)[number] | undefined): MarketingMonth[] => {
  const n = months.length
  const grades = new Array<number>(n)
  grades[n - 1] = retailer.grade
  for (let k = n - 1; k > 0; k--) {
    const roll = rng.next()
    const step = roll < 0.8 ? 0 : roll < 0.95 ? (rng.next() < 0.5 ? -1 : 1) : (rng.next() < 0.5 ? -1 : 1) * rng.int(2, 3)
    grades[k - 1] = clamp(grades[k] + step, 1, 30)
  }
  if (demo?.gradeBefore !== undefined) {
    grades[n - 2] = retailer.grade
    grades[n - 3] = demo.gradeBefore
  }
  const [minArea, maxArea] = AREA[retailer.businessType]
  const area = demo?.area ?? Math.round(minArea + rng.next() * (maxArea - minArea))
  // The image improves at most once in the year.
  const levelNow = demo?.level ?? levelOf(rng, retailer.businessType)
  const upgradedAt = levelNow > 1 && rng.next() < 0.25 ? rng.int(1, n - 1) : n
  const retailNow = demo?.newRetail ?? (lowScan ? 35 + rng.next() * 22 : clamp(78 + (rng.next() + rng.next() + rng.next() - 1.5) * 30, 40, 99))
  const retailStart = clamp(retailNow - 6 + rng.next() * 8, 20, 100)
  return months.map((month, k) => ({
    _id: `${retailer.licenseNo}|${month}`,
    licenseNo: retailer.licenseNo,
    month,
    grade: grades[k],
    integrityScore: k === n - 1 ? retailer.integrityScore : clamp(Math.round(retailer.integrityScore + rng.int(-3, 3)), 0, 100),
    monthlyQuotaCartons: Math.max(0, retailer.monthlyQuotaCartons + (grades[k] - retailer.grade) * 4),
    newRetailScore: one(k === n - 1 ? retailNow : retailStart + ((retailNow - retailStart) * k) / (n - 1)),
    terminalLevel: k < upgradedAt ? Math.max(1, levelNow - (upgradedAt < n ? 1 : 0)) : levelNow,
    shopAreaM2: area,
  }))
}

/** Marketing rows of the thirteen months up to `month` (the current one) for every shop. */
export const marketingFor = (retailers: readonly Retailer[], month: string, lowScan: ReadonlySet<string>, demo: readonly string[]): MarketingMonth[] => {
  const months = Array.from({ length: MARKETING_MONTHS }, (_, i) => addMonths(month, i - (MARKETING_MONTHS - 1)))
  return retailers.flatMap((retailer, index) => {
    const at = demo.indexOf(retailer.licenseNo)
    return shopMonths(seeded(SEED + 104729 * (index + 1)), retailer, months, lowScan.has(retailer.licenseNo), at >= 0 ? DEMO_DESIGN[at] : undefined)
  })
}

/** A CSV's records (RFC 4180: quoted fields with commas, doubled quotes and line breaks). */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

/** The default strategy library (defaults/strategies.csv), checked as its import checks it. */
export const defaultLibrary = (file = join(process.cwd(), 'cloudfunctions/defaults/strategies.csv')) => {
  if (!existsSync(file)) return []
  const checked = checkLibrary(parseCsv(readFileSync(file, 'utf8')), defaultKnownTargets())
  if (checked.problems.length > 0) throw new Error(`defaults/strategies.csv: ${checked.problems.map((p) => `row ${p.row} ${p.column} ${p.code}`).join('; ')}`)
  return checked.strategies
}

/** The seed has no WeChat: nobody holds a monthlyGuide consent yet, so nothing is sent. */
const noMessages: Notifier = { send: async () => ({ ok: false, reason: 'FAILED', detail: 'the seed sends nothing' }) }

/** Writes the marketing rows and the library, then builds last month's guides (and their notices). */
export const seedGuidance = async (store: DocumentStore, retailers: readonly Retailer[], options: { today: string; lowScan: ReadonlySet<string>; demo: readonly string[] }): Promise<void> => {
  const db = repos(store)
  const current = options.today.slice(0, 7)
  await db.marketingMonths.putMany(marketingFor(retailers, current, options.lowScan, options.demo))
  await db.strategies.putMany(defaultLibrary().map((s) => ({ _id: s.id, ...s })))
  // As the timer would at 09:00 on the 3rd: out of quiet hours, whatever the hour of seeding.
  const at = chinaDayStart(options.today) + 9 * HOUR_MS
  await buildMonth({ store, clock: { now: () => new Date(at) }, notifier: noMessages }, { month: addMonths(current, -1) })
}
