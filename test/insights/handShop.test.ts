import { openWorld, type World } from '../support/world'
import summary from '../../cloudfunctions/functions/summary'
import { helperDocId } from '../../cloudfunctions/core/helpers/access'
import type { SummaryData } from '../../cloudfunctions/contracts'
import { SALES_COLUMNS, SKU_A, SKU_B, SKU_C, csv, importText } from '../imports/helpers'
import { NOW, P1, R, seedHandShop } from './handShopData'

/**
 * A small shop whose every summary figure is worked out by hand below, fed through the real
 * importer into the real embedded store and read back through the summary function.
 *
 * Prices: A sells at 1000 fen a pack and costs 9000 ÷ 10 = 900; B 2000 and 1800; C 500 and 450.
 * Today is Wednesday 2026-03-18, 10:00 in China. The shop orders Saturday 12:00 → Monday 16:00.
 */

describe('the summary of a hand-made shop', () => {
  let world: World
  const ask = async (event: { period: 'week' | 'month'; date: string; retailer?: string }, caller = 'owner-r') => world.call(summary, caller, event, NOW)
  const data = async (period: 'week' | 'month'): Promise<SummaryData> => {
    const reply = await ask({ period, date: '2026-03-18' })
    if (!reply.ok) throw new Error(JSON.stringify(reply.error))
    return reply.data
  }

  beforeAll(async () => {
    world = await openWorld()
    await seedHandShop(world.local.store)
  })
  afterAll(() => world.close())

  it('adds up this week up to the last day with data, against the same days last week and a year ago', async () => {
    const week = await data('week')
    // The week of Wed 2026-03-18 is Mon 03-16 … Sun 03-22. Wednesday has no data yet (10:00, nothing
    // imported): the week runs Mon–Tue, 2 days, and Wednesday is no day of zero sales.
    expect([week.from, week.to, week.asOf, week.dataThrough, week.days]).toEqual(['2026-03-16', '2026-03-22', '2026-03-17', '2026-03-17', 2])
    // Mon: A 4 packs 4000 + B 1 pack 2000; Tue: A 2 packs 2000 → 7 packs, 8000 fen.
    // Cost: A 6 × 900 = 5400, B 1 × 1800 = 1800 → 7200; gross profit 8000 − 7200 = 800.
    expect(week.current).toEqual({ from: '2026-03-16', to: '2026-03-17', salesFen: 8000, packs: 7, grossProfitFen: 800 })
    // Last Mon–Tue 03-09…03-10: A 3 packs 3000, B 2 packs 4000 → 5 packs, 7000; cost 2700 + 3600 = 6300 → 700.
    expect(week.previous).toEqual({ from: '2026-03-09', to: '2026-03-10', salesFen: 7000, packs: 5, grossProfitFen: 700 })
    // The whole of last week, 03-09 … 03-15, holds the same sales.
    expect(week.previousWhole).toEqual({ from: '2026-03-09', to: '2026-03-15', salesFen: 7000, packs: 5, grossProfitFen: 700 })
    // 52 weeks earlier, Mon 2025-03-17 … Tue 03-18: A 1 pack 1000, cost 900 → 100.
    expect(week.lastYear).toEqual({ from: '2025-03-17', to: '2025-03-18', salesFen: 1000, packs: 1, grossProfitFen: 100 })
    // (8000 − 7000) ÷ 7000 = 1/7; (7 − 5) ÷ 5 = 0.4; (800 − 700) ÷ 700 = 1/7.
    expect(week.vsPrevious.salesFen).toBeCloseTo(1 / 7, 12)
    expect(week.vsPrevious.packs).toBeCloseTo(0.4, 12)
    expect(week.vsPrevious.grossProfitFen).toBeCloseTo(1 / 7, 12)
    // (8000 − 1000) ÷ 1000 = 7; (7 − 1) ÷ 1 = 6; (800 − 100) ÷ 100 = 7.
    expect(week.vsLastYear).toEqual({ salesFen: 7, packs: 6, grossProfitFen: 7 })
    expect(week.daily).toEqual([
      { date: '2026-03-16', salesFen: 6000, packs: 5 },
      { date: '2026-03-17', salesFen: 2000, packs: 2 },
    ])
    expect(week.topSkus).toEqual([
      { skuCode: SKU_A, name: '青峰（软）', packs: 6, salesFen: 6000 },
      { skuCode: SKU_B, name: '云岭（硬）', packs: 1, salesFen: 2000 },
    ])
  })

  it('reads stock, turnover, sell-through and scan rate for the week', async () => {
    const week = await data('week')
    // The latest count on or before Tue (the last day with data) is Tue 03-17: A 2 + B 10 + C 5 = 17 packs.
    expect(week.stockDate).toBe('2026-03-17')
    // 7 packs in 2 days sell 7/2 a day: 17 ÷ (7/2) = 34/7 days.
    expect(week.turnoverDays).toBeCloseTo(34 / 7, 12)
    // In stock or sold: A, B, C; sold this week: A, B → 2/3.
    expect(week.sellThrough).toBeCloseTo(2 / 3, 12)
    // Bought this week: Mon 2 + 1 cartons = 30 packs; scanned 7 → 7/30.
    expect(week.scanRate).toBeCloseTo(7 / 30, 12)
    // C is on the shelf (5 packs) and last sold 02-10, before the 30 days 02-17 … 03-18.
    expect(week.slowMovers).toEqual([{ skuCode: SKU_C, name: '金桥（细支）', packsOnHand: 5, lastSaleDate: '2026-02-10' }])
    // The next cycle closes Mon 03-23 16:00, delivered Tue 03-24: 6 days from today.
    // Daily selling rates, the last 8 weeks up to Tue 03-17 (week 0 = 03-11…03-17), weights 8…1 over the
    // 6 weeks since the first sale in them (C on 02-10, week 5): weights 8+7+6+5+4+3 = 33.
    // A: weeks 6, 3, 5 packs → (48 + 21 + 30) ÷ 33 ÷ 7 = 3/7 a day; 2 packs last 14/3 ≈ 4.7 days: short.
    // B: weeks 1, 2 → (8 + 14) ÷ 33 ÷ 7 = 2/21; 10 packs last 105 days. C: 3 ÷ 33 ÷ 7 = 1/77; 385 days.
    const warning = { skuCode: SKU_A, name: '青峰（软）', packsOnHand: 2, nextDeliveryDate: '2026-03-24', daysToDelivery: 6 }
    expect(week.stockWarnings).toEqual([{ ...warning, dailyPacks: expect.closeTo(3 / 7, 12), daysOfStock: expect.closeTo(14 / 3, 12) }])
    // The warnings are about today: the same under 本月.
    expect((await data('month')).stockWarnings).toEqual(week.stockWarnings)
    expect(week.warningStockDate).toBe('2026-03-17')
    // Quota 40 cartons; bought in March 1 + 2 + 1 = 4.
    expect(week.quota).toEqual({ month: '2026-03', cartons: 40, usedCartons: 4 })
    expect([week.grade, week.integrityScore, week.hasPosData]).toEqual([10, 90, true])
  })

  it('adds up the month so far against February and March last year', async () => {
    const month = await data('month')
    // March 1–17 (the last day with data): A 5 + 3 + 4 + 2 = 14 packs 14000, B 2 + 1 = 3 packs 6000 → 17 packs, 20000 fen.
    // Cost 14 × 900 + 3 × 1800 = 12600 + 5400 = 18000 → gross profit 2000.
    expect([month.days, month.asOf]).toEqual([17, '2026-03-17'])
    expect(month.current).toEqual({ from: '2026-03-01', to: '2026-03-17', salesFen: 20000, packs: 17, grossProfitFen: 2000 })
    // February 1–17: C 1 pack 500, cost 450 → 50; the whole of February holds the same.
    expect(month.previous).toEqual({ from: '2026-02-01', to: '2026-02-17', salesFen: 500, packs: 1, grossProfitFen: 50 })
    expect(month.previousWhole).toEqual({ from: '2026-02-01', to: '2026-02-28', salesFen: 500, packs: 1, grossProfitFen: 50 })
    expect(month.lastYear).toEqual({ from: '2025-03-01', to: '2025-03-17', salesFen: 1000, packs: 1, grossProfitFen: 100 })
    // (20000 − 500) ÷ 500 = 39; (17 − 1) ÷ 1 = 16; (2000 − 50) ÷ 50 = 39.
    expect(month.vsPrevious).toEqual({ salesFen: 39, packs: 16, grossProfitFen: 39 })
    // 17 days; a day without rows is null (无数据), never zero: only 2, 9, 10, 16 and 17 March have data.
    expect(month.daily).toHaveLength(17)
    expect(month.daily.filter((d) => d.packs !== null).map((d) => [d.date.slice(8), d.salesFen, d.packs])).toEqual([
      ['02', 5000, 5],
      ['09', 3000, 3],
      ['10', 4000, 2],
      ['16', 6000, 5],
      ['17', 2000, 2],
    ])
    expect(month.daily[0]).toEqual({ date: '2026-03-01', salesFen: null, packs: null })
    expect(month.topSkus.map((s) => [s.skuCode, s.packs, s.salesFen])).toEqual([
      [SKU_A, 14, 14000],
      [SKU_B, 3, 6000],
    ])
    // 17 packs ÷ (17 packs / 17 days) = 17 days: the same figure the benchmark below gives the shop.
    expect(month.turnoverDays).toBeCloseTo(17, 12)
    expect(month.sellThrough).toBeCloseTo(2 / 3, 12)
    // Bought in March 1–17: 4 cartons = 40 packs; scanned 17 → 0.425.
    expect(month.scanRate).toBeCloseTo(0.425, 12)
  })

  it('ranks the shop among its peers: same type and setting, grade within ±2', async () => {
    const { benchmark } = await data('month')
    // Peers in March: R (grade 10), P1 (9), P2 (11), P3 (12); not P4 (13) nor the supermarket P5.
    expect([benchmark?.month, benchmark?.from, benchmark?.to]).toEqual(['2026-03', '2026-03-01', '2026-03-17'])
    expect(benchmark?.peers).toBe(4)
    // Sales: P1 10000, P2 11000, R 20000, P3 30000. R beats 2, ties itself: (2 + ½) ÷ 4 = 62.5 %.
    // Median: halfway between 11000 and 20000 = 15500. Top 10 %: 0.9 × 3 = 2.7 → 20000 + 0.7 × 10000 = 27000.
    expect(benchmark?.salesFen).toEqual({ value: 20000, percentile: 62.5, median: 15500, best: 27000, betterWhen: 'higher' })
    // Gross margin: P1 1000/10000, P3 3000/30000 and R 2000/20000 are 0.1; P2 2000/11000 = 2/11.
    // R beats none and ties three: 1.5 ÷ 4 = 37.5 %. Median 0.1. Top: 0.1 + 0.7 × (2/11 − 0.1).
    expect(benchmark?.grossMargin.value).toBeCloseTo(0.1, 12)
    expect(benchmark?.grossMargin.percentile).toBeCloseTo(37.5, 12)
    expect(benchmark?.grossMargin.median).toBeCloseTo(0.1, 12)
    expect(benchmark?.grossMargin.best).toBeCloseTo(0.1 + 0.7 * (2 / 11 - 0.1), 12)
    // Turnover (lower is better), months up to their last day with sales:
    // R: 17 packs ÷ (17 packs / 17 days) = 17; P1: 20 ÷ (10 / 5) = 10; P2: 40 ÷ (5 / 10) = 80; P3 has no count.
    // Sorted 10, 17, 80: R beats P2 and ties itself: 1.5 ÷ 3 = 50 %. Median 17. Best (10th pct): 10 + 0.2 × 7 = 11.4.
    expect(benchmark?.turnoverDays.value).toBeCloseTo(17, 12)
    expect(benchmark?.turnoverDays.percentile).toBeCloseTo(50, 12)
    expect(benchmark?.turnoverDays.median).toBeCloseTo(17, 12)
    expect(benchmark?.turnoverDays.best).toBeCloseTo(11.4, 12)
    expect(benchmark?.turnoverDays.betterWhen).toBe('lower')
  })

  it('shows a shop without POS data as empty, not as zeros to worry about', async () => {
    const reply = await ask({ period: 'month', date: '2026-03-18' }, 'owner-empty')
    expect(reply.ok && reply.data).toMatchObject({ hasPosData: false, topSkus: [], slowMovers: [], stockWarnings: [], turnoverDays: null, sellThrough: null, scanRate: null, stockDate: null })
  })

  it("never shows another retailer's figures", async () => {
    expect(await ask({ period: 'week', date: '2026-03-18', retailer: P1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ask({ period: 'week', date: '2026-03-18', retailer: R }, 'owner-p1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ask({ period: 'week', date: '2026-03-18' }, 'stranger')).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } })
    // Naming one's own shop is the same as naming none.
    expect(await ask({ period: 'week', date: '2026-03-18', retailer: R })).toMatchObject({ ok: true, data: { licenseNo: R } })
  })

  it('shows a helper with the insights scope the shop they help, and logs it; without the scope, nothing', async () => {
    const helper = (openId: string, scopes: ('remind' | 'order' | 'insights')[]) => ({
      _id: helperDocId(R, openId),
      helperId: `helper-${openId}`.padEnd(16, '0').slice(0, 16),
      licenseNo: R,
      openId,
      kind: 'family' as const,
      scopes,
      name: '林小燕',
      addedAt: '2026-03-01T00:00:00+08:00',
      addedAtMs: Date.parse('2026-03-01T00:00:00+08:00'),
    })
    await world.db.helpers.putMany([helper('daughter', ['remind', 'insights']), helper('neighbour', ['remind', 'order'])])
    expect(await ask({ period: 'week', date: '2026-03-18', retailer: R }, 'daughter')).toMatchObject({ ok: true, data: { licenseNo: R, current: { salesFen: 8000 } } })
    expect(await world.db.helperLog.find({ licenseNo: R })).toEqual([expect.objectContaining({ action: 'viewSummary', helperName: '林小燕' })])
    expect(await ask({ period: 'week', date: '2026-03-18', retailer: R }, 'neighbour')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('shows new data at once: a summary is reused only while no import changed the data', async () => {
    const before = await data('week')
    const again = await data('week')
    expect(again).toEqual(before)
    // Wednesday's first sales arrive: 2 packs of B.
    await importText(world.local.store, 'sales', csv(SALES_COLUMNS, [[R, '2026-03-18', SKU_B, 2, 4000]]))
    const after = await data('week')
    // Wednesday now has data: the week runs to it. 8000 + 4000 fen, 7 + 2 packs, gross profit 800 + (4000 − 2 × 1800) = 1200.
    expect([after.dataThrough, after.days]).toEqual(['2026-03-18', 3])
    expect(after.current).toEqual({ from: '2026-03-16', to: '2026-03-18', salesFen: 12000, packs: 9, grossProfitFen: 1200 })
    expect(after.daily[2]).toEqual({ date: '2026-03-18', salesFen: 4000, packs: 2 })
  })

  it('refuses a period that has not begun, a date that is not one, and unknown fields', async () => {
    expect(await ask({ period: 'week', date: '2026-03-30' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await ask({ period: 'month', date: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await world.call(summary, 'owner-r', { period: 'year', date: '2026-03-18' } as never, NOW)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await world.call(summary, 'owner-r', { period: 'week', date: '2026-03-18', licenseNo: P1 } as never, NOW)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })
})
