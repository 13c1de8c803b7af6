import type { Retailer, ReminderOffset, SubscribeTemplate } from '../model'
import type { SubscribeMessage } from '../ports'
import type { OrderCycle } from '../schedule'
import { fitSubscribeData } from '../messages'
import { durationText, templateTime } from '../chinaTime'

/**
 * The order reminder, as the `orderReminder` template lays it out (choose a template with these
 * keywords in the WeChat console): thing1 店铺名称, time2 截止时间, thing3 温馨提示.
 */
export const ORDER_REMINDER: SubscribeTemplate = 'orderReminder'

/** Where a tap on the message lands: the home page; a helper's names the shop they help. */
export const REMINDER_PAGE = 'pages/index/index'
export const helperReminderPage = (licenseNo: string): string => `${REMINDER_PAGE}?retailer=${licenseNo}`

/** Fits WeChat's `thing` limit (20 characters) with the longest duration text, 6天23小时. */
export const reminderTip = (role: 'owner' | 'helper', offset: ReminderOffset, msLeft: number): string => {
  const left = durationText(msLeft)
  if (role === 'helper') return `家人还未订货，还剩${left}`
  if (offset === 'atOpen') return `本周订货已开始，${left}后截止`
  if (offset === 'closingDayNoon') return `今天截止订货，还剩${left}`
  return `订货即将截止，还剩${left}`
}

export interface ReminderContent {
  key: string
  toOpenId: string
  role: 'owner' | 'helper'
  retailer: Pick<Retailer, 'licenseNo' | 'shopName'>
  cycle: OrderCycle
  offset: ReminderOffset
  /** When it is sent: the tip says how long is really left. */
  now: number
}

/** The subscribe message for one slot, every field fitted to WeChat's limits. */
export const reminderMessage = ({ key, toOpenId, role, retailer, cycle, offset, now }: ReminderContent): SubscribeMessage => ({
  key,
  toOpenId,
  template: ORDER_REMINDER,
  page: role === 'owner' ? REMINDER_PAGE : helperReminderPage(retailer.licenseNo),
  data: fitSubscribeData({
    thing1: retailer.shopName,
    time2: templateTime(cycle.closesAt),
    thing3: reminderTip(role, offset, cycle.closesAt - now),
  }),
})
