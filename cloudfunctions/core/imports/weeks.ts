import { addDays, dayOfMonth, daysInMonth } from '../time'
import { FACT_FIELDS, type FactKind, type FactMonth, type RawWeek, type SkuTotal } from '../model'

/**
 * How fact rows become documents: rows merge into their retailer-week (a row replaces the one
 * with the same date and SKU), and each merge records what it changed in the months it touched —
 * the sums of the days it rewrote and, per SKU, by how much each total moved. Those changes then
 * update the month aggregates without reading any other week back.
 */

/** What merging changed in one retailer-month. */
export interface MonthChange {
  licenseNo: string
  month: string
  /** Day of the month → the sums of each field over that day's rows, as they now are. */
  days: Map<number, number[]>
  /** What changed per SKU. */
  skus: Map<string, SkuChange>
}

export interface SkuChange {
  /** How much each field's month total moved. */
  delta: number[]
  /** Days to mark sold and to unmark, as bits (bit d = day d + 1); sales only. */
  soldSet: number
  soldClear: number
}

export const emptyMonthChange = (licenseNo: string, month: string): MonthChange => ({ licenseNo, month, days: new Map(), skus: new Map() })

export type MonthChanges = Map<string, MonthChange>

export const weekId = (licenseNo: string, weekStart: string): string => `${licenseNo}|${weekStart}`
export const monthId = (licenseNo: string, month: string): string => `${licenseNo}|${month}`

/**
 * Reads the numbers after the SKU code of a day line (`6901000020000,3,4500,3900`) into `out`,
 * without allocating: this runs for every row of a million-row file.
 */
export const readValues = (line: string, out: number[] | Float64Array): void => {
  let at = line.indexOf(',') + 1
  for (let i = 0; i < out.length; i++) {
    let sign = 1
    let n = 0
    if (line.charCodeAt(at) === 45) {
      sign = -1
      at++
    }
    for (let c = line.charCodeAt(at); c >= 48 && c <= 57; c = line.charCodeAt(++at)) n = n * 10 + (c - 48)
    out[i] = sign * n
    at++
  }
}

/** The lines of one day's text by SKU code. */
export const dayLines = (text: string | undefined): Map<string, string> => {
  const lines = new Map<string, string>()
  if (text) for (const line of text.split('\n')) lines.set(line.slice(0, line.indexOf(',')), line)
  return lines
}

const changeOf = (changes: MonthChanges, licenseNo: string, date: string): MonthChange => {
  const month = date.slice(0, 7)
  const id = monthId(licenseNo, month)
  let change = changes.get(id)
  if (!change) changes.set(id, (change = emptyMonthChange(licenseNo, month)))
  return change
}

/** Small numbers for the SKU codes of one import: a row's SKU is then an index, not a key. */
export class SkuNumbers {
  private readonly numbers = new Map<string, number>()
  readonly codes: string[] = []

  of(skuCode: string): number {
    let n = this.numbers.get(skuCode)
    if (n === undefined) {
      n = this.codes.push(skuCode) - 1
      this.numbers.set(skuCode, n)
    }
    return n
  }
}

/**
 * One retailer-week's incoming rows, in file order, as plain numbers: per row the day (0 =
 * Monday), the SKU's number and the values. A million rows waiting to be merged are then a few
 * arrays of small integers, not a million objects.
 */
export class WeekRows {
  readonly data: number[] = []
  constructor(readonly width: number) {}

  add(day: number, sku: number, values: readonly number[]): void {
    this.data.push(day, sku)
    for (let i = 0; i < this.width; i++) this.data.push(values[i])
  }

  get size(): number {
    return this.data.length / (2 + this.width)
  }
}

const weekDates = new Map<string, string[]>()
/** The seven dates of a week, remembered: every retailer-week of a file asks for the same few. */
const datesOfWeek = (weekStart: string): string[] => {
  let dates = weekDates.get(weekStart)
  if (!dates) {
    dates = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i))
    if (weekDates.size < 5_000) weekDates.set(weekStart, dates)
  }
  return dates
}

/** What merging has gathered about one day of the week; SKUs by their number. */
interface DayState {
  date: string
  /** Where each SKU's current values start in the merge's value store, by SKU number. */
  at: (number | undefined)[]
  /** SKU numbers in the order their lines were first seen. */
  order: number[]
  skus: (SkuChange | undefined)[]
  sums: number[]
  change: MonthChange
  day: number
  touched: boolean
}

/**
 * Merges a week's incoming rows (a later row for the same day and SKU wins) into its stored week
 * and records the month changes. Answers the new week, or null when nothing changed.
 */
export const mergeWeek = (
  kind: FactKind,
  week: Pick<RawWeek, '_id' | 'licenseNo' | 'weekStart'>,
  existing: RawWeek | null,
  rows: WeekRows,
  numbers: SkuNumbers,
  changes: MonthChanges,
): RawWeek | null => {
  const width = FACT_FIELDS[kind].length
  // Every line's values, one after another: a row costs no array of its own.
  const values: number[] = []
  const scratch = new Array<number>(width)
  const days: (DayState | undefined)[] = []
  const dayOf = (offset: number): DayState => {
    const date = datesOfWeek(week.weekStart)[offset]
    const state: DayState = { date, at: [], order: [], skus: [], sums: new Array<number>(width).fill(0), change: changeOf(changes, week.licenseNo, date), day: dayOfMonth(date), touched: false }
    for (const line of existing?.days[date]?.split('\n') ?? []) {
      const n = numbers.of(line.slice(0, line.indexOf(',')))
      readValues(line, scratch)
      state.at[n] = values.length
      state.order.push(n)
      for (let i = 0; i < width; i++) {
        values.push(scratch[i])
        state.sums[i] += scratch[i]
      }
    }
    return (days[offset] = state)
  }
  const data = rows.data
  const stride = 2 + width
  for (let at = 0; at < data.length; at += stride) {
    const day = days[data[at]] ?? dayOf(data[at])
    const n = data[at + 1]
    const was = day.at[n]
    let same = was !== undefined
    for (let i = 0; same && i < width; i++) same = values[(was as number) + i] === data[at + 2 + i]
    if (same) continue
    if (was === undefined) day.order.push(n)
    day.at[n] = values.length
    day.touched = true
    let sku = day.skus[n]
    if (!sku) {
      const skuCode = numbers.codes[n]
      sku = day.change.skus.get(skuCode)
      if (!sku) day.change.skus.set(skuCode, (sku = { delta: new Array<number>(width).fill(0), soldSet: 0, soldClear: 0 }))
      day.skus[n] = sku
    }
    for (let i = 0; i < width; i++) {
      const now = data[at + 2 + i]
      const moved = now - (was === undefined ? 0 : values[was + i])
      values.push(now)
      sku.delta[i] += moved
      day.sums[i] += moved
    }
    if (kind === 'sales') {
      const bit = 1 << (day.day - 1)
      if (data[at + 2] > 0) {
        sku.soldSet |= bit
        sku.soldClear &= ~bit
      } else {
        sku.soldSet &= ~bit
        sku.soldClear |= bit
      }
    }
  }
  let touched = false
  const text: Record<string, string> = { ...existing?.days }
  for (const day of days) {
    if (!day?.touched) continue
    const lines = day.order
      .map((n) => {
        const from = day.at[n] as number
        let line = numbers.codes[n]
        for (let i = 0; i < width; i++) line += `,${values[from + i]}`
        return line
      })
      .join('\n')
    // Rows that changed a line and then changed it back (a file repeating a key) change nothing.
    if (lines === existing?.days[day.date]) continue
    touched = true
    text[day.date] = lines
    day.change.days.set(day.day, [...day.sums])
  }
  return touched ? { ...week, days: text } : null
}

/** Whether a kind keeps per-SKU month totals (a stock count does not add up over days). */
export const keepsSkuTotals = (kind: FactKind): boolean => kind !== 'inventory'

/** The month aggregate after a change: days rewritten, totals re-added, SKU totals moved. */
export const applyMonthChange = (kind: FactKind, existing: FactMonth | null, change: MonthChange): FactMonth => {
  const fields: readonly string[] = FACT_FIELDS[kind]
  const length = daysInMonth(change.month)
  const daily: Record<string, (number | null)[]> = {}
  fields.forEach((field, i) => {
    const days = existing?.daily[field]?.slice() ?? new Array<number | null>(length).fill(null)
    for (const [day, sums] of change.days) days[day - 1] = sums[i]
    daily[field] = days
  })
  const totals: Record<string, number> = {}
  if (keepsSkuTotals(kind)) for (const field of fields) totals[field] = daily[field].reduce<number>((sum, v) => sum + (v ?? 0), 0)

  const skus = new Map<string, SkuTotal<string> & { soldDays?: number }>()
  if (keepsSkuTotals(kind)) {
    for (const total of existing?.skus ?? []) skus.set(total.skuCode, { ...total })
    for (const [skuCode, moved] of change.skus) {
      const total: Record<string, number> & { skuCode: string; soldDays?: number } =
        skus.get(skuCode) ?? Object.assign({ skuCode }, Object.fromEntries(fields.map((f) => [f, 0])), kind === 'sales' ? { soldDays: 0 } : {})
      fields.forEach((field, i) => (total[field] += moved.delta[i]))
      if (kind === 'sales') total.soldDays = ((total.soldDays ?? 0) & ~moved.soldClear) | moved.soldSet
      const empty = fields.every((field) => total[field] === 0) && !total.soldDays
      if (empty) skus.delete(skuCode)
      else skus.set(skuCode, total)
    }
  }
  return {
    _id: monthId(change.licenseNo, change.month),
    licenseNo: change.licenseNo,
    month: change.month,
    totals,
    daily,
    skus: [...skus.values()].sort((a, b) => (a.skuCode < b.skuCode ? -1 : 1)),
  }
}
