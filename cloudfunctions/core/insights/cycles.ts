import { addDays, chinaDate } from '../time'
import type { Retailer } from '../model'
import { cyclesFrom, type OrderCycle } from '../schedule'
import type { CalendarOverride } from '../../contracts/vocabulary'

/** Goods ordered in a cycle arrive the day after it closes (the county's usual 次日送货). */
export const DELIVERY_LAG_DAYS = 1

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
