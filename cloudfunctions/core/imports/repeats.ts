/**
 * Rows of one file that say the same thing twice — one shop, day and SKU in a sales file, one
 * licence in the register — are refused with both row numbers: which of the two is right is the
 * person's to say, never the importer's silent "last one wins".
 *
 * A million-row sales file is the hot path, so fact rows are keyed by a number built from small
 * per-import indexes of the shop and the SKU and the day number, held in an open-addressing table
 * of typed arrays sealed into sorted runs (about 12 bytes a row: 84 MB for 7 million) rather than a Set of strings.
 */

export interface RepeatTracker<R> {
  /** Answers the row number of an earlier row with the same key, or 0 the first time a key is seen. */
  firstRowOf(row: R, rowNumber: number): number
}

/**
 * Numbers up to 2^53 → the first row that had them. New keys go into an open-addressing table of
 * fixed size; when it is three quarters full its entries are sealed into a sorted run (12 bytes a
 * key, exactly) and the table is emptied for the next ones. A growing hash table held 16 M slots
 * for 7 M rows and briefly its 8 M-slot predecessor too: 288 MB at the switch; runs hold 84 MB.
 *
 * A run also keeps the range of `partOf(key)` it holds (the day, for fact rows), so a file in date
 * order looks a key up only in the open table: older runs cannot hold a later day.
 */
export class RowKeys {
  private readonly keys: Float64Array
  /** 0: an empty slot (row numbers start at 2: the header is row 1). */
  private readonly rows: Int32Array
  private size = 0
  private low = Infinity
  private high = -Infinity
  private readonly runs: { keys: Float64Array; rows: Int32Array; low: number; high: number }[] = []

  constructor(
    private readonly partOf: (key: number) => number = () => 0,
    slots = 1 << 20,
  ) {
    if (!(slots >= 4 && (slots & (slots - 1)) === 0)) throw new Error(`slots must be a power of two ≥ 4, got ${slots}`)
    this.keys = new Float64Array(slots)
    this.rows = new Int32Array(slots)
  }

  /** Records `key` at `row` unless it is known: then answers the row it was first seen at. */
  firstRow(key: number, row: number): number {
    const mask = this.rows.length - 1
    let at = slotOf(key) & mask
    for (; this.rows[at] !== 0; at = (at + 1) & mask) if (this.keys[at] === key) return this.rows[at]
    if (this.runs.length > 0) {
      const part = this.partOf(key)
      for (const run of this.runs) {
        if (part < run.low || part > run.high) continue
        const seen = findIn(run.keys, key)
        if (seen >= 0) return run.rows[seen]
      }
    }
    this.keys[at] = key
    this.rows[at] = row
    const part = this.partOf(key)
    if (part < this.low) this.low = part
    if (part > this.high) this.high = part
    if (++this.size * 4 > this.rows.length * 3) this.seal()
    return 0
  }

  /** Moves the open table's entries into a sorted run and empties it. */
  private seal(): void {
    const keys = new Float64Array(this.size)
    let n = 0
    for (let i = 0; i < this.rows.length; i++) if (this.rows[i] !== 0) keys[n++] = this.keys[i]
    keys.sort()
    const rows = new Int32Array(this.size)
    const mask = this.rows.length - 1
    for (let i = 0; i < keys.length; i++) {
      let at = slotOf(keys[i]) & mask
      while (this.keys[at] !== keys[i]) at = (at + 1) & mask
      rows[i] = this.rows[at]
    }
    this.runs.push({ keys, rows, low: this.low, high: this.high })
    this.rows.fill(0)
    this.size = 0
    this.low = Infinity
    this.high = -Infinity
  }
}

/** The index of `key` in the sorted `keys`, or -1. */
const findIn = (keys: Float64Array, key: number): number => {
  let from = 0
  let to = keys.length - 1
  while (from <= to) {
    const mid = (from + to) >>> 1
    const k = keys[mid]
    if (k === key) return mid
    if (k < key) from = mid + 1
    else to = mid - 1
  }
  return -1
}

const TWO_32 = 2 ** 32
const slotOf = (key: number): number => {
  let h = Math.imul((key % TWO_32 >>> 0) ^ Math.imul(Math.floor(key / TWO_32), 0x9e3779b1), 0x85ebca6b)
  h ^= h >>> 15
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13)
}

/** Small consecutive numbers for the strings of one import (shops, SKUs). */
export class Interned {
  private readonly numbers = new Map<string, number>()
  of(value: string): number {
    let n = this.numbers.get(value)
    if (n === undefined) this.numbers.set(value, (n = this.numbers.size))
    return n
  }
}

const SHOPS = 2 ** 21
const SKUS = 2 ** 16
const DAYS = 2 ** 16

/**
 * (shop, SKU, day) as one number below 2^53: 2^21 shops (a province holds 200,000), 2^16 SKUs of
 * one catalogue, 2^16 days since 1970 (to the year 2149).
 */
export const factRepeats = <R extends { licenseNo: string; skuCode: string }>(dayOf: (row: R) => number): RepeatTracker<R> => {
  const shops = new Interned()
  const skus = new Interned()
  const seen = new RowKeys((key) => key % DAYS)
  const firstRowOf = (row: R, rowNumber: number): number => {
    const shop = shops.of(row.licenseNo)
    const sku = skus.of(row.skuCode)
    const day = dayOf(row)
    if (shop >= SHOPS || sku >= SKUS || !(day >= 0 && day < DAYS)) throw new Error(`row key out of range: shop ${shop}, sku ${sku}, day ${day}`)
    return seen.firstRow((shop * SKUS + sku) * DAYS + day, rowNumber)
  }
  return { firstRowOf }
}

/** Repeats by a text key: the register, the catalogue and the calendar are files of thousands of rows. */
export const textRepeats = <R>(keyOf: (row: R) => string): RepeatTracker<R> => {
  const seen = new Map<string, number>()
  const firstRowOf = (row: R, rowNumber: number): number => {
    const key = keyOf(row)
    const first = seen.get(key)
    if (first !== undefined) return first
    seen.set(key, rowNumber)
    return 0
  }
  return { firstRowOf }
}

/** For a kind whose repeats are judged with the whole file (the strategy library's ids). */
export const noRepeats = <R>(): RepeatTracker<R> => ({ firstRowOf: () => 0 })
