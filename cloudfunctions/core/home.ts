import { chinaDate, WEEK_MS } from './time'
import type { Deps } from './ports'
import { repos } from './repos'
import { ownRetailer } from './identity'
import { calendarNotices, overridesFor } from './calendar'
import { orderStatuses } from './orders'
import { consentsHeld, reminderTemplateId } from './reminders/consents'
import type { HomeData } from '../contracts/results'
import { guideTipOf } from './guidance/read'

/**
 * What the home page needs for a signed-in retailer: the shop, its order window with the calendar
 * changes that apply to it (the page computes the countdown from these and its own clock), this
 * cycle's order status, how the last cycle went, and whether reminders can still reach them.
 */
export const getHome = async (deps: Deps, caller: string): Promise<HomeData> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const { retailer } = await ownRetailer(db, caller)
  const overrides = await overridesFor(db, retailer)
  const [{ order, lastCycle }, schedule, left, guide] = await Promise.all([
    orderStatuses(db, retailer, overrides, now),
    db.reminderSchedules.get(retailer.licenseNo),
    consentsHeld(db, caller),
    guideTipOf(db, retailer.licenseNo),
  ])
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
    guide,
  }
}
