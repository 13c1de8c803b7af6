import { openWorld, shop, SAT_TO_MON, type World } from '../support/world'
import markOrdered from '../../cloudfunctions/functions/markOrdered'
import undoOrdered from '../../cloudfunctions/functions/undoOrdered'
import orderHistory from '../../cloudfunctions/functions/orderHistory'
import saveOrderDraft from '../../cloudfunctions/functions/saveOrderDraft'
import suggestedOrder from '../../cloudfunctions/functions/suggestedOrder'
import home from '../../cloudfunctions/functions/home'
import type { Helper } from '../../cloudfunctions/core/model'
import { PURCHASE_COLUMNS, SKUS_CSV, SKU_A, SKU_B, SALES_COLUMNS, csv, importText } from '../imports/helpers'

/**
 * 福满-like shop ordering Saturday 12:00 → Monday 16:00, quota 40 cartons. Monday 2026-11-23 10:00
 * is inside the window of cycle 2026-11-23.
 */
const MINE = shop(1, SAT_TO_MON)
const OPEN = '2026-11-23T10:00:00+08:00'
const CLOSED = '2026-11-24T10:00:00+08:00'

const helper = (openId: string, scopes: Helper['scopes']): Helper => ({
  _id: `${MINE.licenseNo}|${openId}`,
  helperId: `h-${openId}`.padEnd(16, '0').slice(0, 16),
  licenseNo: MINE.licenseNo,
  openId,
  kind: 'family',
  scopes,
  name: '儿子',
  addedAt: '2026-11-01T00:00:00.000Z',
  addedAtMs: Date.parse('2026-11-01T00:00:00Z'),
})

describe('undo, order history and the kept suggested order', () => {
  let world: World
  beforeEach(async () => {
    world = await openWorld([{ retailer: MINE, owner: 'wx-owner' }])
    await world.db.helpers.putMany([helper('wx-son', ['remind', 'order']), helper('wx-niece', ['insights'])])
    await importText(world.local.store, 'skus', SKUS_CSV)
  })
  afterEach(() => world.close())

  it('undoes 我已订货 while the window is open, and not after it closes', async () => {
    await world.ok(markOrdered, 'wx-owner', {}, OPEN)
    expect(await world.ok(undoOrdered, 'wx-owner', {}, '2026-11-23T11:00:00+08:00')).toEqual({
      licenseNo: MINE.licenseNo,
      cycleId: '2026-11-23',
      status: 'notOrdered',
      markedAt: null,
      source: null,
    })
    expect((await world.ok(home, 'wx-owner', {}, '2026-11-23T11:00:00+08:00')).order.status).toBe('notOrdered')
    // Nothing to undo now; and after the close nothing can be.
    expect(await world.call(undoOrdered, 'wx-owner', {}, '2026-11-23T11:01:00+08:00')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await world.ok(markOrdered, 'wx-owner', {}, '2026-11-23T12:00:00+08:00')
    expect(await world.call(undoOrdered, 'wx-owner', {}, CLOSED)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it("lets a helper with `order` undo the family's mark, logged for the owner; an imported purchase stays", async () => {
    await world.ok(markOrdered, 'wx-son', { retailer: MINE.licenseNo }, OPEN)
    expect(await world.call(undoOrdered, 'wx-niece', { retailer: MINE.licenseNo }, OPEN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await world.ok(undoOrdered, 'wx-son', { retailer: MINE.licenseNo }, OPEN)
    expect((await world.db.helperLog.find({ licenseNo: MINE.licenseNo })).map((e) => e.action).sort()).toEqual(['markOrdered', 'undoOrdered'])
    // A purchase dated Monday marks the cycle as the marketing system saw it: not undone by anyone.
    await importText(world.local.store, 'purchases', csv(PURCHASE_COLUMNS, [[MINE.licenseNo, '2026-11-23', SKU_A, 2, 18000]]), { now: OPEN })
    expect(await world.call(undoOrdered, 'wx-owner', {}, OPEN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('lists the last 8 closed cycles newest first with status, cartons and amount', async () => {
    // Cycle 11-16: the owner marked it. 11-09: a purchase of 2 + 1 cartons came in. 11-02: the son marked it.
    await world.ok(markOrdered, 'wx-owner', {}, '2026-11-16T10:00:00+08:00')
    await world.ok(markOrdered, 'wx-son', { retailer: MINE.licenseNo }, '2026-11-02T10:00:00+08:00')
    await importText(
      world.local.store,
      'purchases',
      csv(PURCHASE_COLUMNS, [
        [MINE.licenseNo, '2026-11-09', SKU_A, 2, 18000],
        [MINE.licenseNo, '2026-11-09', SKU_B, 1, 18000],
      ]),
      { now: OPEN },
    )
    const history = await world.ok(orderHistory, 'wx-owner', {}, OPEN)
    // The import's own mark (source import) of 11-09 counts as the retailer's order.
    expect(history.cycles.map((c) => [c.cycleId, c.status, c.cartons, c.amountFen])).toEqual([
      ['2026-11-16', 'ordered', null, null],
      ['2026-11-09', 'ordered', 3, 36000],
      ['2026-11-02', 'orderedByHelper', null, null],
      ['2026-10-26', 'notOrdered', null, null],
      ['2026-10-19', 'notOrdered', null, null],
      ['2026-10-12', 'notOrdered', null, null],
      ['2026-10-05', 'notOrdered', null, null],
      ['2026-09-28', 'notOrdered', null, null],
    ])
    expect(history.cycles[0]).toMatchObject({ opensAt: '2026-11-14T12:00:00+08:00', closedAt: '2026-11-16T16:00:00+08:00' })
    // A helper with `remind` or `order` reads it; one with `insights` only does not.
    expect((await world.ok(orderHistory, 'wx-son', { retailer: MINE.licenseNo }, OPEN)).cycles).toHaveLength(8)
    expect(await world.call(orderHistory, 'wx-niece', { retailer: MINE.licenseNo }, OPEN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('keeps an edited order for the cycle, within the quota left, and only for the cycle to order in', async () => {
    // 38 of the 40 cartons of November are bought: 2 remain.
    await importText(world.local.store, 'purchases', csv(PURCHASE_COLUMNS, [[MINE.licenseNo, '2026-11-02', SKU_B, 38, 38 * 18000]]), { now: OPEN })
    await importText(world.local.store, 'sales', csv(SALES_COLUMNS, [[MINE.licenseNo, '2026-11-22', SKU_A, 20, 20000]]), { now: OPEN })
    expect(await world.call(saveOrderDraft, 'wx-owner', { cycleId: '2026-11-23', lines: [{ skuCode: SKU_A, cartons: 3 }] }, OPEN)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '合计 3 条，超过本月还可订的 2 条，请减一些' },
    })
    expect(await world.call(saveOrderDraft, 'wx-owner', { cycleId: '2026-11-16', lines: [{ skuCode: SKU_A, cartons: 1 }] }, OPEN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const saved = await world.ok(saveOrderDraft, 'wx-son', { retailer: MINE.licenseNo, cycleId: '2026-11-23', lines: [{ skuCode: SKU_A, cartons: 2 }, { skuCode: SKU_B, cartons: 0 }] }, OPEN)
    expect(saved).toEqual({ cycleId: '2026-11-23', lines: [{ skuCode: SKU_A, cartons: 2 }], savedAt: OPEN, by: 'helper' })
    // The owner sees it with the suggestion; next cycle starts from the suggestion again.
    const plan = await world.ok(suggestedOrder, 'wx-owner', {}, '2026-11-23T12:00:00+08:00')
    expect([plan.cycleId, plan.windowOpen, plan.draft]).toEqual(['2026-11-23', true, saved])
    expect((await world.ok(suggestedOrder, 'wx-owner', {}, CLOSED)).draft).toBeNull()
    expect((await world.db.helperLog.find({ licenseNo: MINE.licenseNo })).map((e) => e.action)).toEqual(['saveOrderDraft'])
  })

  it('says how many reminders a week the settings plan', async () => {
    expect((await world.ok(home, 'wx-owner', {}, OPEN)).reminders).toEqual({ enabled: false, left: 0, exhausted: false, templateId: null, perWeek: 0 })
  })
})
