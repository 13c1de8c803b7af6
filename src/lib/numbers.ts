import { chinaWeekday } from '@core/schedule'
import { groupThousands } from './digits'
import { WEEKDAY_NAMES } from './time'

/**
 * Counts, shares, changes and dates as a shopkeeper says them (money: formatFen in ./time).
 */

/** A whole count with separators: 1,234. */
export const formatCount = (n: number): string => `${n < 0 ? '-' : ''}${groupThousands(Math.abs(Math.round(n)))}`

/** One decimal, dropped when it is zero: 10.4, 7, 0.7. */
export const formatOneDecimal = (n: number): string => {
  const rounded = Math.round(n * 10) / 10
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

/** A fraction as a whole percentage: 0.888 → "89%". */
export const formatShare = (fraction: number): string => `${Math.round(fraction * 100)}%`

/** A fraction as a percentage with one decimal, for margins that differ by tenths: 0.1208 → "12.1%". */
export const formatShareFine = (fraction: number): string => `${formatOneDecimal(fraction * 100)}%`

/** The words for a change against a base period ("上月", "去年同期"). */
export const describeChange = (base: string, change: number | null): string => {
  // A null change means the base period sold nothing: there is nothing to compare with.
  if (change === null) return `${base}无可比数据`
  const percent = Math.round(change * 100)
  if (percent === 0) return `与${base}持平`
  return `比${base} ${percent > 0 ? '+' : ''}${percent}%`
}

/** Which way a change went, for styling; the words above already say it without colour. */
export const changeDirection = (change: number | null): 'up' | 'down' | 'flat' => {
  const percent = change === null ? 0 : Math.round(change * 100)
  return percent > 0 ? 'up' : percent < 0 ? 'down' : 'flat'
}

/** "2026-11-05" → "11月5日". */
export const monthDay = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/** "2026-11-01" to "2026-11-23" → "11月1日–23日"; across months "10月27日–11月2日". */
export const dayRange = (from: string, to: string): string => {
  if (from === to) return monthDay(from)
  const end = from.slice(0, 7) === to.slice(0, 7) ? `${Number(to.slice(8, 10))}日` : monthDay(to)
  return `${monthDay(from)}–${end}`
}

/** "2026-11-05" → "周四", by the functions' own China-time weekday. */
export const weekdayOf = (date: string): string => WEEKDAY_NAMES[chinaWeekday(Date.parse(`${date}T12:00:00+08:00`)) - 1]
