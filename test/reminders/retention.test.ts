import { openWorld, shop, SAT_TO_MON, type World } from '../support/world'
import { invokeTimer } from '../../cloudfunctions/functions/define'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import cleanupFn from '../../cloudfunctions/functions/cleanup'
import updateReminderSettings from '../../cloudfunctions/functions/updateReminderSettings'
import addConsents from '../../cloudfunctions/functions/addConsents'
import createInvite from '../../cloudfunctions/functions/createInvite'
import helperLog from '../../cloudfunctions/functions/helperLog'
import home from '../../cloudfunctions/functions/home'
import { consentsHeld } from '../../cloudfunctions/core/reminders/consents'
import { SLOT_DAYS } from '../../cloudfunctions/core/retention'
import { functions } from '../../cloudfunctions/functions/registry'

const SHOP = shop(1, SAT_TO_MON, { shopName: '福满便利店' })
const MAY_SET_UP = '2026-05-15T10:00:00+08:00' // Friday before the window Sat 16 → Mon 18 May
const MAY_TICKS = ['2026-05-16T12:00:00+08:00', '2026-05-18T12:00:00+08:00', '2026-05-18T14:00:00+08:00']
const NOV_SET_UP = '2026-11-20T10:00:00+08:00'
const NOV_TICKS = ['2026-11-21T12:00:00+08:00']
const CLEANUP_AT = '2026-12-01T03:30:00+08:00'
const DAY = 86_400_000

describe('the monthly cleanup, on the real store', () => {
  let world: World
  const cleanup = (at: string) => invokeTimer(cleanupFn, { caller: null, deps: world.local.deps(fixedClock(at)) })
  beforeEach(async () => {
    world = await openWorld([{ retailer: SHOP, owner: 'wx-owner' }])
  })
  afterEach(() => world.close())

  it('is a timer function, fired monthly', () => {
    expect(functions.find((f) => f.name === 'cleanup')).toMatchObject({ kind: 'timer', cron: '0 30 3 1 * * *' })
  })

  it('deletes old slots and sends but keeps every spent consent spent, and keeps this cycle exactly once', async () => {
    for (let i = 0; i < 5; i++) await world.ok(addConsents, 'wx-owner', { templates: ['orderReminder'] }, MAY_SET_UP)
    await world.ok(updateReminderSettings, 'wx-owner', { enabled: true }, MAY_SET_UP)
    for (const at of MAY_TICKS) await world.tick(at)
    await world.ok(updateReminderSettings, 'wx-owner', { enabled: true }, NOV_SET_UP)
    for (const at of NOV_TICKS) await world.tick(at)
    // 5 granted, 3 sent in May, 1 in November.
    expect(await consentsHeld(world.db, 'wx-owner')).toBe(1)
    const slotsBefore = await world.db.reminderSlots.count({})
    expect(await world.db.reminderSlots.count({ dueAt: { $lt: Date.parse(CLEANUP_AT) - SLOT_DAYS * DAY } })).toBe(3)
    const outboxBefore = (await world.local.outbox.list()).length

    const reply = await cleanup(CLEANUP_AT)
    expect(reply).toMatchObject({ ok: true, data: { consentsSettled: 0, reminderSlots: 3 } })
    expect(await world.db.reminderSlots.count({})).toBe(slotsBefore - 3)
    expect(await world.db.consents.get('wx-owner|orderReminder')).toMatchObject({ granted: 5, spent: 4 })
    expect(await consentsHeld(world.db, 'wx-owner')).toBe(1)
    expect(await world.ok(home, 'wx-owner', {}, CLEANUP_AT)).toMatchObject({ reminders: { left: 1 } })

    // Run again: nothing more to delete.
    expect(await cleanup(CLEANUP_AT)).toMatchObject({ ok: true, data: { consentsSettled: 0, reminderSlots: 0 } })
    expect(await consentsHeld(world.db, 'wx-owner')).toBe(1)
    // November's slot is still there: ticking that instant again sends nothing twice.
    await world.tick(NOV_TICKS[0])
    expect((await world.local.outbox.list()).length).toBe(outboxBefore)
  })

  it('deletes invites a week past expiry, counters whose hour is over and helper-log entries over a year old', async () => {
    const at = Date.parse(CLEANUP_AT)
    await world.ok(createInvite, 'wx-owner', { via: 'code', kind: 'family', scopes: ['remind'] }, new Date(at - 9 * DAY).toISOString())
    await world.ok(createInvite, 'wx-owner', { via: 'link', kind: 'family', scopes: ['remind'] }, new Date(at - 2 * DAY).toISOString())
    await world.db.counters.putMany([
      { _id: 'old', count: 3, bucketEndsAt: at - 1 },
      { _id: 'now', count: 1, bucketEndsAt: at + 1 },
    ])
    const entry = (id: string, atMs: number) => ({ _id: id, licenseNo: SHOP.licenseNo, helperId: 'h'.repeat(16), helperName: '儿子', action: 'markOrdered' as const, at: new Date(atMs).toISOString(), atMs })
    await world.db.helperLog.putMany([entry('year-and-a-day', at - 367 * DAY), entry('last-month', at - 30 * DAY)])

    expect(await cleanup(CLEANUP_AT)).toMatchObject({ ok: true, data: { invites: 1, counters: 1, helperLog: 1 } })
    expect((await world.db.invites.find({})).map((i) => i.via)).toEqual(['link'])
    expect((await world.db.counters.find({})).map((c) => c._id)).toEqual(['now'])
    expect((await world.ok(helperLog, 'wx-owner', {}, CLEANUP_AT)).entries).toHaveLength(1)
  })
})
