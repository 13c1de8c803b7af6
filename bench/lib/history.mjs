import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { build } from 'esbuild'
import { hostOver } from './host.mjs'
import { measureLatency } from './latency.mjs'
import { Procs, status } from './procs.mjs'

/**
 * Issue 12: the laptop's store costs what the work costs, not what the history holds. A county of
 * 1,300 retailers with full history (sales, purchases and stock counts every day: a week document
 * per retailer, kind and week, a month aggregate per retailer, kind and month) is seeded with one
 * and with three years (bench/lib/historyChild.ts, through the store, untimed). Over each folder
 * the local host as `npm start` runs it is started STARTS times (time to the first answer of
 * GET /fn, median), then `home` and `summary` of demo-retailer-1 are loaded with 50 connections
 * against the no-op `ping` on that same host, in ROUNDS interleaved rounds (the median round's p99
 * of each is compared: one 10 s p99 on a shared 2-core machine swings by half). Memory is the host's peak resident set (VmHWM) over
 * its start and the whole load.
 *
 * Use: `import { historyBench } from './lib/history.mjs'` and add it to BENCHES (id `history`);
 * alone: `BENCH_ONLY=history npm run bench`. BENCH_HISTORY_YEARS=1,3 picks the sizes.
 */

const run = promisify(execFile)
const STARTS = 3
/** Load rounds of each function; the median round's p99 is compared. */
const ROUNDS = 3
const CONNECTIONS = 50
const CALLER = { 'content-type': 'application/json', 'x-dev-openid': 'demo-retailer-1' }
const RSS_LIMIT = 300 * 1024 * 1024
const START_LIMIT_MS = 3000
const YEARS = (process.env.BENCH_HISTORY_YEARS ?? '1,3').split(',').map(Number)


const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Starts the built host over `dataDir`; resolves once GET /fn answers, polled every 10 ms. */
const startHost = async (procs, { root, dataDir, log }) => {
  const host = await hostOver(procs, { root, dataDir, log, pollMs: 10 })
  return { ...host, rssAtStart: status(host.child.pid, 'VmRSS') }
}

const load = async (url, name, body, seconds, warm) => {
  const reply = await (await fetch(`${url}/fn/${name}`, { method: 'POST', headers: CALLER, body })).json()
  if (reply?.ok !== true) throw new Error(`${name} answered ${JSON.stringify(reply).slice(0, 200)}`)
  const once = (s) => measureLatency({ url: `${url}/fn/${name}`, headers: CALLER, body, connections: CONNECTIONS, seconds: s })
  if (warm) await once(Math.min(2, seconds))
  return once(seconds)
}

/** The round with the median p99. */
const medianRound = (rounds) => [...rounds].sort((a, b) => a.p99 - b.p99)[Math.floor(rounds.length / 2)]

/** One county size: seed, start the host STARTS times, load the last one. */
const measureYears = async ({ root, procs, logDir, seconds, years }) => {
  const dataDir = mkdtempSync(join(tmpdir(), `shopmate-bench-history-${years}y-`))
  try {
    const { stdout } = await run(process.execPath, [join(root, '.build/bench-history-child.cjs'), 'seed', dataDir, String(years)], { cwd: root, maxBuffer: 1 << 20 })
    const seeded = JSON.parse(stdout.trim().split('\n').pop())
    const log = join(logDir, `history-host-${years}y.log`)
    const starts = []
    let host
    for (let i = 0; i < STARTS; i++) {
      if (host) await procs.stop(host.child)
      host = await startHost(procs, { root, dataDir, log })
      starts.push(host)
    }
    try {
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
      const bodies = { ping: '{}', home: '{}', summary: JSON.stringify({ period: 'month', date: today }) }
      // Rounds of ping, home, summary in turn: a busy moment of this shared machine lands on one
      // round of each rather than on one function, and the median round is what is compared.
      const rounds = { ping: [], home: [], summary: [] }
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, body] of Object.entries(bodies)) rounds[name].push(await load(host.url, name, body, seconds, round === 0))
      }
      const [ping, home, summary] = ['ping', 'home', 'summary'].map((name) => ({ ...medianRound(rounds[name]), rounds: rounds[name] }))
      return {
        years,
        seeded,
        startMs: median(starts.map((s) => s.readyMs)),
        starts: starts.map((s) => s.readyMs),
        rssAtStart: median(starts.map((s) => s.rssAtStart)),
        peakRss: status(host.child.pid, 'VmHWM'),
        ping,
        home,
        summary,
      }
    } finally {
      await procs.stop(host.child)
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export const measureHistory = async ({ root, logDir, seconds }) => {
  const procs = new Procs()
  try {
    await procs.run('npm', ['run', '--silent', 'build:host'], { cwd: root, log: join(logDir, 'history-build.log') })
    await build({ entryPoints: [join(root, 'bench/lib/historyChild.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile: join(root, '.build/bench-history-child.cjs'), logLevel: 'error' })
    const sides = []
    for (const years of YEARS) sides.push(await measureYears({ root, procs, logDir, seconds, years }))
    return sides
  } finally {
    await procs.stopAll()
  }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const lat = (name, m) => `${name} p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms (rounds: ${m.rounds.map((r) => r.p99.toFixed(2)).join(', ')}), ${m.requests} requests, errors ${m.errors}, non-2xx ${m.non2xx}`

export const historyBench = {
  id: 'history',
  run: async (ctx) => {
    const sides = await measureHistory({ root: ctx.root, logDir: ctx.logDir, seconds: ctx.seconds })
    const raw = sides.map(
      (s) =>
        `${s.years} year(s): ${s.seeded.retailers} retailers, ${s.seeded.weeks} weeks × 3 kinds, ${s.seeded.months} months × 3 kinds (${Object.values(s.seeded.counts).reduce((a, b) => a + b, 0).toLocaleString('en-US')} fact documents), database ${mb(s.seeded.bytes)}, seeded in ${(s.seeded.ms / 1000).toFixed(1)} s; ` +
        `host starts ${s.starts.map((ms) => ms.toFixed(0)).join(', ')} ms; RSS at start ${mb(s.rssAtStart)}, peak over start and load ${mb(s.peakRss)}; ` +
        `${CONNECTIONS} connections, ${ROUNDS} rounds of ${ctx.seconds} s each (median round): ${lat('ping', s.ping)}; ${lat('home', s.home)}; ${lat('summary', s.summary)}`,
    )
    const [one, three] = [sides.find((s) => s.years === 1), sides.find((s) => s.years === 3)]
    const rows = []
    if (one) {
      rows.push({ what: 'host start, county with 1 year of full history', unit: 'ms', ours: one.startMs, goal: { atMost: START_LIMIT_MS }, raw })
      rows.push({ what: 'host peak RSS, 1 year of full history', unit: 'bytes', ours: one.peakRss, goal: { atMost: RSS_LIMIT }, raw })
    }
    if (one && three) {
      rows.push({ what: 'host start, 3 years of full history', unit: 'ms', ours: three.startMs, baseline: one.startMs, baselineName: '1 year', goal: { atMost: 1.2 }, raw })
      rows.push({ what: 'host peak RSS, 3 years of full history', unit: 'bytes', ours: three.peakRss, baseline: one.peakRss, baselineName: '1 year', goal: { atMost: 1.2 }, raw })
    }
    for (const s of sides) {
      for (const fn of ['home', 'summary']) {
        rows.push({ what: `${fn} function p99 latency, ${s.years} year(s) of history`, unit: 'ms', ours: s[fn].p99, baseline: s.ping.p99, baselineName: 'no-op ping, same host', goal: { atMost: 3 }, raw })
      }
    }
    return rows
  },
}
