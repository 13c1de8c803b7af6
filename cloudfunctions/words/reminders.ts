import type { InboxEntry, ReminderOffset, ReminderOutcome } from '../contracts'
import { chinaLabel } from './time'

const REMINDER_WORDS: Readonly<Record<ReminderOffset, string>> = {
  atOpen: '订货开始提醒',
  closingDayNoon: '截止日中午提醒',
  twoHoursBefore: '截止前 2 小时提醒',
}

export const OUTCOME_WORDS: Readonly<Record<ReminderOutcome, string>> = {
  sent: '已发送',
  noConsent: '未发送：提醒次数已用完',
  failed: '发送失败',
  missed: '未发送：已错过提醒时间',
}

/** The title of a reminder in 消息: what kind it was, or 家人未订货提醒 for a helper. */
export const reminderTitle = (message: Pick<InboxEntry, 'role' | 'offset'>): string =>
  message.role === 'helper' ? '家人未订货提醒' : REMINDER_WORDS[message.offset]

/**
 * The reminders card in words: "每周提醒 3 次（订货开始时、截止当天 12:00、截止前 2 小时）；还可提醒 20 次，约够 6 周".
 * Each reminder spends one consent, so `left ÷ perWeek` is how many weeks they last.
 */
export const remindersPlanText = (perWeek: number, left: number): string => {
  if (perWeek === 0) return `每周不提醒（三个提醒时间都关了）；还可提醒 ${left} 次`
  const weeks = Math.floor(left / perWeek)
  const lasts = left === 0 ? '提醒次数已用完' : weeks === 0 ? `还可提醒 ${left} 次，不够一周` : `还可提醒 ${left} 次，约够 ${weeks} 周`
  return `每周提醒 ${perWeek} 次；${lasts}`
}

/** The offsets turned on, in words: "订货开始时、截止当天 12:00、截止前 2 小时". */
export const OFFSET_WORDS: Readonly<Record<ReminderOffset, string>> = {
  atOpen: '订货开始时',
  closingDayNoon: '截止当天 12:00',
  twoHoursBefore: '截止前 2 小时',
}

/** "11月30日（周一）16:00 截止的那期订货": which cycle a reminder was about. */
export const cycleText = (closesAt: number): string => `${chinaLabel(closesAt)} 截止的那期订货`
