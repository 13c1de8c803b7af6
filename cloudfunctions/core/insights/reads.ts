import { weekStart } from '../time'
import type { Collection, Doc, Join } from '../ports'
import type { FactMonth, RawWeek } from '../model'
import type { CollectionName } from '../collections'
import { dayLines, monthId, readValues, weekId } from '../imports/weeks'

/** Documents by id as a join of readWithShop; null for no ids. */
const idsJoin = (from: CollectionName, ids: readonly string[]): Join | null => (ids.length === 0 ? null : { from, where: { _id: { $in: [...new Set(ids)] } } })

/** A shop's month documents (`licence|YYYY-MM`) as a join of readWithShop. */
export const monthsJoin = (from: CollectionName, licenseNo: string, months: readonly string[]): Join | null => idsJoin(from, months.map((month) => monthId(licenseNo, month)))

/** A shop's week documents holding the given dates, as a join of readWithShop. */
export const weeksJoin = (from: CollectionName, licenseNo: string, dates: readonly string[]): Join | null => idsJoin(from, dates.map((date) => weekId(licenseNo, weekStart(date))))

export const byId = <T extends Doc>(docs: readonly T[]): Map<string, T> => new Map(docs.map((doc) => [doc._id, doc]))
export const byMonth = <T extends Pick<FactMonth, 'month'>>(docs: readonly T[]): Map<string, T> => new Map(docs.map((doc) => [doc.month, doc]))

/** Documents by id in one query (CloudBase answers at most 1000 a query; callers ask for a handful). */
export const byIds = async <T extends Doc>(collection: Collection<T>, ids: readonly string[]): Promise<Map<string, T>> => {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const docs = await collection.find({ _id: { $in: unique } }, { limit: unique.length })
  return new Map(docs.map((doc) => [doc._id, doc]))
}

/** A retailer's month documents keyed by month (YYYY-MM). */
export const monthsOf = async <T extends Doc & Pick<FactMonth, 'month'>>(collection: Collection<T>, licenseNo: string, months: readonly string[]): Promise<Map<string, T>> => {
  const docs = await byIds(collection, months.map((month) => monthId(licenseNo, month)))
  return new Map([...docs.values()].map((doc) => [doc.month, doc]))
}

/** A retailer's week documents holding the given dates. */
export const weeksHolding = <T extends Doc>(collection: Collection<T>, licenseNo: string, dates: readonly string[]): Promise<Map<string, T>> =>
  byIds(collection, dates.map((date) => weekId(licenseNo, weekStart(date))))

/** The rows of weeks between two dates, as (date, skuCode, values). */
export function* rowsBetween(weeks: Iterable<RawWeek>, from: string, to: string): Generator<{ date: string; skuCode: string; values: number[] }> {
  for (const week of weeks) {
    for (const [date, text] of Object.entries(week.days)) {
      if (date < from || date > to) continue
      for (const [skuCode, line] of dayLines(text)) {
        const values = new Array<number>(line.split(',').length - 1)
        readValues(line, values)
        yield { date, skuCode, values }
      }
    }
  }
}
