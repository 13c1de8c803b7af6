import { CsvReader } from '../../cloudfunctions/adapters/node/csv'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The course and model-store ids the 学习 work creates. */
export const KNOWN = {
  courseIds: new Set(['c-pos-unstable', 'c-scanner-fault', 'c-card-limit', 'c-stockout-warning', 'c-family-order']),
  modelStoreIds: new Set(['ms-town-convenience', 'ms-village-grocery', 'ms-town-tobacco-liquor']),
}

export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  const reader = new CsvReader((fields) => rows.push(fields))
  reader.write(text.replace(/^\uFEFF/, ''))
  reader.end()
  return rows
}

export const defaultLibraryRows = (): string[][] => parseCsv(readFileSync(join(__dirname, '../../cloudfunctions/defaults/strategies.csv'), 'utf8'))
