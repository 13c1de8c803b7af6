import { MINUTE_MS } from '../time'
import type { Deps, DocumentStore, Filter } from '../ports'
import type { Helper, ReminderSchedule, Retailer } from '../model'
import { repos, type Repos } from '../repos'
import { overridesForMany } from '../calendar'
import { orderId } from '../orders'
import { nextReminderAfter, remindersBetween, type PlannedReminder } from './plan'
import { recordSent, settleSlot, slotKey, type Settled, type SlotContext, type SlotSpec } from './slots'
import { consentsOf } from './consents'
import { refreshMarkedSchedules } from './settings'
import type { RemindTickReport, TickShare } from '../../contracts/results'
import type { CalendarOverride } from '../../contracts/vocabulary'
import { settleDueNotices } from '../guidance/notices'

/**
 * The reminder timer. Each run reads only the schedules due now — `nextFireAt <= now` on an
 * indexed field, in keyset pages — so its cost follows the reminders due, not the number of
 * retailers. A page of up to 1000 shops is read in a handful of requests (shops, owners,
 * calendar, orders, helpers, stored slots, consents); each reminder then costs its claim and its
 * consent charge; sent slots and moved schedules are written a page at a time.
 */

/** Every 5 minutes (CloudBase cron: seconds first, year last, UTC+8). */
export const REMIND_TICK_CRON = '0 */5 * * * * *'
/** The remindTick function's timeout (seconds): a run is killed after this. */
export const REMIND_TICK_TIMEOUT_S = 60
/** A run starts no new page after this long, so it ends well inside its timeout; the rest stay due. */
export const TICK_BUDGET_MS = 40_000
/** Due schedules one run is trusted to finish within its budget; beyond this the run fans out. */
export const ONE_RUN_SCHEDULES = 3000
/** Workers at most for one instant. */
export const MAX_WORKERS = 10
/** CloudBase returns at most 1000 documents per query. */
export const PAGE_SIZE = 1000
/** Shops reminded side by side within a page (sends wait on WeChat, not on us). */
const PARALLEL = 16

/** A schedule never ticked looks back two ticks; one stalled for long looks back a week at most. */
const FIRST_LOOKBACK = 10 * MINUTE_MS
const MAX_LOOKBACK = 7 * 1440 * MINUTE_MS

/** Due schedules, within a worker's share of license numbers when it has one. */
const dueFilter = (share: TickShare | undefined, extra: Filter): Filter => {
  if (!share) return extra
  const range: { $gte?: string; $lt?: string; $gt?: string } = {}
  if (share.from !== null) range.$gte = share.from
  if (share.to !== null) range.$lt = share.to
  const id = extra._id
  return { ...extra, _id: { ...(typeof id === 'object' && id !== null ? id : {}), ...range } }
}

/**
 * Due schedules page by page in (nextFireAt, _id) order. Keyset paging (not skip): a schedule
 * whose nextFireAt did not move is never read twice in one tick, and ties across a page
 * boundary are not lost. The lower bound also keeps schedules without a nextFireAt out.
 */
export async function* dueSchedulePages(db: Repos, now: number, pageSize = PAGE_SIZE, share?: TickShare): AsyncGenerator<ReminderSchedule[]> {
  let last: { at: number; id: string } | null = null
  for (;;) {
    let page: ReminderSchedule[] = []
    if (last) page = await db.reminderSchedules.find(dueFilter(share, { nextFireAt: last.at, _id: { $gt: last.id } }), { sort: { _id: 1 }, limit: pageSize })
    if (page.length < pageSize) {
      const after = last ? { $gt: last.at } : { $gte: 0 }
      const rest = await db.reminderSchedules.find(dueFilter(share, { nextFireAt: { ...after, $lte: now } }), { sort: { nextFireAt: 1, _id: 1 }, limit: pageSize - page.length })
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
  const [retailers, bindings] = await Promise.all([db.retailers.find({ _id: { $in: ids } }, { limit: ids.length }), db.bindings.find({ _id: { $in: ids } }, { limit: ids.length })])
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

export const emptyReport = (): RemindTickReport => ({
  pages: 0,
  schedules: 0,
  sent: 0,
  escalated: 0,
  noConsent: 0,
  failed: 0,
  missed: 0,
  retrying: 0,
  alreadyOrdered: 0,
  reconciled: 0,
  errors: 0,
  deferred: 0,
  refreshed: 0,
  workers: 0,
  guideNotices: 0,
})

const tally = (report: RemindTickReport, settled: Settled, role: 'owner' | 'helper'): void => {
  if (settled.outcome === 'retry') report.retrying++
  else if (!settled.fresh) return
  else {
    if (settled.reconciled) report.reconciled++
    if (settled.outcome === 'sent') report[role === 'owner' ? 'sent' : 'escalated']++
    else report[settled.outcome]++
  }
}

const byCycle = (due: readonly PlannedReminder[]): PlannedReminder[][] => {
  const groups = new Map<string, PlannedReminder[]>()
  for (const r of due) groups.set(r.cycle.cycleId, [...(groups.get(r.cycle.cycleId) ?? []), r])
  return [...groups.values()]
}

/** Documents by id in queries of at most 1000 ids. */
const byIdChunks = async <T extends { _id: string }>(find: (ids: string[]) => Promise<T[]>, ids: readonly string[]): Promise<Map<string, T>> => {
  const unique = [...new Set(ids)]
  const found = new Map<string, T>()
  for (let i = 0; i < unique.length; i += 1000) for (const doc of await find(unique.slice(i, i + 1000))) found.set(doc._id, doc)
  return found
}

/** One slot to settle for a shop, as planned from the page's batched reads. */
interface PlannedSlot {
  spec: SlotSpec
  mode: 'send' | 'miss'
  windowOpen: boolean
  /** The reminder's instant: a slot waiting for a retry keeps the schedule's cursor before it. */
  at: number
}

interface ShopWork {
  item: ScheduleDue
  slots: PlannedSlot[]
  alreadyOrdered: number
}

/**
 * What each shop of a page must settle, from three batched reads: the orders of the cycles due,
 * the helpers of shops whose cycle's last reminder is due, and the stored slots. Per cycle:
 * nothing once the shop has ordered; otherwise only the latest due reminder is sent (a late tick
 * sends one message, not a burst) and earlier ones are recorded as missed, as is everything of a
 * cycle already closed. The cycle's last reminder also goes to the helpers with `remind`.
 */
const planSlots = async (db: Repos, planned: readonly ScheduleDue[], now: number): Promise<{ work: ShopWork[]; ctxStored: SlotContext['stored']; recipients: string[] }> => {
  const groups = planned.flatMap((item) => (item.retailer ? byCycle(item.due).map((group) => ({ item, group })) : []))
  const orderIds = groups.map(({ item, group }) => orderId(item.schedule._id, group[0].cycle.cycleId))
  const needHelpers = [...new Set(groups.filter(({ group }) => group.some((r) => r.last)).map(({ item }) => item.schedule._id))]
  const [orders, helperList] = await Promise.all([
    byIdChunks((ids) => db.orders.find({ _id: { $in: ids } }, { limit: ids.length }), orderIds),
    needHelpers.length > 0 ? db.helpers.find({ licenseNo: { $in: needHelpers } }) : Promise.resolve([] as Helper[]),
  ])
  const helpers = new Map<string, Helper[]>()
  for (const h of helperList) if (h.scopes.includes('remind')) helpers.set(h.licenseNo, [...(helpers.get(h.licenseNo) ?? []), h])

  const work = new Map<string, ShopWork>(planned.map((item) => [item.schedule._id, { item, slots: [], alreadyOrdered: 0 }]))
  for (const { item, group } of groups) {
    const shop = work.get(item.schedule._id) as ShopWork
    const cycle = group[0].cycle
    if (orders.has(orderId(item.schedule._id, cycle.cycleId))) {
      shop.alreadyOrdered += group.length
      continue
    }
    const open = now < cycle.closesAt
    const latest = group[group.length - 1]
    for (const reminder of group) {
      const recipients: { openId: string; role: 'owner' | 'helper' }[] = item.owner ? [{ openId: item.owner, role: 'owner' }] : []
      if (reminder.last) recipients.push(...(helpers.get(item.schedule._id) ?? []).map((h) => ({ openId: h.openId, role: 'helper' as const })))
      for (const { openId, role } of recipients) {
        const spec: SlotSpec = { retailer: item.retailer as Retailer, cycle, offset: reminder.offset, recipient: openId, role, dueAt: reminder.at }
        shop.slots.push({ spec, mode: open && reminder === latest ? 'send' : 'miss', windowOpen: open, at: reminder.at })
      }
    }
  }
  const all = [...work.values()]
  const keys = all.flatMap((w) => w.slots.map(({ spec }) => slotKey(spec.retailer.licenseNo, spec.cycle.cycleId, spec.offset, spec.recipient)))
  const stored = await byIdChunks((ids) => db.reminderSlots.find({ _id: { $in: ids } }, { limit: ids.length }), keys)
  const recipients = all.flatMap((w) => w.slots.filter((s) => s.mode === 'send').map((s) => s.spec.recipient))
  return { work: all, ctxStored: stored, recipients }
}

/** A schedule's next state after its shop was reminded. */
const nextOf = (item: ScheduleDue, retryFrom: number | null, now: number): Pick<ReminderSchedule, 'cursor' | 'nextFireAt'> =>
  retryFrom !== null
    ? // A slot waiting for a retry keeps the cursor before it and the schedule due at the next tick.
      { cursor: retryFrom - 1, nextFireAt: now + 1 }
    : { cursor: now, nextFireAt: item.retailer && item.schedule.enabled ? nextReminderAfter(item.retailer.orderWindow, item.overrides, item.schedule.offsets, now) : null }

/**
 * Moves the page's schedules on. Schedules due at one instant mostly move to the same next
 * instant, so they are written in groups of equal (version, cursor, next fire time): one request
 * per group, each still a compare-and-set on the version, so a settings change made meanwhile
 * wins over this tick's plan.
 */
const moveSchedules = async (db: Repos, moves: { schedule: ReminderSchedule; next: Pick<ReminderSchedule, 'cursor' | 'nextFireAt'> }[]): Promise<void> => {
  const groups = new Map<string, { version: number; next: Pick<ReminderSchedule, 'cursor' | 'nextFireAt'>; ids: string[] }>()
  for (const { schedule, next } of moves) {
    const key = `${schedule.version}|${next.cursor}|${next.nextFireAt}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { version: schedule.version, next, ids: [] }))
    group.ids.push(schedule._id)
  }
  await Promise.all(
    [...groups.values()].map(async ({ version, next, ids }) => {
      for (let i = 0; i < ids.length; i += 1000) {
        const chunk = ids.slice(i, i + 1000)
        await db.reminderSchedules.update(chunk.length === 1 ? { _id: chunk[0], version } : { _id: { $in: chunk }, version }, { ...next, version: version + 1 })
      }
    }),
  )
}

const inParallel = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++])
  })
  await Promise.all(lanes)
}

/** Reminds one page of shops. A shop whose reminding throws is counted and stays due; the others go on. */
const remindPage = async (deps: Deps, db: Repos, planned: ScheduleDue[], now: number, report: RemindTickReport, runTimeoutMs: number): Promise<void> => {
  const { work, ctxStored, recipients } = await planSlots(db, planned, now)
  const ctx: SlotContext = { deps, db, now, stored: ctxStored, consents: await consentsOf(db, recipients), runTimeoutMs }
  const sentKeys: string[] = []
  const moves: { schedule: ReminderSchedule; next: Pick<ReminderSchedule, 'cursor' | 'nextFireAt'> }[] = []
  await inParallel(work, PARALLEL, async (shop) => {
    try {
      report.alreadyOrdered += shop.alreadyOrdered
      let retryFrom: number | null = null
      for (const { spec, mode, windowOpen, at } of shop.slots) {
        const settled = await settleSlot(ctx, spec, mode, windowOpen)
        if (settled.outcome !== 'retry' && settled.record) sentKeys.push(settled.record)
        tally(report, settled, spec.role)
        if (settled.outcome === 'retry') retryFrom = Math.min(retryFrom ?? at, at)
      }
      moves.push({ schedule: shop.item.schedule, next: nextOf(shop.item, retryFrom, now) })
    } catch (error) {
      // One shop's failure (a database error, a notifier that threw) must not stop the others,
      // which may be mid-send in other lanes. Its schedule does not move, so the next run retries it.
      report.errors++
      console.error(`[remindTick] shop ${shop.item.schedule._id}`, error)
    }
  })
  // Sent slots are recorded before their schedules move on: a run killed in between leaves them
  // in flight, reconciled by the next run that finds their schedule still due.
  await recordSent(db, sentKeys, now)
  await moveSchedules(db, moves)
}

/** Splits the due schedules into contiguous license ranges of about `size` each, for the workers. */
const shares = async (db: Repos, now: number, workers: number, due: number): Promise<TickShare[]> => {
  const ids: string[] = []
  let after = ''
  for (;;) {
    const page = await db.reminderSchedules.find({ nextFireAt: { $gte: 0, $lte: now }, _id: { $gt: after } }, { sort: { _id: 1 }, limit: PAGE_SIZE })
    ids.push(...page.map((s) => s._id))
    if (page.length < PAGE_SIZE) break
    after = page[page.length - 1]._id
  }
  const size = Math.ceil(Math.max(ids.length, due) / workers)
  const bounds = Array.from({ length: workers - 1 }, (_, i) => ids[(i + 1) * size]).filter((id): id is string => id !== undefined)
  return [null, ...bounds].map((from, i) => ({ from, to: bounds[i] ?? null }))
}

export interface TickOptions {
  /** A worker's share of the due schedules; absent: the whole instant (and the run may fan out). */
  share?: TickShare
  /** Stop starting pages after this long; the schedules not reached stay due for the next run. */
  budgetMs?: number
  /** A slot in flight longer than this was left by a dead run (the function's timeout). */
  runTimeoutMs?: number
}

const sum = (into: RemindTickReport, from: RemindTickReport): void => {
  for (const key of Object.keys(into) as (keyof RemindTickReport)[]) into[key] += from[key]
}

/**
 * One run of the timer. When more shops are due than one run finishes within its budget and the
 * platform can start workers, the run splits the due schedules into license ranges and runs one
 * worker per range side by side. Whatever is left when the budget runs out stays due, and the
 * next run (five minutes on) takes it up; marked schedules are refreshed with the time left.
 */
export const remindTick = async (deps: Deps, options: TickOptions = {}): Promise<RemindTickReport> => {
  const db = repos(deps.store)
  const started = deps.clock.now().getTime()
  const now = started
  const budgetMs = options.budgetMs ?? TICK_BUDGET_MS
  const runTimeoutMs = options.runTimeoutMs ?? REMIND_TICK_TIMEOUT_S * 1000
  const report = emptyReport()

  if (!options.share && deps.workers) {
    const due = await db.reminderSchedules.count({ nextFireAt: { $gte: 0, $lte: now } })
    if (due > ONE_RUN_SCHEDULES) {
      const parts = await shares(db, now, Math.min(MAX_WORKERS, Math.ceil(due / ONE_RUN_SCHEDULES)), due)
      const runs = await Promise.allSettled(parts.map((share) => (deps.workers as NonNullable<Deps['workers']>).remindTick(share)))
      for (const run of runs) {
        if (run.status === 'fulfilled') sum(report, run.value)
        else {
          report.errors++
          console.error('[remindTick] worker failed', run.reason)
        }
      }
      report.workers = parts.length
      return report
    }
  }

  const elapsed = () => deps.clock.now().getTime() - started
  for await (const page of dueSchedulePages(db, now, PAGE_SIZE, options.share)) {
    if (elapsed() > budgetMs) {
      report.deferred = await db.reminderSchedules.count(dueFilter(options.share, { nextFireAt: { $gte: 0, $lte: now } }))
      return report
    }
    report.pages++
    report.schedules += page.length
    const planned = await planPage(db, page, now)
    await remindPage(deps, db, planned, now, report, runTimeoutMs)
  }
  if (!options.share) report.refreshed = await refreshMarkedSchedules(deps.store, now, () => elapsed() > budgetMs)
  // New-guide messages held back by quiet hours, or left half-sent by a build that died, go out here.
  if (!options.share) {
    const guides = await settleDueNotices(deps, db, now, async (notice) => ({
      shopName: (await db.retailers.get(notice.licenseNo))?.shopName ?? '',
      strategyTitle: (await db.guides.get(`${notice.licenseNo}|${notice.month}`))?.strategies[0]?.title ?? null,
    }))
    report.guideNotices = guides.sent + guides.inboxOnly + guides.failed
  }
  return report
}
