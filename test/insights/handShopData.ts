import type { DocumentStore } from '../../cloudfunctions/core/ports'
import { repos } from '../../cloudfunctions/core/repos'
import {
  INVENTORY_COLUMNS, PURCHASE_COLUMNS, RETAILER_COLUMNS, SALES_COLUMNS, SKUS_CSV, SKU_A, SKU_B, SKU_C,
  csv, importText, retailerRow,
} from '../imports/helpers'

/**
 * The hand-worked shop (handShop.test.ts works out every figure): R, grade 10, quota 40 cartons,
 * ordering Saturday 12:00 → Monday 16:00, with four peers and two shops that are not its peers.
 * Prices: A sells at 1000 fen a pack and costs 9000 ÷ 10 = 900; B 2000 and 1800; C 500 and 450.
 * Its figures are read at NOW, Wednesday 2026-03-18 10:00 in China; its owner is `owner-r`.
 */
export const NOW = '2026-03-18T10:00:00+08:00'
export const R = '350625300010'
export const [P1, P2, P3, P4, P5, EMPTY] = ['350625300009', '350625300011', '350625300012', '350625300013', '350625300020', '350625300030']

/** Imports the hand-made shop through the real importer into `store`, and binds its owners. */
export const seedHandShop = async (store: DocumentStore): Promise<void> => {
  await repos(store).bindings.putMany([
    { _id: R, openId: 'owner-r', boundAt: '2026-01-01T00:00:00+08:00' },
    { _id: EMPTY, openId: 'owner-empty', boundAt: '2026-01-01T00:00:00+08:00' },
    { _id: P1, openId: 'owner-p1', boundAt: '2026-01-01T00:00:00+08:00' },
  ])
  const ok = async (report: Promise<{ applied: boolean; problems: unknown[] }>) => {
    const { problems } = await report
    if (problems.length > 0) throw new Error(`hand shop import: ${JSON.stringify(problems)}`)
  }
  await ok(importText(store, 'skus', SKUS_CSV))
  await ok(
    importText(
      store,
      'retailers',
      csv(RETAILER_COLUMNS, [
        retailerRow(R, { grade: 10, monthly_quota_cartons: 40 }),
        // Peers: same type and setting, grade within 10 ± 2.
        retailerRow(P1, { grade: 9 }),
        retailerRow(P2, { grade: 11 }),
        retailerRow(P3, { grade: 12 }),
        // Not peers: grade 13 is 3 away; a supermarket is another type.
        retailerRow(P4, { grade: 13 }),
        retailerRow(P5, { grade: 10, business_type: '超市' }),
        retailerRow(EMPTY, { grade: 10 }),
      ]),
    ),
  )
  await ok(
    importText(
      store,
      'sales',
      csv(SALES_COLUMNS, [
        [R, '2026-03-16', SKU_A, 4, 4000],
        [R, '2026-03-16', SKU_B, 1, 2000],
        [R, '2026-03-17', SKU_A, 2, 2000],
        [R, '2026-03-09', SKU_A, 3, 3000],
        [R, '2026-03-10', SKU_B, 2, 4000],
        [R, '2026-03-02', SKU_A, 5, 5000],
        [R, '2026-02-10', SKU_C, 1, 500],
        [R, '2025-03-17', SKU_A, 1, 1000],
        [P1, '2026-03-05', SKU_A, 10, 10000],
        [P2, '2026-03-10', SKU_B, 5, 11000],
        [P3, '2026-03-03', SKU_A, 30, 30000],
        [P4, '2026-03-01', SKU_A, 100, 100000],
        [P5, '2026-03-01', SKU_A, 50, 50000],
      ]),
    ),
  )
  await ok(
    importText(
      store,
      'inventory',
      csv(INVENTORY_COLUMNS, [
        [R, '2026-03-10', SKU_A, 20],
        [R, '2026-03-17', SKU_A, 2],
        [R, '2026-03-17', SKU_B, 10],
        [R, '2026-03-17', SKU_C, 5],
        [P1, '2026-03-05', SKU_A, 20],
        [P2, '2026-03-10', SKU_B, 40],
      ]),
    ),
  )
  await ok(
    importText(
      store,
      'purchases',
      csv(PURCHASE_COLUMNS, [
        [R, '2026-03-02', SKU_A, 1, 9000],
        [R, '2026-03-16', SKU_A, 2, 18000],
        [R, '2026-03-16', SKU_B, 1, 18000],
      ]),
    ),
  )
}
