import { DAY_MS, CHINA_OFFSET_MS, chinaWeekday } from '@core/time'
import { WEEKDAY_NAMES, formatDuration } from '@words/time'
import type { CalendarOverride, OrderWindow } from '@contracts'
import { currentCycle } from '@core/schedule'

/**
 * What the home page says about the order window at one instant: the same cycle arithmetic the
 * functions use (UTC+8, epoch ms), turned into plain Chinese. Pure, so it is tested with fixed
 * instants and the page only supplies `Date.now()` once a second.
 */
export interface OrderCountdown {
  phase: 'open' | 'upcoming'
  /** "距本周订货截止还有" or "距下次订货开始还有". */
  lead: string
  /** "1天2小时3分4秒" (formatDuration); leading zero units are left out ("3分4秒"). */
  remaining: string
  /** "周一 16:00 截止" or "周六 12:00 开始". */
  when: string
}

/**
 * "周一 16:00" in China time. Six days or more ahead the weekday alone could be read as today's
 * (a Tuesday window seen on Tuesday evening), so the date is added: "1月14日 周二 08:00".
 */
export const describeInstant = (at: number, now: number): string => {
  const local = new Date(at + CHINA_OFFSET_MS)
  const time = local.toISOString().slice(11, 16)
  const weekday = WEEKDAY_NAMES[chinaWeekday(at) - 1]
  if (at - now < 6 * DAY_MS) return `${weekday} ${time}`
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${weekday} ${time}`
}

/** "每周六 12:00 至周一 16:00"; a same-day window reads "每周二 08:00–16:00". */
export const describeWindow = (window: OrderWindow): string =>
  window.openWeekday === window.closeWeekday && window.openTime < window.closeTime
    ? `每${WEEKDAY_NAMES[window.openWeekday - 1]} ${window.openTime}–${window.closeTime}`
    : `每${WEEKDAY_NAMES[window.openWeekday - 1]} ${window.openTime} 至${WEEKDAY_NAMES[window.closeWeekday - 1]} ${window.closeTime}`

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
      remaining: formatDuration(current.msLeft),
      when: `${describeInstant(current.cycle.closesAt, now)} 截止`,
    }
  }
  return {
    phase: 'upcoming',
    lead: '距下次订货开始还有',
    remaining: formatDuration(current.msLeft),
    when: `${describeInstant(current.cycle.opensAt, now)} 开始`,
  }
}
