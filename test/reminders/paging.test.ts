import { openWorld, shop, SAT_TO_MON, type World } from '../support/world'
import { PAGE_SIZE, dueSchedulePages, planTick } from '../../cloudfunctions/core/reminders/tick'
import { DEFAULT_OFFSETS } from '../../cloudfunctions/core/reminders/plan'
import type { ReminderSchedule } from '../../cloudfunctions/core/model'

const SAT_NOON = Date.parse('2026-11-21T12:00:00+08:00')
const schedule = (licenseNo: string, nextFireAt: number | null, enabled = true): ReminderSchedule => ({
  _id: licenseNo,
  licenseNo,
  enabled,
  offsets: { ...DEFAULT_OFFSETS },
  cursor: SAT_NOON - 10 * 60_000,
  nextFireAt,
  version: 1,
  updatedAt: '',
})

describe('how the timer finds due schedules', () => {
  let world: World
  afterEach(() => world.close())

  it('reads only schedules due now, each once, in pages — ties across a page boundary included', async () => {
    const shops = Array.from({ length: 30 }, (_, i) => shop(i + 1, SAT_TO_MON))
    world = await openWorld(shops.map((retailer) => ({ retailer })))
    const nextFire = (i: number) => (i < 20 ? SAT_NOON : i < 25 ? SAT_NOON - 60_000 : i < 28 ? SAT_NOON + 1 : null)
    await world.db.reminderSchedules.putMany(shops.map((s, i) => schedule(s.licenseNo, nextFire(i), i < 28)))
    const seen: string[] = []
    const sizes: number[] = []
    for await (const page of dueSchedulePages(world.db, SAT_NOON, 7)) {
      sizes.push(page.length)
      seen.push(...page.map((s) => s._id))
    }
    expect(sizes).toEqual([7, 7, 7, 4])
    expect(seen.slice(0, 5)).toEqual(shops.slice(20, 25).map((s) => s.licenseNo)) // earliest due first
    expect([...seen].sort()).toEqual(shops.slice(0, 25).map((s) => s.licenseNo).sort())
    // Each of the 25 due shops has its Saturday 12:00 reminder planned.
    expect(await planTick(world.local.store, SAT_NOON, 7)).toEqual({ pages: 4, schedules: 25, due: 25 })
  })

  it(`pages by at most ${PAGE_SIZE} (CloudBase's cap) and reminds every due shop in one run`, async () => {
    expect(PAGE_SIZE).toBeLessThanOrEqual(1000)
    const count = PAGE_SIZE + 50
    const shops = Array.from({ length: count }, (_, i) => shop(i + 1, SAT_TO_MON))
    world = await openWorld(shops.map((retailer, i) => ({ retailer, owner: `wx-${i}` })))
    await world.db.reminderSchedules.putMany(shops.map((s) => schedule(s.licenseNo, SAT_NOON)))
    await world.db.consents.putMany(shops.map((_, i) => ({ _id: `wx-${i}|orderReminder`, openId: `wx-${i}`, template: 'orderReminder' as const, granted: 1 })))
    expect(await world.tick('2026-11-21T12:00:00+08:00')).toMatchObject({ ok: true, data: { pages: 2, schedules: count, sent: count } })
    expect(await world.local.outbox.list()).toHaveLength(count)
    // Every schedule moved on to Monday 12:00, so the next run reads nothing.
    expect(await world.db.reminderSchedules.count({ nextFireAt: Date.parse('2026-11-23T12:00:00+08:00') })).toBe(count)
    expect(await world.tick('2026-11-21T12:05:00+08:00')).toMatchObject({ ok: true, data: { pages: 0, schedules: 0 } })
  }, 60_000)
})
