import { chinaDate, WEEK_MS } from './time'
import type { Deps } from './ports'
import type { CalendarEntry, Consent, OrderRecord, ReminderSchedule, StoredGuide } from './model'
import { repos } from './repos'
import { ownShopWith, readWithShop } from './identity'
import { calendarJoin, calendarNotices, pickOverrides } from './calendar'
import { orderCycles, orderIdsOf, orderStatuses } from './orders'
import { consentId, consentsLeft, reminderTemplateId } from './reminders/consents'
import { ORDER_REMINDER } from './reminders/content'
import type { HomeData } from '../contracts/results'
import { guideTipOf, newestGuidesJoin } from './guidance/read'

/**
 * What the home page needs for a signed-in retailer: the shop, its order window with the calendar
 * changes that apply to it (the page computes the countdown from these and its own clock), this
 * cycle's order status, how the last cycle went, and whether reminders can still reach them.
 * Two reads: the shop with what is keyed by the caller and the licence, then the calendar (it needs
 * the shop's district) with this cycle's and the last one's order records.
 */
export const getHome = async (deps: Deps, caller: string): Promise<HomeData> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const { retailer, joined } = await ownShopWith(db, caller, {
    schedule: { from: 'reminderSchedules', on: { local: '_id', foreign: '_id' } },
    consent: { from: 'consents', where: { _id: consentId(caller, ORDER_REMINDER) } },
    guide: newestGuidesJoin('_id', 1),
  })
  const schedule = joined.schedule[0] as ReminderSchedule | undefined
  // The calendar with the order records of this cycle and the last as the regular window has them;
  // when the calendar moves either cycle, the records of the moved ones are read after.
  const regular = orderIdsOf(retailer.licenseNo, orderCycles(retailer, [], now))
  const [shopDocs, left] = await Promise.all([
    readWithShop(db, retailer.licenseNo, { calendar: calendarJoin(retailer), orders: { from: 'orders', where: { _id: { $in: regular } } } }),
    consentsLeft(db, joined.consent[0] as Consent | undefined),
  ])
  const overrides = pickOverrides(shopDocs.calendar as CalendarEntry[], retailer)
  const cycles = orderCycles(retailer, overrides, now)
  const moved = orderIdsOf(retailer.licenseNo, cycles).filter((id) => !regular.includes(id))
  const records = [...(shopDocs.orders as OrderRecord[]), ...(moved.length > 0 ? await db.orders.find({ _id: { $in: moved } }) : [])]
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
    guide: guideTipOf(joined.guide[0] as StoredGuide | undefined),
  }
}
