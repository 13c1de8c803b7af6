import { openWorld, shop, SAT_TO_MON, type World } from '../support/world'
import home from '../../cloudfunctions/functions/home'
import markOrdered from '../../cloudfunctions/functions/markOrdered'
import helperLog from '../../cloudfunctions/functions/helperLog'
import { cycleOfOrderDate } from '../../cloudfunctions/core/schedule'
import type { Helper } from '../../cloudfunctions/core/model'

const MINE = shop(1, SAT_TO_MON)
const OTHER = shop(2, SAT_TO_MON)
const OPEN = '2026-11-23T10:00:00+08:00' // Monday, the window closes at 16:00
const TUESDAY = '2026-11-24T10:00:00+08:00'

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

describe('order status on the home page', () => {
  let world: World
  beforeEach(async () => {
    world = await openWorld([
      { retailer: MINE, owner: 'wx-owner' },
      { retailer: OTHER, owner: 'wx-other' },
    ])
    await world.db.helpers.putMany([helper('wx-son', ['remind', 'order']), helper('wx-niece', ['remind', 'insights'])])
  })
  afterEach(() => world.close())

  it('finds this cycle’s and the last cycle’s records even when newer records crowd them out of those read with the shop', async () => {
    const record = (cycleId: string) => ({ _id: `${MINE.licenseNo}|${cycleId}`, licenseNo: MINE.licenseNo, cycleId, source: 'import' as const, at: `${cycleId}T09:00:00+08:00` })
    await world.db.orders.putMany(['2026-11-16', '2026-11-23'].map(record))
    const read = await world.ok(home, 'wx-owner', {}, OPEN)
    expect([read.order.status, read.lastCycle?.result]).toEqual(['ordered', 'ordered'])
    // Records of later cycles (a file that named future dates) are now the shop's newest.
    await world.db.orders.putMany(['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21'].map(record))
    const crowded = await world.ok(home, 'wx-owner', {}, OPEN)
    expect(crowded.order).toEqual({ cycleId: '2026-11-23', status: 'ordered', markedAt: '2026-11-23T09:00:00+08:00', source: 'import' })
    expect(crowded.lastCycle).toMatchObject({ cycleId: '2026-11-16', result: 'ordered' })
  })

  it('shows 未订货 for the open cycle, then 已订货 once the retailer taps 我已订货', async () => {
    expect((await world.ok(home, 'wx-owner', {}, OPEN)).order).toEqual({ cycleId: '2026-11-23', status: 'notOrdered', markedAt: null, source: null })
    expect(await world.ok(markOrdered, 'wx-owner', {}, OPEN)).toEqual({
      licenseNo: MINE.licenseNo,
      cycleId: '2026-11-23',
      status: 'ordered',
      markedAt: '2026-11-23T10:00:00+08:00',
      source: 'self',
    })
    expect((await world.ok(home, 'wx-owner', {}, '2026-11-23T15:00:00+08:00')).order).toMatchObject({ status: 'ordered' })
  })

  it('counts an imported purchase in the cycle as ordered, and a later tap does not overwrite it', async () => {
    const cycleId = cycleOfOrderDate(MINE.orderWindow, '2026-11-22').cycleId
    expect(cycleId).toBe('2026-11-23')
    await world.db.orders.put({ _id: `${MINE.licenseNo}|${cycleId}`, licenseNo: MINE.licenseNo, cycleId, source: 'import', at: '2026-11-22T00:00:00+08:00' })
    expect((await world.ok(home, 'wx-owner', {}, OPEN)).order).toMatchObject({ status: 'ordered', source: 'import' })
    expect(await world.ok(markOrdered, 'wx-owner', {}, OPEN)).toMatchObject({ status: 'ordered', source: 'import', markedAt: '2026-11-22T00:00:00+08:00' })
  })

  it('lets a helper with `order` mark 家人已代订 for the shop they name; the retailer sees it and the log says so', async () => {
    expect(await world.ok(markOrdered, 'wx-son', { retailer: MINE.licenseNo }, OPEN)).toMatchObject({ licenseNo: MINE.licenseNo, status: 'orderedByHelper', source: 'helper' })
    expect((await world.ok(home, 'wx-owner', {}, OPEN)).order).toMatchObject({ status: 'orderedByHelper' })
    expect((await world.ok(helperLog, 'wx-owner', {}, OPEN)).entries).toEqual([
      { at: '2026-11-23T10:00:00+08:00', helperId: helper('wx-son', []).helperId, helperName: '儿子', action: 'markOrdered' },
    ])
  })

  it('refuses a helper without `order`, a stranger and another shop’s owner naming this shop, and changes nothing', async () => {
    for (const caller of ['wx-niece', 'wx-stranger', 'wx-other']) {
      expect(await world.call(markOrdered, caller, { retailer: MINE.licenseNo }, OPEN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await world.db.orders.count({})).toBe(0)
    expect(await world.db.helperLog.count({})).toBe(0)
  })

  it('refuses 我已订货 while the window is closed (Tuesday), and from a user with no shop', async () => {
    expect(await world.call(markOrdered, 'wx-owner', {}, TUESDAY)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await world.call(markOrdered, 'wx-stranger', {}, OPEN)).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } })
    expect(await world.db.orders.count({})).toBe(0)
  })

  it('reports the last cycle’s result: 已订货 after ordering, 未订货 when the window passed without an order', async () => {
    await world.ok(markOrdered, 'wx-owner', {}, OPEN)
    expect((await world.ok(home, 'wx-owner', {}, TUESDAY)).lastCycle).toEqual({ cycleId: '2026-11-23', closedAt: '2026-11-23T16:00:00+08:00', result: 'ordered' })
    // A week on, the cycle of 30 November closed with no order.
    expect((await world.ok(home, 'wx-owner', {}, '2026-12-01T10:00:00+08:00')).lastCycle).toEqual({
      cycleId: '2026-11-30',
      closedAt: '2026-11-30T16:00:00+08:00',
      result: 'notOrdered',
    })
  })
})
