import { HOUR_MS, DAY_MS, CHINA_OFFSET_MS, chinaDate, chinaDayStart } from '../time'
import { cyclesFrom, type OrderCycle } from '../schedule'
import { REMINDER_OFFSETS, type ReminderOffset, type CalendarOverride, type OrderWindow } from '../../contracts/vocabulary'

/**
 * When a retailer is reminded: pure arithmetic on the order cycle, in China time.
 *
 * - atOpen: as the window opens; closingDayNoon: 12:00 on the last day of the window;
 *   twoHoursBefore: 2 hours before it closes. A reminder outside the window is dropped.
 * - Quiet hours 21:00–08:00 move a reminder to 08:00. When 08:00 would be at or after the
 *   close, the reminder stays where it was: the deadline outranks the quiet hours, since a
 *   reminder after the close is worth nothing.
 * - Two reminders landing on one instant go out once, as the later offset (the more urgent text).
 */

export const QUIET_HOURS = { from: '21:00', to: '08:00' } as const
const QUIET_FROM = 21 * HOUR_MS
const QUIET_TO = 8 * HOUR_MS

export const DEFAULT_OFFSETS: Readonly<Record<ReminderOffset, boolean>> = { atOpen: true, closingDayNoon: true, twoHoursBefore: true }

export interface PlannedReminder {
  cycle: OrderCycle
  offset: ReminderOffset
  at: number
  /** The cycle's last reminder: when the retailer has not ordered by then, helpers are reminded too. */
  last: boolean
}

const scheduledAt = (offset: ReminderOffset, cycle: OrderCycle): number => {
  if (offset === 'atOpen') return cycle.opensAt
  // The last day one can order on: a window closing at 00:00 ends the day before.
  if (offset === 'closingDayNoon') return chinaDayStart(chinaDate(cycle.closesAt - 1)) + 12 * HOUR_MS
  return cycle.closesAt - 2 * HOUR_MS
}

/** Moves an instant in quiet hours to the next 08:00, unless that is not before `closesAt`. */
export const outOfQuietHours = (at: number, closesAt: number): number => {
  const msOfDay = (((at + CHINA_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS
  if (msOfDay >= QUIET_TO && msOfDay < QUIET_FROM) return at
  const midnight = at - msOfDay
  const morning = msOfDay >= QUIET_FROM ? midnight + DAY_MS + QUIET_TO : midnight + QUIET_TO
  return morning < closesAt ? morning : at
}

/** The reminders of one cycle, in time order. */
export const remindersOfCycle = (cycle: OrderCycle, offsets: Readonly<Record<ReminderOffset, boolean>>): PlannedReminder[] => {
  const planned = REMINDER_OFFSETS.filter((offset) => offsets[offset])
    .map((offset) => ({ offset, at: scheduledAt(offset, cycle) }))
    .filter(({ at }) => at >= cycle.opensAt && at < cycle.closesAt)
    .map(({ offset, at }) => ({ offset, at: outOfQuietHours(at, cycle.closesAt) }))
    .sort((a, b) => a.at - b.at || REMINDER_OFFSETS.indexOf(a.offset) - REMINDER_OFFSETS.indexOf(b.offset))
  const once = planned.filter((r, i) => planned[i + 1]?.at !== r.at)
  return once.map((r, i) => ({ cycle, offset: r.offset, at: r.at, last: i === once.length - 1 }))
}

const anyOn = (offsets: Readonly<Record<ReminderOffset, boolean>>): boolean => REMINDER_OFFSETS.some((o) => offsets[o])

/** Reminders with `from < at <= to`, in time order. */
export const remindersBetween = (
  window: OrderWindow,
  overrides: readonly CalendarOverride[],
  offsets: Readonly<Record<ReminderOffset, boolean>>,
  from: number,
  to: number,
): PlannedReminder[] => {
  if (!anyOn(offsets) || to <= from) return []
  const due: PlannedReminder[] = []
  for (const cycle of cyclesFrom(window, from, overrides)) {
    if (cycle.opensAt > to) break
    for (const r of remindersOfCycle(cycle, offsets)) if (r.at > from && r.at <= to) due.push(r)
  }
  return due.sort((a, b) => a.at - b.at)
}

/** The first `count` reminders strictly after `after`, in time order. */
export const remindersAfter = (
  window: OrderWindow,
  overrides: readonly CalendarOverride[],
  offsets: Readonly<Record<ReminderOffset, boolean>>,
  after: number,
  count = 1,
): PlannedReminder[] => {
  if (!anyOn(offsets)) return []
  const found: PlannedReminder[] = []
  let cycles = 0
  for (const cycle of cyclesFrom(window, after, overrides)) {
    // Cycles come in order of close; one opening after the count-th reminder found cannot add an earlier one.
    if (found.length >= count && cycle.opensAt > found[count - 1].at) break
    if (++cycles > 8) break // offsets that never fit this window (e.g. noon for a window closing at 10:00)
    for (const r of remindersOfCycle(cycle, offsets)) if (r.at > after) found.push(r)
    found.sort((a, b) => a.at - b.at)
  }
  return found.slice(0, count)
}

export const nextReminderAfter = (
  window: OrderWindow,
  overrides: readonly CalendarOverride[],
  offsets: Readonly<Record<ReminderOffset, boolean>>,
  after: number,
): number | null => remindersAfter(window, overrides, offsets, after, 1)[0]?.at ?? null
