import { CHINA_OFFSET_MS, chinaWeekday } from './schedule'

/**
 * Instants written for people and for the API, always in China time (UTC+8) by epoch
 * arithmetic, whatever the zone of the machine formatting them.
 */

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日']

/** The UTC fields of the instant shifted to UTC+8 are its China wall-clock fields. */
const fields = (at: number) => {
  const d = new Date(at + CHINA_OFFSET_MS)
  const two = (n: number) => String(n).padStart(2, '0')
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hhmm: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
    iso: `${d.toISOString().slice(0, 19)}+08:00`,
  }
}

/** ISO-8601 with the +08:00 offset: `2026-11-23T16:00:00+08:00`. */
export const chinaIso = (at: number): string => fields(at).iso

/** For notices: `10月8日（周四）08:00`. */
export const chinaLabel = (at: number): string => {
  const f = fields(at)
  return `${f.month}月${f.day}日（周${WEEKDAY_NAMES[chinaWeekday(at) - 1]}）${f.hhmm}`
}

/** A subscribe message's `time` field: `2026年11月23日 16:00`. */
export const templateTime = (at: number): string => {
  const f = fields(at)
  return `${f.year}年${f.month}月${f.day}日 ${f.hhmm}`
}

/** How long is left, in words: `2小时5分钟`, `3天2小时`, `45分钟`. */
export const durationText = (ms: number): string => {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分钟` : `${hours}小时`
  return `${mins}分钟`
}
