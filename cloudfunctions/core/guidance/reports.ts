import { addMonths } from '../time'
import type { StoredGuide } from '../model'
import type { Repos } from '../repos'
import { byIds } from '../insights/reads'
import { monthId } from '../imports/weeks'
import { GUIDANCE_CLASSES, type ClassReason, type GuidanceClass, type StrategyEffectiveness } from '../../contracts/guidance'
import { EffectivenessTally } from './effectiveness'

/**
 * The company side (市场经营数字看板): the month's classes per retailer, the class counts per
 * district, and each strategy's effectiveness (guidance.md §5). Read from the stored guides a page
 * at a time, so a province's month costs a few hundred queries and flat memory.
 */

const PAGE = 500

/** A month's guides in license order, a page at a time. */
export async function* guidePages(db: Repos, month: string, size = PAGE): AsyncGenerator<StoredGuide[]> {
  let after = ''
  for (;;) {
    const page = await db.guides.find({ month, _id: { $gt: after } }, { sort: { _id: 1 }, limit: size })
    if (page.length > 0) yield page
    if (page.length < size) return
    after = page[page.length - 1]._id
  }
}

/** One row of `report -- classes`. */
export interface ClassRow {
  licenseNo: string
  shopName: string
  district: string
  /** In guidance.md's order; `stable` alone when in no target class. */
  classes: GuidanceClass[]
  keySkuScore: number
  potential: number
  reasons: ClassReason[]
}

/** Every pool member's classes, in license order; only one district's when `district` is given. */
export async function* classRows(db: Repos, month: string, district?: string): AsyncGenerator<ClassRow[]> {
  for await (const page of guidePages(db, month)) {
    const retailers = await byIds(db.retailers, page.map((g) => g.licenseNo))
    const rows: ClassRow[] = []
    for (const guide of page) {
      const retailer = retailers.get(guide.licenseNo)
      if (district !== undefined && retailer?.district !== district) continue
      rows.push({
        licenseNo: guide.licenseNo,
        shopName: retailer?.shopName ?? '',
        district: retailer?.district ?? '',
        classes: guide.classes.map((c) => c.id),
        keySkuScore: guide.keySkuScore,
        potential: guide.potential,
        reasons: guide.classes.flatMap((c) => c.reasons),
      })
    }
    if (rows.length > 0) yield rows
  }
}

export interface DistrictCounts {
  district: string
  retailers: number
  classes: Record<GuidanceClass, number>
}

/** How many of each district's pool members are in each class (a retailer counts in each of its classes), by district name. */
export const districtCounts = async (db: Repos, month: string): Promise<DistrictCounts[]> => {
  const byDistrict = new Map<string, DistrictCounts>()
  for await (const rows of classRows(db, month)) {
    for (const row of rows) {
      let counts = byDistrict.get(row.district)
      if (!counts) byDistrict.set(row.district, (counts = { district: row.district, retailers: 0, classes: Object.fromEntries(GUIDANCE_CLASSES.map((id) => [id, 0])) as Record<GuidanceClass, number> }))
      counts.retailers++
      for (const id of row.classes) counts.classes[id]++
    }
  }
  return [...byDistrict.values()].sort((a, b) => (a.district < b.district ? -1 : a.district > b.district ? 1 : 0))
}

export interface StrategyReportRow extends StrategyEffectiveness {
  title: string
  /** 有用 / 没用 given on the strategy in M−1's guides. */
  useful: number
  notUseful: number
}

/**
 * Each strategy matched in M−1 judged from M−1 to M (guidance.md §5), with the 有用 / 没用 its
 * recipients gave it on M−1's guides.
 */
export const strategyReport = async (db: Repos, month: string): Promise<StrategyReportRow[]> => {
  const before = addMonths(month, -1)
  const tally = new EffectivenessTally()
  const titles = new Map<string, string>()
  for await (const page of guidePages(db, before)) {
    const now = await byIds(db.guides, page.map((g) => monthId(g.licenseNo, month)))
    for (const last of page) {
      for (const s of last.strategies) if (!titles.has(s.id)) titles.set(s.id, s.title)
      tally.add(last, now.get(monthId(last.licenseNo, month)) ?? null)
    }
  }
  const verdicts = new Map<string, { useful: number; notUseful: number }>()
  let after = ''
  for (;;) {
    const page = await db.guideFeedback.find({ month: before, _id: { $gt: after } }, { sort: { _id: 1 }, limit: PAGE })
    for (const f of page) {
      const count = verdicts.get(f.strategyId) ?? { useful: 0, notUseful: 0 }
      count[f.verdict]++
      verdicts.set(f.strategyId, count)
    }
    if (page.length < PAGE) break
    after = page[page.length - 1]._id
  }
  return tally.result().map((row) => ({ ...row, title: titles.get(row.strategyId) ?? '', ...(verdicts.get(row.strategyId) ?? { useful: 0, notUseful: 0 }) }))
}
