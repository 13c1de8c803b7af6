import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { build } from 'esbuild'

/**
 * Issue 3: the reminder timer's cost follows the reminders due, not the number of retailers.
 * Plans a tick (page through `nextFireAt <= now` on the index, load each page's shops, owners and
 * calendar, work out the reminders due — everything but sending) over the embedded store holding
 * 1,000,000 schedules of which 10,000 are due, against a store of 10,000 schedules all due.
 *
 * Use: `import { measureTickPlanning, tickBench } from './lib/tick.mjs'`; `tickBench` is a bench
 * entry for bench/run.mjs (`BENCHES = [..., tickBench]`); BENCH_TICK_SCHEDULES shrinks the big side
 * for a quick trial.
 */

const NOW = Date.parse('2026-11-21T12:00:00+08:00') // Saturday: a Saturday 12:00 → Monday 16:00 window opens
const DUE = 10_000
const RUNS = 7

/**
 * A full collection before each timed run, so a run does not pay for the garbage of the one
 * before (with a million documents held in memory, that bill is large and random).
 */
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc')

/** The core's planner and the laptop's store, bundled for this process (the bench runs plain Node), inside the repo so it finds better-sqlite3. */
const loadCore = async (root) => {
  const outfile = join(root, '.build/bench-tick-core.cjs')
  await build({
    stdin: {
      contents: "export { planTick } from './cloudfunctions/core/reminders/tick'\nexport { SqliteStore } from './cloudfunctions/adapters/sqlite/store'\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    outfile,
    logLevel: 'error',
  })
  return createRequire(outfile)(outfile)
}

const licenseOf = (n) => `35${String(n).padStart(10, '0')}`

/**
 * Writes a collection file the way the old nedb store kept it (one JSON document per line),
 * streaming; the SQLite store migrates the folder when it opens it (counted in the load time).
 */
const writeCollection = async (dir, name, count, docOf) => {
  const out = createWriteStream(join(dir, `${name}.db`))
  for (let i = 0; i < count; i++) {
    if (!out.write(`${JSON.stringify(docOf(i))}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

/**
 * A store with `schedules` schedules of which the first DUE are due now: half of those share one
 * instant (reminders cluster on the hour), the rest spread over the last 5 minutes. Of the others,
 * one in four has reminders off (no nextFireAt); the rest fall due within the coming week.
 */
const makeStore = async (dir, schedules) => {
  const offsets = { atOpen: true, closingDayNoon: true, twoHoursBefore: true }
  await writeCollection(dir, 'reminderSchedules', schedules, (i) => {
    const due = i < DUE
    const off = !due && i % 4 === 0
    return {
      _id: licenseOf(i),
      licenseNo: licenseOf(i),
      enabled: !off,
      offsets,
      cursor: NOW - 10 * 60_000,
      nextFireAt: off ? null : due ? (i % 2 === 0 ? NOW : NOW - (i % 300) * 1000) : NOW + 60_000 + ((i * 7919) % (7 * 86_400_000)),
      version: 1,
      updatedAt: '',
    }
  })
  const window = { openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' }
  await writeCollection(dir, 'retailers', DUE, (i) => ({
    _id: licenseOf(i),
    licenseNo: licenseOf(i),
    shopName: `示范店${i}`,
    ownerName: '张三',
    phone: '13800000000',
    businessType: '便利店',
    areaType: '城镇',
    district: `片区${i % 8}`,
    grade: 10,
    integrityScore: 90,
    monthlyQuotaCartons: 40,
    orderWindow: window,
    manager: { name: '李四', phone: '13900000000' },
  }))
  await writeCollection(dir, 'bindings', DUE, (i) => ({ _id: licenseOf(i), openId: `wx-${i}`, boundAt: '2026-01-01T00:00:00+08:00' }))
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Milliseconds to plan one tick over each store (median of RUNS after a warm-up run, the two stores in turns). */
export const measureTickPlanning = async ({ root, schedules = Number(process.env.BENCH_TICK_SCHEDULES ?? 1_000_000) }) => {
  const dir = mkdtempSync(join(tmpdir(), 'shopmate-bench-tick-'))
  try {
    const core = await loadCore(root)
    const open = async (name, count) => {
      const data = join(dir, name)
      const started = Date.now()
      mkdirSync(data)
      await makeStore(data, count)
      const store = await new core.SqliteStore(data, { log: () => undefined }).open()
      const loadMs = Date.now() - started
      const plan = await core.planTick(store, NOW)
      if (plan.schedules !== DUE || plan.due !== DUE) throw new Error(`${name}: planned ${plan.schedules} schedules / ${plan.due} reminders, expected ${DUE}`)
      return { store, loadMs, pages: plan.pages, times: [] }
    }
    const small = await open('all-due', DUE)
    const big = await open('mostly-idle', schedules)
    // In turns, in one process holding both stores: what the machine and the heap are doing then
    // weighs on both sides alike, and only the number of schedules differs.
    for (let i = 0; i < RUNS; i++) {
      for (const side of [small, big]) {
        collectGarbage()
        const t = process.hrtime.bigint()
        await core.planTick(side.store, NOW)
        side.times.push(Number(process.hrtime.bigint() - t) / 1e6)
      }
    }
    for (const side of [small, big]) side.ms = median(side.times)
    return { big, small, schedules }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const tickBench = {
  id: 'tick',
  run: async (ctx) => {
    const { big, small, schedules } = await measureTickPlanning({ root: ctx.root })
    const describe = (label, s) => `${label}: median ${s.ms.toFixed(1)} ms over ${RUNS} runs (${s.times.map((t) => t.toFixed(1)).join(', ')}), ${s.pages} pages; store built and loaded in ${(s.loadMs / 1000).toFixed(1)} s`
    return [
      {
        what: `plan a reminder tick: ${schedules.toLocaleString('en-US')} schedules, ${DUE.toLocaleString('en-US')} due`,
        unit: 'ms',
        ours: big.ms,
        baseline: small.ms,
        baselineName: `${DUE.toLocaleString('en-US')} schedules, all due`,
        goal: { atMost: 1.5 },
        raw: [describe(`${schedules} schedules`, big), describe(`${DUE} schedules`, small)],
      },
    ]
  },
}
