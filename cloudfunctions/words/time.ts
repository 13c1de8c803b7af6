import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'
import { CHINA_OFFSET_MS, MINUTE_MS, chinaWeekday } from '../core/time'

/**
 * Times and money as the app, the messages and the tools write them, always in China time. The
 * arithmetic is in `core/time.ts`; this is only the words.
 */

export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/** 1 = Monday … 7 = Sunday → 周一 … 周日. */
export const weekdayName = (weekday: number): string => WEEKDAY_NAMES[weekday - 1]

dayjs.extend(utc)

/** An instant on China's wall clock, in Chinese: dayjs with its zh-cn locale, fixed at UTC+8 whatever the machine's zone. */
const inChina = (at: number) => dayjs(at).utcOffset(CHINA_OFFSET_MS / MINUTE_MS).locale('zh-cn')

/** For notices: `10月8日（周四）08:00`. */
export const chinaLabel = (at: number): string => inChina(at).format('M月D日（ddd）HH:mm')

/** A subscribe message's `time` field: `2026年11月23日 16:00`. */
export const templateTime = (at: number): string => inChina(at).format('YYYY年M月D日 HH:mm')

/** How long is left, to the minute, for a message read later: `2小时5分钟`, `3天2小时`, `45分钟`. */
export const durationText = (ms: number): string => {
  const minutes = Math.max(0, Math.floor(ms / MINUTE_MS))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分钟` : `${hours}小时`
  return `${mins}分钟`
}

/**
 * A duration as the countdown says it: "1天2小时3分4秒", leading zero units left out ("3分4秒").
 * Whole seconds rounded up, so "1秒" shows until the very instant the time is up.
 */
export const formatDuration = (ms: number): string => {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const perDay = 86400
  const perHour = 3600
  const perMinute = 60
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

/** "2026-11-05" → "11月5日". */
export const monthDay = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/** "2026-11-01" to "2026-11-23" → "11月1日–23日"; across months "10月27日–11月2日". */
export const dayRange = (from: string, to: string): string => {
  if (from === to) return monthDay(from)
  const end = from.slice(0, 7) === to.slice(0, 7) ? `${Number(to.slice(8, 10))}日` : monthDay(to)
  return `${monthDay(from)}–${end}`
}

/** "2026-11-05" → "周四", by the functions' own China-time weekday. */
export const weekdayOf = (date: string): string => weekdayName(chinaWeekday(Date.parse(`${date}T12:00:00+08:00`)))

/** A month as people say it: 2026-10 → 2026年10月. */
export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`
