#!/usr/bin/env node
/**
 * `npm run check:weapp`: WeChat's code-quality scan (miniprogram-ci `checkCodeQuality`, the same
 * checks DevTools runs before upload) on the weapp build, opened the way DevTools opens it: the
 * repo root, whose project.config.json points at dist/. Prints every check and exits non-zero if
 * any fails. `--json` prints the results (with our `passed` verdict) as one JSON line first.
 *
 * It runs offline: the project's attributes (size limits) come from the `attr` callback instead
 * of WeChat's servers, so the private key is never used and a placeholder file stands in for it.
 *
 *   npm run check:weapp                 build the weapp (dist/) first, then scan it
 *   npm run check:weapp -- --no-build   scan the existing dist/
 *   npm run check:weapp -- --json       print the raw results as JSON as well
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ci from 'miniprogram-ci'

const ROOT = resolve(import.meta.dirname, '..')

/** The attributes WeChat's server would report for an ordinary mini-program (sizes in MB). */
const OFFLINE_ATTR = {
  platform: false,
  appType: 0,
  isSandbox: false,
  released: false,
  setting: {
    MaxCodeSize: 2,
    MaxSubpackageSubCodeSize: 2,
    MaxSubpackageFullCodeSize: 20,
    NavigateMiniprogramLimit: 10,
    MaxSubPackageLimit: 100,
    MinTabbarCount: 2,
    MaxTabbarCount: 5,
    MaxCustomTabbarCount: 5,
    MaxTabbarIconSize: 40,
  },
}

export const checkWeapp = async ({ build = true } = {}) => {
  if (build) {
    // Stale files from an earlier build would count as unused code, so build into a clean dist/.
    rmSync(join(ROOT, 'dist'), { recursive: true, force: true })
    const result = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT, stdio: 'inherit' })
    if (result.status !== 0) throw new Error('taro build --type weapp failed')
  }
  if (!existsSync(join(ROOT, 'dist', 'app.json'))) throw new Error('no weapp build in dist/: run without --no-build')

  const keyDir = mkdtempSync(join(tmpdir(), 'shopmate-ci-key-'))
  const privateKeyPath = join(keyDir, 'private.placeholder.key')
  writeFileSync(privateKeyPath, '-----BEGIN RSA PRIVATE KEY-----\nplaceholder: never sent, attr() answers offline\n-----END RSA PRIVATE KEY-----\n')
  try {
    const project = new ci.Project({
      type: 'miniProgram',
      projectPath: ROOT,
      privateKeyPath,
      // Only dist/ is the mini-program; skipping the rest keeps the file scan quick.
      ignores: ['src/**', 'cloudfunctions/**', 'dist-h5/**', 'dist-cloud/**', '.build/**', '.data/**', 'test/**', 'bench/**', 'coverage/**'],
      attr: async () => OFFLINE_ATTR,
    })
    return await ci.checkCodeQuality(project)
  } finally {
    rmSync(keyDir, { recursive: true, force: true })
  }
}

/** What each check asks for, in words that read right whether it passed or not. */
const CHECKS = {
  PACKAGE_SIZE_LIMIT: 'main package under 1.5 MB',
  JS_COMPRESS_OPEN: 'JS compression on',
  WXML_COMPRESS_OPEN: 'WXML compression on',
  WXSS_COMPRESS_OPEN: 'WXSS compression on',
  LAZYCODE_LOADING_OPEN: 'lazy code loading (requiredComponents)',
  IMAGE_AND_AUDIO_LIMIT: 'images and audio under 200 KB',
  PLUGIN_OVER_SIZE: 'no plugin over 200 KB',
  CONTAINS_OTHER_PKG_JS: 'no JS in the main package used only by subpackages',
  CONTAINS_OTHER_PKG_COMPONENTS: 'no components in the main package used only by subpackages',
  CONTAINS_UNUSED_PLUGINS: 'no unused plugins',
  CONTAINS_UNUSED_COMPONENTS: 'no unused components',
  CONTAINS_UNUSED_CODES: 'no unused code files',
}

// miniprogram-ci reports these two as passed whatever it finds (unused files are tolerated while
// project.config.json's ignoreUploadUnusedFiles is on); here anything they list is a failure.
const STRICT = new Set(['CONTAINS_UNUSED_CODES', 'CONTAINS_OTHER_PKG_COMPONENTS'])
const listed = (detail) => (Array.isArray(detail) ? detail.length : (detail?.files?.length ?? 0) + (detail?.comps?.length ?? 0))

/** Each check with our verdict: WeChat's, made strict for the checks that never fail. */
export const verdicts = (results) =>
  results.map((item) => ({ ...item, passed: item.success && !(STRICT.has(item.name) && listed(item.detail) > 0) }))

const describe = (item) => {
  const size = item.name === 'PACKAGE_SIZE_LIMIT' && item.detail?.__APP__ !== undefined ? ` (${(item.detail.__APP__ / 1024).toFixed(1)} KB)` : ''
  const detail = item.passed || item.detail === undefined ? '' : `: ${JSON.stringify(item.detail)}`
  return `${item.passed ? '✔' : '✖'} ${item.name} — ${CHECKS[item.name] ?? item.text}${size}${detail}`
}

const main = async () => {
  const args = process.argv.slice(2)
  const results = verdicts(await checkWeapp({ build: !args.includes('--no-build') }))
  if (args.includes('--json')) console.log(JSON.stringify(results))
  console.log(`\nWeChat code-quality scan (${results.length} checks) on dist/`)
  for (const item of results) console.log(`  ${describe(item)}`)
  const failed = results.filter((item) => !item.passed).length
  console.log(failed === 0 ? '\nall checks passed' : `\n${failed} check(s) failed`)
  return failed === 0 && results.length > 0 ? 0 : 1
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  // miniprogram-ci leaves a file watcher running, so the process ends explicitly.
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}
