#!/usr/bin/env node
/**
 * `npm run build:functions`: every function in the registry becomes a deployable CloudBase folder
 * `dist-cloud/<name>/` — one CommonJS file for Node 18 (`exports.main`), with the two runtime SDKs
 * left external for CloudBase to install from the folder's package.json, and a config.json with the
 * function's open-API permissions and timer trigger. `cloudbaserc.json` is rewritten to match, so
 * the CloudBase CLI deploys exactly what the registry lists.
 *
 * Options (for tests): --functions <dir with registry.ts and <name>/index.ts>, --out <dir>,
 * --rc <path> | --rc none.
 */
import { build } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Installed by CloudBase in each function; everything else is bundled in. */
export const SDKS = ['@cloudbase/node-sdk', 'wx-server-sdk']
export const RUNTIME = 'Nodejs18.15'
/** Seconds. A user waits on a callable; a timer may walk the whole county. */
const TIMEOUT = { callable: 10, timer: 60 }

const require = createRequire(import.meta.url)

/**
 * Loads a TypeScript module from Node by bundling it to a throwaway CommonJS file under .build/
 * (inside the repo, so its packages resolve from node_modules).
 */
export const loadTs = async (entry) => {
  const outfile = join(ROOT, '.build', `load-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.cjs`)
  await build({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile, logLevel: 'error' })
  try {
    return require(outfile)
  } finally {
    rmSync(outfile, { force: true })
  }
}

const CRON_FIELDS = 7
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

const check = (defs) => {
  const seen = new Set()
  for (const def of defs) {
    if (!NAME.test(def.name)) throw new Error(`function name "${def.name}" is not a valid CloudBase function name`)
    if (seen.has(def.name)) throw new Error(`function "${def.name}" is registered twice`)
    seen.add(def.name)
    if (def.kind === 'timer' && def.cron.trim().split(/\s+/).length !== CRON_FIELDS)
      throw new Error(`timer "${def.name}": cron "${def.cron}" must have 7 fields (seconds … year, UTC+8)`)
  }
}

const sdkVersions = () => {
  const { dependencies = {}, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  const deps = {}
  for (const sdk of SDKS) {
    if (!dependencies[sdk]) throw new Error(`package.json has no dependency on ${sdk}`)
    deps[sdk] = dependencies[sdk]
  }
  return { deps, version }
}

const triggersOf = (def) => (def.kind === 'timer' ? [{ name: `${def.name}Timer`, type: 'timer', config: def.cron }] : undefined)

/** The CloudBase CLI configuration; the env id comes from the environment at deploy time, never from the repo. */
export const rcFor = (defs) => ({
  envId: '{{env.TCB_ENV_ID}}',
  functionRoot: './dist-cloud',
  functions: defs.map((def) => ({
    name: def.name,
    runtime: RUNTIME,
    timeout: def.timeout ?? TIMEOUT[def.kind],
    installDependency: true,
    handler: 'index.main',
    ...(def.kind === 'timer' ? { triggers: triggersOf(def) } : {}),
  })),
})

const entrySource = (name, runtimeFile) => `
import def from './${name}/index.ts'
import { cloudMain } from ${JSON.stringify(runtimeFile)}
// The folder convention and the registry must agree, or this bundle would deploy the wrong code.
if (def.name !== ${JSON.stringify(name)}) throw new Error('functions/${name}/index.ts exports ' + def.name)
export const main = cloudMain(def)
`

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

export const buildFunctions = async ({ functionsDir = join(ROOT, 'cloudfunctions/functions'), outDir = join(ROOT, 'dist-cloud'), rcPath = join(ROOT, 'cloudbaserc.json'), log = console.log } = {}) => {
  const { functions: defs } = await loadTs(join(functionsDir, 'registry.ts'))
  check(defs)
  const { deps, version } = sdkVersions()
  const runtimeFile = join(ROOT, 'cloudfunctions/host/cloud.ts')

  rmSync(outDir, { recursive: true, force: true })
  const built = []
  for (const def of defs) {
    if (!existsSync(join(functionsDir, def.name, 'index.ts'))) throw new Error(`function "${def.name}" has no ${relative(ROOT, join(functionsDir, def.name, 'index.ts'))}`)
    const dir = join(outDir, def.name)
    mkdirSync(dir, { recursive: true })
    await build({
      stdin: { contents: entrySource(def.name, runtimeFile), resolveDir: functionsDir, sourcefile: `${def.name}.entry.ts`, loader: 'ts' },
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: SDKS,
      minify: true,
      charset: 'utf8',
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      outfile: join(dir, 'index.js'),
      logLevel: 'warning',
    })
    const pkg = { name: `shopmate-${def.name}`, version, private: true, main: 'index.js', dependencies: deps }
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
    const config = { permissions: { openapi: def.openapi ?? [] }, ...(def.kind === 'timer' ? { triggers: triggersOf(def) } : {}) }
    writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`)
    const size = statSync(join(dir, 'index.js')).size
    built.push({ name: def.name, kind: def.kind, size })
    log(`  ${def.name.padEnd(16)} ${kb(size).padStart(10)}  ${def.kind === 'timer' ? `timer ${def.cron}` : 'callable'}${def.openapi?.length ? `  openapi: ${def.openapi.join(', ')}` : ''}`)
  }
  if (rcPath) writeFileSync(rcPath, `${JSON.stringify(rcFor(defs), null, 2)}\n`)
  return built
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href
if (isMain) {
  const { values } = parseArgs({ options: { functions: { type: 'string' }, out: { type: 'string' }, rc: { type: 'string' } } })
  const at = (path) => (path ? resolve(path) : undefined)
  console.log(`Building cloud functions into ${relative(process.cwd(), at(values.out) ?? join(ROOT, 'dist-cloud')) || '.'}/`)
  buildFunctions({
    functionsDir: at(values.functions),
    outDir: at(values.out),
    rcPath: values.rc === 'none' ? null : at(values.rc),
  }).catch((error) => {
    console.error(`build:functions failed: ${error.message}`)
    process.exit(1)
  })
}
