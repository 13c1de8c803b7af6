import { MINUTE_MS } from '../time'
import type { Deps, DocumentStore } from '../ports'
import type { Helper, Retailer, ReminderSchedule } from '../model'
import { repos, type Repos } from '../repos'
import { overridesForMany } from '../calendar'
import { orderRecord } from '../orders'
import { nextReminderAfter, remindersBetween, type PlannedReminder } from './plan'
import { missSlot, sendSlot, type Settled, type SlotSpec } from './slots'
import type { RemindTickReport } from '../../contracts/results'
import type { CalendarOverride } from '../../contracts/vocabulary'
import { settleDueNotices } from '../guidance/notices'

/**
 * The reminder timer. Each run reads only the schedules due now — `nextFireAt <= now` on an
 * indexed field, in pages — so its cost follows the reminders due, not the number of retailers.
 */

/** Every 5 minutes (CloudBase cron: seconds first, year last, UTC+8). */
export const REMIND_TICK_CRON = '0 */5 * * * * *'
/** CloudBase returns at most 1000 documents per query. */
export const PAGE_SIZE = 1000
/** Shops reminded side by side within a page (sends wait on WeChat, not on us). */
const PARALLEL = 8

/** A schedule never ticked looks back two ticks; one stalled for long looks back a week at most. */
const FIRST_LOOKBACK = 10 * MINUTE_MS
const MAX_LOOKBACK = 7 * 1440 * MINUTE_MS

/**
 * Due schedules page by page in (nextFireAt, _id) order. Keyset paging (not skip): a schedule
 * whose nextFireAt did not move is never read twice in one tick, and ties across a page
 * boundary are not lost. The lower bound also keeps schedules without a nextFireAt out.
 */
export async function* dueSchedulePages(db: Repos, now: number, pageSize = PAGE_SIZE): AsyncGenerator<ReminderSchedule[]> {
  let last: { at: number; id: string } | null = null
  for (;;) {
    let page: ReminderSchedule[] = []
    if (last) page = await db.reminderSchedules.find({ nextFireAt: last.at, _id: { $gt: last.id } }, { sort: { _id: 1 }, limit: pageSize })
    if (page.length < pageSize) {
      const after = last ? { $gt: last.at } : { $gte: 0 }
      const rest = await db.reminderSchedules.find({ nextFireAt: { ...after, $lte: now } }, { sort: { nextFireAt: 1, _id: 1 }, limit: pageSize - page.length })
      page = page.concat(rest)
    }
    if (page.length === 0) return
    yield page
    const tail = page[page.length - 1]
    last = { at: tail.nextFireAt ?? 0, id: tail._id }
    if (page.length < pageSize) return
  }
}

/** One due schedule with what it needs: its shop, the shop's owner and calendar, and the reminders due. */
export interface ScheduleDue {
  schedule: ReminderSchedule
  retailer: Retailer | null
  owner: string | null
  overrides: CalendarOverride[]
  due: PlannedReminder[]
}

/** Plans one page in three queries (shops, owners, calendar) plus arithmetic. */
export const planPage = async (db: Repos, page: readonly ReminderSchedule[], now: number): Promise<ScheduleDue[]> => {
  const ids = page.map((s) => s._id)
  const [retailers, bindings] = await Promise.all([db.retailers.find({ _id: { $in: ids } }), db.bindings.find({ _id: { $in: ids } })])
  const shops = new Map(retailers.map((r) => [r._id, r]))
  const owners = new Map(bindings.map((b) => [b._id, b.openId]))
  const calendars = await overridesForMany(db, retailers)
  return page.map((schedule) => {
    const retailer = shops.get(schedule._id) ?? null
    const overrides = calendars.get(schedule._id) ?? []
    if (!retailer || !schedule.enabled) return { schedule, retailer, owner: null, overrides, due: [] }
    const from = Math.max(schedule.cursor ?? now - FIRST_LOOKBACK, now - MAX_LOOKBACK)
    const due = remindersBetween(retailer.orderWindow, overrides, schedule.offsets, from, now)
    return { schedule, retailer, owner: owners.get(schedule._id) ?? null, overrides, due }
  })
}

/** Plans a tick without sending anything: what the benchmark times. */
export const planTick = async (store: DocumentStore, now: number, pageSize = PAGE_SIZE): Promise<{ pages: number; schedules: number; due: number }> => {
  const db = repos(store)
  const totals = { pages: 0, schedules: 0, due: 0 }
  for await (const page of dueSchedulePages(db, now, pageSize)) {
    const planned = await planPage(db, page, now)
    totals.pages++
    totals.schedules += planned.length
    totals.due += planned.reduce((n, p) => n + p.due.length, 0)
  }
  return totals
}

const emptyReport = (): RemindTickReport => ({ pages: 0, schedules: 0, sent: 0, escalated: 0, noConsent: 0, failed: 0, missed: 0, retrying: 0, alreadyOrdered: 0, guideNotices: 0 })

const tally = (report: RemindTickReport, settled: Settled, role: 'owner' | 'helper'): void => {
  if (settled.outcome === 'retry') report.retrying++
  else if (!settled.fresh) return
  else if (settled.outcome === 'sent') report[role === 'owner' ? 'sent' : 'escalated']++
  else report[settled.outcome]++
}

const byCycle = (due: readonly PlannedReminder[]): PlannedReminder[][] => {
  const groups = new Map<string, PlannedReminder[]>()
  for (const r of due) groups.set(r.cycle.cycleId, [...(groups.get(r.cycle.cycleId) ?? []), r])
  return [...groups.values()]
}

const remindHelpers = async (db: Repos, licenseNo: string): Promise<Helper[]> =>
  (await db.helpers.find({ licenseNo })).filter((h) => h.scopes.includes('remind'))

/**
 * Settles one shop's due reminders, then moves its schedule on. Per cycle: nothing once the shop
 * has ordered; otherwise only the latest due reminder is sent (a late tick sends one message, not
 * a burst) and earlier ones are recorded as missed, as is everything of a cycle already closed.
 * The cycle's last reminder also goes to the helpers with `remind`.
 */
const remindShop = async (deps: Deps, db: Repos, item: ScheduleDue, now: number, report: RemindTickReport): Promise<void> => {
  const { schedule, retailer, owner, due } = item
  let retryFrom: number | null = null
  let helpers: Helper[] | null = null
  for (const group of retailer ? byCycle(due) : []) {
    const cycle = group[0].cycle
    if (await orderRecord(db, schedule._id, cycle.cycleId)) {
      report.alreadyOrdered += group.length
      continue
    }
    const open = now < cycle.closesAt
    const latest = group[group.length - 1]
    for (const reminder of group) {
      const recipients: { openId: string; role: 'owner' | 'helper' }[] = owner ? [{ openId: owner, role: 'owner' }] : []
      if (reminder.last) {
        helpers ??= await remindHelpers(db, schedule._id)
        recipients.push(...helpers.map((h) => ({ openId: h.openId, role: 'helper' as const })))
      }
      for (const { openId, role } of recipients) {
        const spec: SlotSpec = { retailer: retailer as Retailer, cycle, offset: reminder.offset, recipient: openId, role, dueAt: reminder.at }
        const settled = open && reminder === latest ? await sendSlot(deps, db, spec, now) : await missSlot(deps, db, spec, now, open)
        tally(report, settled, role)
        if (settled.outcome === 'retry') retryFrom = Math.min(retryFrom ?? reminder.at, reminder.at)
      }
    }
  }
  // A slot waiting for a retry keeps the cursor before it and the schedule due at the next tick.
  const next =
    retryFrom !== null
      ? { cursor: retryFrom - 1, nextFireAt: now + 1 }
      : { cursor: now, nextFireAt: retailer && schedule.enabled ? nextReminderAfter(retailer.orderWindow, item.overrides, schedule.offsets, now) : null }
  // Compare-and-set on the version: a settings change made meanwhile wins over this tick's plan.
  await db.reminderSchedules.update({ _id: schedule._id, version: schedule.version }, { ...next, version: schedule.version + 1 })
}

const inParallel = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++])
  })
  await Promise.all(lanes)
}

/** One run of the timer. */
export const remindTick = async (deps: Deps): Promise<RemindTickReport> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const report = emptyReport()
  for await (const page of dueSchedulePages(db, now)) {
    report.pages++
    report.schedules += page.length
    const planned = await planPage(db, page, now)
    await inParallel(planned, PARALLEL, (item) => remindShop(deps, db, item, now, report))
  }
  // New-guide messages held back by quiet hours, or left half-sent by a build that died, go out here.
  const guides = await settleDueNotices(deps, db, now, async (notice) => ({
    shopName: (await db.retailers.get(notice.licenseNo))?.shopName ?? '',
    strategyTitle: (await db.guides.get(`${notice.licenseNo}|${notice.month}`))?.strategies[0]?.title ?? null,
  }))
  report.guideNotices = guides.sent + guides.inboxOnly + guides.failed
  return report
}
