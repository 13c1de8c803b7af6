import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { build } from 'esbuild'

/**
 * Issues 4 and 12: importing a 7,000,000-row sales file (a county's year) against csv-parse reading
 * the same file and doing nothing else; goals: at least half csv-parse's throughput, peak RSS under
 * 300 MB. The import runs with the Node options `npm run import` uses (its heap cap, package.json).
 *
 * Each measurement runs in a fresh process (bench/lib/importChild.ts, bundled here) so its peak RSS
 * (the OS's maxRSS) is its own. The two are run in turns, BENCH_IMPORT_RUNS times each (2 by
 * default), and the fastest of each is compared: on a shared two-core machine the fastest run is
 * the one least disturbed. BENCH_IMPORT_ROWS shrinks the file for a quick trial.
 *
 * Use: `import { importBench, measureImport, measureParseOnly, makeSalesFile } from './lib/import.mjs'`.
 */

const run = promisify(execFile)
/** Issue 12's size: a county's year of POS sales (1,300 shops × 365 days × 15 SKU rows). */
export const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 7_000_000)
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 2)
const RSS_LIMIT = 300 * 1024 * 1024

/** The Node options `npm run import` runs the import tool with (its heap cap), read from package.json. */
export const importNodeOptions = (root) => {
  const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.import
  const command = /&& node ((?:--[\w-]+(?:=\S+)? )*)\.build\/import\.cjs/.exec(script)
  if (!command) throw new Error(`cannot find how the import tool is started in the import script: ${script}`)
  return command[1].trim().split(/\s+/).filter(Boolean)
}

/** Bundles the child once per bench run, inside the repo so it finds node_modules. Imports run with the import tool's Node options. */
const childOf = async (root) => {
  const outfile = join(root, '.build/bench-import-child.cjs')
  await build({ entryPoints: [join(root, 'bench/lib/importChild.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile, logLevel: 'error' })
  const options = importNodeOptions(root)
  return async (...args) => {
    const { stdout } = await run(process.execPath, [...(args[0] === 'import' ? options : []), outfile, ...args], { cwd: root, maxBuffer: 1 << 20 })
    return JSON.parse(stdout.trim().split('\n').pop())
  }
}

/** Writes the sales file; answers its path and size. */
export const makeSalesFile = async (child, dir, rows = ROWS) => {
  const file = join(dir, 'sales.csv')
  await child('generate', file, String(rows))
  return { file, bytes: statSync(file).size }
}

/** One import of `file` into a fresh store: { rows, seconds, changedDocs, peakRss }. */
export const measureImport = async (child, dir, file) => {
  const dataDir = mkdtempSync(join(dir, 'data-'))
  try {
    return await child('import', file, dataDir)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** csv-parse alone over `file`: { rows, seconds, peakRss }. */
export const measureParseOnly = (child, file) => child('parse', file)

const fastest = (runs) => runs.reduce((best, r) => (r.seconds < best.seconds ? r : best))

export const importBench = {
  id: 'import',
  run: async (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), 'shopmate-bench-import-'))
    try {
      const child = await childOf(ctx.root)
      const { file, bytes } = await makeSalesFile(child, dir)
      const imports = []
      const parses = []
      for (let i = 0; i < RUNS; i++) {
        parses.push(await measureParseOnly(child, file))
        imports.push(await measureImport(child, dir, file))
      }
      const ours = fastest(imports)
      const base = fastest(parses)
      const describe = (name, runs) => `${name}: ${runs.map((r) => `${r.seconds.toFixed(2)} s (${Math.round(r.rows / r.seconds).toLocaleString('en-US')} rows/s, peak RSS ${(r.peakRss / 1048576).toFixed(0)} MB)`).join('; ')}`
      const raw = [
        `sales file: ${ours.rows.toLocaleString('en-US')} rows, ${(bytes / 1048576).toFixed(1)} MB, sorted by date; ${RUNS} run(s) each, fastest compared`,
        describe(`import (check, stage, merge into week and month documents, peer statistics; node ${importNodeOptions(ctx.root).join(' ')} as npm run import)`, imports),
        describe('csv-parse alone', parses),
        `documents written by the import: ${ours.changedDocs.toLocaleString('en-US')}`,
      ]
      return [
        { what: `sales import throughput (${ours.rows.toLocaleString('en-US')} rows)`, unit: '/s', ours: ours.rows / ours.seconds, baseline: base.rows / base.seconds, baselineName: 'csv-parse alone, same file', goal: { atLeast: 0.5 }, raw },
        { what: 'sales import peak RSS', unit: 'bytes', ours: Math.max(...imports.map((r) => r.peakRss)), goal: { atMost: RSS_LIMIT }, raw },
      ]
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
