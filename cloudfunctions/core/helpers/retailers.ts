import { chinaIso } from '../time'
import type { Deps } from '../ports'
import { repos } from '../repos'
import { overridesForMany } from '../calendar'
import { currentCycle } from '../schedule'
import { orderRecord, viewOf } from '../orders'
import { consentsHeld, reminderTemplateId } from '../reminders/consents'
import { ORDER_REMINDER } from '../reminders/content'
import type { MyRetailersData } from '../../contracts/results'

/** The shops a helper helps, soonest deadline first, each with its window and — given `remind` or `order` — its order status. */
export const myRetailers = async (deps: Deps, caller: string): Promise<MyRetailersData> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const helping = await db.helpers.find({ openId: caller })
  const shops = await db.retailers.find({ _id: { $in: helping.map((h) => h.licenseNo) } })
  const calendars = await overridesForMany(db, shops)
  const byId = new Map(shops.map((r) => [r._id, r]))
  const rows = await Promise.all(
    helping.flatMap((helper) => {
      const retailer = byId.get(helper.licenseNo)
      if (!retailer) return []
      const overrides = calendars.get(retailer.licenseNo) ?? []
      const { phase, cycle } = currentCycle(retailer.orderWindow, now, overrides)
      const seesStatus = helper.scopes.includes('remind') || helper.scopes.includes('order')
      return [
        (async () => ({
          licenseNo: retailer.licenseNo,
          shopName: retailer.shopName,
          kind: helper.kind,
          scopes: helper.scopes,
          orderWindow: retailer.orderWindow,
          overrides,
          phase,
          cycleId: cycle.cycleId,
          opensAt: chinaIso(cycle.opensAt),
          closesAt: chinaIso(cycle.closesAt),
          order: seesStatus ? viewOf(cycle.cycleId, await orderRecord(db, retailer.licenseNo, cycle.cycleId)) : null,
          owner: { name: retailer.ownerName, phone: retailer.phone },
        }))(),
      ]
    }),
  )
  return {
    retailers: rows.sort((a, b) => a.closesAt.localeCompare(b.closesAt)),
    consents: { template: ORDER_REMINDER, left: await consentsHeld(db, caller), templateId: reminderTemplateId(deps) },
  }
}
