import { CloudBaseStore } from '../../adapters/cloudbase/store'
import { nodeImportIo } from '../../adapters/node/importIo'
import { nodeTokens } from '../../adapters/node/tokens'
import { localPhones } from '../../adapters/local/phones'
import { importFile } from '../../core/imports/run'
import { remindTick, emptyReport, REMIND_TICK_CRON } from '../../core/reminders/tick'
import { DEFAULT_OFFSETS, nextReminderAfter } from '../../core/reminders/plan'
import { consentId } from '../../core/reminders/consents'
import { getHome } from '../../core/home'
import { getSummary } from '../../core/insights/summary'
import { getGuide } from '../../core/guidance/read'
import { guideTipOf } from '../../core/guidance/tip'
import { addDays, chinaDate, MINUTE_MS } from '../../core/time'
import type { Deps, Notifier } from '../../core/ports'
import type { Binding, Consent, ReminderSchedule, Retailer } from '../../core/model'
import type { RemindTickReport } from '../../contracts/results'
import { makeRetailers, licenseOf } from '../../seed/county'
import { makeCatalogue } from '../../seed/catalogue'
import { seeded } from '../../seed/random'
import { SimulatedCloudBase, type CallCount } from './simulatedCloudBase'
import { VirtualTime } from './virtualTime'

/**
 * The province drill (issue 14): the real CloudBase store adapter — its node-sdk calls — over the
 * simulated CloudBase database, with every request charged 20 ms of simulated time and at most 10
 * in flight (500 calls a second). A province of 200,000 retailers, 20,000 of them with a reminder
 * due at one instant; then a 1,000,000-row sales import; then the register again with every shop
 * changed; then one home, summary and guide call.
 */

export interface ProvinceDrillOptions {
  retailers: number
  dueAtOnce: number
  importRows: number
  msPerCall: number
  inFlight: number
  /** WeChat's answer time for one subscribe message (simulated). */
  sendMs: number
  log?: (line: string) => void
}

export const PROVINCE: ProvinceDrillOptions = { retailers: 200_000, dueAtOnce: 20_000, importRows: 1_000_000, msPerCall: 20, inFlight: 10, sendMs: 100 }

export interface ProvinceDrillResult {
  reminders: { due: number; sent: number; calls: number; callsPerReminder: number; minutesToLastSend: number; runs: RemindTickReport[] }
  importRun: { rows: number; imported: number; calls: number; callsPer1000Rows: number; minutes: number; byAction: Record<string, number> }
  registerRun: { rows: number; changed: number; calls: number; minutes: number }
  home: CallCount
  summary: CallCount
  guide: CallCount | null
}

/** The guide function's call for the drill's caller: the newest guide of their shop. */
export let guideCallForDrill: ((deps: Deps, caller: string) => Promise<unknown>) | null = (deps, caller) => getGuide(deps, caller, {})
export const setGuideCallForDrill = (call: typeof guideCallForDrill): void => {
  guideCallForDrill = call
}

/** Saturday 2026-11-21 12:00 China time: the weekend windows open and their first reminder is due. */
const INSTANT = Date.parse('2026-11-21T12:00:00+08:00')
const SKUS_PER_SHOP_DAY = 25
const WEEKEND = { openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' }

/** The province as documents, loaded straight into the simulated database (not counted). */
const loadProvince = (sim: SimulatedCloudBase, options: ProvinceDrillOptions): Retailer[] => {
  const rng = seeded(20261121)
  const retailers = makeRetailers(rng, options.retailers).map((r, i): Retailer => {
    if (i < options.dueAtOnce) return { ...r, orderWindow: WEEKEND }
    // Everyone else orders on a weekday window, so nothing of theirs falls due at the instant.
    const day = 1 + (i % 5)
    return { ...r, orderWindow: { openWeekday: day, openTime: '08:00', closeWeekday: day, closeTime: '17:00' } }
  })
  const at = new Date(INSTANT - 7 * 1440 * MINUTE_MS).toISOString()
  sim.load('retailers', retailers)
  sim.load('skus', makeCatalogue(seeded(20261123)))
  sim.load('bindings', retailers.map((r, i): Binding => ({ _id: r.licenseNo, openId: `wx-${i + 1}`, boundAt: at })))
  sim.load(
    'reminderSchedules',
    retailers.map(
      (r): ReminderSchedule => ({
        _id: r.licenseNo,
        licenseNo: r.licenseNo,
        enabled: true,
        offsets: { ...DEFAULT_OFFSETS },
        cursor: INSTANT - 60 * MINUTE_MS,
        nextFireAt: nextReminderAfter(r.orderWindow, [], DEFAULT_OFFSETS, INSTANT - 60 * MINUTE_MS),
        version: 3,
        updatedAt: at,
      }),
    ),
  )
  sim.load('consents', retailers.map((_, i): Consent => ({ _id: consentId(`wx-${i + 1}`, 'orderReminder'), openId: `wx-${i + 1}`, template: 'orderReminder', granted: 5, spent: 1 })))
  sim.load('calendar', [{ _id: '*|2026-10-05', scope: '*', cycleId: '2026-10-05', action: 'cancel' }])
  // The first shop's monthly guide, so home's tip and the guide function read one (its figures do not matter here).
  const first = retailers[0].licenseNo
  const guide = { licenseNo: first, month: '2026-10', classes: [], strategies: [] }
  sim.load('guides', [{ _id: `${first}|2026-10`, ...guide, tip: guideTipOf(guide) }])
  return retailers
}

/** A POS export of `rows` rows over the shops that sell, a week before the instant, made as it is read. */
async function* salesFile(rows: number, shops: number): AsyncGenerator<Uint8Array> {
  const skus = makeCatalogue(seeded(20261123))
  const encoder = new TextEncoder()
  const days = Math.ceil(rows / (shops * SKUS_PER_SHOP_DAY))
  const first = addDays(chinaDate(INSTANT), -days - 1)
  let text = 'license_no,date,sku_code,packs,sales_fen\n'
  let written = 0
  for (let day = 0; day < days && written < rows; day++) {
    const date = addDays(first, day)
    for (let shop = 1; shop <= shops && written < rows; shop++) {
      for (let k = 0; k < SKUS_PER_SHOP_DAY && written < rows; k++, written++) {
        const sku = skus[(shop * 7 + k * 2) % skus.length]
        const packs = 1 + ((shop + day + k) % 8)
        text += `${licenseOf(shop)},${date},${sku.skuCode},${packs},${packs * sku.retailFenPerPack}\n`
      }
      if (text.length > 1 << 20) {
        yield encoder.encode(text)
        text = ''
      }
    }
  }
  yield encoder.encode(text)
}

/** The register again with every shop's grade one higher: a re-import that changes every document. */
async function* registerFile(retailers: readonly Retailer[]): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder()
  let text = 'license_no,shop_name,owner_name,phone,business_type,area_type,district,grade,integrity_score,monthly_quota_cartons,open_weekday,open_time,close_weekday,close_time,manager_name,manager_phone\n'
  for (const r of retailers) {
    const w = r.orderWindow
    text += `${[r.licenseNo, r.shopName, r.ownerName, r.phone, r.businessType, r.areaType, r.district, (r.grade % 30) + 1, r.integrityScore, r.monthlyQuotaCartons, w.openWeekday, w.openTime, w.closeWeekday, w.closeTime, r.manager.name, r.manager.phone].join(',')}\n`
    if (text.length > 1 << 20) {
      yield encoder.encode(text)
      text = ''
    }
  }
  yield encoder.encode(text)
}

const minutes = (ms: number): number => ms / MINUTE_MS

export const runProvinceDrill = async (options: ProvinceDrillOptions = PROVINCE): Promise<ProvinceDrillResult> => {
  const log = options.log ?? (() => undefined)
  const time = new VirtualTime(INSTANT)
  const sim = new SimulatedCloudBase({ time, msPerCall: options.msPerCall, inFlight: options.inFlight, unique: { bindings: ['openId'] } })
  const store = new CloudBaseStore(sim.database() as never)
  const retailers = loadProvince(sim, options)
  log(`province loaded: ${retailers.length.toLocaleString('en-US')} retailers, ${options.dueAtOnce.toLocaleString('en-US')} with a reminder due at ${new Date(INSTANT).toISOString()}`)

  let lastSend = INSTANT
  const notifier: Notifier = {
    send: async () => {
      await time.sleep(options.sendMs)
      lastSend = Math.max(lastSend, time.now())
      return { ok: true }
    },
  }
  const deps: Deps = { store, clock: { now: () => new Date(time.now()) }, notifier, phones: localPhones, tokens: nodeTokens }
  deps.workers = { remindTick: (share) => remindTick(deps, { share }) }

  // The timer fires every 5 minutes (REMIND_TICK_CRON) until the instant's reminders are all sent.
  void REMIND_TICK_CRON
  const runs: RemindTickReport[] = []
  const tickCalls = await sim.measure(async () => {
    for (let fire = INSTANT; runs.length < 12; fire += 5 * MINUTE_MS) {
      await time.sleep(fire - time.now())
      const report = await remindTick(deps)
      runs.push(report)
      log(`tick at +${minutes(fire - INSTANT).toFixed(0)} min: sent ${report.sent}, errors ${report.errors}, deferred ${report.deferred}, workers ${report.workers}, ended at +${minutes(time.now() - INSTANT).toFixed(2)} min`)
      if (report.deferred === 0 && report.retrying === 0) break
    }
  })
  const total = runs.reduce((sum, r) => {
    for (const key of Object.keys(sum) as (keyof RemindTickReport)[]) sum[key] += r[key]
    return sum
  }, emptyReport())
  const sent = total.sent + total.escalated

  // The import, a little after the tick.
  await time.sleep(30 * MINUTE_MS)
  const importStart = time.now()
  const sellingShops = Math.min(retailers.length, Math.ceil(options.importRows / (7 * SKUS_PER_SHOP_DAY)))
  const imported = await sim.measure(() =>
    importFile({ store, kind: 'sales', ...nodeImportIo(salesFile(options.importRows, sellingShops)), file: 'sales.csv', now: new Date(time.now()) }),
  )
  const importMs = time.now() - importStart
  log(`import: ${imported.result.rows.toLocaleString('en-US')} rows, applied ${imported.result.applied}`)

  // The register again, every shop changed: in one go here, as the drill's time is simulated.
  const registerStart = time.now()
  const register = await sim.measure(() => importFile({ store, kind: 'retailers', ...nodeImportIo(registerFile(retailers)), file: 'retailers.csv', now: new Date(time.now()) }))
  const registerMs = time.now() - registerStart
  log(`register: ${register.result.rows.toLocaleString('en-US')} rows, ${register.result.changedDocs.toLocaleString('en-US')} documents changed, applied ${register.result.applied}; calls by request: ${JSON.stringify(register.calls.byAction)}`)

  const caller = 'wx-1'
  const home = await sim.measure(() => getHome(deps, caller))
  const summary = await sim.measure(() => getSummary(deps, caller, { period: 'week', date: addDays(chinaDate(INSTANT), -3) }))
  const guideCall = guideCallForDrill
  const guide = guideCall ? (await sim.measure(() => guideCall(deps, caller))).calls : null
  log(`home calls: ${JSON.stringify(home.calls.byCollection)}`)
  log(`summary calls: ${JSON.stringify(summary.calls.byCollection)}`)
  if (guide) log(`guide calls: ${JSON.stringify(guide.byCollection)}`)

  return {
    reminders: { due: options.dueAtOnce, sent, calls: tickCalls.calls.total, callsPerReminder: tickCalls.calls.total / Math.max(1, sent), minutesToLastSend: minutes(lastSend - INSTANT), runs },
    importRun: {
      rows: imported.result.rows,
      imported: imported.result.imported,
      calls: imported.calls.total,
      callsPer1000Rows: (imported.calls.total / Math.max(1, imported.result.rows)) * 1000,
      minutes: minutes(importMs),
      byAction: imported.calls.byAction,
    },
    registerRun: { rows: register.result.rows, changed: register.result.changedDocs, calls: register.calls.total, minutes: minutes(registerMs) },
    home: home.calls,
    summary: summary.calls,
    guide,
  }
}

/** The drill's lines, each on its own line, with the goals beside them. */
export const drillLines = (r: ProvinceDrillResult): string[] => {
  const mark = (ok: boolean) => (ok ? '✓' : '✗')
  return [
    `${r.reminders.callsPerReminder.toFixed(2)} database calls per reminder (${r.reminders.calls.toLocaleString('en-US')} calls, ${r.reminders.sent.toLocaleString('en-US')} of ${r.reminders.due.toLocaleString('en-US')} reminders sent; goal ≤ 3) ${mark(r.reminders.callsPerReminder <= 3)}`,
    `${r.reminders.minutesToLastSend.toFixed(2)} simulated minutes until the last due reminder is sent at 500 calls a second (goal ≤ 10) ${mark(r.reminders.minutesToLastSend <= 10 && r.reminders.sent >= r.reminders.due)}`,
    `${r.importRun.callsPer1000Rows.toFixed(2)} database calls per 1,000 imported rows (${r.importRun.calls.toLocaleString('en-US')} calls for ${r.importRun.rows.toLocaleString('en-US')} rows)`,
    `${r.importRun.minutes.toFixed(2)} simulated minutes for the ${r.importRun.rows.toLocaleString('en-US')}-row sales import`,
    `${r.registerRun.minutes.toFixed(2)} simulated minutes for a register re-import changing every one of ${r.registerRun.rows.toLocaleString('en-US')} shops (${r.registerRun.calls.toLocaleString('en-US')} calls; in CloudBase it goes in chunks of 5 minutes)`,
    `${r.home.total} database calls for one home call (goal ≤ 4) ${mark(r.home.total <= 4)}`,
    `${r.summary.total} database calls for one summary call (goal ≤ 8) ${mark(r.summary.total <= 8)}`,
    r.guide ? `${r.guide.total} database calls for one guide call (goal ≤ 4) ${mark(r.guide.total <= 4)}` : 'guide: not measured yet — set guideCallForDrill (cloudfunctions/tools/drill/province.ts) when the guide function lands (goal ≤ 4)',
  ]
}
