import { chinaDate, WEEK_MS } from './time'
import type { Deps } from './ports'
import type { CalendarEntry, Consent, OrderRecord, ReminderSchedule, StoredGuide } from './model'
import { repos, type Repos } from './repos'
import { ownShopWith } from './identity'
import { calendarNotices, overridesWith, ownCalendarJoin } from './calendar'
import { cycleRecords, orderCycles, orderStatuses, recentOrdersJoin } from './orders'
import { consentId, consentsLeft, reminderTemplateId } from './reminders/consents'
import { ORDER_REMINDER } from './reminders/content'
import type { HomeData } from '../contracts/results'
import type { GuideTip } from '../contracts/guidance'
import { newestGuidesJoin } from './guidance/read'
import { guideTipOf } from './guidance/tip'
import { dataVersionJoin, versionOf } from './insights/freshness'

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
 * One request while the calendar stands: the shop with what is keyed by the caller and the licence
 * (its schedule, the caller's consent, the newest guide's tip, its newest orders, its own calendar
 * rows, the data version). The rows its district shares are kept per data version and read again
 * after an import; a cycle's record older than the newest orders is read by id.
 */
export const getHome = async (deps: Deps, caller: string): Promise<HomeData> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const { retailer, joined } = await ownShopWith(db, caller, {
    schedule: { from: 'reminderSchedules', on: { local: '_id', foreign: '_id' } },
    consent: { from: 'consents', where: { _id: consentId(caller, ORDER_REMINDER) } },
    // Of the newest guide only the tip kept for this page (its index carries it).
    guide: { ...newestGuidesJoin('_id', 1), fields: ['tip'] },
    orders: recentOrdersJoin('_id'),
    calendar: ownCalendarJoin('_id'),
    version: dataVersionJoin,
  })
  const schedule = joined.schedule[0] as ReminderSchedule | undefined
  const [overrides, left] = await Promise.all([
    overridesWith(deps.store, db, retailer, joined.calendar as CalendarEntry[], versionOf(joined.version), now),
    consentsLeft(db, joined.consent[0] as Consent | undefined),
  ])
  const cycles = orderCycles(retailer, overrides, now)
  const { order, lastCycle } = orderStatuses(cycles, await cycleRecords(db, retailer.licenseNo, cycles, joined.orders as OrderRecord[]))
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
