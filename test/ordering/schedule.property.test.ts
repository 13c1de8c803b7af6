import { chinaIso, WEEK_MS, chinaDayStart } from '../../cloudfunctions/core/time'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import fc from 'fast-check'
import { currentCycle, cycleOfOrderDate, cyclesFrom, previousCycle, windowLength, type OrderCycle } from '../../cloudfunctions/core/schedule'
import type { CalendarOverride, OrderWindow } from '../../cloudfunctions/contracts/vocabulary'

/**
 * The order-cycle maths checked against an independent oracle: Intl's Asia/Shanghai time zone
 * (ICU's tz data) rather than the +8 h epoch arithmetic the core uses.
 */
const SHANGHAI = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const wall = (at: number) => {
  const p = Object.fromEntries(SHANGHAI.formatToParts(new Date(at)).map((x) => [x.type, x.value]))
  return { weekday: WEEKDAYS.indexOf(p.weekday) + 1, time: `${p.hour}:${p.minute}`, second: p.second, date: `${p.year}-${p.month}-${p.day}` }
}

const HOUR = 3600_000
const DAY = 24 * HOUR
const two = (n: number) => String(n).padStart(2, '0')
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${two(h)}:${two(m)}`)
const weekday = fc.integer({ min: 1, max: 7 })
const orderWindow: fc.Arbitrary<OrderWindow> = fc.record({ openWeekday: weekday, openTime: time, closeWeekday: weekday, closeTime: time })

const FROM = Date.UTC(2000, 0, 1)
const TO = Date.UTC(2099, 11, 31)
/** Any millisecond, whole minutes (where windows open and close), and the days around a new year. */
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map((m) => m * 60_000),
  fc
    .tuple(fc.integer({ min: 2000, max: 2098 }), fc.integer({ min: -3 * DAY, max: 3 * DAY }))
    .map(([year, offset]) => Date.parse(`${year + 1}-01-01T00:00:00+08:00`) + offset),
)

const RUNS = { numRuns: 400 }

/** The core's schedule module as one CommonJS file, for processes started in other time zones. */
const bundleDir = mkdtempSync(join(tmpdir(), 'sm-'))
const bundle = join(bundleDir, 'schedule.cjs')
buildSync({ entryPoints: ['cloudfunctions/core/schedule.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' })
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }))

describe('order cycle maths (property-based)', () => {
  it('the current cycle is the next one to close, and the phase and time left agree with it', () => {
    fc.assert(
      fc.property(orderWindow, instant, (w, at) => {
        const { phase, cycle, msLeft } = currentCycle(w, at)
        expect(cycle.closesAt).toBeGreaterThan(at)
        expect(cycle.closesAt - WEEK_MS).toBeLessThanOrEqual(at) // no close of this window between now and then
        expect(cycle.closesAt - cycle.opensAt).toBe(windowLength(w))
        if (phase === 'open') {
          expect(cycle.opensAt).toBeLessThanOrEqual(at)
          expect(msLeft).toBe(cycle.closesAt - at)
        } else {
          expect(cycle.opensAt).toBeGreaterThan(at)
          expect(msLeft).toBe(cycle.opensAt - at)
        }
      }),
      RUNS,
    )
  })

  it('opens and closes on the window’s weekday and time in Shanghai, named by its local close date', () => {
    fc.assert(
      fc.property(orderWindow, instant, (w, at) => {
        const { cycle } = currentCycle(w, at)
        expect(wall(cycle.opensAt)).toMatchObject({ weekday: w.openWeekday, time: w.openTime, second: '00' })
        expect(wall(cycle.closesAt)).toMatchObject({ weekday: w.closeWeekday, time: w.closeTime, second: '00' })
        expect(cycle.cycleId).toBe(wall(cycle.closesAt).date)
      }),
      RUNS,
    )
  })

  it('is open from the opening instant (inclusive) to the closing instant (exclusive)', () => {
    fc.assert(
      fc.property(orderWindow, instant, (w, at) => {
        const { cycle } = currentCycle(w, at)
        const full = windowLength(w) === WEEK_MS
        expect(currentCycle(w, cycle.opensAt)).toMatchObject({ phase: 'open', msLeft: windowLength(w), cycle: { cycleId: cycle.cycleId } })
        expect(currentCycle(w, cycle.closesAt - 1)).toMatchObject({ phase: 'open', msLeft: 1, cycle: { cycleId: cycle.cycleId } })
        // A full-week window reopens the instant it closes; any other is upcoming for a moment before it opens.
        if (!full) expect(currentCycle(w, cycle.opensAt - 1)).toMatchObject({ phase: 'upcoming', msLeft: 1, cycle: { cycleId: cycle.cycleId } })
        const after = currentCycle(w, cycle.closesAt)
        expect(after.cycle.closesAt).toBe(cycle.closesAt + WEEK_MS)
        expect(after.phase).toBe(full ? 'open' : 'upcoming')
      }),
      RUNS,
    )
  })

  it('lists cycles a week apart, and the previous cycle is the one before the current', () => {
    fc.assert(
      fc.property(orderWindow, instant, (w, at) => {
        const cycles = cyclesFrom(w, at)
        const first = cycles.next().value as OrderCycle
        const second = cycles.next().value as OrderCycle
        expect(second.closesAt - first.closesAt).toBe(WEEK_MS)
        expect(first).toEqual(currentCycle(w, at).cycle)
        const previous = previousCycle(w, at)
        expect(previous.closesAt).toBeLessThanOrEqual(at)
        expect(first.closesAt - previous.closesAt).toBe(WEEK_MS)
      }),
      RUNS,
    )
  })

  it('without overrides lists the very cycles the override-aware path does, to the same end', () => {
    // An override of a cycle long gone sends cyclesFrom down its general path; the answers must not change.
    const elsewhere: CalendarOverride[] = [{ cycleId: '1999-12-31', action: 'cancel' }]
    fc.assert(
      fc.property(orderWindow, instant, (w, at) => {
        expect([...cyclesFrom(w, at)]).toEqual([...cyclesFrom(w, at, elsewhere)])
      }),
      { numRuns: 60 },
    )
  })

  it('puts an order placed on a local date in the first cycle still open at that day’s start', () => {
    fc.assert(
      fc.property(orderWindow, instant, (w, at) => {
        const date = wall(at).date
        const cycle = cycleOfOrderDate(w, date)
        expect(cycle.closesAt).toBeGreaterThan(chinaDayStart(date))
        expect(cycle.closesAt - WEEK_MS).toBeLessThanOrEqual(chinaDayStart(date))
      }),
      RUNS,
    )
  })

  it('never shows a cancelled cycle: its week goes straight to the next one', () => {
    fc.assert(
      fc.property(orderWindow, instant, fc.integer({ min: -2 * DAY, max: 9 * DAY }), (w, at, probe) => {
        const regular = currentCycle(w, at).cycle
        const cancel: CalendarOverride[] = [{ cycleId: regular.cycleId, action: 'cancel' }]
        const { cycle } = currentCycle(w, at, cancel)
        expect(cycle.closesAt).toBe(regular.closesAt + WEEK_MS)
        expect(currentCycle(w, at + probe, cancel).cycle.cycleId).not.toBe(regular.cycleId)
      }),
      RUNS,
    )
  })

  it('gives a moved cycle exactly its new instants, once, with every cycle still in order of close', () => {
    // Calendar rows name whole minutes.
    const minutes = (min: number, max: number) => fc.integer({ min: min / 60_000, max: max / 60_000 }).map((m) => m * 60_000)
    const move = fc.record({ shift: minutes(-3 * DAY, 5 * DAY), length: minutes(HOUR, 3 * DAY) })
    fc.assert(
      fc.property(orderWindow, instant, move, fc.integer({ min: 0, max: 12 * DAY }), (w, at, { shift, length }, probe) => {
        const regular = currentCycle(w, at).cycle
        const newOpen = regular.opensAt + shift
        const moved: CalendarOverride = { cycleId: regular.cycleId, action: 'move', newOpen: chinaIso(newOpen), newClose: chinaIso(newOpen + length) }
        const start = Math.min(at, newOpen) - 1
        const cycles: OrderCycle[] = []
        for (const c of cyclesFrom(w, start, [moved])) {
          if (cycles.length === 5) break
          cycles.push(c)
        }
        for (let i = 1; i < cycles.length; i++) expect(cycles[i].closesAt).toBeGreaterThanOrEqual(cycles[i - 1].closesAt)
        const found = cycles.filter((c) => c.cycleId === regular.cycleId)
        expect(found).toHaveLength(1)
        expect(found[0]).toMatchObject({ opensAt: newOpen, closesAt: newOpen + length })
        // Whatever the instant, the current cycle is the first listed that has not closed.
        const t = start + probe
        const first = cycles.find((c) => c.closesAt > t)
        if (first) expect(currentCycle(w, t, [moved]).cycle).toEqual(first)
      }),
      RUNS,
    )
  })

  it('gives the same answers whatever the time zone of the process', () => {
    // A process's zone is fixed at start-up for V8, so each zone gets its own Node process
    // running the same bundled core over the same samples.
    const samples = fc.sample(fc.tuple(orderWindow, instant), { numRuns: 300, seed: 20261123 })
    const script = `
      const s = require(${JSON.stringify(bundle)})
      const samples = JSON.parse(require('fs').readFileSync(0, 'utf8'))
      const day = (at) => new Date(at + 8 * 3600000).toISOString().slice(0, 10)
      process.stdout.write(JSON.stringify({
        offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(),
        answers: samples.map(([w, at]) => [s.currentCycle(w, at), s.previousCycle(w, at), s.cycleOfOrderDate(w, day(at))]),
      }))`
    const inZone = (zone: string) =>
      JSON.parse(execFileSync(process.execPath, ['-e', script], { input: JSON.stringify(samples), env: { ...process.env, TZ: zone }, encoding: 'utf8' }))
    const zones = { 'America/Los_Angeles': 480, 'Asia/Shanghai': -480, UTC: 0, 'Pacific/Chatham': -825, 'America/St_Johns': 210 }
    const results = Object.entries(zones).map(([zone, offset]) => {
      const result = inZone(zone)
      expect(result.offset).toBe(offset) // the zone really applied, so equal answers mean something
      return result.answers
    })
    for (const answers of results.slice(1)) expect(answers).toEqual(results[0])
    // And they are this process's answers too.
    const here = samples.map(([w, at]) => [currentCycle(w, at), previousCycle(w, at), cycleOfOrderDate(w, wall(at).date)])
    expect(JSON.parse(JSON.stringify(here))).toEqual(results[0])
  })
})
