import { monthOf } from '../time'
import type { MarketingMonth, StoredStrategy } from '../model'
import { MONTH_PATTERN } from '../../contracts/vocabulary'
import { LIBRARY_COLUMNS } from '../guidance/library'
import type { RowChecker } from './fields'
import { knownLicense, type StagedSpec } from './kinds'
import { noRepeats, textRepeats } from './repeats'

const json = <T>(): Pick<StagedSpec<T>, 'stage' | 'unstage'> => ({
  stage: (row) => JSON.stringify(row),
  unstage: (line) => JSON.parse(line) as T,
})

/** A month `YYYY-MM` not after the current one. */
const pastMonth = (c: RowChecker, column: string, today: string): string => {
  const value = c.raw(column)
  const limit = monthOf(today)
  if (!MONTH_PATTERN.test(value)) c.problem(column, value === '' ? { code: 'empty' } : { code: 'notMonth', value })
  else if (value > limit) c.problem(column, { code: 'futureMonth', value, limit })
  return value
}

export const MARKETING_COLUMNS = ['license_no', 'month', 'grade', 'integrity_score', 'monthly_quota_cartons', 'new_retail_score', 'terminal_level', 'shop_area_m2'] as const

/** The marketing system's monthly rows (guidance.md §1), one per retailer and month. */
export const marketingSpec: StagedSpec<MarketingMonth> = {
    kind: 'marketing',
    columns: MARKETING_COLUMNS,
    keyColumns: ['license_no', 'month'],
    repeats: () => textRepeats<MarketingMonth>((row) => row._id),
    check: (c, known) => {
      const licenseNo = knownLicense(c, known)
      const month = pastMonth(c, 'month', known.today)
      const row: MarketingMonth = {
        _id: `${licenseNo}|${month}`,
        licenseNo,
        month,
        grade: c.int('grade', 1, 30),
        integrityScore: c.number('integrity_score', 0, 100),
        monthlyQuotaCartons: c.int('monthly_quota_cartons', 0, 100_000),
        newRetailScore: c.number('new_retail_score', 0, 100),
        terminalLevel: c.int('terminal_level', 1, 5),
        shopAreaM2: c.number('shop_area_m2', 0, 100_000),
      }
      return row
    },
    ...json<MarketingMonth>(),
}

/** One row of the strategy library as it was written: its row number and its cells in LIBRARY_COLUMNS order. */
export interface LibraryRow {
  row: number
  cells: string[]
}

/**
 * The strategy library (服务策略库, guidance.md §4). A row alone is only read here; the library is
 * checked whole once the file is read (checkLibrary: ids unique, classes, indicators, operators,
 * courses and model stores known), because one row's validity depends on the others.
 */
export const strategiesSpec: StagedSpec<LibraryRow> = {
  kind: 'strategies',
  columns: LIBRARY_COLUMNS,
  keyColumns: [],
  // Repeated ids are the whole library's check (checkLibrary names both rows).
  repeats: noRepeats,
  check: (c) => ({ row: c.row, cells: LIBRARY_COLUMNS.map((column) => c.raw(column)) }),
  ...json<LibraryRow>(),
}

export const storedStrategy = (s: Omit<StoredStrategy, '_id'>): StoredStrategy => ({ _id: s.id, ...s })
