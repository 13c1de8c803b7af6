import { openLocalHome, type LocalHome } from '../../cloudfunctions/host/local'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { repos } from '../../cloudfunctions/core/repos'
import { updateReminderSettings } from '../../cloudfunctions/core/reminders/settings'
import { remindTick } from '../../cloudfunctions/core/reminders/tick'
import { CALENDAR_COLUMNS, RETAILER_COLUMNS, SKUS_CSV, csv, importText, removeDir, retailerRow, tempDir } from './helpers'

const R = '350625300020'
/** Wednesday 2026-11-18, 10:00 China time: the next window opens Saturday 21st at 12:00. */
const NOW = '2026-11-18T10:00:00+08:00'

describe('an import that moves a window moves its reminders', () => {
  let dir: string
  let local: LocalHome
  const nextFire = async () => (await repos(local.store).reminderSchedules.get(R))?.nextFireAt
  /** The import marks the schedules; the timer's next run plans them again. */
  const tick = () => remindTick(local.deps(fixedClock(NOW)))

  beforeEach(async () => {
    dir = tempDir()
    local = await openLocalHome(dir)
    await importText(local.store, 'skus', SKUS_CSV, { now: NOW })
    await importText(local.store, 'retailers', csv(RETAILER_COLUMNS, [retailerRow(R)]), { now: NOW })
    await repos(local.store).bindings.insert({ _id: R, openId: 'wx-owner', boundAt: NOW })
    await updateReminderSettings(local.deps(fixedClock(NOW)), 'wx-owner', { enabled: true })
  })
  afterEach(() => removeDir(dir))

  it('replans from the new window after a retailers import', async () => {
    // First reminder: at the opening, Saturday 21st 12:00.
    expect(await nextFire()).toBe(Date.parse('2026-11-21T12:00:00+08:00'))
    // The window becomes Thursday 08:00–17:00: the first reminder is now Thursday 19th at 08:00.
    await importText(
      local.store,
      'retailers',
      csv(RETAILER_COLUMNS, [retailerRow(R, { open_weekday: 4, open_time: '08:00', close_weekday: 4, close_time: '17:00' })]),
      { now: NOW },
    )
    expect(await repos(local.store).reminderSchedules.get(R)).toMatchObject({ refresh: true, nextFireAt: Date.parse('2026-11-21T12:00:00+08:00') })
    expect(await tick()).toMatchObject({ refreshed: 1, sent: 0 })
    expect(await nextFire()).toBe(Date.parse('2026-11-19T08:00:00+08:00'))
    expect((await repos(local.store).reminderSchedules.get(R))?.refresh).toBe(false)
  })

  it('replans after a calendar import cancels the coming cycle', async () => {
    await importText(local.store, 'calendar', csv(CALENDAR_COLUMNS, [[R, '2026-11-23', 'cancel', '', '']]), { now: NOW })
    await tick()
    // The cycle closing Monday 23rd is cancelled: the next opening is Saturday 28th at 12:00.
    expect(await nextFire()).toBe(Date.parse('2026-11-28T12:00:00+08:00'))
  })
})
