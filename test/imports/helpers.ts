import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { COLLECTIONS } from '../../cloudfunctions/core/collections'
import type { DocumentStore } from '../../cloudfunctions/core/ports'
import type { ImportReport } from '../../cloudfunctions/contracts'
import { importFile } from '../../cloudfunctions/core/imports/run'
import { nodeImportIo } from '../../cloudfunctions/adapters/node/importIo'
import { DATA_VERSION_ID } from '../../cloudfunctions/core/insights/freshness'
import type { ImportKind } from '../../cloudfunctions/contracts/vocabulary'
import { describeProblem } from '../../cloudfunctions/words/imports'
import type { CatalogueMedia } from '../../cloudfunctions/core/imports/ports'

/** Shared by the import and insights tests: files as a person would make them, imported for real. */

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'shopmate-imports-'))
export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true })

export const openStore = (dir = tempDir()): Promise<SqliteStore> => new SqliteStore(dir).open()

/** CSV text with a header row, the way Excel saves it (CRLF). */
export const csv = (header: readonly string[], rows: readonly (readonly (string | number)[])[]): string =>
  [header, ...rows].map((row) => row.join(',')).join('\r\n') + '\r\n'

export const RETAILER_COLUMNS = [
  'license_no', 'shop_name', 'owner_name', 'phone', 'business_type', 'area_type', 'district', 'grade', 'integrity_score',
  'monthly_quota_cartons', 'open_weekday', 'open_time', 'close_weekday', 'close_time', 'manager_name', 'manager_phone',
] as const
export const SKU_COLUMNS = ['sku_code', 'name', 'brand', 'price_band', 'wholesale_fen_per_carton', 'retail_fen_per_pack', 'is_key', 'is_new'] as const
export const SALES_COLUMNS = ['license_no', 'date', 'sku_code', 'packs', 'sales_fen'] as const
export const PURCHASE_COLUMNS = ['license_no', 'order_date', 'sku_code', 'cartons', 'amount_fen'] as const
export const INVENTORY_COLUMNS = ['license_no', 'date', 'sku_code', 'packs_on_hand'] as const
export const CALENDAR_COLUMNS = ['scope', 'cycle_close_date', 'action', 'new_open', 'new_close'] as const

/** A retailers.csv row: a town convenience store ordering Saturday 12:00 → Monday 16:00 unless told otherwise. */
export const retailerRow = (licenseNo: string, fields: Partial<Record<(typeof RETAILER_COLUMNS)[number], string | number>> = {}): (string | number)[] => {
  const row: Record<string, string | number> = {
    license_no: licenseNo,
    shop_name: `${licenseNo.slice(-3)}号便利店`,
    owner_name: '林志明',
    phone: '13800000001',
    business_type: '便利店',
    area_type: '城镇',
    district: '城关一片',
    grade: 10,
    integrity_score: 90,
    monthly_quota_cartons: 40,
    open_weekday: 6,
    open_time: '12:00',
    close_weekday: 1,
    close_time: '16:00',
    manager_name: '陈丽华',
    manager_phone: '0596-1234567',
    ...fields,
  }
  return RETAILER_COLUMNS.map((column) => row[column])
}

/** Three SKUs: A ¥10 a pack (¥90 a carton wholesale), B ¥20 (¥180), C ¥5 (¥45). */
export const SKU_A = '6901000000001'
export const SKU_B = '6901000000002'
export const SKU_C = '6901000000003'
export const SKUS_CSV = csv(SKU_COLUMNS, [
  [SKU_A, '青峰（软）', '青峰', '10-20元', 9000, 1000, 1, 0],
  [SKU_B, '云岭（硬）', '云岭', '20-30元', 18000, 2000, 0, 0],
  [SKU_C, '金桥（细支）', '金桥', '10元以下', 4500, 500, 0, 1],
])

export interface ImportTextOptions {
  now?: string
  skipInvalid?: boolean
  rejectedPath?: string
  file?: string
  /** What 学习 catalogue media are checked against (a data folder's media/). */
  media?: CatalogueMedia
}

/** Imports CSV text (or bytes) as the importer reads a file: streamed in small chunks. */
export const importText = (store: DocumentStore, kind: ImportKind, text: string | Buffer, options: ImportTextOptions = {}): Promise<ImportReport> => {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  const source = (async function* () {
    // Small chunks, so a multi-byte character is split across two of them somewhere.
    for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7)
  })()
  return importFile({
    store,
    kind,
    ...nodeImportIo(source, { rejectedPath: options.rejectedPath, media: options.media }),
    file: options.file ?? `${kind}.csv`,
    skipInvalid: options.skipInvalid,
    now: new Date(options.now ?? '2026-03-18T10:00:00+08:00'),
  })
}

/**
 * Every document of every collection, for "nothing changed" comparisons — but the imports' own
 * bookkeeping: the journal of what was imported when, and the data version that tells kept
 * summaries the data moved.
 */
export const everything = async (store: DocumentStore): Promise<Record<string, unknown[]>> => {
  const all: Record<string, unknown[]> = {}
  for (const name of Object.keys(COLLECTIONS)) {
    // The import record and the import lease say who imported, not what the data is (a dead holder's lease stays until it lapses).
    if (name === 'imports' || name === 'leases') continue
    all[name] = await store.collection(name).find(name === 'counters' ? { _id: { $ne: DATA_VERSION_ID } } : {}, { sort: { _id: 1 } })
  }
  return all
}

export const problemsText = (report: ImportReport): string[] => report.problems.map(describeProblem)
