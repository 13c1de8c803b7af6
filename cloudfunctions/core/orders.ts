import { chinaIso } from './time'
import type { OrderStatus, CalendarOverride } from '../contracts/vocabulary'
import { fail } from './errors'
import type { OrderRecord, Retailer } from './model'
import type { Deps } from './ports'
import { repos, type Repos } from './repos'
import { currentCycle, previousCycle } from './schedule'
import { overridesFor } from './calendar'
import { actingFor } from './helpers/access'
import { logHelperAction } from './helpers/log'
import type { LastCycleResult, MarkOrderedResult, OrderStatusView } from '../contracts/results'

export const orderId = (licenseNo: string, cycleId: string): string => `${licenseNo}|${cycleId}`

/** An imported purchase counts as the retailer's own order: they placed it on the platform. */
export const statusOf = (record: OrderRecord | null): OrderStatus =>
  !record ? 'notOrdered' : record.source === 'helper' ? 'orderedByHelper' : 'ordered'

export const viewOf = (cycleId: string, record: OrderRecord | null): OrderStatusView => {
  const status = statusOf(record)
  return { cycleId, status, markedAt: record ? record.at : null, source: record?.source ?? null }
}

export const orderRecord = (db: Repos, licenseNo: string, cycleId: string): Promise<OrderRecord | null> =>
  db.orders.get(orderId(licenseNo, cycleId))

/** The status of the cycle the shop is in or waiting for at `now`. */
export const currentOrderStatus = async (db: Repos, retailer: Retailer, overrides: readonly CalendarOverride[], now: number): Promise<OrderStatusView> => {
  const { cycle } = currentCycle(retailer.orderWindow, now, overrides)
  return viewOf(cycle.cycleId, await orderRecord(db, retailer.licenseNo, cycle.cycleId))
}

/** How the last closed cycle went; null when no cycle closed in the last six weeks (all cancelled). */
export const lastCycleResult = async (db: Repos, retailer: Retailer, overrides: readonly CalendarOverride[], now: number): Promise<LastCycleResult | null> => {
  let cycle
  try {
    cycle = previousCycle(retailer.orderWindow, now, overrides)
  } catch {
    return null
  }
  const status = statusOf(await orderRecord(db, retailer.licenseNo, cycle.cycleId))
  return { cycleId: cycle.cycleId, closedAt: chinaIso(cycle.closesAt), result: status }
}

/** This cycle's status and how the last one went, from one query for both order records. */
export const orderStatuses = async (
  db: Repos,
  retailer: Retailer,
  overrides: readonly CalendarOverride[],
  now: number,
): Promise<{ order: OrderStatusView; lastCycle: LastCycleResult | null }> => {
  const { cycle } = currentCycle(retailer.orderWindow, now, overrides)
  let previous: ReturnType<typeof previousCycle> | null = null
  try {
    previous = previousCycle(retailer.orderWindow, now, overrides)
  } catch {
    previous = null // no cycle closed in the last six weeks (all cancelled)
  }
  const ids = [cycle.cycleId, ...(previous ? [previous.cycleId] : [])].map((id) => orderId(retailer.licenseNo, id))
  const records = new Map((await db.orders.find({ _id: { $in: ids } }, { limit: ids.length })).map((r) => [r.cycleId, r]))
  return {
    order: viewOf(cycle.cycleId, records.get(cycle.cycleId) ?? null),
    lastCycle: previous ? { cycleId: previous.cycleId, closedAt: chinaIso(previous.closesAt), result: statusOf(records.get(previous.cycleId) ?? null) } : null,
  }
}

/**
 * 我已订货 by the retailer, or 家人已代订 by a helper with the `order` scope naming the shop in
 * `retailer`. Only an open window can be marked; marking twice keeps the first mark (an imported
 * purchase or the retailer's own mark is never overwritten by a helper's).
 */
export const markOrdered = async (deps: Deps, caller: string, licenseNo?: string): Promise<MarkOrderedResult> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const { retailer, helper } = await actingFor(db, caller, licenseNo, 'order')
  const overrides = await overridesFor(db, retailer)
  const phase = currentCycle(retailer.orderWindow, now, overrides)
  if (phase.phase !== 'open') fail('CONFLICT', 'windowClosed')
  const cycleId = phase.cycle.cycleId
  const record: OrderRecord = {
    _id: orderId(retailer.licenseNo, cycleId),
    licenseNo: retailer.licenseNo,
    cycleId,
    source: helper ? 'helper' : 'self',
    by: caller,
    at: chinaIso(now),
  }
  const fresh = await db.orders.insert(record)
  if (fresh && helper) await logHelperAction(deps, helper, 'markOrdered')
  return { licenseNo: retailer.licenseNo, ...viewOf(cycleId, fresh ? record : await orderRecord(db, retailer.licenseNo, cycleId)) }
}
