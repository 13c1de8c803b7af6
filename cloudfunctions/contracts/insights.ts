/**
 * Results of the operating summary (经营), the suggested order (建议订单) and data imports.
 * Money is integer fen; dates are local (China) 'YYYY-MM-DD'; ratios are fractions (0.12 = 12 %).
 */
import type { ImportKind, PeriodKind } from './vocabulary'
import type { LibraryProblemCode } from './guidance'
import type { CatalogueProblemCode } from './learning'

export type { ImportKind, PeriodKind }

/** What a field holds when it is not what its column needs: a licence number, a SKU code, … */
export type FieldShape = 'licenseNo' | 'skuCode' | 'mobile' | 'phone' | 'weekday' | 'time' | 'instant'

/** A broken CSV structure, found where the record begins. */
export type CsvProblem = 'recordTooLong' | 'unclosedQuote' | 'textAfterQuote' | 'quoteInsideField'

/** What is wrong, as a code and the figures the sentence needs (cloudfunctions/words/imports.ts writes it). */
export type RowProblemDetail =
  | { code: 'empty' | 'missingColumn' | 'emptyFile' | 'undecodable' | 'unknownEncoding' | 'emptyOnCancel' | 'requiredOnMove' | 'closeNotAfterOpen' }
  | { code: 'tooLong'; max: number; length: number }
  | { code: 'notInteger' | 'notNumber' | 'notFlag' | 'notDate' | 'unknownRetailer' | 'unknownSku' | 'unknownDistrict'; value: string }
  | { code: 'outOfRange'; min: number; max: number; value: string }
  | { code: 'notOneOf'; options: readonly string[]; value: string }
  | { code: 'notShape'; shape: FieldShape; value: string }
  | { code: 'dateAfter' | 'dateBefore'; value: string; limit: string }
  | { code: 'notCloseDay'; scope: string; closeWeekday: number; value: string }
  | { code: 'movedTooFar'; cycleId: string; days: number }
  | { code: 'csvFormat'; problem: CsvProblem }
  /** A second row with the same key columns as row `firstRow` (one shop, day and SKU; one licence; …). */
  | { code: 'repeatedRow'; firstRow: number; columns: readonly string[] }
  /** Not a month `YYYY-MM`. */
  | { code: 'notMonth'; value: string }
  /** A month after the current one (`limit`). */
  | { code: 'futureMonth'; value: string; limit: string }
  /** A strategy library refusal (guidance.md §4), worded by words/guidance.ts. */
  | { code: 'strategy'; problem: LibraryProblemCode; value?: string; limit?: number }
  /** A row of a 学习 catalogue (courses, modelStores), in the catalogue validators' own codes. */
  | { code: 'catalogue'; problem: CatalogueProblemCode; value?: string; min?: number; max?: number }

/** One problem with one field of one row of an imported file. */
export type RowProblem = {
  /** Row number as a spreadsheet shows it: the header is row 1, the first data row row 2. */
  row: number
  /** The column, or `#row` / `#file` for a problem of the whole row or the whole file. */
  column: string
} & RowProblemDetail

/** Sales over a span of days. */
export interface PeriodFigures {
  from: string
  to: string
  salesFen: number
  packs: number
  /** Sales minus the wholesale cost of the packs sold. */
  grossProfitFen: number
}

/** Change against a base period, as a fraction (0.12 → "+12%"); null when the base is zero. */
export interface FiguresChange {
  salesFen: number | null
  packs: number | null
  grossProfitFen: number | null
}

export interface DailySales {
  date: string
  salesFen: number
  packs: number
}

export interface SkuSales {
  skuCode: string
  name: string
  packs: number
  salesFen: number
}

/** In stock at the last count, and not sold in the 30 days up to `asOf`. */
export interface SlowMover {
  skuCode: string
  name: string
  packsOnHand: number
  /** Last day it sold, when since the start of the month the 30 days begin in; null: longer ago or never. */
  lastSaleDate: string | null
}

/** A hot seller (top 10 of the period) whose stock runs out before the next delivery. */
export interface StockWarning {
  skuCode: string
  name: string
  packsOnHand: number
  /** Average packs sold a day in the period. */
  dailyPacks: number
  /** How many days the stock lasts at that rate. */
  daysOfStock: number
  nextDeliveryDate: string
  daysToDelivery: number
}

/** Where the retailer stands among its peers on one indicator. */
export interface Standing {
  value: number | null
  /** Share of peers it does better than, 0–100 (null: no value or no peers). */
  percentile: number | null
  median: number | null
  /** The top-10 % value (标杆): the 90th percentile, or the 10th where lower is better. */
  best: number | null
  betterWhen: 'higher' | 'lower'
}

/**
 * Peers: same business type, same town/village setting, grade within ±2 (the retailer itself
 * included). Always for the calendar month holding `asOf`.
 */
export interface Benchmark {
  month: string
  peers: number
  salesFen: Standing
  /** Gross profit ÷ sales. */
  grossMargin: Standing
  turnoverDays: Standing
}

export interface SummaryData {
  licenseNo: string
  shopName: string
  period: PeriodKind
  /** The whole week (Monday–Sunday) or month holding the asked date. */
  from: string
  to: string
  /** Today, or the period's last day once it is over: figures run up to here. */
  asOf: string
  /** False when the shop has no POS rows in the months looked at: the page shows how to connect the cloud POS. */
  hasPosData: boolean
  /** The period up to `asOf`. */
  current: PeriodFigures
  /** The period before and the same period a year earlier, over as many days as `current`. */
  previous: PeriodFigures
  lastYear: PeriodFigures
  vsPrevious: FiguresChange
  vsLastYear: FiguresChange
  /** One entry per day from `from` to `asOf`. */
  daily: DailySales[]
  /** Top 10 by packs in the period. */
  topSkus: SkuSales[]
  slowMovers: SlowMover[]
  stockWarnings: StockWarning[]
  /** Date of the stock count the stock figures use (the latest on or before `asOf`); null: none. */
  stockDate: string | null
  /** Stock at that count ÷ average daily packs sold in the period. */
  turnoverDays: number | null
  /** Share of the SKUs in stock (or sold) that sold in the period. */
  sellThrough: number | null
  /** Scanned packs ÷ purchased packs (cartons × 10) in the period. */
  scanRate: number | null
  grade: number
  integrityScore: number
  /** The monthly quota of the month holding `asOf`, and the cartons bought in it so far. */
  quota: { month: string; cartons: number; usedCartons: number }
  benchmark: Benchmark | null
}

export interface SuggestedLine {
  skuCode: string
  name: string
  /** Whole cartons (条) to order. */
  cartons: number
  /** Cartons cut to stay within the monthly quota. */
  trimmedCartons: number
  /** Weighted average packs sold a day over the last 8 weeks. */
  dailyPacks: number
  stockPacks: number
  wholesaleFenPerCarton: number
}

export interface SuggestedOrderData {
  licenseNo: string
  shopName: string
  /** The cycle to order in: the open one, or the next to open. */
  cycleId: string
  opensAt: string
  closesAt: string
  deliveryDate: string
  /** Stock must last until this delivery (the one after next), plus the safety days. */
  nextDeliveryDate: string
  coverDays: number
  safetyDays: number
  /** The stock count used; null when the shop has none (stock taken as zero). */
  stockDate: string | null
  quota: { month: string; cartons: number; usedCartons: number; remainingCartons: number }
  /** SKUs to order (cartons > 0) and those the quota cut to zero, most urgent first. */
  lines: SuggestedLine[]
  totalCartons: number
  /** Wholesale cost of the suggestion. */
  totalFen: number
  /** How many weeks of sales the daily rate weighs. */
  historyWeeks: number
}

export interface ImportReport {
  kind: ImportKind
  file: string
  /** Data rows read (the header not counted). */
  rows: number
  /** Rows written to the store (0 when a bad row stopped the import). */
  imported: number
  /** Rows with at least one problem. */
  rejected: number
  /** The first 100 problems, in file order. */
  problems: RowProblem[]
  /** Problems not listed. */
  moreProblems: number
  /** Whether anything was applied: false when bad rows stopped the import. */
  applied: boolean
  /** Where the rejected rows and their reasons went (--skip-invalid). */
  rejectedFile?: string
  /** Documents written (0 when the file changed nothing). */
  changedDocs: number
  seconds: number
  rowsPerSecond: number
}
