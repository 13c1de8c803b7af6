import type { DocumentStore } from '../ports'
import type { OrderRecord } from '../model'
import { repos } from '../repos'
import type { RowReferences } from './kinds'
import { cycleOfOrderDate } from '../schedule'
import { pickOverrides } from '../calendar'
import { loadByIds } from './applyFacts'
import type { Journal } from './journal'

/**
 * A purchase in the marketing system means the shop ordered in that cycle: each ordering day
 * becomes an OrderRecord (source `import`) for the cycle its date falls in — unless the cycle
 * already has one. A person's mark (我已订货, 家人已代订) is never overwritten, and undoing the
 * import removes only records it created that still say `import`.
 */
export const recordImportedOrders = async (store: DocumentStore, journal: Journal, known: RowReferences, orderDays: Iterable<string>): Promise<number> => {
  const db = repos(store)
  const calendar = await db.calendar.find({})
  const records = new Map<string, OrderRecord>()
  for (const key of orderDays) {
    const [licenseNo, date] = key.split('|')
    const retailer = known.retailers.get(licenseNo)
    if (!retailer) continue
    const { cycleId } = cycleOfOrderDate(retailer.orderWindow, date, pickOverrides(calendar, { licenseNo, district: retailer.district }))
    const _id = `${licenseNo}|${cycleId}`
    // The marketing system gives the day, not the time: the record says the start of that day.
    if (!records.has(_id)) records.set(_id, { _id, licenseNo, cycleId, source: 'import', at: `${date}T00:00:00+08:00` })
  }
  const taken = await loadByIds<OrderRecord>(store, 'orders', [...records.keys()])
  return journal.insertNew('orders', [...records.values()].filter((record) => !taken.has(record._id)), { source: 'import' })
}
