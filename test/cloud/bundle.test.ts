import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { join } from 'node:path'
import { functions } from '../../cloudfunctions/functions/registry'

/**
 * The deployable folders `npm run build:functions` makes, checked on disk and by running each
 * bundle the way CloudBase does: a fresh Node process requiring index.js and calling main, with the
 * real SDKs reading the caller from the environment the platform sets (WX_OPENID).
 */
const ROOT = process.cwd()
const SDKS = ['@cloudbase/node-sdk', 'wx-server-sdk']
const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }

let base: string
const real = () => join(base, 'real')
const fixture = () => join(base, 'fixture')
const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))

const build = (args: string[]) => {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build-functions.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}

/** Calls a bundle's main in its own process; `openId` plays the platform's WX_OPENID. */
const call = (bundle: string, event: unknown, openId?: string): unknown => {
  const script = `require(process.argv[1]).main(JSON.parse(process.argv[2]), {}).then((r) => { console.log(JSON.stringify(r)); process.exit(0) }, (e) => { console.error(e); process.exit(2) })`
  // A clean environment: only what the platform would set. TENCENTCLOUD skips node-sdk's metadata probe.
  const platformEnv = openId ? { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: openId, WX_APPID: 'wx0000000000000000' } : {}
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, TENCENTCLOUD: 'true', ...platformEnv }
  const result = spawnSync(process.execPath, ['-e', script, join(bundle, 'index.js'), JSON.stringify(event)], { cwd: ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 20_000 })
  if (result.status !== 0) throw new Error(`bundle failed: ${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').pop()!)
}

beforeAll(() => {
  // Inside the repo, so the bundles' external SDKs resolve from node_modules as they would in CloudBase.
  mkdirSync(join(ROOT, '.build'), { recursive: true })
  base = mkdtempSync(join(ROOT, '.build', 'cloud-test-'))
  build(['--out', real(), '--rc', join(base, 'real-rc.json')])
  build(['--functions', 'test/cloud/fixtures/functions', '--out', fixture(), '--rc', join(base, 'fixture-rc.json')])
}, 120_000)
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('npm run build:functions', () => {
  it('makes one folder per registered function, each with index.js, package.json and config.json', () => {
    expect(readdirSync(real()).sort()).toEqual(functions.map((f) => f.name).sort())
    for (const { name } of functions) expect(readdirSync(join(real(), name)).sort()).toEqual(['config.json', 'index.js', 'package.json'])
  })

  it('gives each function a package.json depending on exactly the two SDKs, at the root package.json versions', () => {
    for (const { name } of functions) {
      expect(json(join(real(), name, 'package.json'))).toEqual({
        name: `shopmate-${name}`,
        version: expect.any(String),
        private: true,
        main: 'index.js',
        dependencies: { '@cloudbase/node-sdk': rootPackage.dependencies['@cloudbase/node-sdk'], 'wx-server-sdk': rootPackage.dependencies['wx-server-sdk'] },
      })
    }
  })

  it("bundles everything else: index.js requires nothing but Node built-ins and the two SDKs", () => {
    for (const { name } of functions) {
      const code = readFileSync(join(real(), name, 'index.js'), 'utf8')
      const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])
      expect(required.filter((id) => !isBuiltin(id) && !SDKS.includes(id))).toEqual([])
      expect(required).toEqual(expect.arrayContaining(SDKS))
    }
  })

  it("writes each function's open-API permissions to config.json, and no trigger for a callable", () => {
    for (const def of functions.filter((f) => f.kind === 'callable')) {
      expect(json(join(real(), def.name, 'config.json'))).toEqual({ permissions: { openapi: def.openapi ?? [] } })
    }
    expect(json(join(real(), 'bindRetailer', 'config.json'))).toEqual({ permissions: { openapi: ['phonenumber.getPhoneNumber'] } })
  })

  it('gives a timer function its trigger in config.json and in cloudbaserc.json (7-field cron, UTC+8)', () => {
    const trigger = { name: 'tickTimer', type: 'timer', config: '0 0 12 * * * *' }
    expect(json(join(fixture(), 'tick', 'config.json'))).toEqual({ permissions: { openapi: ['subscribeMessage.send'] }, triggers: [trigger] })
    expect(json(join(base, 'fixture-rc.json'))).toEqual({
      version: '2.0',
      envId: '{{env.TCB_ENV_ID}}',
      functionRoot: './dist-cloud',
      functions: [
        {
          name: 'tick',
          runtime: 'Nodejs18.15',
          timeout: 60,
          memorySize: 256,
          envVariables: { SUBSCRIBE_TEMPLATE_ORDER_REMINDER: '{{env.SUBSCRIBE_TEMPLATE_ORDER_REMINDER}}', ADMIN_OPENIDS: '{{env.ADMIN_OPENIDS}}' },
          installDependency: true,
          handler: 'index.main',
          triggers: [trigger],
        },
      ],
    })
  })

  it('writes a version 2.0 cloudbaserc.json (its {{env.…}} variables need it) whose timeouts and memory fit the work', () => {
    const rc = json(join(base, 'real-rc.json')) as { version: string; functions: { name: string; timeout: number; memorySize: number }[] }
    expect(rc.version).toBe('2.0')
    const importData = rc.functions.find((f) => f.name === 'importData')
    expect(importData).toMatchObject({ timeout: 900 })
    expect(importData?.memorySize).toBeGreaterThanOrEqual(1024)
    expect(rc.functions.find((f) => f.name === 'remindTick')).toMatchObject({ timeout: 60 })
    // CloudBase's limits: 1–900 s, 128–3072 MB in steps the console offers.
    for (const f of rc.functions) {
      expect(f.timeout).toBeGreaterThanOrEqual(1)
      expect(f.timeout).toBeLessThanOrEqual(900)
      expect([128, 256, 512, 1024, 2048, 3072]).toContain(f.memorySize)
    }
  })

  it('keeps the committed cloudbaserc.json in step with the registry (run `npm run build:functions` after adding a function)', () => {
    expect(json(join(ROOT, 'cloudbaserc.json'))).toEqual(json(join(base, 'real-rc.json')))
  })
})

describe('a built bundle, run as CloudBase runs it', () => {
  const ping = () => join(real(), 'ping')
  const tick = () => join(fixture(), 'tick')

  it('takes the caller from the platform: no WX_OPENID means UNAUTHENTICATED, whatever userInfo claims', () => {
    expect(call(ping(), { userInfo: { appId: 'wx0000000000000000', openId: 'o-forged' } })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('answers a user the platform vouches for, ignoring the userInfo key wx.cloud adds', () => {
    expect(call(ping(), { userInfo: { appId: 'wx0000000000000000', openId: 'o-forged' } }, 'o-platform')).toEqual({ ok: true, data: { pong: true } })
  })

  it('refuses unknown fields, such as an openId in the event, with INVALID_ARGUMENT', () => {
    expect(call(ping(), { openId: 'o-forged' }, 'o-platform')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  it('lets a Timer event reach only a timer function', () => {
    const timerEvent = { Type: 'Timer', TriggerName: 'tickTimer', Time: '2026-11-23T04:00:00Z', Message: '' }
    expect(call(tick(), timerEvent)).toEqual({ ok: true, data: { ticked: true, caller: null } })
    expect(call(tick(), timerEvent, 'o-platform')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(call(ping(), timerEvent)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
