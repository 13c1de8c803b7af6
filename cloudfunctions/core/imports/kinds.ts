import { LICENSE_PATTERN, type ImportKind, type OrderWindow } from '../../contracts/vocabulary'
import type { RowChecker } from './fields'
import type { RepeatTracker } from './repeats'

/** What rows may refer to: loaded from the store before a file is checked. */
export interface RowReferences {
  /**
   * By license number and SKU code. Each value repeats its key so a row can carry the store's own
   * string rather than a slice of the file's text, which would keep a whole piece of the file alive.
   */
  retailers: ReadonlyMap<string, { licenseNo: string; district: string; orderWindow: OrderWindow }>
  skus: ReadonlyMap<string, { skuCode: string; wholesaleFenPerCarton: number }>
  districts: ReadonlySet<string>
  /** Today in China: facts dated later are refused. */
  today: string
}

/** One import format: its required columns (extra columns are ignored) and how a row is checked. */
export interface KindSpec<R> {
  kind: ImportKind
  columns: readonly string[]
  /** Returns the row; when the checker holds problems afterwards the row is refused. */
  check(c: RowChecker, known: RowReferences): R
  /** The columns that name one row's subject: a second good row with the same ones is refused. */
  keyColumns: readonly string[]
  /** A fresh tracker of those keys, one per import. */
  repeats(): RepeatTracker<R>
}

/**
 * A format whose checked rows wait on disk, one line of text each, until the whole file is
 * checked (retailers, SKUs, calendar: a row of them changes what other rows mean).
 */
export interface StagedSpec<R> extends KindSpec<R> {
  stage(row: R): string
  unstage(line: string): R
}

/** Checks the license column: 12 digits and a retailer the store knows. */
export const knownLicense = (c: RowChecker, known: RowReferences, column = 'license_no'): string => {
  const licenseNo = c.raw(column)
  const retailer = known.retailers.get(licenseNo)
  if (retailer) return retailer.licenseNo
  if (!LICENSE_PATTERN.test(licenseNo)) c.matches(column, LICENSE_PATTERN, 'licenseNo')
  else c.problem(column, { code: 'unknownRetailer', value: licenseNo })
  return licenseNo
}

export const SKU_CODE = /^[0-9A-Za-z]{1,32}$/
