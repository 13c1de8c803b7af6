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

/** One day of the period; `salesFen` and `packs` are null on a day without imported POS data (无数据), never 0. */
export interface DailySales {
  date: string
  salesFen: number | null
  packs: number | null
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

/**
 * A hot seller (top 10 by daily selling rate) out of stock or whose stock runs out before the
 * next delivery. The same whatever the period asked: it is about today.
 */
export interface StockWarning {
  skuCode: string
  name: string
  packsOnHand: number
  /** The daily selling rate (日均销量): the last 8 weeks up to the last day with data, recent weeks weighted more — the suggested order's rate. */
  dailyPacks: number
  /** How many days the stock lasts at that rate (0: out of stock, 已断货). */
  daysOfStock: number
  /** When goods ordered in the coming cycle arrive. */
  nextDeliveryDate: string
  /** Days from today to that delivery. */
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
 * included). For the calendar month holding `asOf`; in its first days (fewer than
 * BENCHMARK_MIN_DAYS with data) the whole month before, which says more.
 */
export interface Benchmark {
  month: string
  /** Days of `month` compared: up to the last day with data, or the whole month once it is over. */
  from: string
  to: string
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
  /**
   * The last day of the period with imported POS data, no later than today (「数据截至 12月1日」):
   * figures run up to here. Before the period's first day when it has no data yet.
   */
  asOf: string
  /** The last day with POS data on or before the period's end and today; null: none in the months read. */
  dataThrough: string | null
  /** Days from `from` to `asOf` (0: the period has no data yet, as on the 1st of a month before the day's import). */
  days: number
  /** False when the shop has no POS rows in the months looked at: the page shows how to connect the cloud POS. */
  hasPosData: boolean
  /** The period up to `asOf` (zeros when `days` is 0). */
  current: PeriodFigures
  /** The period before and the same period a year earlier, over as many days as `current`. */
  previous: PeriodFigures
  lastYear: PeriodFigures
  vsPrevious: FiguresChange
  vsLastYear: FiguresChange
  /** The whole period before (上月全月 / 上周全周): what 本月 says in its first days beside the days so far. */
  previousWhole: PeriodFigures
  /** One entry per day from `from` to `asOf`; a day without data has null figures. */
  daily: DailySales[]
  /** Top 10 by packs in the period. */
  topSkus: SkuSales[]
  slowMovers: SlowMover[]
  stockWarnings: StockWarning[]
  /** Date of the stock count the turnover uses (the latest on or before `asOf`); null: none. */
  stockDate: string | null
  /** Date of the stock count the warnings use (the latest on or before today); null: none. */
  warningStockDate: string | null
  /** Turnover days (库存周转天数): stock at `stockDate` ÷ average daily packs over the period's `days`. */
  turnoverDays: number | null
  /** Sell-through (动销率): share of the SKUs in stock (or sold) that sold in the period. */
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
  /** The daily selling rate (日均销量): weighted over the last 8 weeks up to the last day with data. */
  dailyPacks: number
  stockPacks: number
  /** stockPacks ÷ dailyPacks (够卖几天); null when it does not sell. */
  daysOfStock: number | null
  wholesaleFenPerCarton: number
}

/** The retailer's (or a helper's) own changes to the suggestion, kept for the cycle. */
export interface OrderDraftView {
  cycleId: string
  lines: { skuCode: string; cartons: number }[]
  savedAt: string
  /** owner: the retailer; helper: someone helping with `order`. */
  by: 'owner' | 'helper'
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
  /** The last day of sales the rate reads; null: no sales in the last two months. */
  dataThrough: string | null
  /** The cycle's window is open now: the suggestion can be edited and carried to the ordering platform. */
  windowOpen: boolean
  /** The edited order kept for this cycle; null: not edited. */
  draft: OrderDraftView | null
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
  /**
   * Set when the import goes on in another invocation (CloudBase: chunks that each finish well
   * inside the function's timeout): nothing is final yet, `applied` is false until the last chunk.
   */
  continues?: { importId: string; rowsDone: number; chunks: number }
}
