import { chinaIso } from '../time'
import { fail } from '../errors'
import type { Deps, DocumentStore } from '../ports'
import type { Retailer, ReminderSchedule } from '../model'
import { repos, type Repos } from '../repos'
import { ownRetailer } from '../identity'
import { overridesFor, overridesForMany } from '../calendar'
import { DEFAULT_OFFSETS, QUIET_HOURS, nextReminderAfter, remindersAfter } from './plan'
import { consentsHeld, reminderTemplateId } from './consents'
import { ORDER_REMINDER } from './content'
import type { ReminderSettingsData } from '../../contracts/results'
import type { ReminderOffset, CalendarOverride } from '../../contracts/vocabulary'

export interface ReminderChange {
  enabled?: boolean
  offsets?: Partial<Record<ReminderOffset, boolean>>
}

/** Reminders are off until the retailer turns them on (and gives WeChat consent on that tap). */
export const defaultSchedule = (licenseNo: string): ReminderSchedule => ({
  _id: licenseNo,
  licenseNo,
  enabled: false,
  offsets: { ...DEFAULT_OFFSETS },
  cursor: null,
  nextFireAt: null,
  version: 0,
  updatedAt: '',
})

/**
 * A schedule after a change. Turning reminders on starts the cursor now: nothing from before
 * is sent late. The next fire time is the first reminder after the cursor.
 */
export const changedSchedule = (
  current: ReminderSchedule,
  change: ReminderChange,
  retailer: Retailer,
  overrides: readonly CalendarOverride[],
  now: number,
): ReminderSchedule => {
  const enabled = change.enabled ?? current.enabled
  const offsets = { ...current.offsets, ...change.offsets }
  const cursor = enabled && (!current.enabled || current.cursor === null) ? now : current.cursor
  const nextFireAt = enabled ? nextReminderAfter(retailer.orderWindow, overrides, offsets, cursor ?? now) : null
  return { ...current, enabled, offsets, cursor, nextFireAt, version: current.version + 1, updatedAt: new Date(now).toISOString(), refresh: false }
}

/** Writes a schedule only over the version it was computed from; false when another write came first. */
const writeOver = async (db: Repos, before: ReminderSchedule, after: ReminderSchedule): Promise<boolean> => {
  if (before.version === 0 && !(await db.reminderSchedules.get(before._id))) return db.reminderSchedules.insert(after)
  const { _id, ...fields } = after
  void _id
  return (await db.reminderSchedules.update({ _id: before._id, version: before.version }, fields)) === 1
}

/** Applies a change with optimistic retries (the timer may be moving the same schedule on). */
const applyChange = async (db: Repos, retailer: Retailer, change: ReminderChange, now: number): Promise<ReminderSchedule> => {
  const overrides = await overridesFor(db, retailer)
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = (await db.reminderSchedules.get(retailer.licenseNo)) ?? defaultSchedule(retailer.licenseNo)
    const next = changedSchedule(current, change, retailer, overrides, now)
    if (await writeOver(db, current, next)) return next
  }
  return fail('CONFLICT', 'settingsBusy')
}

const view = async (deps: Pick<Deps, 'notifier'>, db: Repos, caller: string, retailer: Retailer, schedule: ReminderSchedule, now: number): Promise<ReminderSettingsData> => {
  const overrides = await overridesFor(db, retailer)
  const left = await consentsHeld(db, caller)
  return {
    enabled: schedule.enabled,
    offsets: schedule.offsets,
    quietHours: QUIET_HOURS,
    template: ORDER_REMINDER,
    left,
    exhausted: schedule.enabled && left === 0,
    templateId: reminderTemplateId(deps),
    upcoming: remindersAfter(retailer.orderWindow, overrides, schedule.offsets, now, 3).map((r) => ({
      offset: r.offset,
      at: chinaIso(r.at),
      cycleId: r.cycle.cycleId,
      last: r.last,
    })),
  }
}

export const reminderSettings = async (deps: Deps, caller: string): Promise<ReminderSettingsData> => {
  const db = repos(deps.store)
  const { retailer } = await ownRetailer(db, caller)
  const schedule = (await db.reminderSchedules.get(retailer.licenseNo)) ?? defaultSchedule(retailer.licenseNo)
  return view(deps, db, caller, retailer, schedule, deps.clock.now().getTime())
}

export const updateReminderSettings = async (deps: Deps, caller: string, change: ReminderChange): Promise<ReminderSettingsData> => {
  const db = repos(deps.store)
  const { retailer } = await ownRetailer(db, caller)
  const now = deps.clock.now().getTime()
  return view(deps, db, caller, retailer, await applyChange(db, retailer, change, now), now)
}

/**
 * Recomputes a shop's next fire time after its order window or calendar changed (the imports
 * call this for the shops they touched), so a window moved earlier is not reminded late.
 */
export const refreshReminderSchedule = async (deps: Deps, licenseNo: string): Promise<void> => {
  const db = repos(deps.store)
  const retailer = await db.retailers.get(licenseNo)
  if (!retailer || !(await db.reminderSchedules.get(licenseNo))) return
  await applyChange(db, retailer, {}, deps.clock.now().getTime())
}

/**
 * After a retailers or calendar import: every schedule is marked, in one request, for the timer to
 * plan again from the new windows and overrides (refreshMarkedSchedules), instead of the import
 * recomputing 200,000 schedules inline. Answers how many were marked.
 */
export const markSchedulesForRefresh = (store: DocumentStore): Promise<number> => repos(store).reminderSchedules.update({ enabled: true }, { refresh: true })

/**
 * Recomputes marked schedules a page at a time (shops and calendar in two queries per page) until
 * none is left or `stop` says the run's time is up; each write is a compare-and-set on the
 * version, so a settings change or a tick made meanwhile wins (and clears the mark itself).
 */
export const refreshMarkedSchedules = async (store: DocumentStore, now: number, stop: () => boolean = () => false): Promise<number> => {
  const db = repos(store)
  let refreshed = 0
  let after = ''
  while (!stop()) {
    const page = await db.reminderSchedules.find({ refresh: true, _id: { $gt: after } }, { sort: { _id: 1 }, limit: 500 })
    if (page.length === 0) break
    const retailers = await db.retailers.find({ _id: { $in: page.map((s) => s._id) } }, { limit: page.length })
    const shops = new Map(retailers.map((r) => [r._id, r]))
    const calendars = await overridesForMany(db, retailers)
    await Promise.all(
      page.map(async (schedule) => {
        const retailer = shops.get(schedule._id)
        const next = retailer ? changedSchedule(schedule, {}, retailer, calendars.get(schedule._id) ?? [], now) : { ...schedule, version: schedule.version + 1 }
        const { _id, ...fields } = next
        void _id
        if ((await db.reminderSchedules.update({ _id: schedule._id, version: schedule.version }, { ...fields, refresh: false })) === 1) refreshed++
      }),
    )
    if (page.length < 500) break
    after = page[page.length - 1]._id
  }
  return refreshed
}

/** Every schedule planned again now (tools and tests): marks them all, then refreshes them all. */
export const refreshAllReminderSchedules = async (store: DocumentStore, now: number): Promise<number> => {
  await markSchedulesForRefresh(store)
  return refreshMarkedSchedules(store, now)
}
