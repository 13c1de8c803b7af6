import { guideOfDoc, guideTipOf } from '../../cloudfunctions/core/guidance/tip'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLocalHome, type LocalHome } from '../../cloudfunctions/host/local'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { repos } from '../../cloudfunctions/core/repos'
import { buildMonth } from '../../cloudfunctions/core/guidance/build'
import { rankPool } from '../../cloudfunctions/core/guidance/pool'
import { compileLibrary } from '../../cloudfunctions/core/guidance/matching'
import { guideOf } from '../../cloudfunctions/core/guidance/guide'
import { checkLibrary } from '../../cloudfunctions/core/guidance/library'
import { defaultGuidanceConfig } from '../../cloudfunctions/core/guidance/defaults'
import { AppError } from '../../cloudfunctions/core/errors'
import type { Collection, Doc, DocumentStore } from '../../cloudfunctions/core/ports'
import { runGuide } from '../../cloudfunctions/tools/guideRun'
import { BEFORE, CATALOGUE, COUNTY, EXPECTED_CLASSES, MONTH } from './county'
import { KNOWN, defaultLibraryRows } from './helpers'
import { storeCounty } from './storeCounty'

/**
 * The monthly build over the hand-worked county of county.ts, stored as the imports leave it:
 * the guides must be exactly what the pure rules give, a build must be repeatable and resumable,
 * and a month without marketing data builds nothing.
 */

const AT = '2026-11-03T09:00:00+08:00'
const library = checkLibrary(defaultLibraryRows(), KNOWN).strategies

describe('building a month’s guides from the store', () => {
  let dir: string
  let home: LocalHome
  const build = (options: Partial<Parameters<typeof buildMonth>[1]> = {}, at = AT, store?: DocumentStore) =>
    buildMonth({ ...home.deps(fixedClock(at)), ...(store ? { store } : {}) }, { month: MONTH, pageSize: 3, ...options })
  const stored = async () => repos(home.store).guides.find({ month: MONTH }, { sort: { _id: 1 } })
  const guides = async () => (await stored()).map(guideOfDoc)

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sm-guide-'))
    home = await openLocalHome(dir)
    await storeCounty(home.store, MONTH, COUNTY, CATALOGUE)
    await repos(home.store).strategies.putMany(library.map((s) => ({ _id: s.id, ...s })))
  })
  afterEach(() => {
    home.store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('stores each pool member’s guide with the configuration’s version: exactly the pure rules’ guide', async () => {
    const report = await build()
    expect(report).toMatchObject({ month: MONTH, configVersion: 'guidance-v1', pool: 10, written: 10, unchanged: 0, removed: 0, resumed: false })
    expect(report.classes).toEqual({ gradeFluctuation: 2, newRetail: 2, keySku: 3, terminal: 3, stable: 2 })
    const pool = rankPool(MONTH, COUNTY, defaultGuidanceConfig(), CATALOGUE)
    const compiled = compileLibrary(library, MONTH, 3)
    const expected = COUNTY.map((_, i) => guideOf(pool, i, compiled, null))
    expect(await guides()).toEqual(expected)
    // Each keeps 首页's tip: its first strategy and action, worked out as it was built.
    expect((await stored()).map((g) => g.tip)).toEqual(expected.map(guideTipOf))
    expect((await guides()).map((g) => g.classes.map((c) => c.id))).toEqual(EXPECTED_CLASSES)
    expect((await guides()).every((g) => g.configVersion === 'guidance-v1')).toBe(true)
  })

  it('fired twice, builds once: the second run finds the month built from the same data and writes nothing', async () => {
    await build()
    const first = await guides()
    const again = await build()
    expect(again).toMatchObject({ written: 10, unchanged: 0, resumed: false }) // the record of the build that did it
    expect(await guides()).toEqual(first)
    const record = await repos(home.store).guideBuilds.get(MONTH)
    expect(record).toMatchObject({ state: 'done', written: 10 })
  })

  it('rebuilt on demand (npm run guide), the month is unchanged: every guide compared, none rewritten', async () => {
    await build()
    const first = await guides()
    expect(await build({ force: true })).toMatchObject({ written: 0, unchanged: 10, resumed: false })
    expect(await guides()).toEqual(first)
  })

  it('rebuilds with a changed configuration: a new version on every guide, and the classes it moves', async () => {
    await build()
    const base = defaultGuidanceConfig()
    // A grade threshold of 3: R02 (12 → 14) leaves 档位波动类 and, in no other class, becomes stable.
    const config = { ...base, version: 'guidance-v2', gradeFluctuation: { minGradeChange: 3 } }
    const report = await build({ config })
    expect(report).toMatchObject({ configVersion: 'guidance-v2', written: 10 })
    const after = await guides()
    expect(after.every((g) => g.configVersion === 'guidance-v2')).toBe(true)
    expect(after[1].classes.map((c) => c.id)).toEqual(['stable'])
    expect(after[0].classes.map((c) => c.id)).toEqual(['gradeFluctuation', 'terminal'])
  })

  it('compares with last month’s stored guide when there is one', async () => {
    await build()
    const [r01] = await guides()
    await repos(home.store).guides.put({ _id: `${r01.licenseNo}|${BEFORE}`, ...r01, month: BEFORE })
    await build({ force: true })
    const [again] = await guides()
    expect(again.comparison).toMatchObject({ month: BEFORE, gradeBefore: 15 })
    expect(again.comparison?.strategies.map((s) => s.id)).toEqual(r01.strategies.map((s) => s.id))
  })

  it('carries on after a build died half-way: the same guides, and the pages already written are not written again', async () => {
    let puts = 0
    const dying: DocumentStore = {
      collection<T extends Doc>(name: string): Collection<T> {
        const inner = home.store.collection<T>(name)
        if (name !== 'guides') return inner
        return new Proxy(inner, {
          get: (target, prop) => {
            const value = Reflect.get(target, prop)
            if (prop === 'putMany') return async (docs: T[]) => {
              if (++puts === 3) throw new Error('killed')
              return (value as (d: T[]) => Promise<void>).call(target, docs)
            }
            return typeof value === 'function' ? value.bind(target) : value
          },
        })
      },
    }
    await expect(build({}, AT, dying)).rejects.toThrow('killed')
    expect(await repos(home.store).guideBuilds.get(MONTH)).toMatchObject({ state: 'guides', cursor: COUNTY[5].licenseNo, written: 6 })
    const resumed = await build()
    expect(resumed).toMatchObject({ resumed: true, written: 10, unchanged: 0 })
    const pool = rankPool(MONTH, COUNTY, defaultGuidanceConfig(), CATALOGUE)
    expect(await guides()).toEqual(COUNTY.map((_, i) => guideOf(pool, i, compileLibrary(library, MONTH, 3), null)))
  })

  it('starts again rather than resume when the data changed since the build died', async () => {
    await repos(home.store).guideBuilds.put({ _id: MONTH, month: MONTH, fingerprint: 'stale', configVersion: 'guidance-v1', state: 'guides', cursor: COUNTY[8].licenseNo, pool: 10, written: 9, unchanged: 0, removed: 0, startedAt: AT, updatedAt: AT })
    expect(await build()).toMatchObject({ resumed: false, written: 10 })
  })

  it('removes the guide of a retailer that left the month’s pool when the month is rebuilt', async () => {
    await build()
    await repos(home.store).marketingMonths.remove({ _id: `${COUNTY[3].licenseNo}|${MONTH}` })
    const report = await build({ force: true })
    expect(report).toMatchObject({ pool: 9, removed: 1 })
    expect((await guides()).map((g) => g.licenseNo)).not.toContain(COUNTY[3].licenseNo)
  })

  it('builds nothing for a month with no marketing data: NOT_FOUND, in words, nothing written', async () => {
    const error = await build({ month: '2026-08' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'NOT_FOUND', reason: 'noMarketingData', figures: { month: '2026-08' } })
    expect(await repos(home.store).guideBuilds.count({})).toBe(0)
    expect(await repos(home.store).guides.count({})).toBe(0)
  })

  it('npm run guide -- build of a month with no data says so and exits 1; a built month exits 0', async () => {
    home.store.close()
    const env = { dataDir: dir } // no host holds the folder: the tool opens it itself
    const empty = await runGuide(['build', '2026-08'], env)
    expect(empty).toMatchObject({ code: 1, message: '2026-08 没有营销系统月度数据，无法生成经营指导书：请先导入 marketing 数据' })
    const built = await runGuide(['build', MONTH], env)
    expect(built).toMatchObject({ code: 0, via: 'store', report: { pool: 10, written: 10 } })
    expect(await runGuide(['build', '2026-13'], env)).toMatchObject({ code: 2 })
    home = await openLocalHome(dir)
  })
})
