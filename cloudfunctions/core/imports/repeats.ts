/**
 * Rows of one file that say the same thing twice — one shop, day and SKU in a sales file, one
 * licence in the register — are refused with both row numbers: which of the two is right is the
 * person's to say, never the importer's silent "last one wins".
 *
 * A million-row sales file is the hot path, so fact rows are keyed by a number built from small
 * per-import indexes of the shop and the SKU and the day number, held in an open-addressing table
 * of typed arrays (12 bytes a slot, about 24 MB for a million rows) rather than a Set of strings.
 */

export interface RepeatTracker<R> {
  /** Answers the row number of an earlier row with the same key, or 0 the first time a key is seen. */
  firstRowOf(row: R, rowNumber: number): number
}

/** Numbers up to 2^53 → the first row that had them. */
export class RowKeys {
  private keys = new Float64Array(1 << 12)
  /** 0: an empty slot (row numbers start at 2: the header is row 1). */
  private rows = new Int32Array(1 << 12)
  private size = 0

  /** Records `key` at `row` unless it is known: then answers the row it was first seen at. */
  firstRow(key: number, row: number): number {
    const mask = this.rows.length - 1
    for (let at = slotOf(key) & mask; ; at = (at + 1) & mask) {
      const seen = this.rows[at]
      if (seen === 0) {
        this.keys[at] = key
        this.rows[at] = row
        if (++this.size * 4 > this.rows.length * 3) this.grow()
        return 0
      }
      if (this.keys[at] === key) return seen
    }
  }

  private grow(): void {
    const { keys, rows } = this
    this.keys = new Float64Array(rows.length * 2)
    this.rows = new Int32Array(rows.length * 2)
    const mask = this.rows.length - 1
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue
      let at = slotOf(keys[i]) & mask
      while (this.rows[at] !== 0) at = (at + 1) & mask
      this.keys[at] = keys[i]
      this.rows[at] = rows[i]
    }
  }
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
  const seen = new RowKeys()
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
