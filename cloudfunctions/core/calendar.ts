import { chinaDate, chinaDayStart, chinaIso, MINUTE_MS, WEEK_MS } from './time'
import type { CalendarEntry, Retailer } from './model'
import type { Repos } from './repos'
import type { DocumentStore, Filter, Join } from './ports'
import { VersionedCache } from './insights/freshness'
import { cyclesFrom } from './schedule'
import { holidayOf } from './holidays'
import type { CalendarNotice } from '../contracts/results'
import type { CalendarOverride, OrderWindow } from '../contracts/vocabulary'

/**
 * The company calendar (calendar.csv): holidays cancel or move a cycle for one shop (its license
 * number), a district, or everyone (`*`). When several rows name the same cycle close date for a
 * shop, the most specific wins: license over district over `*`.
 */

type Located = Pick<Retailer, 'licenseNo' | 'district'>

const specificity = (scope: string, retailer: Located): number =>
  scope === retailer.licenseNo ? 2 : scope === retailer.district ? 1 : scope === '*' ? 0 : -1

const asOverride = ({ cycleId, action, newOpen, newClose }: CalendarEntry): CalendarOverride =>
  action === 'move' ? { cycleId, action, newOpen, newClose } : { cycleId, action }

/** The overrides that apply to one shop, one per cycle close date, in date order. */
export const pickOverrides = (entries: readonly CalendarEntry[], retailer: Located): CalendarOverride[] => {
  const best = new Map<string, CalendarEntry>()
  for (const entry of entries) {
    const rank = specificity(entry.scope, retailer)
    if (rank < 0) continue
    const held = best.get(entry.cycleId)
    if (!held || rank > specificity(held.scope, retailer)) best.set(entry.cycleId, entry)
  }
  return [...best.values()].sort((a, b) => a.cycleId.localeCompare(b.cycleId)).map(asOverride)
}

/** The calendar entries that may apply to a shop: its licence's, its district's and everyone's. */
const scopesOf = (retailer: Located): Filter => ({ scope: { $in: [retailer.licenseNo, retailer.district, '*'] } })

/** Those entries read with the shop's other documents (see readWithShop). */
export const calendarJoin = (retailer: Located): Join => ({ from: 'calendar', where: scopesOf(retailer) })

export const overridesFor = async (db: Repos, retailer: Located): Promise<CalendarOverride[]> => pickOverrides(await db.calendar.find(scopesOf(retailer)), retailer)

/** A shop's own calendar rows, read with it: the rows its district and everyone share are kept (`overridesWith`). */
export const ownCalendarJoin = (licenceField: string): Join => ({ from: 'calendar', on: { local: licenceField, foreign: 'scope' } })

/**
 * Rows of a district and of everyone, kept per data version. Calendar rows arrive only by import,
 * and every import moves the version (read with the shop, so a kept answer costs nothing); the
 * time limit bounds a row written around an import's chunks. Every shop of a district shares one
 * entry, so 首页 reads no calendar at all while the calendar stands.
 */
const sharedRows = new VersionedCache<CalendarEntry[]>(10 * MINUTE_MS)

/** The overrides of a shop from its own rows (read with it) and the shared ones of its district, kept or read. */
export const overridesWith = async (store: DocumentStore, db: Repos, retailer: Located, own: readonly CalendarEntry[], version: number, now: number): Promise<CalendarOverride[]> => {
  const key = `${version}|${retailer.district}`
  let shared = sharedRows.get(store, key, now)
  if (!shared) {
    shared = await db.calendar.find({ scope: { $in: [retailer.district, '*'] } })
    sharedRows.set(store, key, shared, now)
  }
  return pickOverrides([...own, ...shared], retailer)
}

/** Overrides for many shops in one query (the timer plans a page of shops at a time). */
export const overridesForMany = async (db: Repos, retailers: readonly Located[]): Promise<Map<string, CalendarOverride[]>> => {
  const scopes = new Set<string>(['*'])
  for (const r of retailers) scopes.add(r.licenseNo).add(r.district)
  const entries = await db.calendar.find({ scope: { $in: [...scopes] } })
  return new Map(retailers.map((r) => [r.licenseNo, pickOverrides(entries, r)]))
}

/**
 * Calendar changes to this retailer's cycles in the next `weeks` weeks, with the holiday each is
 * for (the home page says 国庆期间订货时间调整为 10月8日（周四）08:00 至 10月9日（周五）16:00).
 */
export const calendarNotices = (
  window: OrderWindow,
  overrides: readonly CalendarOverride[],
  now: number,
  weeks = 3,
): CalendarNotice[] => {
  // Every notice is of an override.
  if (overrides.length === 0) return []
  const notices: CalendarNotice[] = []
  const dates = (o: CalendarOverride) => [o.cycleId, ...[o.newOpen, o.newClose].filter((d): d is string => !!d).map((d) => chinaDate(Date.parse(d)))]
  for (const cycle of cyclesFrom(window, now, overrides)) {
    if (cycle.closesAt > now + weeks * WEEK_MS) break
    if (!cycle.override) continue
    notices.push({ cycleId: cycle.cycleId, action: 'move', holiday: holidayOf(dates(cycle.override)), opensAt: chinaIso(cycle.opensAt), closesAt: chinaIso(cycle.closesAt) })
  }
  // Cancelled cycles never come out of cyclesFrom, so they are found from the overrides themselves.
  const horizon = chinaDate(now + weeks * WEEK_MS)
  for (const o of overrides) {
    if (o.action !== 'cancel' || o.cycleId < chinaDate(now) || o.cycleId > horizon) continue
    const regularClose = regularCloseOn(window, o.cycleId)
    if (regularClose === null || regularClose <= now) continue
    notices.push({ cycleId: o.cycleId, action: 'cancel', holiday: holidayOf(dates(o)), closesAt: chinaIso(regularClose) })
  }
  return notices.sort((a, b) => a.cycleId.localeCompare(b.cycleId))
}

/** The regular close instant of a window on a local date, or null when the window does not close that day. */
const regularCloseOn = (window: OrderWindow, date: string): number | null => {
  const cycle = cyclesFrom(window, chinaDayStart(date) - 1).next().value
  return cycle && cycle.cycleId === date ? cycle.closesAt : null
}
