import type { InboxEntry, ReminderOffset, ReminderOutcome } from '../contracts'

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
