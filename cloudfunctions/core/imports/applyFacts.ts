import type { CollectionName } from '../collections'
import type { Doc, DocumentStore } from '../ports'
import { FACT_FIELDS, type FactKind, type FactMonth, type RawWeek } from '../model'
import type { FactRow } from './facts'
import { SkuNumbers, WeekRows, applyMonthChange, mergeWeek, type MonthChanges } from './weeks'
import type { Journal } from './journal'
import { monthOf } from '../time'

export const FACT_COLLECTIONS: Record<FactKind, { weeks: CollectionName; months: CollectionName }> = {
  sales: { weeks: 'salesWeeks', months: 'salesMonths' },
  purchases: { weeks: 'purchaseWeeks', months: 'purchaseMonths' },
  inventory: { weeks: 'inventoryWeeks', months: 'inventoryMonths' },
}

/** Rows held before every waiting week is merged and written: a bound on memory. */
export const FLUSH_ROWS = 250_000
/**
 * Rows held before a new week starting lets the weeks before it be written: in a file sorted by
 * date that is the moment they are complete, so each week document is written once.
 */
const FLUSH_AT_NEW_WEEK = 20_000
/**
 * Month changes held before they are written (they add up, so writing early is safe): a bound on
 * memory for a file out of date order, about 6 KB of heap a shop-month (30 MB), well inside the
 * import tool's heap cap (package.json). A file in date order writes its months as they complete.
 */
const FLUSH_MONTHS = 5_000
const QUERY_IDS = 1000

/** Documents by id, in queries of at most QUERY_IDS ids. */
export const loadByIds = async <T extends Doc>(store: DocumentStore, collection: CollectionName, ids: readonly string[]): Promise<Map<string, T>> => {
  const found = new Map<string, T>()
  for (let i = 0; i < ids.length; i += QUERY_IDS) {
    const chunk = ids.slice(i, i + QUERY_IDS)
    for (const doc of await store.collection<T>(collection).find({ _id: { $in: chunk } }, { limit: chunk.length })) found.set(doc._id, doc)
  }
  return found
}

export interface FactsApplied {
  /** Months (YYYY-MM) whose aggregates changed. */
  months: Set<string>
  /** `${licenseNo}|${date}` of every purchase row with cartons: the days a shop ordered. */
  orderDays: Set<string>
}

/**
 * Writes sales, purchase or stock rows as they are checked: rows gather by retailer-week, and
 * waiting weeks are merged into their stored documents and written through the journal when a
 * new week begins (a file sorted by date) or too many rows wait. Months are written at the end.
 * `add` is synchronous, for the parser's callback; `settle` does the writing the adds made due.
 */
export class FactWriter {
  private readonly width: number
  private readonly numbers = new SkuNumbers()
  /** weekStart → licenseNo → the rows waiting for that retailer-week. */
  private readonly waiting = new Map<string, Map<string, WeekRows>>()
  private readonly changes: MonthChanges = new Map()
  private readonly applied: FactsApplied = { months: new Set(), orderDays: new Set() }
  private held = 0
  private done = 0
  private latestWeek = ''
  /** Weeks before this one may be written; '' when nothing is due. */
  private dueBefore = ''

  constructor(
    private readonly kind: FactKind,
    private readonly store: DocumentStore,
    private readonly journal: Journal,
    private readonly onRows: (rows: number) => void = () => undefined,
  ) {
    this.width = FACT_FIELDS[kind].length
  }

  add(row: FactRow): void {
    if (row.weekStart > this.latestWeek) {
      if (this.latestWeek !== '' && this.held >= FLUSH_AT_NEW_WEEK && this.dueBefore !== '~') this.dueBefore = row.weekStart
      this.latestWeek = row.weekStart
    }
    let shops = this.waiting.get(row.weekStart)
    if (!shops) this.waiting.set(row.weekStart, (shops = new Map()))
    let rows = shops.get(row.licenseNo)
    if (!rows) shops.set(row.licenseNo, (rows = new WeekRows(this.width)))
    rows.add(row.day, this.numbers.of(row.skuCode), row.values)
    if (this.kind === 'purchases' && row.values[0] > 0) this.applied.orderDays.add(`${row.licenseNo}|${row.date}`)
    if (++this.held >= FLUSH_ROWS) this.dueBefore = '~'
  }

  /** Writes what is due. */
  async settle(): Promise<void> {
    if (this.dueBefore === '') return
    const before = this.dueBefore
    this.dueBefore = ''
    await this.writeWeeks((weekStart) => weekStart < before)
  }

  /** Writes everything still waiting, then the months. */
  async finish(): Promise<FactsApplied> {
    await this.writeWeeks(() => true)
    await this.writeMonths()
    return this.applied
  }

  private async writeWeeks(which: (weekStart: string) => boolean): Promise<void> {
    const { weeks } = FACT_COLLECTIONS[this.kind]
    const batch: { id: string; licenseNo: string; weekStart: string; rows: WeekRows }[] = []
    for (const [weekStart, shops] of this.waiting) {
      if (!which(weekStart)) continue
      for (const [licenseNo, rows] of shops) batch.push({ id: `${licenseNo}|${weekStart}`, licenseNo, weekStart, rows })
      this.waiting.delete(weekStart)
    }
    if (batch.length === 0) return
    const existing = await loadByIds<RawWeek>(this.store, weeks, batch.map((w) => w.id))
    const docs: RawWeek[] = []
    let rows = 0
    for (const { id, licenseNo, weekStart, rows: incoming } of batch) {
      rows += incoming.size
      const merged = mergeWeek(this.kind, { _id: id, licenseNo, weekStart }, existing.get(id) ?? null, incoming, this.numbers, this.changes)
      if (merged) docs.push(merged)
    }
    await this.journal.write(weeks, docs, existing)
    this.held -= rows
    this.onRows((this.done += rows))
    await this.writeMonths(this.changes.size >= FLUSH_MONTHS ? '~' : this.monthsCompleteBefore())
  }

  /**
   * In a file sorted by date, the months before the oldest week still waiting (or, with none
   * waiting, before the latest week read) get no more rows: their changes are written now rather
   * than held to the end. Held, a county's 7 million rows kept 9,000 shop-months of changes —
   * 650,000 small objects, the largest part of the import's heap. A file out of order only writes
   * a month more than once (changes add up).
   */
  private monthsCompleteBefore(): string {
    let oldest = this.latestWeek
    for (const weekStart of this.waiting.keys()) if (weekStart < oldest) oldest = weekStart
    return oldest === '' ? '' : monthOf(oldest)
  }

  /** Writes the month changes of months before `before` ('~': all of them). */
  private async writeMonths(before = '~'): Promise<void> {
    const { months } = FACT_COLLECTIONS[this.kind]
    const ids = [...this.changes.keys()].filter((id) => this.changes.get(id)!.month < before)
    if (ids.length === 0) return
    const existing = await loadByIds<FactMonth>(this.store, months, ids)
    const docs = ids.flatMap((id) => {
      const change = this.changes.get(id)!
      const before = existing.get(id) ?? null
      const after = applyMonthChange(this.kind, before, change)
      // A change that moved nothing (rows changed and changed back) writes nothing.
      if (before && JSON.stringify(after) === JSON.stringify(applyMonthChange(this.kind, before, { ...change, days: new Map(), skus: new Map() }))) return []
      this.applied.months.add(change.month)
      return [after]
    })
    await this.journal.write(months, docs, existing)
    for (const id of ids) this.changes.delete(id)
  }
}
