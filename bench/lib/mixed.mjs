import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import autocannon from 'autocannon'
import { build } from 'esbuild'
import { hostOver } from './host.mjs'
import { percentile } from './latency.mjs'
import { Procs, status } from './procs.mjs'

/**
 * Issue 13: the local host under a crowd — 200 connections for 60 s, each request a random one of
 * home, summary (this month), suggestedOrder (建议订单) and inbox (消息) for a random one of many
 * bound identities (IDENTITIES shops of the seeded demo county, bench/lib/mixedChild.ts), against
 * the no-op `ping` under the same load on the same host. Every answer is read: an HTTP error, a
 * timeout or a reply with ok:false counts as an error (goal: none). Memory is the host's resident
 * set before the load, after it, and its peak.
 *
 * Use: `import { mixedBench } from './lib/mixed.mjs'` (id `mixed`); alone: `BENCH_ONLY=mixed npm run bench`.
 * BENCH_MIXED_SECONDS shortens the run (60 by default, whatever BENCH_SECONDS says).
 */

const run = promisify(execFile)
const CONNECTIONS = 200
const IDENTITIES = 500
const SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60)
const FUNCTIONS = ['home', 'summary', 'suggestedOrder', 'inbox']

const bodyOf = (name, today) => (name === 'summary' ? JSON.stringify({ period: 'month', date: today }) : '{}')

/** One load: every request drawn by `pick()`; every answer parsed and counted. */
const load = ({ url, seconds, pick }) =>
  new Promise((resolve, reject) => {
    const times = []
    const failures = new Map()
    let replies = 0
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const { name, caller, body } = pick()
              return { ...req, path: `/fn/${name}`, headers: { 'content-type': 'application/json', 'x-dev-openid': caller }, body }
            },
            onResponse: (status, body) => {
              replies++
              let ok = false
              try {
                ok = status === 200 && JSON.parse(body).ok === true
              } catch {
                ok = false
              }
              if (!ok) {
                const key = `${status} ${String(body).slice(0, 120)}`
                failures.set(key, (failures.get(key) ?? 0) + 1)
              }
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error)
        times.sort((a, b) => a - b)
        const failed = [...failures.values()].reduce((a, b) => a + b, 0)
        resolve({
          p50: percentile(times, 50),
          p99: percentile(times, 99),
          requests: result.requests.total,
          replies,
          perSecond: result.requests.average,
          errors: result.errors + result.timeouts + result.non2xx + failed,
          kinds: { transport: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, refused: failed },
          failures: [...failures.entries()].slice(0, 3),
        })
      },
    )
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) times.push(ms)
    })
  })

export const measureMixed = async ({ root, logDir, seconds = SECONDS }) => {
  const procs = new Procs()
  const dataDir = mkdtempSync(join(tmpdir(), 'shopmate-bench-mixed-'))
  try {
    await procs.run('npm', ['run', '--silent', 'build:host'], { cwd: root, log: join(logDir, 'mixed-build.log') })
    const child = join(root, '.build/bench-mixed-child.cjs')
    await build({ entryPoints: [join(root, 'bench/lib/mixedChild.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile: child, logLevel: 'error' })
    const { stdout } = await run(process.execPath, [child, 'seed', dataDir, String(IDENTITIES)], { cwd: root, maxBuffer: 1 << 22 })
    const { identities } = JSON.parse(stdout.trim().split('\n').pop())
    const host = await hostOver(procs, { root, dataDir, log: join(logDir, 'mixed-host.log') })
    try {
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
      // Every function answers ok for a sample identity first: a refusal must not pass for a fast answer.
      for (const name of FUNCTIONS) {
        const reply = await (await fetch(`${host.url}/fn/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': identities[7] }, body: bodyOf(name, today) })).json()
        if (reply?.ok !== true) throw new Error(`${name} answered ${JSON.stringify(reply).slice(0, 200)}`)
      }
      const random = (list) => list[Math.floor(Math.random() * list.length)]
      const mixed = () => {
        const name = random(FUNCTIONS)
        return { name, caller: random(identities), body: bodyOf(name, today) }
      }
      const ping = () => ({ name: 'ping', caller: random(identities), body: '{}' })
      await load({ url: host.url, seconds: Math.min(3, seconds), pick: mixed })
      const rssBefore = status(host.child.pid, 'VmRSS')
      const mixedResult = await load({ url: host.url, seconds, pick: mixed })
      const rssAfter = status(host.child.pid, 'VmRSS')
      const pingResult = await load({ url: host.url, seconds, pick: ping })
      return { identities: identities.length, seconds, mixed: mixedResult, ping: pingResult, rssBefore, rssAfter, peakRss: status(host.child.pid, 'VmHWM') }
    } finally {
      await procs.stop(host.child)
    }
  } finally {
    await procs.stopAll()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const lat = (name, m) =>
  `${name}: p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms, ${m.requests} requests (${m.perSecond.toFixed(0)}/s), errors ${m.errors} (transport ${m.kinds.transport}, timeouts ${m.kinds.timeouts}, non-2xx ${m.kinds.non2xx}, ok:false ${m.kinds.refused})${m.failures.length ? ` (${m.failures.map(([k, n]) => `${n}× ${k}`).join('; ')})` : ''}`

export const mixedBench = {
  id: 'mixed',
  run: async (ctx) => {
    const m = await measureMixed({ root: ctx.root, logDir: ctx.logDir })
    const raw = [
      `${CONNECTIONS} connections, ${m.seconds} s each after a 3 s warm-up; home / summary / suggestedOrder / inbox at random over ${m.identities} bound identities; ping under the same load`,
      lat('mixed', m.mixed),
      lat('ping', m.ping),
      `host RSS before the load ${mb(m.rssBefore)}, after ${mb(m.rssAfter)}, peak ${mb(m.peakRss)}`,
    ]
    return [
      { what: `mixed load p99 (${CONNECTIONS} connections, ${m.seconds} s, ${m.identities} identities)`, unit: 'ms', ours: m.mixed.p99, baseline: m.ping.p99, baselineName: 'no-op ping, same load', goal: { atMost: 3 }, raw },
      { what: 'mixed load errors', unit: 'errors', ours: m.mixed.errors, goal: { atMost: 0 }, raw },
      { what: 'host RSS before → after the mixed load', unit: 'bytes', ours: m.rssAfter, raw: [`before ${mb(m.rssBefore)}, after ${mb(m.rssAfter)}`] },
    ]
  },
}
