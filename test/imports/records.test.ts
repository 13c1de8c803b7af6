import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { repos } from '../../cloudfunctions/core/repos'
import { CALENDAR_COLUMNS, PURCHASE_COLUMNS, RETAILER_COLUMNS, SKUS_CSV, SKU_A, SKU_B, csv, importText, openStore, removeDir, retailerRow } from './helpers'

const R = '350625300010'
const VILLAGE = '350625300011'

describe('what imported rows become', () => {
  let store: SqliteStore
  beforeEach(async () => {
    store = await openStore()
    await importText(store, 'skus', SKUS_CSV)
    await importText(
      store,
      'retailers',
      csv(RETAILER_COLUMNS, [
        retailerRow(R),
        // A same-day window: Tuesday 08:00–16:00.
        retailerRow(VILLAGE, { shop_name: '王记食杂店', business_type: '食杂店', area_type: '乡村', district: '岩溪片', grade: 6, integrity_score: 88.5, monthly_quota_cartons: 28, open_weekday: 2, open_time: '08:00', close_weekday: 2, close_time: '16:00', manager_name: '黄建国', manager_phone: '13500000003' }),
      ]),
    )
  })
  afterEach(() => removeDir(store.dir))

  it('maps a retailers row onto the shop, its order window and its customer manager', async () => {
    expect(await repos(store).retailers.get(VILLAGE)).toEqual({
      _id: VILLAGE,
      licenseNo: VILLAGE,
      shopName: '王记食杂店',
      ownerName: '林志明',
      phone: '13800000001',
      businessType: '食杂店',
      areaType: '乡村',
      district: '岩溪片',
      grade: 6,
      integrityScore: 88.5,
      monthlyQuotaCartons: 28,
      orderWindow: { openWeekday: 2, openTime: '08:00', closeWeekday: 2, closeTime: '16:00' },
      manager: { name: '黄建国', phone: '13500000003' },
    })
  })

  it('keeps what other features added to a shop when the register is imported again', async () => {
    const db = repos(store)
    const shop = await db.retailers.get(R)
    await db.retailers.put({ ...shop!, careMode: true } as never)
    await importText(store, 'retailers', csv(RETAILER_COLUMNS, [retailerRow(R, { grade: 12 })]))
    expect(await db.retailers.get(R)).toMatchObject({ grade: 12, careMode: true })
  })

  it('turns calendar rows into calendar entries keyed by scope and cycle, times in China time', async () => {
    const report = await importText(
      store,
      'calendar',
      csv(CALENDAR_COLUMNS, [
        ['*', '2026-10-05', 'move', '2026-10-08T08:00', '2026-10-08T16:00'],
        ['岩溪片', '2026-10-06', 'cancel', '', ''],
        [R, '2026-10-05', 'move', '2026-10-09T00:30:00Z', '2026-10-09T08:00:00Z'],
      ]),
    )
    expect(report.problems).toEqual([])
    expect(await repos(store).calendar.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: '*|2026-10-05', scope: '*', cycleId: '2026-10-05', action: 'move', newOpen: '2026-10-08T08:00:00+08:00', newClose: '2026-10-08T16:00:00+08:00' },
      { _id: `${R}|2026-10-05`, scope: R, cycleId: '2026-10-05', action: 'move', newOpen: '2026-10-09T08:30:00+08:00', newClose: '2026-10-09T16:00:00+08:00' },
      { _id: '岩溪片|2026-10-06', scope: '岩溪片', cycleId: '2026-10-06', action: 'cancel' },
    ])
    // A cancel replacing a move keeps none of the move's times.
    await importText(store, 'calendar', csv(CALENDAR_COLUMNS, [['*', '2026-10-05', 'cancel', '', '']]))
    expect(await repos(store).calendar.get('*|2026-10-05')).toEqual({ _id: '*|2026-10-05', scope: '*', cycleId: '2026-10-05', action: 'cancel' })
  })

  it('marks the cycle of each purchase as ordered, unless a person already marked it', async () => {
    const db = repos(store)
    // The retailer tapped 我已订货 for the cycle closing Mon 03-16 before the marketing system's data came.
    await db.orders.put({ _id: `${R}|2026-03-16`, licenseNo: R, cycleId: '2026-03-16', source: 'self', by: 'owner-r', at: '2026-03-15T09:00:00+08:00' })
    const report = await importText(
      store,
      'purchases',
      csv(PURCHASE_COLUMNS, [
        // Saturday 03-14 is in the window that closes Monday 03-16.
        [R, '2026-03-14', SKU_A, 2, 18000],
        // Monday 03-09, the closing day of the cycle before.
        [R, '2026-03-09', SKU_A, 1, 9000],
        [R, '2026-03-09', SKU_B, 1, 18000],
        // The village shop ordered on Tuesday 03-10, inside its window.
        [VILLAGE, '2026-03-10', SKU_A, 1, 9000],
        // Nothing ordered on this row: no mark.
        [VILLAGE, '2026-03-17', SKU_B, 0, 0],
      ]),
    )
    expect(report.problems).toEqual([])
    expect(await db.orders.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: `${R}|2026-03-09`, licenseNo: R, cycleId: '2026-03-09', source: 'import', at: '2026-03-09T00:00:00+08:00' },
      { _id: `${R}|2026-03-16`, licenseNo: R, cycleId: '2026-03-16', source: 'self', by: 'owner-r', at: '2026-03-15T09:00:00+08:00' },
      { _id: `${VILLAGE}|2026-03-10`, licenseNo: VILLAGE, cycleId: '2026-03-10', source: 'import', at: '2026-03-10T00:00:00+08:00' },
    ])
    expect((await db.purchaseMonths.get(`${R}|2026-03`))?.totals).toEqual({ cartons: 4, amountFen: 45000 })
  })
})
