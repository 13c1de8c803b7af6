#!/usr/bin/env node
/**
 * `npm run lighthouse`: Lighthouse (mobile settings) on the signed-in home page of the H5 build,
 * served by a fresh local host over a freshly seeded demo county in a temp dir, driven by
 * Debian's Chromium. Prints the accessibility / performance / best-practices scores and every
 * audit that cost points; exits non-zero when a score misses its target.
 *
 *   npm run lighthouse                 build H5 + host, then report the median of three runs
 *   npm run lighthouse -- --no-build   measure the existing dist-h5/ and .build/host.cjs
 *   npm run lighthouse -- --runs=5     median of five runs (performance varies with the machine's load)
 *   npm run lighthouse -- --json=FILE  also save the last run's full report
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import lighthouse from 'lighthouse'
// chrome-launcher comes with lighthouse: it starts Chromium exactly as the Lighthouse CLI does.
import * as chromeLauncher from 'chrome-launcher'

const TARGETS = { accessibility: 95, performance: 90, 'best-practices': 95 }
const PATH = '/?as=demo-retailer-1'
const setup = JSON.parse(readFileSync(new URL('./chromium.json', import.meta.url), 'utf8'))
const CHROMIUM = process.env.CHROMIUM_PATH ?? setup.path
const FLAGS = setup.flags

const args = process.argv.slice(2)
const build = !args.includes('--no-build')
const saveTo = args.find((a) => a.startsWith('--json='))?.slice('--json='.length)
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3)

const sh = (cmd, cmdArgs) => {
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed`)
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/** Starts `node .build/host.cjs` and resolves once it listens (the first start also seeds). */
const startHost = async (dataDir) => {
  const port = await freePort()
  const child = spawn(process.execPath, ['.build/host.cjs'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('local host did not start within 120 s')), 120_000)
    child.once('exit', (code) => reject(new Error(`local host exited with ${code}`)))
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes(base)) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
  return { base, stop: () => child.kill('SIGTERM') }
}

/**
 * The host compresses every file (brotli 11) in the background after it starts; fetching each
 * once waits for that, so the first measured load is not competing with the host for the CPU.
 */
const warmHost = async (base) => {
  const files = readdirSync('dist-h5', { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  for (const file of files) {
    const path = join(file.parentPath ?? file.path, file.name).slice('dist-h5'.length).split('\\').join('/')
    await fetch(base + path, { headers: { 'accept-encoding': 'br, gzip' } }).then((res) => res.arrayBuffer())
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const main = async () => {
  if (build) {
    sh('npx', ['taro', 'build', '--type', 'h5'])
    sh('npm', ['run', '--silent', 'build:host'])
  }
  if (!existsSync('dist-h5/index.html') || !existsSync('.build/host.cjs')) throw new Error('no build: run without --no-build')

  const dataDir = mkdtempSync(join(tmpdir(), 'shopmate-lh-data-'))
  const profile = mkdtempSync(join(tmpdir(), 'shopmate-lh-chromium-'))
  const host = await startHost(dataDir)
  await warmHost(host.base)
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, userDataDir: profile, logLevel: 'silent' })
  try {
    const url = host.base + PATH
    const scores = Object.fromEntries(Object.keys(TARGETS).map((id) => [id, []]))
    let lastLhr
    for (let run = 1; run <= runs; run++) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(TARGETS) })
      lastLhr = result.lhr
      if (lastLhr.runtimeError) throw new Error(`Lighthouse: ${lastLhr.runtimeError.message}`)
      for (const id of Object.keys(TARGETS)) scores[id].push(Math.round((lastLhr.categories[id].score ?? 0) * 100))
      if (runs > 1) {
        const timing = ['largest-contentful-paint', 'total-blocking-time'].map((id) => `${id} ${lastLhr.audits[id]?.displayValue}`)
        console.log(`run ${run}: ${Object.keys(TARGETS).map((id) => `${id} ${scores[id].at(-1)}`).join(', ')} (${timing.join(', ')})`)
      }
    }

    console.log(`\nLighthouse ${lastLhr.lighthouseVersion} (${lastLhr.configSettings.formFactor}) on ${url}${runs > 1 ? `, median of ${runs}` : ''}`)
    let missed = 0
    for (const [id, target] of Object.entries(TARGETS)) {
      const score = median(scores[id])
      const ok = score >= target
      if (!ok) missed++
      console.log(`  ${ok ? '✔' : '✖'} ${lastLhr.categories[id].title}: ${score} (target ≥ ${target})`)
      for (const ref of lastLhr.categories[id].auditRefs) {
        const audit = lastLhr.audits[ref.id]
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.log(`      - ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`)
        }
      }
    }
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
    console.log(`  last run: ${metrics.map((id) => `${id} ${lastLhr.audits[id]?.displayValue ?? '?'}`).join(', ')}`)
    if (saveTo) writeFileSync(saveTo, JSON.stringify(lastLhr, null, 2))
    process.exitCode = missed === 0 ? 0 : 1
  } finally {
    await chrome.kill()
    host.stop()
    rmSync(profile, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
