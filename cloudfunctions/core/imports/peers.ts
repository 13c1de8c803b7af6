import type { DocumentStore } from '../ports'
import { repos } from '../repos'
import { computePeerStats } from '../insights/peers'
import { monthMetrics, type MetricsSales, type MetricsStock, type MonthMetrics } from '../insights/metrics'
import type { Journal } from './journal'
import type { Retailer } from '../model'

/**
 * Recomputes the peer statistics of the given months from every retailer's month aggregates,
 * so the summary reads one small document for its benchmark. Runs after an import changed
 * sales or stock in those months, or the retailers themselves.
 *
 * The month documents are not read whole (their per-SKU totals are most of their size): one
 * server-side aggregation per collection answers, for each shop and month, the totals and the
 * daily counts the metrics need. The percentiles are worked out here, as the database has none.
 */
export const refreshPeerStats = async (store: DocumentStore, journal: Journal, months: Iterable<string>): Promise<void> => {
  const db = repos(store)
  const wanted = [...new Set(months)].sort()
  if (wanted.length === 0) return
  const [retailers, sales, stock, existing] = await Promise.all([
    db.retailers.group({}, { by: ['_id'], first: ['businessType', 'areaType', 'grade'] }),
    db.salesMonths.group({ month: { $in: wanted } }, { by: ['licenseNo', 'month'], sum: ['totals.packs', 'totals.salesFen', 'totals.costFen'], first: ['daily.packs'] }),
    db.inventoryMonths.group({ month: { $in: wanted } }, { by: ['licenseNo', 'month'], first: ['daily.packs'] }),
    db.peerStats.find({ month: { $in: wanted } }),
  ])
  const shops = retailers.map((g): Pick<Retailer, 'licenseNo' | 'businessType' | 'areaType' | 'grade'> => ({
    licenseNo: g.key[0] as string,
    businessType: g.first.businessType as Retailer['businessType'],
    areaType: g.first.areaType as Retailer['areaType'],
    grade: g.first.grade as number,
  }))
  const counts = new Map<string, MetricsStock>()
  for (const g of stock) {
    const [licenseNo, month] = g.key as [string, string]
    counts.set(`${licenseNo}|${month}`, { month, daily: { packs: (g.first['daily.packs'] ?? []) as (number | null)[] } })
  }
  const byMonth = new Map<string, Map<string, MonthMetrics>>(wanted.map((m) => [m, new Map()]))
  for (const g of sales) {
    const [licenseNo, month] = g.key as [string, string]
    const doc: MetricsSales = {
      month,
      totals: { packs: g.sums['totals.packs'], salesFen: g.sums['totals.salesFen'], costFen: g.sums['totals.costFen'] },
      daily: { packs: (g.first['daily.packs'] ?? []) as (number | null)[] },
    }
    const m = monthMetrics(doc, counts.get(`${licenseNo}|${month}`))
    if (m) byMonth.get(month)?.set(licenseNo, m)
  }
  for (const month of wanted) {
    const stats = computePeerStats(month, shops, byMonth.get(month) ?? new Map())
    const before = new Map(existing.filter((doc) => doc.month === month).map((doc) => [doc._id, doc]))
    const fresh = new Set(stats.map((doc) => doc._id))
    await journal.write('peerStats', stats.filter((doc) => JSON.stringify(doc) !== JSON.stringify(before.get(doc._id))), before)
    await journal.remove('peerStats', [...before.values()].filter((doc) => !fresh.has(doc._id)))
  }
}
