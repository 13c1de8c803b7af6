import { groupThousands } from './digits'

/**
 * The app's one copy of the time vocabulary (and of money, which the shared time module also
 * formats): constants, weekday names, durations and fen in words. It stands in for the shared
 * `cloudfunctions/core/time.ts`; once that exists, this file becomes a single re-export of the
 * same names and no page changes.
 */

export const SECOND_MS = 1000
export const MINUTE_MS = 60 * SECOND_MS
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

/** Monday first: the name of ISO weekday `w` (1 = Monday … 7 = Sunday, as chinaWeekday counts) is WEEKDAY_NAMES[w - 1]. */
export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/**
 * A duration as the countdown says it: "1天2小时3分4秒", leading zero units left out ("3分4秒").
 * Whole seconds rounded up, so "1秒" shows until the very instant the time is up.
 */
export const formatDuration = (ms: number): string => {
  const total = Math.max(0, Math.ceil(ms / SECOND_MS))
  const perDay = DAY_MS / SECOND_MS
  const perHour = HOUR_MS / SECOND_MS
  const perMinute = MINUTE_MS / SECOND_MS
  const parts: [number, string][] = [
    [Math.floor(total / perDay), '天'],
    [Math.floor((total % perDay) / perHour), '小时'],
    [Math.floor((total % perHour) / perMinute), '分'],
    [total % perMinute, '秒'],
  ]
  const first = parts.findIndex(([value]) => value > 0)
  return parts
    .slice(first === -1 ? parts.length - 1 : first)
    .map(([value, unit]) => `${value}${unit}`)
    .join('')
}

/**
 * Money as a shopkeeper says it. It arrives as integer fen and leaves as yuan: small sums keep
 * their jiao (¥68.5), everyday sums are whole yuan (¥5,778), and from ten thousand on they are
 * counted in 万 with one decimal (¥1.2万), which is how the trade talks about turnover.
 */
export const formatFen = (fen: number): string => {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  if (Math.round(abs / 100) >= 10_000) {
    // Tenths of 万 (100,000 fen each), rounded once, so ¥9,999.50 reads ¥1万 and never ¥10.0万.
    const tenths = Math.round(abs / 100_000)
    const decimal = tenths % 10
    return `${sign}¥${Math.floor(tenths / 10)}${decimal ? `.${decimal}` : ''}万`
  }
  if (abs < 10_000) return `${sign}¥${(abs / 100).toFixed(2).replace(/\.?0+$/, '')}`
  return `${sign}¥${groupThousands(Math.round(abs / 100))}`
}
