import { chinaFields, chinaWeekday } from '../core/time'

/**
 * Times and money as the app, the messages and the tools write them, always in China time. The
 * arithmetic is in `core/time.ts`; this is only the words.
 */

export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/** 1 = Monday … 7 = Sunday → 周一 … 周日. */
export const weekdayName = (weekday: number): string => WEEKDAY_NAMES[weekday - 1]

const two = (n: number): string => String(n).padStart(2, '0')
const hhmm = (at: number): string => {
  const f = chinaFields(at)
  return `${two(f.hours)}:${two(f.minutes)}`
}

/** For notices: `10月8日（周四）08:00`. */
export const chinaLabel = (at: number): string => {
  const f = chinaFields(at)
  return `${f.month}月${f.day}日（${weekdayName(chinaWeekday(at))}）${hhmm(at)}`
}

/** A subscribe message's `time` field: `2026年11月23日 16:00`. */
export const templateTime = (at: number): string => {
  const f = chinaFields(at)
  return `${f.year}年${f.month}月${f.day}日 ${hhmm(at)}`
}

/** How long is left, to the minute: `2小时5分钟`, `3天2小时`, `45分钟`. */
export const durationText = (ms: number): string => {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分钟` : `${hours}小时`
  return `${mins}分钟`
}
