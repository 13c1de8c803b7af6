import type { DocumentStore } from '../ports'
import { repos } from '../repos'
import { computePeerStats } from '../insights/peers'
import { monthMetrics, type MonthMetrics } from '../insights/metrics'
import type { Journal } from './journal'

/**
 * Recomputes the peer statistics of the given months from every retailer's month aggregates,
 * so the summary reads one small document for its benchmark. Runs after an import changed
 * sales or stock in those months, or the retailers themselves.
 */
export const refreshPeerStats = async (store: DocumentStore, journal: Journal, months: Iterable<string>): Promise<void> => {
  const db = repos(store)
  const retailers = await db.retailers.find({})
  for (const month of [...new Set(months)].sort()) {
    const [sales, inventory, existing] = await Promise.all([
      db.salesMonths.find({ month }),
      db.inventoryMonths.find({ month }),
      db.peerStats.find({ month }),
    ])
    const stock = new Map(inventory.map((doc) => [doc.licenseNo, doc]))
    const metrics = new Map<string, MonthMetrics>()
    for (const doc of sales) {
      const m = monthMetrics(doc, stock.get(doc.licenseNo))
      if (m) metrics.set(doc.licenseNo, m)
    }
    const stats = computePeerStats(month, retailers, metrics)
    const before = new Map(existing.map((doc) => [doc._id, doc]))
    const fresh = new Set(stats.map((doc) => doc._id))
    await journal.write('peerStats', stats.filter((doc) => JSON.stringify(doc) !== JSON.stringify(before.get(doc._id))), before)
    await journal.remove('peerStats', existing.filter((doc) => !fresh.has(doc._id)))
  }
}
