import { daysBetween, maxDate, monthOf, chinaIso, chinaDate } from '../time'
import type { Deps } from '../ports'
import { repos, type Repos } from '../repos'
import type { OrderDraft, Retailer, Sku } from '../model'
import type { OrderDraftView, SuggestedOrderData } from '../../contracts/insights'
import { fail } from '../errors'
import { actingFor, actingForWith } from '../helpers/access'
import { logHelperAction } from '../helpers/log'
import { byIds, monthsOf } from './reads'
import { deliveryDate, nextTwoCycles } from './cycles'
import { overridesFor } from '../calendar'
import { HISTORY_WEEKS, SAFETY_DAYS, planOrder } from './orderPlan'
import { readOutlook, type Outlook } from './outlook'
import { VersionedCache, dataVersionJoin, versionOf } from './freshness'
import { orderId } from '../orders'

interface QuotaFacts {
  cycle: ReturnType<typeof nextTwoCycles>[0]
  next: ReturnType<typeof nextTwoCycles>[1]
  quotaMonth: string
  usedCartons: number
  remainingCartons: number
}

/** The cycle to order in, the one after it, and what is left of the month's quota. */
const quotaFacts = async (db: Repos, retailer: Retailer, now: number): Promise<QuotaFacts> => {
  const overrides = await overridesFor(db, retailer)
  const [cycle, next] = nextTwoCycles(retailer.orderWindow, now, overrides)
  // The order counts against the quota of the month it is placed in.
  const quotaMonth = monthOf(maxDate(chinaDate(now), chinaDate(cycle.opensAt)))
  const purchases = await monthsOf(db.purchaseMonths, retailer.licenseNo, [quotaMonth])
  const usedCartons = purchases.get(quotaMonth)?.totals.cartons ?? 0
  return { cycle, next, quotaMonth, usedCartons, remainingCartons: Math.max(0, retailer.monthlyQuotaCartons - usedCartons) }
}

const draftView = (draft: OrderDraft | null): OrderDraftView | null =>
  draft ? { cycleId: draft.cycleId, lines: draft.lines, savedAt: draft.at, by: draft.role } : null

/**
 * A shop's stock outlook and the catalogue entries of its SKUs, reused for a minute while no
 * import has moved the data version (as summaries are): they are read from weeks of shop data
 * and change only when data arrives, while the page is opened many times a cycle.
 */
const keptOutlooks = new VersionedCache<{ outlook: Outlook; catalogue: Map<string, Sku> }>(60_000, 2000)

const outlookOf = async (deps: Deps, db: Repos, license: string, today: string, now: number, version: number) => {
  const key = `${license}|${today}|${version}`
  const known = keptOutlooks.get(deps.store, key, now)
  if (known) return known
  const outlook = await readOutlook(db, license, today)
  const read = { outlook, catalogue: await byIds(db.skus, [...outlook.skus.keys()]) }
  keptOutlooks.set(deps.store, key, read, now)
  return read
}

/** What to order in the coming cycle, SKU by SKU, within the monthly quota. */
export const getSuggestedOrder = async (deps: Deps, caller: string, event: { retailer?: string }): Promise<SuggestedOrderData> => {
  const db = repos(deps.store)
  const { retailer, joined } = await actingForWith(db, caller, event.retailer, ['order'], () => ({ version: dataVersionJoin }))
  const license = retailer.licenseNo
  const now = deps.clock.now().getTime()
  const today = chinaDate(now)
  const { cycle, next, quotaMonth, usedCartons, remainingCartons } = await quotaFacts(db, retailer, now)
  const nextDelivery = deliveryDate(next)
  const coverDays = daysBetween(today, nextDelivery) + SAFETY_DAYS

  const [{ outlook, catalogue }, draft] = await Promise.all([outlookOf(deps, db, license, today, now, versionOf(joined.version)), db.orderDrafts.get(orderId(license, cycle.cycleId))])
  const items = [...catalogue.values()].map((sku: Sku) => {
    const { dailyPacks, stockPacks } = outlook.skus.get(sku.skuCode) ?? { dailyPacks: 0, stockPacks: 0 }
    return { skuCode: sku.skuCode, name: sku.name, dailyPacks, stockPacks, wholesaleFenPerCarton: sku.wholesaleFenPerCarton }
  })
  const lines = planOrder(items, coverDays, remainingCartons).map((line) => ({ ...line, daysOfStock: outlook.skus.get(line.skuCode)?.daysOfStock ?? null }))
  const ordered = lines.filter((line) => line.cartons > 0)

  return {
    licenseNo: license,
    shopName: retailer.shopName,
    cycleId: cycle.cycleId,
    opensAt: chinaIso(cycle.opensAt),
    closesAt: chinaIso(cycle.closesAt),
    deliveryDate: deliveryDate(cycle),
    nextDeliveryDate: nextDelivery,
    coverDays,
    safetyDays: SAFETY_DAYS,
    stockDate: outlook.stockDate,
    quota: { month: quotaMonth, cartons: retailer.monthlyQuotaCartons, usedCartons, remainingCartons },
    lines,
    totalCartons: ordered.reduce((sum, line) => sum + line.cartons, 0),
    totalFen: ordered.reduce((sum, line) => sum + line.cartons * line.wholesaleFenPerCarton, 0),
    historyWeeks: HISTORY_WEEKS,
    dataThrough: outlook.dataThrough,
    windowOpen: now >= cycle.opensAt,
    draft: draftView(draft),
  }
}

export interface SaveDraftEvent {
  retailer?: string
  cycleId: string
  lines: { skuCode: string; cartons: number }[]
}

/**
 * Keeps the edited suggestion for the cycle to order in now. The total stays within what is left
 * of the month's quota; a cycle that is not the one to order in is refused, so an old page cannot
 * overwrite this week's order with last week's.
 */
export const saveOrderDraft = async (deps: Deps, caller: string, event: SaveDraftEvent): Promise<OrderDraftView> => {
  const db = repos(deps.store)
  const { retailer, helper } = await actingFor(db, caller, event.retailer, 'order')
  const now = deps.clock.now().getTime()
  const { cycle, remainingCartons } = await quotaFacts(db, retailer, now)
  if (event.cycleId !== cycle.cycleId) return fail('CONFLICT', 'draftCycleOver')
  const lines = event.lines.filter((line) => line.cartons > 0)
  if (new Set(lines.map((l) => l.skuCode)).size !== lines.length) return fail('INVALID_ARGUMENT', 'badEvent', { detail: 'lines 中同一规格只能出现一次' })
  const total = lines.reduce((sum, line) => sum + line.cartons, 0)
  if (total > remainingCartons) return fail('CONFLICT', 'draftOverQuota', { total, remaining: remainingCartons })
  const known = await byIds(db.skus, lines.map((l) => l.skuCode))
  if (known.size !== lines.length) return fail('INVALID_ARGUMENT', 'badEvent', { detail: 'lines 中有未知的规格' })
  const draft: OrderDraft = {
    _id: orderId(retailer.licenseNo, cycle.cycleId),
    licenseNo: retailer.licenseNo,
    cycleId: cycle.cycleId,
    lines,
    by: caller,
    role: helper ? 'helper' : 'owner',
    at: chinaIso(now),
  }
  await db.orderDrafts.put(draft)
  if (helper) await logHelperAction(deps, helper, 'saveOrderDraft')
  return draftView(draft) as OrderDraftView
}
