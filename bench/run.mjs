#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark in one run, printed as a markdown table of ratios (for the
 * README) with the raw numbers under it, and written to bench/latest.md. Numbers only: benchmarks
 * are never timed tests. BENCH_SECONDS shortens the load runs, BENCH_ONLY=size,h5,latency picks
 * benches, BENCH_REUSE=1 measures existing builds instead of rebuilding (quick trials only).
 */
import { execSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createContext } from './lib/context.mjs'
import { renderRaw, renderTable, verdict } from './lib/table.mjs'
import mainPackage from './benches/main-package.mjs'
import h5HomeJs from './benches/h5-home-js.mjs'
import homeLatency from './benches/home-latency.mjs'
import { tickBench } from './lib/tick.mjs'
import { importBench } from './lib/import.mjs'
import { summaryLatencyBench } from './lib/summaryLatency.mjs'
import { historyBench } from './lib/history.mjs'
import { mixedBench } from './lib/mixed.mjs'
import { guideBench } from './lib/guide.mjs'

/** In run order: builds first, load last, so nothing else competes for the two cores under load. */
const BENCHES = [mainPackage, h5HomeJs, homeLatency, summaryLatencyBench, historyBench, mixedBench, tickBench, importBench, guideBench]

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
if (!(seconds > 0)) throw new Error(`BENCH_SECONDS must be a positive number, got ${process.env.BENCH_SECONDS}`)
const only = process.env.BENCH_ONLY?.split(',').map((id) => id.trim())
const reuse = process.env.BENCH_REUSE === '1'

const ctx = createContext({ root, seconds, reuse })
const interrupted = (signal) => {
  ctx.killNow()
  process.exit(signal === 'SIGINT' ? 130 : 143)
}
process.on('SIGINT', interrupted)
process.on('SIGTERM', interrupted)
// Last resort for a crash outside the benches: nothing started here outlives the run.
process.on('exit', () => ctx.killNow())

const rows = []
const started = Date.now()
try {
  for (const bench of BENCHES.filter((b) => !only || only.includes(b.id))) {
    process.stdout.write(`▶ ${bench.id}…\n`)
    try {
      rows.push(...(await bench.run(ctx)))
    } catch (error) {
      rows.push({ what: bench.id, error: error instanceof Error ? error.message : String(error) })
    }
  }
} finally {
  await ctx.close()
}

const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
})()
const report = [
  '# Benchmarks',
  '',
  `Measured ${new Date().toISOString()} at commit ${commit}${reuse ? ' (BENCH_REUSE: existing builds)' : ''} on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, in ${Math.round((Date.now() - started) / 1000)} s.`,
  '',
  renderTable(rows),
  '',
  '## Raw numbers',
  '',
  renderRaw(rows),
  '',
  'Build and host logs of the last run: bench/.logs/.',
  '',
].join('\n')
console.log(`\n${report}`)
writeFileSync(join(root, 'bench/latest.md'), report)

const failed = rows.filter((row) => row.error)
const missed = rows.filter((row) => verdict(row) === '✗' && !row.error)
console.log(`${rows.length - failed.length} measured, ${failed.length} not measured, ${missed.length} goal(s) missed`)
process.exitCode = failed.length === 0 ? 0 : 1
