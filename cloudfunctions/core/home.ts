import { chinaDate, WEEK_MS } from './time'
import type { Deps } from './ports'
import type { Consent, ReminderSchedule, StoredGuide } from './model'
import { repos, type Repos } from './repos'
import { ownShopWith } from './identity'
import { calendarNotices, overridesFor } from './calendar'
import { orderCycles, orderIdsOf, orderStatuses } from './orders'
import { consentId, consentsLeft, reminderTemplateId } from './reminders/consents'
import { ORDER_REMINDER } from './reminders/content'
import type { HomeData } from '../contracts/results'
import type { GuideTip } from '../contracts/guidance'
import { newestGuidesJoin } from './guidance/read'
import { guideTipOf } from './guidance/tip'

/** The tip of the newest guide; a guide built before guides kept their tip is read whole once. */
const tipOf = async (db: Repos, newest: Pick<StoredGuide, '_id' | 'tip'> | undefined): Promise<GuideTip | null> => {
  if (!newest) return null
  if (newest.tip !== undefined) return newest.tip
  const whole = await db.guides.get(newest._id)
  return whole ? guideTipOf(whole) : null
}

/**
 * What the home page needs for a signed-in retailer: the shop, its order window with the calendar
 * changes that apply to it (the page computes the countdown from these and its own clock), this
 * cycle's order status, how the last cycle went, and whether reminders can still reach them.
 * Three requests: the shop with what is keyed by the caller and the licence, the calendar (it
 * needs the shop's district), and the order records of the two cycles the calendar gives.
 */
export const getHome = async (deps: Deps, caller: string): Promise<HomeData> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const { retailer, joined } = await ownShopWith(db, caller, {
    schedule: { from: 'reminderSchedules', on: { local: '_id', foreign: '_id' } },
    consent: { from: 'consents', where: { _id: consentId(caller, ORDER_REMINDER) } },
    // Of the newest guide only its month and the tip kept for this page.
    guide: { ...newestGuidesJoin('_id', 1), fields: ['month', 'tip'] },
  })
  const schedule = joined.schedule[0] as ReminderSchedule | undefined
  // The calendar (it needs the shop's district), then the order records of the cycles it gives.
  const [overrides, left] = await Promise.all([overridesFor(db, retailer), consentsLeft(db, joined.consent[0] as Consent | undefined)])
  const cycles = orderCycles(retailer, overrides, now)
  const records = await db.orders.find({ _id: { $in: orderIdsOf(retailer.licenseNo, cycles) } })
  const { order, lastCycle } = orderStatuses(cycles, records)
  // Overrides of cycles that closed more than two weeks ago change nothing the page computes.
  const since = chinaDate(now - 2 * WEEK_MS)
  const enabled = schedule?.enabled ?? false
  return {
    shop: {
      licenseNo: retailer.licenseNo,
      shopName: retailer.shopName,
      grade: retailer.grade,
      district: retailer.district,
      businessType: retailer.businessType,
      areaType: retailer.areaType,
      integrityScore: retailer.integrityScore,
      monthlyQuotaCartons: retailer.monthlyQuotaCartons,
    },
    orderWindow: retailer.orderWindow,
    overrides: overrides.filter((o) => o.cycleId >= since),
    calendarNotices: calendarNotices(retailer.orderWindow, overrides, now),
    order,
    lastCycle,
    reminders: { enabled, left, exhausted: enabled && left === 0, templateId: reminderTemplateId(deps), perWeek: enabled && schedule ? Object.values(schedule.offsets).filter(Boolean).length : 0 },
    manager: retailer.manager,
    guide: await tipOf(db, joined.guide[0] as StoredGuide | undefined),
  }
}
