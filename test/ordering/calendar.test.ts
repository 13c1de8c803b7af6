import { openWorld, shop, SAT_TO_MON, type World } from '../support/world'
import home from '../../cloudfunctions/functions/home'
import markOrdered from '../../cloudfunctions/functions/markOrdered'
import { overridesFor } from '../../cloudfunctions/core/calendar'
import { holidayOf } from '../../cloudfunctions/core/holidays'
import type { CalendarEntry } from '../../cloudfunctions/core/model'
import { calendarNoticeText } from '../../cloudfunctions/words/orders'

const ONE = shop(1, SAT_TO_MON, { district: '城关一片' })
const TWO = shop(2, SAT_TO_MON, { district: '岩溪片' })
const entry = (scope: string, e: Omit<CalendarEntry, '_id' | 'scope'>): CalendarEntry => ({ _id: `${scope}|${e.cycleId}`, scope, ...e })

describe('company calendar overrides', () => {
  let world: World
  beforeEach(async () => {
    world = await openWorld([
      { retailer: ONE, owner: 'wx-one' },
      { retailer: TWO, owner: 'wx-two' },
    ])
  })
  afterEach(() => world.close())

  it('applies the most specific row for each cycle: license over district over *', async () => {
    await world.db.calendar.putMany([
      entry('*', { cycleId: '2026-10-05', action: 'cancel' }),
      entry('城关一片', { cycleId: '2026-10-05', action: 'move', newOpen: '2026-10-08T08:00:00+08:00', newClose: '2026-10-09T16:00:00+08:00' }),
      entry(ONE.licenseNo, { cycleId: '2026-10-05', action: 'move', newOpen: '2026-10-08T12:00:00+08:00', newClose: '2026-10-09T18:00:00+08:00' }),
      entry('城关一片', { cycleId: '2026-10-12', action: 'cancel' }),
      entry('陈巷片', { cycleId: '2026-10-19', action: 'cancel' }),
    ])
    expect(await overridesFor(world.db, ONE)).toEqual([
      { cycleId: '2026-10-05', action: 'move', newOpen: '2026-10-08T12:00:00+08:00', newClose: '2026-10-09T18:00:00+08:00' },
      { cycleId: '2026-10-12', action: 'cancel' },
    ])
    expect(await overridesFor(world.db, TWO)).toEqual([{ cycleId: '2026-10-05', action: 'cancel' }])
  })

  it('tells the home page: 国庆期间订货时间调整为 …, with the countdown’s overrides and the moved cycle’s status', async () => {
    await world.db.calendar.put(entry('*', { cycleId: '2026-10-05', action: 'move', newOpen: '2026-10-08T08:00:00+08:00', newClose: '2026-10-09T16:00:00+08:00' }))
    const data = await world.ok(home, 'wx-one', {}, '2026-09-27T10:00:00+08:00') // Sunday: the regular window is open
    expect(data.calendarNotices.map((n) => [n.cycleId, n.action, calendarNoticeText(n)])).toEqual([['2026-10-05', 'move', '国庆期间订货时间调整为 10月8日（周四）08:00 至 10月9日（周五）16:00']])
    expect(data.overrides).toEqual([{ cycleId: '2026-10-05', action: 'move', newOpen: '2026-10-08T08:00:00+08:00', newClose: '2026-10-09T16:00:00+08:00' }])
    expect(data.order.cycleId).toBe('2026-09-28')
    // From Tuesday the shop waits for the moved cycle, which keeps its name.
    expect((await world.ok(home, 'wx-one', {}, '2026-09-29T10:00:00+08:00')).order.cycleId).toBe('2026-10-05')
    // Ordered in the regular cycle and in the moved one: inside the moved window both are read right,
    // though the regular calendar would have named other cycles (this one 10-12, the last 10-05).
    await world.ok(markOrdered, 'wx-one', {}, '2026-09-27T10:00:00+08:00')
    await world.ok(markOrdered, 'wx-one', {}, '2026-10-08T09:00:00+08:00')
    const moved = await world.ok(home, 'wx-one', {}, '2026-10-09T10:00:00+08:00')
    expect(moved.order).toMatchObject({ cycleId: '2026-10-05', status: 'ordered' })
    expect(moved.lastCycle).toMatchObject({ cycleId: '2026-09-28', result: 'ordered' })
  })

  it('says when a cycle is cancelled, and stops saying it once the regular close has passed', async () => {
    await world.db.calendar.put(entry('岩溪片', { cycleId: '2026-10-05', action: 'cancel' }))
    expect((await world.ok(home, 'wx-two', {}, '2026-09-29T10:00:00+08:00')).calendarNotices.map((n) => [n.cycleId, n.action, calendarNoticeText(n)])).toEqual([
      ['2026-10-05', 'cancel', '国庆期间暂停订货：原定 10月5日（周一）16:00 截止的订货取消'],
    ])
    expect((await world.ok(home, 'wx-one', {}, '2026-09-29T10:00:00+08:00')).calendarNotices).toEqual([])
    expect((await world.ok(home, 'wx-two', {}, '2026-10-05T16:00:00+08:00')).calendarNotices).toEqual([])
  })

  it('names the holiday from the dates a change touches', () => {
    expect(holidayOf(['2026-10-05'])).toBe('nationalDay')
    expect(holidayOf(['2027-02-08'])).toBe('springFestival') // Spring Festival 2027 is 6 February
    expect(holidayOf(['2027-01-01'])).toBe('newYear')
    expect(holidayOf(['2026-05-04'])).toBe('labourDay')
    expect(holidayOf(['2026-06-19'])).toBe(null)
  })
})
