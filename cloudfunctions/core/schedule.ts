import type { CalendarOverride, OrderWindow } from '../contracts/vocabulary'
import { MINUTE_MS, WEEK_MS, chinaDate, chinaDayStart, chinaWeekStart } from './time'
/**
 * The weekly order cycle. All wall-clock reasoning happens in China time (UTC+8, no daylight
 * saving), done with plain epoch arithmetic so the answer never depends on the time zone of
 * the server, the laptop or the phone.
 *
 * A window opens at (weekday, time) and closes at (weekday, time); it may span days and
 * midnight (Saturday 12:00 → Monday 16:00). A cycle is one occurrence of it, named by its local
 * close date. The open instant is inclusive, the close instant exclusive.
 */



export interface OrderCycle {
  /** Local close date of the cycle as scheduled, YYYY-MM-DD: its stable id. */
  cycleId: string
  opensAt: number
  closesAt: number
  override?: CalendarOverride
}

export type CyclePhase =
  | { phase: 'open'; cycle: OrderCycle; msLeft: number }
  | { phase: 'upcoming'; cycle: OrderCycle; msLeft: number }

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

export const isTime = (value: string): boolean => TIME.test(value)

const minuteOfDay = (time: string): number => {
  const match = TIME.exec(time)
  if (!match) throw new RangeError(`not a HH:mm time: ${time}`)
  return Number(match[1]) * 60 + Number(match[2])
}

/** Minutes since Monday 00:00. */
const minuteOfWeek = (weekday: number, time: string): number => {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw new RangeError(`not a weekday: ${weekday}`)
  return (weekday - 1) * 1440 + minuteOfDay(time)
}

/** How long a window stays open; a window that would close when it opens lasts a full week. */
export const windowLength = (window: OrderWindow): number => {
  const open = minuteOfWeek(window.openWeekday, window.openTime)
  const close = minuteOfWeek(window.closeWeekday, window.closeTime)
  const minutes = (close - open + 7 * 1440) % (7 * 1440)
  return (minutes === 0 ? 7 * 1440 : minutes) * MINUTE_MS
}


/** The regular (un-overridden) cycle whose close is the first one strictly after `at`. */
const regularCycleAfter = (window: OrderWindow, at: number): OrderCycle => {
  const closeOffset = minuteOfWeek(window.closeWeekday, window.closeTime) * MINUTE_MS
  let closesAt = chinaWeekStart(at) + closeOffset
  if (closesAt <= at) closesAt += WEEK_MS
  return { cycleId: chinaDate(closesAt), opensAt: closesAt - windowLength(window), closesAt }
}

const applyOverride = (cycle: OrderCycle, overrides: readonly CalendarOverride[]): OrderCycle | null => {
  const override = overrides.find((o) => o.cycleId === cycle.cycleId)
  if (!override) return cycle
  if (override.action === 'cancel') return null
  const opensAt = Date.parse(override.newOpen ?? '')
  const closesAt = Date.parse(override.newClose ?? '')
  if (!Number.isFinite(opensAt) || !Number.isFinite(closesAt) || closesAt <= opensAt) return cycle
  return { cycleId: cycle.cycleId, opensAt, closesAt, override }
}

/**
 * Cycles in order of close, starting with the earliest that has not closed at `at`.
 * A moved cycle may close up to `reach` weeks away from its regular date; scanning that many
 * weeks back keeps a cycle moved later from being skipped.
 */
export function* cyclesFrom(
  window: OrderWindow,
  at: number,
  overrides: readonly CalendarOverride[] = [],
  reach = 2,
): Generator<OrderCycle> {
  if (overrides.length === 0) return yield* regularCyclesFrom(window, at, reach)
  const first = regularCycleAfter(window, at - reach * WEEK_MS)
  const pending: OrderCycle[] = []
  for (let week = 0; ; week++) {
    const regular = { ...first, closesAt: first.closesAt + week * WEEK_MS, opensAt: first.opensAt + week * WEEK_MS }
    regular.cycleId = chinaDate(regular.closesAt)
    const cycle = applyOverride(regular, overrides)
    if (cycle && cycle.closesAt > at) pending.push(cycle)
    pending.sort((a, b) => a.closesAt - b.closesAt)
    // A cycle is safe to hand out once no later regular week could be moved in front of it.
    while (pending.length > 0 && pending[0].closesAt <= regular.closesAt - reach * WEEK_MS) {
      yield pending.shift() as OrderCycle
    }
    if (week > 520) return // ten years of cancellations: the window is gone
  }
}

/**
 * `cyclesFrom` without overrides: every cycle is the regular one, one week apart, so nothing is
 * held back to be sorted. Most shops have no override in any given week, and the home page and
 * the reminder planner ask on every call; this path allocates a cycle per week and nothing else.
 * It ends where the general path does (520 weeks after the first week it scans, `reach` before it).
 */
function* regularCyclesFrom(window: OrderWindow, at: number, reach: number): Generator<OrderCycle> {
  const { closesAt: first } = regularCycleAfter(window, at)
  const length = windowLength(window)
  for (let week = 0; week <= 521 - 2 * reach; week++) {
    const closesAt = first + week * WEEK_MS
    yield { cycleId: chinaDate(closesAt), opensAt: closesAt - length, closesAt }
  }
}

/** The cycle a retailer is in, or waiting for, at `at`. */
export const currentCycle = (
  window: OrderWindow,
  at: number,
  overrides: readonly CalendarOverride[] = [],
): CyclePhase => {
  const next = cyclesFrom(window, at, overrides).next()
  if (next.done) throw new RangeError('window has no future cycle')
  const cycle = next.value
  return at >= cycle.opensAt
    ? { phase: 'open', cycle, msLeft: cycle.closesAt - at }
    : { phase: 'upcoming', cycle, msLeft: cycle.opensAt - at }
}

/** The most recent cycle that closed at or before `at`. */
export const previousCycle = (
  window: OrderWindow,
  at: number,
  overrides: readonly CalendarOverride[] = [],
): OrderCycle => {
  // Start far enough back that the first cycle yielded is still before `at`: a week when no cycle
  // moves, six when cancellations may leave weeks without one.
  let last: OrderCycle | null = null
  for (const cycle of cyclesFrom(window, at - (overrides.length === 0 ? 1 : 6) * WEEK_MS, overrides)) {
    if (cycle.closesAt > at) break
    last = cycle
  }
  if (!last) throw new RangeError('no previous cycle in six weeks')
  return last
}


/** The cycle an order placed on local date `date` belongs to: the first one still open at that day's start. */
export const cycleOfOrderDate = (
  window: OrderWindow,
  date: string,
  overrides: readonly CalendarOverride[] = [],
): OrderCycle => currentCycle(window, chinaDayStart(date), overrides).cycle
