import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { build } from 'esbuild'

/**
 * Issue 9: building a month's guides (read the pool in pages, rank once, write the guides in
 * batches) for 10,000 and for 100,000 retailers — the time should grow with the pool, not faster
 * (goal ≤ 11× for 10× the retailers), and memory stay flat (peak RSS ≤ 500 MB at 100,000) — and
 * matching the default strategy library to one retailer, in µs.
 *
 * Each measurement runs in a fresh process (bench/lib/guideChild.ts) so its peak RSS is its own;
 * the counties are generated untimed, in their own processes. BENCH_GUIDE_BIG shrinks the big side.
 */

const run = promisify(execFile)
const SMALL = 10_000
const BIG = Number(process.env.BENCH_GUIDE_BIG ?? 100_000)
const RSS_LIMIT = 500 * 1024 * 1024

const childOf = async (root) => {
  const outfile = join(root, '.build/bench-guide-child.cjs')
  await build({ entryPoints: [join(root, 'bench/lib/guideChild.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile, logLevel: 'error' })
  return async (...args) => {
    const { stdout } = await run(process.execPath, [outfile, ...args], { cwd: root, maxBuffer: 1 << 20 })
    return JSON.parse(stdout.trim().split('\n').pop())
  }
}

export const measureGuideBuilds = async (root) => {
  const dir = mkdtempSync(join(tmpdir(), 'shopmate-bench-guide-'))
  try {
    const child = await childOf(root)
    const sides = {}
    for (const [name, count] of [['small', SMALL], ['big', BIG]]) {
      const data = join(dir, name)
      const started = Date.now()
      await child('generate', data, String(count))
      const generated = (Date.now() - started) / 1000
      sides[name] = { count, generated, ...(await child('build', data)) }
      rmSync(data, { recursive: true, force: true })
    }
    const match = await child('match', String(SMALL))
    return { ...sides, match }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const guideBench = {
  id: 'guide',
  run: async (ctx) => {
    const { small, big, match } = await measureGuideBuilds(ctx.root)
    const describe = (s) =>
      `${s.count.toLocaleString('en-US')} retailers: built in ${s.seconds.toFixed(2)} s (${Math.round(s.count / s.seconds).toLocaleString('en-US')} guides/s), peak RSS ${(s.peakRss / 1048576).toFixed(0)} MB; county generated in ${s.generated.toFixed(0)} s; classes ${JSON.stringify(s.classes)}`
    const raw = [describe(small), describe(big), `matching: ${match.strategies} strategies; per retailer ${match.runs.map((r) => r.toFixed(2)).join(', ')} µs over 5 passes of ${SMALL.toLocaleString('en-US')}, median taken`]
    return [
      { what: `build a month's guides: ${big.count.toLocaleString('en-US')} retailers`, unit: 'ms', ours: big.seconds * 1000, baseline: small.seconds * 1000, baselineName: `${small.count.toLocaleString('en-US')} retailers`, goal: { atMost: 11 }, raw },
      { what: `guide build peak RSS (${big.count.toLocaleString('en-US')} retailers)`, unit: 'bytes', ours: big.peakRss, goal: { atMost: RSS_LIMIT }, raw },
      { what: 'strategy matching per retailer', unit: 'µs', ours: Number(match.microsPerRetailer.toFixed(2)), raw },
    ]
  },
}
