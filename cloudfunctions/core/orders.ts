import { WEEK_MS, chinaDate, chinaIso, datesFrom, weekStart } from './time'
import type { OrderStatus, CalendarOverride } from '../contracts/vocabulary'
import { fail } from './errors'
import type { OrderRecord, Retailer } from './model'
import type { Deps, Join } from './ports'
import { repos, type Repos } from './repos'
import { currentCycle, cycleOfOrderDate, cyclesFrom, previousCycle, type OrderCycle } from './schedule'
import { overridesFor } from './calendar'
import { actingFor, actingForAny } from './helpers/access'
import { byIds, rowsBetween, weeksHolding } from './insights/reads'
import { logHelperAction } from './helpers/log'
import type { LastCycleResult, MarkOrderedResult, OrderHistoryData, OrderStatusView, UndoOrderedResult } from '../contracts/results'

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

/** The cycle a shop is in or waiting for at `now`, and the last one that closed (null: none in six weeks, all cancelled). */
export const orderCycles = (retailer: Retailer, overrides: readonly CalendarOverride[], now: number): { cycle: OrderCycle; previous: OrderCycle | null } => {
  const { cycle } = currentCycle(retailer.orderWindow, now, overrides)
  try {
    return { cycle, previous: previousCycle(retailer.orderWindow, now, overrides) }
  } catch {
    return { cycle, previous: null }
  }
}

/** The ids of those two cycles' order records. */
export const orderIdsOf = (licenseNo: string, cycles: ReturnType<typeof orderCycles>): string[] =>
  [cycles.cycle, ...(cycles.previous ? [cycles.previous] : [])].map((c) => orderId(licenseNo, c.cycleId))

/** How many of a shop's newest order records 首页 reads with the shop: this cycle's and the last one's, with room for records of a cycle or two ahead (a file dated ahead of the clock). */
export const RECENT_ORDERS = 4

/** A shop's newest order records (ids sort as cycle dates), read with the shop; see `cycleRecords`. */
export const recentOrdersJoin = (licenceField: string): Join => ({ from: 'orders', on: { local: licenceField, foreign: 'licenseNo' }, sort: { _id: -1 }, limit: RECENT_ORDERS })

/**
 * The order records of the two cycles, from the shop's newest ones read with it. An id at or after
 * the oldest of those — any id, when the shop has fewer — is among them or does not exist; an older
 * one (records written for later cycles, a cycle moved past the next) is read by id.
 */
export const cycleRecords = async (db: Repos, licenseNo: string, cycles: ReturnType<typeof orderCycles>, recent: readonly OrderRecord[]): Promise<readonly OrderRecord[]> => {
  const oldest = recent.length < RECENT_ORDERS ? '' : recent[recent.length - 1]._id
  const older = orderIdsOf(licenseNo, cycles).filter((id) => id < oldest)
  return older.length === 0 ? recent : [...recent, ...(await db.orders.find({ _id: { $in: older } }))]
}

/** This cycle's status and how the last one went, from the order records read for them. */
export const orderStatuses = (
  { cycle, previous }: ReturnType<typeof orderCycles>,
  read: readonly OrderRecord[],
): { order: OrderStatusView; lastCycle: LastCycleResult | null } => {
  const records = new Map(read.map((r) => [r.cycleId, r]))
  return {
    order: viewOf(cycle.cycleId, records.get(cycle.cycleId) ?? null),
    lastCycle: previous ? { cycleId: previous.cycleId, closedAt: chinaIso(previous.closesAt), result: statusOf(records.get(previous.cycleId) ?? null) } : null,
  }
}

/** The retailer a mark acts on (own, or helped with `order`) and its open cycle; CONFLICT outside the window. */
const openCycleFor = async (db: Repos, caller: string, licenseNo: string | undefined, now: number) => {
  const { retailer, helper } = await actingFor(db, caller, licenseNo, 'order')
  const phase = currentCycle(retailer.orderWindow, now, await overridesFor(db, retailer))
  if (phase.phase !== 'open') return fail('CONFLICT', 'windowClosed')
  return { retailer, helper, cycleId: phase.cycle.cycleId }
}

/**
 * 我已订货 by the retailer, or 家人已代订 by a helper with the `order` scope naming the shop in
 * `retailer`. Only an open window can be marked; marking twice keeps the first mark (an imported
 * purchase or the retailer's own mark is never overwritten by a helper's).
 */
export const markOrdered = async (deps: Deps, caller: string, licenseNo?: string): Promise<MarkOrderedResult> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const { retailer, helper, cycleId } = await openCycleFor(db, caller, licenseNo, now)
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

/**
 * Undoes 我已订货 / 家人已代订 while the window is still open: the owner for any mark, a helper
 * with `order` for the shop they help. An imported purchase is not a mark and stays. A helper's
 * undo is logged for the owner, as their mark was.
 */
export const undoOrdered = async (deps: Deps, caller: string, licenseNo?: string): Promise<UndoOrderedResult> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const { retailer, helper, cycleId } = await openCycleFor(db, caller, licenseNo, now)
  const record = await orderRecord(db, retailer.licenseNo, cycleId)
  if (!record || record.source === 'import') return fail('CONFLICT', 'notMarkedByPerson')
  await db.orders.remove({ _id: record._id, source: record.source })
  if (helper) await logHelperAction(deps, helper, 'undoOrdered')
  return { licenseNo: retailer.licenseNo, ...viewOf(cycleId, null) }
}

/** How many closed cycles the order history lists. */
export const ORDER_HISTORY_CYCLES = 8

/** The cycles that closed at or before `now`, the last `count` of them, newest first. */
export const closedCycles = (window: Retailer['orderWindow'], now: number, overrides: readonly CalendarOverride[], count = ORDER_HISTORY_CYCLES): OrderCycle[] => {
  const closed: OrderCycle[] = []
  for (const cycle of cyclesFrom(window, now - (count + 3) * WEEK_MS, overrides)) {
    if (cycle.closesAt > now) break
    closed.push(cycle)
  }
  return closed.slice(-count).reverse()
}

/**
 * The order history (已订货 / 家人已代订 / 未订货) of the last 8 closed cycles, with the cartons
 * and amount of the purchases dated in each when the marketing system's purchases are imported.
 * The owner, or a helper with `remind` or `order`.
 */
export const orderHistory = async (deps: Deps, caller: string, licenseNo?: string): Promise<OrderHistoryData> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const { retailer } = await actingForAny(db, caller, licenseNo, ['order', 'remind'])
  const overrides = await overridesFor(db, retailer)
  const cycles = closedCycles(retailer.orderWindow, now, overrides)
  if (cycles.length === 0) return { licenseNo: retailer.licenseNo, shopName: retailer.shopName, cycles: [] }
  const from = chinaDate(cycles[cycles.length - 1].closesAt - 2 * WEEK_MS)
  const to = chinaDate(now)
  const weeks = datesFrom(weekStart(from), to).filter((_, i) => i % 7 === 0)
  const [records, purchaseWeeks] = await Promise.all([
    byIds(db.orders, cycles.map((c) => orderId(retailer.licenseNo, c.cycleId))),
    weeksHolding(db.purchaseWeeks, retailer.licenseNo, weeks),
  ])
  const bought = new Map<string, { cartons: number; amountFen: number }>()
  for (const { date, values } of rowsBetween(purchaseWeeks.values(), from, to)) {
    const { cycleId } = cycleOfOrderDate(retailer.orderWindow, date, overrides)
    const sum = bought.get(cycleId) ?? { cartons: 0, amountFen: 0 }
    sum.cartons += values[0]
    sum.amountFen += values[1]
    bought.set(cycleId, sum)
  }
  return {
    licenseNo: retailer.licenseNo,
    shopName: retailer.shopName,
    cycles: cycles.map((cycle) => {
      const record = records.get(orderId(retailer.licenseNo, cycle.cycleId)) ?? null
      const purchase = bought.get(cycle.cycleId) ?? null
      return {
        cycleId: cycle.cycleId,
        opensAt: chinaIso(cycle.opensAt),
        closedAt: chinaIso(cycle.closesAt),
        status: statusOf(record),
        source: record?.source ?? null,
        cartons: purchase?.cartons ?? null,
        amountFen: purchase?.amountFen ?? null,
      }
    }),
  }
}
