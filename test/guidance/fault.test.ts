import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { openLocalHome, type LocalHome } from '../../cloudfunctions/host/local'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { repos } from '../../cloudfunctions/core/repos'
import { buildMonth } from '../../cloudfunctions/core/guidance/build'
import { checkLibrary } from '../../cloudfunctions/core/guidance/library'
import type { RetailerMonth } from '../../cloudfunctions/core/guidance/inputs'
import { CATALOGUE, COUNTY, MONTH } from './county'
import { KNOWN, defaultLibraryRows } from './helpers'
import { storeCounty } from './storeCounty'
import { recordingDeps } from '../support/crashingDeps'

/**
 * The monthly build killed at random points: in each of 12 episodes a fresh folder (40 shops, every
 * owner bound, half holding a monthlyGuide consent, pages of 4) is built by child processes killed
 * (SIGKILL) at a random port call — half of them aimed between claiming a notice and recording it —
 * until one finishes or four were killed, then by one run that finishes, as the timer's next fire
 * would. Each episode must end exactly as a build without faults: the same guides, the same
 * notices, the same messages, each delivered once, none lost.
 */

const EPISODES = 12
const KILLS_PER_EPISODE = 4
const PAGE_SIZE = 4
const NOW = '2026-11-03T09:00:00+08:00'
const WINDOW_OPS = ['guideNotices.insert', 'guideNotices.update', 'sends.insert', 'notifier.send', 'sends.update', 'guides.putMany', 'guideBuilds.update']

/** Forty shops: the hand-worked ten, four times over under other license numbers. */
const FORTY: RetailerMonth[] = [0, 1, 2, 3].flatMap((k) => COUNTY.map((c) => ({ ...c, licenseNo: `3506252${String(k).padStart(2, '0')}${c.licenseNo.slice(-3)}` })))
const library = checkLibrary(defaultLibraryRows(), KNOWN).strategies

const setUp = async (dir: string): Promise<LocalHome> => {
  const home = await openLocalHome(dir)
  const db = repos(home.store)
  await storeCounty(home.store, MONTH, FORTY, CATALOGUE, (n) => n)
  await db.strategies.putMany(library.map((s) => ({ _id: s.id, ...s })))
  await db.bindings.putMany(FORTY.map((c, i) => ({ _id: c.licenseNo, openId: `wx-${i}`, boundAt: NOW })))
  await db.consents.putMany(FORTY.filter((_, i) => i % 2 === 0).map((_, j) => ({ _id: `wx-${j * 2}|monthlyGuide`, openId: `wx-${j * 2}`, template: 'monthlyGuide' as const, granted: 1 })))
  return home
}


const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** What a finished build leaves, without the instants of the run that happened to do each part. */
const outcome = async (home: LocalHome) => {
  const db = repos(home.store)
  const messages = (await home.outbox.list()).map(({ key, toOpenId, template, page, data }) => ({ key, toOpenId, template, page, data })).sort((a, b) => a.key.localeCompare(b.key))
  return {
    guides: await db.guides.find({}, { sort: { _id: 1 } }),
    notices: await db.guideNotices.find({}, { sort: { _id: 1 } }),
    consents: await db.consents.find({}, { sort: { _id: 1 } }),
    build: (await db.guideBuilds.find({})).map(({ state, pool, cursor }) => ({ state, pool, cursor })),
    messages,
  }
}

describe('the monthly build under crashes', () => {
  const SEED = Number(process.env.FAULT_SEED ?? 20261103)
  let buildDir: string
  let reference: Awaited<ReturnType<typeof outcome>>
  let calls: string[]
  beforeAll(async () => {
    buildDir = mkdtempSync(join(tmpdir(), 'sm-'))
    buildSync({ entryPoints: ['test/guidance/support/buildChild.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], outfile: join(buildDir, 'build.cjs'), logLevel: 'error' })
    const dir = mkdtempSync(join(tmpdir(), 'sm-ref-'))
    const home = await setUp(dir)
    calls = []
    await buildMonth(recordingDeps(home.deps(fixedClock(NOW)), calls), { month: MONTH, pageSize: PAGE_SIZE })
    reference = await outcome(home)
    home.store.close()
    rmSync(dir, { recursive: true, force: true })
  }, 60_000)
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }))

  it(`ends every episode as a build without faults: no guide, notice or message lost or doubled (seed ${SEED})`, async () => {
    expect(reference.guides).toHaveLength(40)
    expect(reference.messages).toHaveLength(20)
    expect(reference.notices.map((n) => n.outcome).sort()).toEqual([...Array(20).fill('inbox'), ...Array(20).fill('sent')])
    const rng = random(SEED)
    const critical = calls.map((op, at) => ({ op, nth: calls.slice(0, at + 1).filter((c) => c === op).length })).filter(({ op }) => WINDOW_OPS.includes(op))
    let killed = 0
    let inWindow = 0
    let resent = 0
    for (let episode = 0; episode < EPISODES; episode++) {
      const dir = mkdtempSync(join(tmpdir(), 'sm-fault-'))
      ;(await setUp(dir)).store.close()
      for (let run = 0; run < KILLS_PER_EPISODE; run++) {
        const anywhere = run % 2 === 0
        const target = anywhere ? { op: '*', nth: 1 + Math.floor(rng() * calls.length) } : critical[Math.floor(rng() * critical.length)]
        const child = spawnSync(process.execPath, [join(buildDir, 'build.cjs')], {
          env: { PATH: process.env.PATH, NODE_PATH: join(process.cwd(), 'node_modules'), DATA_DIR: dir, NOW, MONTH, PAGE_SIZE: String(PAGE_SIZE), CRASH_OP: target.op, CRASH_AT: String(target.nth), CRASH_WHEN: rng() < 0.5 ? 'before' : 'after' },
          encoding: 'utf8',
        })
        if (child.signal === 'SIGKILL') {
          killed++
          continue
        }
        expect({ status: child.status, stderr: child.stderr }).toEqual({ status: 0, stderr: '' })
      }
      // The timer fires again: one run that finishes, over the folder as the killed runs left it.
      const home = await openLocalHome(dir)
      await buildMonth(home.deps(fixedClock(NOW)), { month: MONTH, pageSize: PAGE_SIZE })
      expect(await outcome(home)).toEqual(reference)
      const kills = existsSync(join(dir, 'kills.log')) ? readFileSync(join(dir, 'kills.log'), 'utf8').trim().split('\n') : []
      inWindow += kills.filter((k) => /(guideNotices|sends|notifier)\./.test(k)).length
      const attempts = existsSync(join(dir, 'attempts.log')) ? readFileSync(join(dir, 'attempts.log'), 'utf8').trim().split('\n') : []
      resent += attempts.length - new Set(attempts).size
      home.store.close()
      rmSync(dir, { recursive: true, force: true })
    }
    expect(killed).toBeGreaterThanOrEqual(EPISODES)
    expect(inWindow).toBeGreaterThanOrEqual(5)
    console.log(`guide fault test (seed ${SEED}): ${killed} runs killed over ${EPISODES} episodes; ${inWindow} kills between claiming a notice and recording it; ${resent} re-sends absorbed by their key`)
  }, 180_000)
})
