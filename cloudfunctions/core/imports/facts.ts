import { dayNumber, daysBetween, weekStart } from '../time'
import type { FactKind } from '../model'
import type { RowChecker } from './fields'
import { knownLicense, SKU_CODE, type RowReferences, type KindSpec } from './kinds'
import { factRepeats } from './repeats'

/** No shop data before this date is accepted: older dates are typing mistakes. */
export const EARLIEST_FACT_DATE = '2000-01-01'

/** A checked fact row: whose, which day (and the Monday of its week), which SKU, its values in FACT_FIELDS order. */
export interface FactRow {
  licenseNo: string
  date: string
  weekStart: string
  /** Days since weekStart: 0 = Monday. */
  day: number
  /** Days since 1970-01-01. */
  dayNo: number
  skuCode: string
  values: number[]
}

type Week = { weekStart: string; day: number; dayNo: number }
const weeks = new Map<string, Week>()
/** The week of a date, remembered: a file holds few distinct dates and this runs for every row. */
const weekOf = (date: string): Week => {
  let week = weeks.get(date)
  if (week === undefined) {
    const monday = weekStart(date)
    week = { weekStart: monday, day: daysBetween(monday, date), dayNo: dayNumber(date) }
    if (weeks.size < 10_000) weeks.set(date, week)
  }
  return week
}

const knownSku = (c: RowChecker, known: RowReferences): { skuCode: string; wholesaleFenPerCarton: number } => {
  const skuCode = c.raw('sku_code')
  const sku = known.skus.get(skuCode)
  if (sku) return sku
  if (!SKU_CODE.test(skuCode)) c.matches('sku_code', SKU_CODE, 'skuCode')
  else c.problem('sku_code', { code: 'unknownSku', value: skuCode })
  return { skuCode, wholesaleFenPerCarton: 0 }
}

const NO_WEEK: Week = { weekStart: '', day: 0, dayNo: 0 }

const factSpec = (
  kind: FactKind,
  dateColumn: string,
  columns: readonly string[],
  values: (c: RowChecker, wholesaleFenPerCarton: number) => number[],
): KindSpec<FactRow> => ({
  kind,
  columns: ['license_no', dateColumn, 'sku_code', ...columns],
  keyColumns: ['license_no', dateColumn, 'sku_code'],
  repeats: () => factRepeats<FactRow>((row) => row.dayNo),
  check: (c, known) => {
    const licenseNo = knownLicense(c, known)
    const date = c.date(dateColumn, EARLIEST_FACT_DATE, known.today)
    const sku = knownSku(c, known)
    const row = values(c, sku.wholesaleFenPerCarton)
    // A bad date has no week; the row is refused anyway.
    const week = c.ok ? weekOf(date) : NO_WEEK
    return { licenseNo, date, weekStart: week.weekStart, day: week.day, dayNo: week.dayNo, skuCode: sku.skuCode, values: row }
  },
})

const { round } = Math
/** Cost of packs at a wholesale price per carton (10 packs), to the nearest fen. */
export const costFen = (packs: number, wholesaleFenPerCarton: number): number => round((packs * wholesaleFenPerCarton) / 10)

/** Cloud POS sales: one row per shop, day and SKU. */
export const salesSpec = factSpec('sales', 'date', ['packs', 'sales_fen'], (c, wholesale) => {
  const packs = c.int('packs', 0, 100_000)
  const salesFen = c.int('sales_fen', 0, 1_000_000_000)
  return [packs, salesFen, costFen(packs, wholesale)]
})

/** Purchases from the marketing system: what a shop ordered, by order date and SKU. */
export const purchasesSpec = factSpec('purchases', 'order_date', ['cartons', 'amount_fen'], (c) => [c.int('cartons', 0, 10_000), c.int('amount_fen', 0, 1_000_000_000)])

/** Stock counts: packs on hand of each SKU at a shop on a day; a day's rows are that day's count. */
export const inventorySpec = factSpec('inventory', 'date', ['packs_on_hand'], (c) => [c.int('packs_on_hand', 0, 1_000_000)])
