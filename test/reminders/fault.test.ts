import { chinaIso, chinaWeekday } from '../../cloudfunctions/core/time'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { openWorld, shop, type World } from '../support/world'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { Outbox } from '../../cloudfunctions/adapters/local/outbox'
import { openLocalHome } from '../../cloudfunctions/host/local'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { repos } from '../../cloudfunctions/core/repos'
import { invokeTimer } from '../../cloudfunctions/functions/define'
import remindTick from '../../cloudfunctions/functions/remindTick'
import updateReminderSettings from '../../cloudfunctions/functions/updateReminderSettings'
import addConsents from '../../cloudfunctions/functions/addConsents'
import { DEFAULT_OFFSETS, nextReminderAfter } from '../../cloudfunctions/core/reminders/plan'
import type { Retailer } from '../../cloudfunctions/core/model'
import type { HelperScope, OrderWindow } from '../../cloudfunctions/contracts/vocabulary'
import { recordingDeps } from '../support/crashingDeps'

/**
 * The timer fired 200 times against one data folder: at each of 50 instants, three runs in child
 * processes killed (SIGKILL) at a random port call — half of them aimed between claiming a slot
 * and recording it — then one run that finishes, as a restarted process would. A reference folder
 * is ticked once per instant without faults. After all 200 runs both folders must agree: the same
 * messages, each delivered once, and every slot settled the same way.
 */

const INSTANTS = 50
const KILLED_RUNS_PER_INSTANT = 3
const START = Date.parse('2026-11-21T10:30:00+08:00') // Saturday
const STEP = 90 * 60_000
const SET_UP = '2026-11-21T10:00:00+08:00'

const w = (openWeekday: number, openTime: string, closeWeekday: number, closeTime: string): OrderWindow => ({ openWeekday, openTime, closeWeekday, closeTime })
/** A mix of windows: multi-day, same-day, across midnight, one with a reminder turned off, one already ordered, one with no owner. */
const SHOPS: { retailer: Retailer; owner?: string; consents?: number; helper?: HelperScope[]; atOpen?: boolean; ordered?: string }[] = [
  { retailer: shop(1, w(6, '12:00', 1, '16:00')), owner: 'wx-1', helper: ['remind'] },
  { retailer: shop(2, w(7, '08:00', 7, '18:00')), owner: 'wx-2' },
  { retailer: shop(3, w(1, '08:00', 1, '17:00')), owner: 'wx-3', helper: ['remind', 'order'] },
  { retailer: shop(4, w(6, '12:00', 2, '23:59')), owner: 'wx-4' },
  { retailer: shop(5, w(7, '22:00', 1, '10:00')), owner: 'wx-5', helper: ['remind'] },
  { retailer: shop(6, w(2, '08:00', 2, '12:00')), owner: 'wx-6' },
  { retailer: shop(7, w(6, '12:00', 1, '16:00')), owner: 'wx-7', atOpen: false },
  { retailer: shop(8, w(1, '08:00', 1, '12:00')), owner: 'wx-8', helper: ['remind'] },
  { retailer: shop(9, w(7, '08:00', 1, '23:59')), owner: 'wx-9' },
  { retailer: shop(10, w(6, '12:00', 1, '16:00')), owner: 'wx-10', helper: ['remind'], ordered: '2026-11-23' },
  { retailer: shop(11, w(7, '12:00', 1, '12:00')), helper: ['remind'] },
  { retailer: shop(12, w(1, '08:00', 1, '17:00')), owner: 'wx-12', consents: 2, helper: ['insights'] },
  // Five-hour windows opening every three hours from Saturday 11:00, so nearly every instant has reminders due.
  ...Array.from({ length: 24 }, (_, k) => {
    const opens = Date.parse('2026-11-21T11:00:00+08:00') + k * 3 * 3600_000
    const at = (ms: number): [number, string] => [chinaWeekday(ms), chinaIso(ms).slice(11, 16)]
    return { retailer: shop(20 + k, w(...at(opens), ...at(opens + 5 * 3600_000))), owner: `wx-${20 + k}`, helper: k % 3 === 0 ? (['remind'] as HelperScope[]) : undefined }
  }),
]

const setUp = async (world: World): Promise<void> => {
  for (const s of SHOPS) {
    const license = s.retailer.licenseNo
    if (s.helper) {
      const openId = `wx-helper-${license}`
      await world.db.helpers.put({ _id: `${license}|${openId}`, helperId: license.slice(-12).padStart(16, 'h'), licenseNo: license, openId, kind: 'family', scopes: s.helper, name: '家人', addedAt: SET_UP, addedAtMs: Date.parse(SET_UP) })
      await world.db.consents.put({ _id: `${openId}|orderReminder`, openId, template: 'orderReminder', granted: 100 })
    }
    if (s.ordered) await world.db.orders.put({ _id: `${license}|${s.ordered}`, licenseNo: license, cycleId: s.ordered, source: 'import', at: SET_UP })
    if (!s.owner) {
      const next = nextReminderAfter(s.retailer.orderWindow, [], DEFAULT_OFFSETS, Date.parse(SET_UP))
      await world.db.reminderSchedules.put({ _id: license, licenseNo: license, enabled: true, offsets: { ...DEFAULT_OFFSETS }, cursor: Date.parse(SET_UP), nextFireAt: next, version: 1, updatedAt: SET_UP })
      continue
    }
    await world.db.consents.put({ _id: `${s.owner}|orderReminder`, openId: s.owner, template: 'orderReminder', granted: (s.consents ?? 100) - 1 })
    await world.ok(addConsents, s.owner, { templates: ['orderReminder'] }, SET_UP)
    await world.ok(updateReminderSettings, s.owner, { enabled: true, offsets: { atOpen: s.atOpen ?? true } }, SET_UP)
  }
}


/** The calls between claiming a slot and recording it: where a crash tests exactly-once. */
const WINDOW_OPS = ['reminderSlots.insert', 'consents.update', 'notifier.send', 'reminderSlots.update']

/** A seeded generator (mulberry32), so a failing run can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

describe('the reminder timer under crashes', () => {
  const SEED = Number(process.env.FAULT_SEED ?? 20261123)
  let faulty: World
  let reference: World
  let buildDir: string
  beforeAll(async () => {
    buildDir = mkdtempSync(join(tmpdir(), 'sm-'))
    buildSync({ entryPoints: ['test/reminders/support/tickChild.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], outfile: join(buildDir, 'tick.cjs'), logLevel: 'error' })
    faulty = await openWorld(SHOPS.map(({ retailer, owner }) => ({ retailer, owner })))
    reference = await openWorld(SHOPS.map(({ retailer, owner }) => ({ retailer, owner })))
    await setUp(faulty)
    await setUp(reference)
  }, 60_000)
  afterAll(() => {
    faulty.close()
    reference.close()
    rmSync(buildDir, { recursive: true, force: true })
  })

  it(`sends every slot exactly once over 200 runs, 150 of them killed at random points (seed ${SEED})`, async () => {
    const rng = random(SEED)
    let killed = 0
    let finished = 0
    for (let i = 0; i < INSTANTS; i++) {
      const now = new Date(START + i * STEP).toISOString()
      const calls: string[] = []
      const reply = await invokeTimer(remindTick, { caller: null, deps: recordingDeps(reference.local.deps(fixedClock(now)), calls) })
      expect(reply).toMatchObject({ ok: true })
      const critical = calls.map((op, at) => ({ op, nth: calls.slice(0, at + 1).filter((c) => c === op).length })).filter(({ op }) => WINDOW_OPS.includes(op))
      for (let run = 0; run < KILLED_RUNS_PER_INSTANT; run++) {
        // One crash in three at any call, the others inside the claim-send-record window when the instant has one.
        const anywhere = run === 0 || critical.length === 0
        const target = anywhere ? { op: '*', nth: 1 + Math.floor(rng() * calls.length) } : critical[Math.floor(rng() * critical.length)]
        const child = spawnSync(process.execPath, [join(buildDir, 'tick.cjs')], {
          env: { PATH: process.env.PATH, NODE_PATH: join(process.cwd(), 'node_modules'), DATA_DIR: faulty.dir, NOW: now, CRASH_OP: target.op, CRASH_AT: String(target.nth), CRASH_WHEN: rng() < 0.5 ? 'before' : 'after' },
          encoding: 'utf8',
        })
        if (child.signal === 'SIGKILL') {
          killed++
          continue
        }
        // A run can finish when earlier killed runs left it less to do than its target.
        expect({ status: child.status, stderr: child.stderr }).toEqual({ status: 0, stderr: '' })
        finished++
      }
      // Then one run that finishes, in this process over the folder as the killed runs left it.
      const restarted = await openLocalHome(faulty.dir)
      expect(await invokeTimer(remindTick, { caller: null, deps: restarted.deps(fixedClock(now)) })).toMatchObject({ ok: true })
      finished++
    }
    expect(killed + finished).toBe(INSTANTS * (KILLED_RUNS_PER_INSTANT + 1))

    // Read the faulty folder fresh, as a restarted process would.
    const store = await new SqliteStore(faulty.dir).open()
    const outbox = await Outbox.open(faulty.dir)
    const sent = (list: Awaited<ReturnType<Outbox['list']>>) => list.map(({ key, toOpenId, sentAt, data }) => ({ key, toOpenId, sentAt, data })).sort((a, b) => a.key.localeCompare(b.key))
    const delivered = sent(await outbox.list())
    const expected = sent(await reference.local.outbox.list())

    // Zero lost, zero duplicated: the same messages as the run without faults, one per slot key.
    expect(delivered).toEqual(expected)
    expect(new Set(delivered.map((m) => m.key)).size).toBe(delivered.length)
    const slots = await repos(store).reminderSlots.find({}, { sort: { _id: 1 } })
    expect(slots.filter((s) => s.state !== 'done')).toEqual([])
    expect(slots).toEqual(await reference.db.reminderSlots.find({}, { sort: { _id: 1 } }))

    // The run covered what it should: owners and helpers, sends, consent run-outs and an ordered shop left alone.
    const outcomes = slots.reduce<Record<string, number>>((n, s) => ({ ...n, [`${s.role}:${s.outcome}`]: (n[`${s.role}:${s.outcome}`] ?? 0) + 1 }), {})
    expect(outcomes['owner:sent']).toBeGreaterThanOrEqual(60)
    expect(outcomes['helper:sent']).toBeGreaterThanOrEqual(8)
    expect(outcomes['owner:noConsent']).toBeGreaterThanOrEqual(1)
    expect(slots.filter((s) => s.licenseNo === SHOPS[9].retailer.licenseNo && s.cycleId === '2026-11-23')).toEqual([])

    // Most runs were really killed, many inside the exactly-once window; re-sends there were absorbed by the key.
    expect(killed).toBeGreaterThanOrEqual(100)
    const kills = readFileSync(join(faulty.dir, 'kills.log'), 'utf8').trim().split('\n')
    const inWindow = kills.filter((k) => /^(after reminderSlots\.insert|before reminderSlots\.update|(before|after) (consents\.update|notifier\.send))$/.test(k))
    expect(inWindow.length).toBeGreaterThanOrEqual(30)
    const attempts = existsSync(join(faulty.dir, 'attempts.log')) ? readFileSync(join(faulty.dir, 'attempts.log'), 'utf8').trim().split('\n') : []
    const resent = attempts.length - new Set(attempts).size
    console.log(`fault test (seed ${SEED}): ${killed} runs killed, ${finished} finished; ${inWindow.length} kills between claim and record; ${delivered.length} messages delivered once; ${resent} re-sends absorbed by their key`)
  }, 120_000)
})
