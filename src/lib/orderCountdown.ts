import { CHINA_OFFSET_MS, chinaWeekday } from '@core/time'
import { currentCycle } from '@core/schedule'
import type { CalendarOverride, OrderWindow } from '../../cloudfunctions/contracts/vocabulary'

/**
 * What the home page says about the order window at one instant: the same cycle arithmetic the
 * functions use (UTC+8, epoch ms), turned into plain Chinese. Pure, so it is tested with fixed
 * instants and the page only supplies `Date.now()` once a second.
 */
export interface OrderCountdown {
  phase: 'open' | 'upcoming'
  /** "距本周订货截止还有" or "距下次订货开始还有". */
  lead: string
  /** "1天2小时3分4秒"; leading zero units are left out ("3分4秒"). */
  remaining: string
  /** "周一 16:00 截止" or "周六 12:00 开始". */
  when: string
}

const SECOND = 1000
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** Whole seconds left, rounded up: "1秒" shows until the very instant the window turns. */
export const formatRemaining = (ms: number): string => {
  const total = Math.max(0, Math.ceil(ms / SECOND))
  const parts: [number, string][] = [
    [Math.floor(total / 86400), '天'],
    [Math.floor((total % 86400) / 3600), '小时'],
    [Math.floor((total % 3600) / 60), '分'],
    [total % 60, '秒'],
  ]
  const first = parts.findIndex(([value]) => value > 0)
  return parts
    .slice(first === -1 ? parts.length - 1 : first)
    .map(([value, unit]) => `${value}${unit}`)
    .join('')
}

/**
 * "周一 16:00" in China time. Six days or more ahead the weekday alone could be read as today's
 * (a Tuesday window seen on Tuesday evening), so the date is added: "1月14日 周二 08:00".
 */
export const describeInstant = (at: number, now: number): string => {
  const local = new Date(at + CHINA_OFFSET_MS)
  const time = local.toISOString().slice(11, 16)
  const weekday = WEEKDAYS[chinaWeekday(at) - 1]
  if (at - now < 6 * 86400 * SECOND) return `${weekday} ${time}`
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${weekday} ${time}`
}

/** "每周六 12:00 至周一 16:00"; a same-day window reads "每周二 08:00–16:00". */
export const describeWindow = (window: OrderWindow): string =>
  window.openWeekday === window.closeWeekday && window.openTime < window.closeTime
    ? `每${WEEKDAYS[window.openWeekday - 1]} ${window.openTime}–${window.closeTime}`
    : `每${WEEKDAYS[window.openWeekday - 1]} ${window.openTime} 至${WEEKDAYS[window.closeWeekday - 1]} ${window.closeTime}`

export const orderCountdown = (
  window: OrderWindow,
  now: number,
  overrides: readonly CalendarOverride[] = [],
): OrderCountdown => {
  const current = currentCycle(window, now, overrides)
  if (current.phase === 'open') {
    return {
      phase: 'open',
      lead: '距本周订货截止还有',
      remaining: formatRemaining(current.msLeft),
      when: `${describeInstant(current.cycle.closesAt, now)} 截止`,
    }
  }
  return {
    phase: 'upcoming',
    lead: '距下次订货开始还有',
    remaining: formatRemaining(current.msLeft),
    when: `${describeInstant(current.cycle.opensAt, now)} 开始`,
  }
}
