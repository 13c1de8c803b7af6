import { openWorld, shop, SAT_TO_MON, type World } from '../support/world'
import reminderSettings from '../../cloudfunctions/functions/reminderSettings'
import updateReminderSettings from '../../cloudfunctions/functions/updateReminderSettings'
import addConsents from '../../cloudfunctions/functions/addConsents'
import home from '../../cloudfunctions/functions/home'

const SHOP = shop(1, SAT_TO_MON)
const FRIDAY = '2026-11-20T10:00:00+08:00'

describe('reminder settings and consents', () => {
  let world: World
  beforeEach(async () => {
    world = await openWorld([{ retailer: SHOP, owner: 'wx-owner' }])
  })
  afterEach(() => world.close())

  it('starts off, with the three default reminders and quiet hours 21:00–08:00 shown as a preview', async () => {
    expect(await world.ok(reminderSettings, 'wx-owner', {}, FRIDAY)).toEqual({
      enabled: false,
      offsets: { atOpen: true, closingDayNoon: true, twoHoursBefore: true },
      quietHours: { from: '21:00', to: '08:00' },
      template: 'orderReminder',
      left: 0,
      exhausted: false,
      templateId: null,
      upcoming: [
        { offset: 'atOpen', at: '2026-11-21T12:00:00+08:00', cycleId: '2026-11-23', last: false },
        { offset: 'closingDayNoon', at: '2026-11-23T12:00:00+08:00', cycleId: '2026-11-23', last: false },
        { offset: 'twoHoursBefore', at: '2026-11-23T14:00:00+08:00', cycleId: '2026-11-23', last: true },
      ],
    })
    expect((await world.ok(home, 'wx-owner', {}, FRIDAY)).reminders).toEqual({ enabled: false, left: 0, exhausted: false, templateId: null, perWeek: 0 })
  })

  it('counts one consent per accepted template per tap, and shows how many reminders are left', async () => {
    expect(await world.ok(addConsents, 'wx-owner', { templates: ['orderReminder'] }, FRIDAY)).toEqual({ template: 'orderReminder', left: 1, templateId: null })
    expect(await world.ok(addConsents, 'wx-owner', { templates: ['orderReminder', 'orderReminder'] }, FRIDAY)).toEqual({ template: 'orderReminder', left: 2, templateId: null })
    const settings = await world.ok(updateReminderSettings, 'wx-owner', { enabled: true, offsets: { atOpen: false } }, FRIDAY)
    expect(settings).toMatchObject({ enabled: true, offsets: { atOpen: false, closingDayNoon: true, twoHoursBefore: true }, left: 2, exhausted: false })
    expect(settings.upcoming.map((u) => u.at)).toEqual(['2026-11-23T12:00:00+08:00', '2026-11-23T14:00:00+08:00', '2026-11-30T12:00:00+08:00'])
    expect((await world.ok(home, 'wx-owner', {}, FRIDAY)).reminders).toEqual({ enabled: true, left: 2, exhausted: false, templateId: null, perWeek: 2 })
    // Consents are the caller's own: a helper with no shop collects theirs the same way.
    expect(await world.ok(addConsents, 'wx-helper', { templates: ['orderReminder'] }, FRIDAY)).toEqual({ template: 'orderReminder', left: 1, templateId: null })
  })

  it('indexes the schedule by its next reminder, and clears it when reminders are turned off', async () => {
    await world.ok(updateReminderSettings, 'wx-owner', { enabled: true }, FRIDAY)
    expect(await world.db.reminderSchedules.get(SHOP.licenseNo)).toMatchObject({ enabled: true, nextFireAt: Date.parse('2026-11-21T12:00:00+08:00'), cursor: Date.parse(FRIDAY) })
    await world.ok(updateReminderSettings, 'wx-owner', { offsets: { atOpen: false } }, FRIDAY)
    expect(await world.db.reminderSchedules.get(SHOP.licenseNo)).toMatchObject({ nextFireAt: Date.parse('2026-11-23T12:00:00+08:00') })
    await world.ok(updateReminderSettings, 'wx-owner', { enabled: false }, FRIDAY)
    expect(await world.db.reminderSchedules.get(SHOP.licenseNo)).toMatchObject({ enabled: false, nextFireAt: null })
  })

  it('answers NOT_BOUND to a user with no shop, and INVALID_ARGUMENT to an unknown template or offset', async () => {
    expect(await world.call(reminderSettings, 'wx-helper', {}, FRIDAY)).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } })
    expect(await world.call(addConsents, 'wx-owner', { templates: ['marketing'] } as never, FRIDAY)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await world.call(updateReminderSettings, 'wx-owner', { offsets: { atMidnight: true } } as never, FRIDAY)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await world.db.reminderSchedules.count({})).toBe(0)
  })
})
