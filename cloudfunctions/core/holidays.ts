import type { Holiday } from '../contracts/vocabulary'
import { DAY_MS, chinaDayStart } from './time'

/**
 * The one holiday table: public holidays on fixed dates (MM-DD ranges, inclusive) and the first
 * day of the lunar year (春节) by year. The calendar names a change by it; the demo seed shapes
 * its sales around it.
 */

const FIXED: readonly { holiday: Holiday; from: string; to: string }[] = [
  { holiday: 'newYear', from: '12-30', to: '01-03' },
  { holiday: 'labourDay', from: '04-29', to: '05-06' },
  { holiday: 'nationalDay', from: '09-29', to: '10-08' },
]

export const SPRING_FESTIVAL_DAYS: readonly string[] = [
  '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03', '2031-01-23',
]

/** The holiday a date belongs to: fixed ranges, or a week before to ten days after 春节; null for none. */
export const holidayOn = (date: string): Holiday | null => {
  const monthDay = date.slice(5)
  for (const h of FIXED) {
    const inside = h.from <= h.to ? monthDay >= h.from && monthDay <= h.to : monthDay >= h.from || monthDay <= h.to
    if (inside) return h.holiday
  }
  const festival = SPRING_FESTIVAL_DAYS.find((d) => d.slice(0, 4) === date.slice(0, 4))
  if (festival) {
    const offset = (chinaDayStart(date) - chinaDayStart(festival)) / DAY_MS
    if (offset >= -7 && offset <= 10) return 'springFestival'
  }
  return null
}

/** The holiday a calendar change is for, judged from the dates it touches; null when none is known. */
export const holidayOf = (dates: readonly string[]): Holiday | null => {
  for (const date of dates) {
    const holiday = holidayOn(date)
    if (holiday) return holiday
  }
  return null
}
