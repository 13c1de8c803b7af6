import type { Retailer } from '../model'
import type { SubscribeMessage } from '../ports'
import type { OrderCycle } from '../schedule'
import type { ReminderOffset, SubscribeTemplate } from '../../contracts/vocabulary'

export const ORDER_REMINDER: SubscribeTemplate = 'orderReminder'

/** Where a tap on the message lands: the home page; a helper's names the retailer they help. */
export const REMINDER_PAGE = 'pages/index/index'
export const helperReminderPage = (licenseNo: string): string => `${REMINDER_PAGE}?retailer=${licenseNo}`

export interface ReminderFacts {
  key: string
  toOpenId: string
  role: 'owner' | 'helper'
  retailer: Pick<Retailer, 'licenseNo' | 'shopName'>
  cycle: OrderCycle
  offset: ReminderOffset
  /** When it is sent: the message says how long is really left. */
  now: number
}

/** The subscribe message for one slot. */
export const reminderMessage = ({ key, toOpenId, role, retailer, cycle, offset, now }: ReminderFacts): SubscribeMessage => ({
  key,
  toOpenId,
  page: role === 'owner' ? REMINDER_PAGE : helperReminderPage(retailer.licenseNo),
  content: { template: ORDER_REMINDER, shopName: retailer.shopName, closesAt: cycle.closesAt, role, offset, msLeft: cycle.closesAt - now },
})
