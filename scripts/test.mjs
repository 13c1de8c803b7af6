#!/usr/bin/env node
/**
 * `npm test`: every check the project has, ending with the plain line CI reads:
 * `N passed, N failed`. Type check, lint and the layer graph count as one check each; then the app and the host
 * are built (browser tests run against them) and Jest runs every suite.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, mkdirSync } from 'node:fs'

const run = (label, cmd, args, env = {}) => {
  process.stdout.write(`\n▶ ${label}\n`)
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

let passed = 0
let failed = 0
const check = (ok) => (ok ? passed++ : failed++)

check(run('type check', 'npx', ['tsc', '--noEmit', '-p', '.']))
check(run('lint', 'npx', ['eslint', '.']))
// The one-way layer graph (.dependency-cruiser.cjs): an allow-list per layer, no cycles.
check(run('layers', 'npx', ['depcruise', 'src', 'cloudfunctions', 'test', 'bench', 'scripts', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']))

const built = run('build H5 app', 'npx', ['taro', 'build', '--type', 'h5']) && run('build local host', 'npm', ['run', '--silent', 'build:host'])
check(built)

mkdirSync('.build', { recursive: true })
const report = '.build/jest.json'
const extra = process.argv.slice(2)
// A zone far from China proves the order cycle never leans on the machine's time zone.
run('jest', 'npx', ['jest', '--json', `--outputFile=${report}`, ...extra], { TZ: 'America/Los_Angeles' })
try {
  const results = JSON.parse(readFileSync(report, 'utf8'))
  passed += results.numPassedTests
  failed += results.numFailedTests + results.numRuntimeErrorTestSuites
} catch {
  failed++
  console.error('jest wrote no report')
}

console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
