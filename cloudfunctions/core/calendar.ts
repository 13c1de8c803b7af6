import type { CalendarEntry, Retailer } from './model'
import type { Repos } from './repos'
import { chinaDate, chinaDayStart, cyclesFrom, WEEK_MS, type CalendarOverride, type OrderWindow } from './schedule'
import { chinaLabel } from './chinaTime'
import type { CalendarNotice } from '../contracts/results'

/**
 * The company calendar (calendar.csv): holidays cancel or move a cycle for one shop (its license
 * number), a district, or everyone (`*`). When several rows name the same cycle close date for a
 * shop, the most specific wins: license over district over `*`.
 */

type Located = Pick<Retailer, 'licenseNo' | 'district'>

const specificity = (scope: string, retailer: Located): number =>
  scope === retailer.licenseNo ? 2 : scope === retailer.district ? 1 : scope === '*' ? 0 : -1

const asOverride = ({ cycleCloseDate, action, newOpen, newClose }: CalendarEntry): CalendarOverride =>
  action === 'move' ? { cycleCloseDate, action, newOpen, newClose } : { cycleCloseDate, action }

/** The overrides that apply to one shop, one per cycle close date, in date order. */
export const pickOverrides = (entries: readonly CalendarEntry[], retailer: Located): CalendarOverride[] => {
  const best = new Map<string, CalendarEntry>()
  for (const entry of entries) {
    const rank = specificity(entry.scope, retailer)
    if (rank < 0) continue
    const held = best.get(entry.cycleCloseDate)
    if (!held || rank > specificity(held.scope, retailer)) best.set(entry.cycleCloseDate, entry)
  }
  return [...best.values()].sort((a, b) => a.cycleCloseDate.localeCompare(b.cycleCloseDate)).map(asOverride)
}

export const overridesFor = async (db: Repos, retailer: Located): Promise<CalendarOverride[]> =>
  pickOverrides(await db.calendar.find({ scope: { $in: [retailer.licenseNo, retailer.district, '*'] } }), retailer)

/** Overrides for many shops in one query (the timer plans a page of shops at a time). */
export const overridesForMany = async (db: Repos, retailers: readonly Located[]): Promise<Map<string, CalendarOverride[]>> => {
  const scopes = new Set<string>(['*'])
  for (const r of retailers) scopes.add(r.licenseNo).add(r.district)
  const entries = await db.calendar.find({ scope: { $in: [...scopes] } })
  return new Map(retailers.map((r) => [r.licenseNo, pickOverrides(entries, r)]))
}

/** Public holidays on fixed dates (MM-DD ranges) and Spring Festival's first day by year. */
const FIXED_HOLIDAYS: readonly { name: string; from: string; to: string }[] = [
  { name: '元旦', from: '12-30', to: '01-03' },
  { name: '劳动节', from: '04-29', to: '05-06' },
  { name: '国庆', from: '09-29', to: '10-08' },
]
const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03',
}
const DAY = 86_400_000

/** The holiday a calendar change is for, judged from the dates it touches; 节假日 when none is known. */
export const holidayName = (dates: readonly string[]): string => {
  for (const date of dates) {
    const monthDay = date.slice(5)
    for (const h of FIXED_HOLIDAYS) {
      const inside = h.from <= h.to ? monthDay >= h.from && monthDay <= h.to : monthDay >= h.from || monthDay <= h.to
      if (inside) return h.name
    }
    const festival = SPRING_FESTIVAL[Number(date.slice(0, 4))]
    if (festival) {
      const offset = (chinaDayStart(date) - chinaDayStart(festival)) / DAY
      if (offset >= -7 && offset <= 10) return '春节'
    }
  }
  return '节假日'
}

/**
 * What the home page says about calendar changes to this shop's cycles in the next `weeks` weeks,
 * e.g. 国庆期间订货时间调整为 10月8日（周四）08:00 至 10月9日（周五）16:00.
 */
export const calendarNotices = (
  window: OrderWindow,
  overrides: readonly CalendarOverride[],
  now: number,
  weeks = 3,
): CalendarNotice[] => {
  const notices: CalendarNotice[] = []
  const dates = (o: CalendarOverride) => [o.cycleCloseDate, ...[o.newOpen, o.newClose].filter((d): d is string => !!d).map((d) => chinaDate(Date.parse(d)))]
  for (const cycle of cyclesFrom(window, now, overrides)) {
    if (cycle.closesAt > now + weeks * WEEK_MS) break
    if (!cycle.override) continue
    const name = holidayName(dates(cycle.override))
    notices.push({ cycleId: cycle.cycleId, action: 'move', text: `${name}期间订货时间调整为 ${chinaLabel(cycle.opensAt)} 至 ${chinaLabel(cycle.closesAt)}` })
  }
  // Cancelled cycles never come out of cyclesFrom, so they are found from the overrides themselves.
  const horizon = chinaDate(now + weeks * WEEK_MS)
  for (const o of overrides) {
    if (o.action !== 'cancel' || o.cycleCloseDate < chinaDate(now) || o.cycleCloseDate > horizon) continue
    const regularClose = regularCloseOn(window, o.cycleCloseDate)
    if (regularClose === null || regularClose <= now) continue
    notices.push({ cycleId: o.cycleCloseDate, action: 'cancel', text: `${holidayName(dates(o))}期间暂停订货：原定 ${chinaLabel(regularClose)} 截止的订货取消` })
  }
  return notices.sort((a, b) => a.cycleId.localeCompare(b.cycleId))
}

/** The regular close instant of a window on a local date, or null when the window does not close that day. */
const regularCloseOn = (window: OrderWindow, date: string): number | null => {
  const cycle = cyclesFrom(window, chinaDayStart(date) - 1).next().value
  return cycle && cycle.cycleId === date ? cycle.closesAt : null
}
