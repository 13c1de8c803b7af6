import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * WeChat's own code-quality scan (miniprogram-ci checkCodeQuality, offline) on a fresh weapp build,
 * opened as DevTools opens the repo root. Every one of its checks must pass; the two it never
 * fails (unused code, components only subpackages use) must also list nothing.
 */
interface Check {
  name: string
  success: boolean
  passed: boolean
  detail?: unknown
}

const CHECKS = [
  'PACKAGE_SIZE_LIMIT',
  'JS_COMPRESS_OPEN',
  'WXML_COMPRESS_OPEN',
  'WXSS_COMPRESS_OPEN',
  'LAZYCODE_LOADING_OPEN',
  'IMAGE_AND_AUDIO_LIMIT',
  'CONTAINS_OTHER_PKG_JS',
  'CONTAINS_OTHER_PKG_COMPONENTS',
  'CONTAINS_UNUSED_PLUGINS',
  'CONTAINS_UNUSED_COMPONENTS',
  'CONTAINS_UNUSED_CODES',
]

describe('the weapp build passes WeChat code-quality scan', () => {
  let checks: Check[] = []
  let exitCode: number | null = null

  beforeAll(() => {
    const run = spawnSync(process.execPath, ['scripts/check-weapp.mjs', '--json'], { encoding: 'utf8', timeout: 240_000 })
    exitCode = run.status
    const line = run.stdout.split('\n').find((l) => l.startsWith('[{'))
    if (!line) throw new Error(`check-weapp printed no results:\n${run.stdout}\n${run.stderr}`)
    checks = JSON.parse(line) as Check[]
  }, 300_000)

  it('runs all eleven checks', () => {
    expect(checks.map((c) => c.name).sort()).toEqual([...CHECKS].sort())
  })

  it.each(CHECKS)('%s passes', (name) => {
    const check = checks.find((c) => c.name === name)
    expect({ name, passed: check?.passed, detail: check?.passed ? undefined : check?.detail }).toEqual({ name, passed: true, detail: undefined })
  })

  it('keeps the main package far under the 1.5 MB limit (below 600 KB)', () => {
    const size = checks.find((c) => c.name === 'PACKAGE_SIZE_LIMIT')?.detail as { __APP__: number }
    expect(size.__APP__).toBeLessThan(600 * 1024)
  })

  it('ships React’s production build (a dev build doubles the main package)', () => {
    const scripts = readdirSync('dist').filter((f) => f.endsWith('.js'))
    const devOnly = scripts.filter((f) => readFileSync(join('dist', f), 'utf8').includes('Each child in a list should have a unique'))
    expect(devOnly).toEqual([])
  })

  it('exits 0 when every check passes', () => {
    expect(exitCode).toBe(0)
  })
})
