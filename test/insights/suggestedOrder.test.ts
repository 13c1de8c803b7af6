import { openWorld, type World } from '../support/world'
import suggestedOrder from '../../cloudfunctions/functions/suggestedOrder'
import type { SuggestedOrderData } from '../../cloudfunctions/contracts'
import { INVENTORY_COLUMNS, PURCHASE_COLUMNS, RETAILER_COLUMNS, SALES_COLUMNS, SKUS_CSV, SKU_A, SKU_B, SKU_C, csv, importText, retailerRow } from '../imports/helpers'
import { suggestedLineReason, suggestedOrderText } from '../../cloudfunctions/words/orderPlan'

/**
 * Wednesday 2026-03-18 10:00. The shop orders Saturday 12:00 → Monday 16:00, so the cycle to
 * order in closes Mon 03-23 (delivered Tue 03-24) and the one after closes Mon 03-30 (delivered
 * Tue 03-31). Stock must last from today to 03-31 — 13 days — plus 3 safety days: 16 days.
 */
const NOW = '2026-03-18T10:00:00+08:00'
const R = '350625300010'
/** The last 8 weeks, most recent first: week k holds the days 7k+1 … 7k+7 before today. */
const WEEK_DAYS = ['2026-03-17', '2026-03-10', '2026-03-03', '2026-02-24', '2026-02-17', '2026-02-10', '2026-02-03', '2026-01-27']

describe('the suggested order', () => {
  let world: World
  let plan: SuggestedOrderData

  beforeAll(async () => {
    world = await openWorld()
    const store = world.local.store
    await world.db.bindings.put({ _id: R, openId: 'owner-r', boundAt: '2026-01-01T00:00:00+08:00' })
    await importText(store, 'skus', SKUS_CSV)
    await importText(store, 'retailers', csv(RETAILER_COLUMNS, [retailerRow(R, { monthly_quota_cartons: 40 })]))
    // A sells 14 packs in the week just past and 7 in each of the seven before; B 1 a week.
    const sales = WEEK_DAYS.flatMap((date, week) => [
      [R, date, SKU_A, week === 0 ? 14 : 7, (week === 0 ? 14 : 7) * 1000],
      [R, date, SKU_B, 1, 2000],
    ])
    await importText(store, 'sales', csv(SALES_COLUMNS, sales))
    await importText(store, 'inventory', csv(INVENTORY_COLUMNS, [[R, '2026-03-17', SKU_A, 5], [R, '2026-03-17', SKU_B, 0], [R, '2026-03-17', SKU_C, 30]]))
    // 38 of the 40 cartons of March are bought already: 2 remain.
    await importText(store, 'purchases', csv(PURCHASE_COLUMNS, [[R, '2026-03-02', SKU_C, 38, 38 * 4500]]))
    plan = await world.ok(suggestedOrder, 'owner-r', {}, NOW)
  })
  afterAll(() => world.close())

  it('orders for the coming cycle, to last until the delivery after next plus safety days', () => {
    expect(plan).toMatchObject({
      cycleId: '2026-03-23',
      opensAt: '2026-03-21T12:00:00+08:00',
      closesAt: '2026-03-23T16:00:00+08:00',
      deliveryDate: '2026-03-24',
      nextDeliveryDate: '2026-03-31',
      coverDays: 16,
      safetyDays: 3,
      stockDate: '2026-03-17',
      quota: { month: '2026-03', cartons: 40, usedCartons: 38, remainingCartons: 2 },
    })
  })

  it('weights recent weeks more, rounds up to whole cartons and trims the least urgent to the quota', () => {
    // A: weights 8…1 over weeks 14, 7, 7, 7, 7, 7, 7, 7 packs: (8 × 14 + 7 × (7+6+5+4+3+2+1)) ÷ 36 = 308/36 a week,
    //    308/252 ≈ 1.222 a day. 16 days need 19.56 packs, 5 on hand: 14.56 short → 2 cartons.
    // B: 1 pack a week, 1/7 a day: 16/7 ≈ 2.29 packs needed, none on hand → 1 carton.
    // 3 cartons wanted, 2 left in the quota: A lasts 5 ÷ 1.222 ≈ 4 days, B is out — A is cut by one.
    expect(plan.lines).toEqual([
      { skuCode: SKU_B, name: '云岭（硬）', cartons: 1, trimmedCartons: 0, dailyPacks: 1 / 7, stockPacks: 0, daysOfStock: 0, wholesaleFenPerCarton: 18000 },
      {
        skuCode: SKU_A,
        name: '青峰（软）',
        cartons: 1,
        trimmedCartons: 1,
        dailyPacks: expect.closeTo(308 / 252, 12),
        stockPacks: 5,
        // 5 ÷ (308/252) = 1260/308 ≈ 4.09 days.
        daysOfStock: expect.closeTo(1260 / 308, 12),
        wholesaleFenPerCarton: 9000,
      },
    ])
    expect(plan.lines.map((line) => suggestedLineReason(line, plan.historyWeeks))).toEqual(['日均卖 0.1 包，库存 0 包，已断货', '日均卖 1.2 包，库存 5 包，够卖 4.1 天；受月限量所限少订 1 条'])
    // C has 30 packs and no sales: nothing to order, so no line.
    expect(plan.totalCartons).toBe(2)
    // 1 × 18000 + 1 × 9000 fen.
    expect(plan.totalFen).toBe(27000)
  })

  it('comes as text to paste into the ordering platform', () => {
    expect(suggestedOrderText(plan)).toBe(
      ['010号便利店 建议订单（3月23日（周一）16:00 截止）', '云岭（硬）（6901000000002）：1 条', '青峰（软）（6901000000001）：1 条', '合计 2 条，批发金额约 ¥270'].join('\n'),
    )
  })

  it('reads its rate up to the last day with data, and says the window is not open yet', () => {
    expect([plan.dataThrough, plan.windowOpen, plan.draft]).toEqual(['2026-03-17', false, null])
  })

  it('is refused to anyone who neither owns the shop nor helps it with the order scope', async () => {
    expect(await world.call(suggestedOrder, 'stranger', { retailer: R }, NOW)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await world.call(suggestedOrder, 'stranger', {}, NOW)).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } })
  })
})
