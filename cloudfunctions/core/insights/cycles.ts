import type { CalendarEntry, Retailer } from '../model'
import type { Repos } from '../repos'
import { chinaDate, cyclesFrom, type CalendarOverride, type OrderCycle } from '../schedule'
import { addDays } from './days'

/** Goods ordered in a cycle arrive the day after it closes (the county's usual 次日送货). */
export const DELIVERY_LAG_DAYS = 1

/** The calendar entries that apply to a retailer — its own, its district's, everyone's (`*`) — most specific first. */
export const overridesAmong = (entries: readonly CalendarEntry[], retailer: Pick<Retailer, 'licenseNo' | 'district'>): CalendarOverride[] => {
  const rank = (entry: CalendarEntry) => (entry.scope === retailer.licenseNo ? 0 : entry.scope === retailer.district ? 1 : entry.scope === '*' ? 2 : -1)
  return entries
    .filter((entry) => rank(entry) >= 0)
    .sort((a, b) => rank(a) - rank(b))
    .map(({ cycleCloseDate, action, newOpen, newClose }) => ({ cycleCloseDate, action, newOpen, newClose }))
}

export const overridesFor = async (db: Repos, retailer: Pick<Retailer, 'licenseNo' | 'district'>): Promise<CalendarOverride[]> =>
  overridesAmong(await db.calendar.find({ scope: { $in: [retailer.licenseNo, retailer.district, '*'] } }), retailer)

export const deliveryDate = (cycle: OrderCycle): string => addDays(chinaDate(cycle.closesAt), DELIVERY_LAG_DAYS)

/** The next two cycles still to close after `at`: the one to order in now, and the one after it. */
export const nextTwoCycles = (
  window: Retailer['orderWindow'],
  at: number,
  overrides: readonly CalendarOverride[],
): [OrderCycle, OrderCycle] => {
  const cycles = cyclesFrom(window, at, overrides)
  const first = cycles.next()
  const second = cycles.next()
  if (first.done || second.done) throw new RangeError('window has no future cycles')
  return [first.value, second.value]
}
