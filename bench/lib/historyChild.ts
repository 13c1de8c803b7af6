/**
 * Seeds a data folder for bench/lib/history.mjs, in a process of its own:
 *   seed <dataDir> <years>
 * The demo county (1,300 retailers, its twelve months of shop data), then every retailer's full
 * history over `years` years up to today: a sales, a purchases and a stock-count week document
 * for every week, and the three month aggregates for every month. The documents are copies of the
 * demo shops' own weeks and months (simulated day by day and merged by the importer's code), so
 * they have the size and shape an import of daily rows gives; they are written through the store
 * in batches of 500, as the import writes them. Prints one JSON line.
 */
import { addDays, addMonths, monthOf, monthStart, weekStart, chinaDate } from '../../cloudfunctions/core/time'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { DB_FILE } from '../../cloudfunctions/adapters/sqlite/schema'
import { seedDemoCounty } from '../../cloudfunctions/seed'
import { repos } from '../../cloudfunctions/core/repos'
import type { FactMonth, RawWeek } from '../../cloudfunctions/core/model'
import type { CollectionName } from '../../cloudfunctions/core/collections'

const BATCH = 500
const KINDS: { weeks: CollectionName; months: CollectionName }[] = [
  { weeks: 'salesWeeks', months: 'salesMonths' },
  { weeks: 'purchaseWeeks', months: 'purchaseMonths' },
  { weeks: 'inventoryWeeks', months: 'inventoryMonths' },
]

const seed = async (dataDir: string, years: number) => {
  const started = performance.now()
  const today = chinaDate(Date.now())
  const store = await new SqliteStore(dataDir, { who: 'bench seed' }).open()
  await seedDemoCounty(store, undefined, { today })
  const seededMs = performance.now() - started
  const retailers = (await repos(store).retailers.find({}, { sort: { _id: 1 } })).map((r) => r.licenseNo)
  const firstMonth = addMonths(monthOf(today), -12 * years)
  const months: string[] = []
  for (let m = firstMonth; m <= monthOf(today); m = addMonths(m, 1)) months.push(m)
  const mondays: string[] = []
  for (let d = weekStart(monthStart(firstMonth)); d < today; d = addDays(d, 7)) mondays.push(d)

  let written = 0
  for (const { weeks, months: monthsName } of KINDS) {
    const weekTemplates = await store.collection<RawWeek>(weeks).find({})
    const monthTemplates = await store.collection<FactMonth>(monthsName).find({ licenseNo: { $in: [...new Set(weekTemplates.map((w) => w.licenseNo))] } })
    if (weekTemplates.length === 0 || monthTemplates.length === 0) throw new Error(`no demo documents in ${weeks} / ${monthsName} to copy`)
    const taken = new Set([...weekTemplates.map((d) => d._id), ...(await store.collection<FactMonth>(monthsName).find({})).map((d) => d._id)])
    let batch: (RawWeek | FactMonth)[] = []
    const flush = async (name: CollectionName) => {
      await store.collection<RawWeek | FactMonth>(name).putMany(batch)
      written += batch.length
      batch = []
    }
    let k = 0
    for (const licenseNo of retailers) {
      for (const monday of mondays) {
        const _id = `${licenseNo}|${monday}`
        if (taken.has(_id)) continue
        batch.push({ ...weekTemplates[k++ % weekTemplates.length], _id, licenseNo, weekStart: monday })
        if (batch.length >= BATCH) await flush(weeks)
      }
    }
    await flush(weeks)
    for (const licenseNo of retailers) {
      for (const month of months) {
        const _id = `${licenseNo}|${month}`
        if (taken.has(_id)) continue
        batch.push({ ...monthTemplates[k++ % monthTemplates.length], _id, licenseNo, month })
        if (batch.length >= BATCH) await flush(monthsName)
      }
    }
    await flush(monthsName)
  }
  const counts: Record<string, number> = {}
  for (const { weeks, months: monthsName } of KINDS) {
    counts[weeks] = await store.collection(weeks).count({})
    counts[monthsName] = await store.collection(monthsName).count({})
  }
  store.close()
  return { years, retailers: retailers.length, weeks: mondays.length, months: months.length, written, counts, seededMs, ms: performance.now() - started, bytes: statSync(join(dataDir, DB_FILE)).size }
}

const [mode, dataDir, years] = process.argv.slice(2)
if (mode !== 'seed') throw new Error(`unknown mode ${mode}`)
seed(dataDir, Number(years)).then(
  (result) => console.log(JSON.stringify(result)),
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
