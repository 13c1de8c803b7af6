import { rankPool } from '../../cloudfunctions/core/guidance/pool'
import { compileLibrary, matchStrategies } from '../../cloudfunctions/core/guidance/matching'
import { guideOf } from '../../cloudfunctions/core/guidance/guide'
import { checkLibrary } from '../../cloudfunctions/core/guidance/library'
import { defaultGuidanceConfig } from '../../cloudfunctions/core/guidance/defaults'
import type { Strategy } from '../../cloudfunctions/contracts/guidance'
import { actionText, conditionText, outcomeText, whyText } from '../../cloudfunctions/words/guidance'
import { BEFORE, CATALOGUE, COUNTY, MONTH } from './county'
import { KNOWN, defaultLibraryRows } from './helpers'

/** Matching the default library to the hand-worked county, the guide, and last month's comparison. */

const config = defaultGuidanceConfig()
const library = checkLibrary(defaultLibraryRows(), KNOWN).strategies
const pool = rankPool(MONTH, COUNTY, config, CATALOGUE)
const compiled = compileLibrary(library, MONTH, config.strategiesPerGuide)
const ids = (i: number) => matchStrategies(compiled, pool, i).map((s) => s.id)

describe('matching the default library (priority, then id; at most three)', () => {
  // Default library by priority: 10 gf-weak-indicators (gradeChange<0), ks-portrait, nr-pos-unstable
  // (newRetailScore<60), nr-scanner-fault (scanRate<0.8), tm-ar-convenience; 15 ks-on-shelf
  // (keySku|gradeFluctuation, keyOnShelfRate<1); 20 gf-profit-sheet, ks-scenes, tm-ar-village;
  // 30 gf-training (quotaFill<0.9), nr-stockout, tm-ar-tobacco-liquor (terminalLevel<=3);
  // 40 nr-card-limit; 50 nr-combination, st-self-check; 55 st-stock-check; 60 st-family.
  it('R01 (档位 18→15, terminal, on-shelf 0.75): the grade drop, the model shop, the on-shelf tip', () => {
    expect(ids(0)).toEqual(['gf-weak-indicators', 'tm-ar-convenience', 'ks-on-shelf'])
  })

  it('R02 (档位 12→14: up, so not the drop strategy; quota fill 0.8 < 0.9)', () => {
    expect(ids(1)).toEqual(['ks-on-shelf', 'gf-profit-sheet', 'gf-training'])
  })

  it('R06 (new-retail score 59.5, scan rate 1; terminal): the unstable-system course, not the scanner one', () => {
    expect(ids(5)).toEqual(['nr-pos-unstable', 'tm-ar-convenience', 'tm-ar-village'])
  })

  it('R07 (scan rate 0.62, score 70): the scanner course first, then stock-out warnings and card limits', () => {
    expect(ids(6)).toEqual(['nr-scanner-fault', 'nr-stockout', 'nr-card-limit'])
  })

  it('R09 (key-SKU class, all key SKUs on shelf): only the two key-SKU strategies whose conditions hold', () => {
    expect(ids(8)).toEqual(['ks-portrait', 'ks-scenes'])
  })

  it('R04 and R08 (stable): the self-service tips', () => {
    expect(ids(3)).toEqual(['st-self-check', 'st-stock-check', 'st-family'])
    expect(ids(7)).toEqual(['st-self-check', 'st-stock-check', 'st-family'])
  })

  it('says why each matched: the classes it targets that the shop is in, and each condition with the figure', () => {
    const [first, , third] = matchStrategies(compiled, pool, 0)
    expect(first.why).toEqual({ classes: ['gradeFluctuation'], conditions: [{ figure: 'gradeChange', op: '<', value: 0, actual: -3 }] })
    expect(third.why).toEqual({ classes: ['gradeFluctuation'], conditions: [{ figure: 'keyOnShelfRate', op: '<', value: 1, actual: 0.75 }] })
    expect(whyText(first)).toBe('您属于档位波动类；档位下降了 3 档')
    expect(whyText(third)).toBe('您属于档位波动类；重点品规上柜率 75%，低于 100%')
    const scanner = matchStrategies(compiled, pool, 6)[0]
    expect(conditionText(scanner.why.conditions[0])).toBe('扫码率 62%，低于 80%')
    // A grade that moved reads as a move; any other threshold keeps its figures.
    expect(conditionText({ figure: 'gradeChange', op: '>', value: 0, actual: 2 })).toBe('档位上升了 2 档')
    expect(conditionText({ figure: 'gradeChange', op: '<=', value: -2, actual: -3 })).toBe('档位变动 -3 档，不高于 -2 档')
    expect(scanner.actions.map((a) => actionText(a, { courses: { 'c-scanner-fault': '扫码枪故障处理' } }))).toEqual(['看微课：扫码枪故障处理'])
  })

  const one = (s: Partial<Strategy>): Strategy => ({
    id: 'x',
    title: 't',
    body: 'b',
    classes: ['stable'],
    conditions: [],
    target: { indicator: 'sellThrough', direction: 'up' },
    actions: [],
    priority: 1,
    validFrom: null,
    validTo: null,
    ...s,
  })

  it('hands out a strategy valid at some time of the month the guide is read in (the month after M)', () => {
    const strategies = [
      one({ id: 'ended-in-M', validTo: '2026-10-31' }),
      one({ id: 'starts-mid-next', validFrom: '2026-11-20' }),
      one({ id: 'ends-first-of-next', validTo: '2026-11-01' }),
      one({ id: 'starts-after-next', validFrom: '2026-12-01' }),
    ]
    const matched = matchStrategies(compileLibrary(strategies, MONTH, 3), pool, 3).map((s) => s.id)
    expect(matched).toEqual(['ends-first-of-next', 'starts-mid-next'])
  })

  it('fails a condition on a figure with no value, and tests percentiles with .pct', () => {
    const strategies = [
      one({ id: 'scan-missing', conditions: [{ figure: 'scanRate', op: '<', value: 2 }] }),
      one({ id: 'growth-missing', conditions: [{ figure: 'keyPacksGrowth', op: '>=', value: -100 }] }),
      one({ id: 'low-pct', conditions: [{ figure: 'keyOnShelfRate.pct', op: '=', value: 0 }] }),
    ]
    // R08 (stable): no scan rate; growth −1 has a value; on-shelf 0.25 is the lowest → percentile 0.
    expect(matchStrategies(compileLibrary(strategies, MONTH, 3), pool, 7).map((s) => s.id)).toEqual(['growth-missing', 'low-pct'])
  })

  it('shows at most the configured number', () => {
    expect(matchStrategies(compileLibrary(library, MONTH, 1), pool, 6).map((s) => s.id)).toEqual(['nr-scanner-fault'])
  })
})

describe('the guide and last month', () => {
  // September: the county without data of August; R07 sold as BASE (80 packs) and bought 16 cartons
  // of A: scan rate 80 ÷ 160 = 0.5.
  const september = COUNTY.map((shop) => ({ ...shop, soldBefore: [], marketingBefore: null }))
  september[6] = { ...september[6], sold: COUNTY[0].sold, bought: [{ skuCode: 'A', cartons: 16 }] }
  const lastPool = rankPool(BEFORE, september, config, CATALOGUE)
  const lastCompiled = compileLibrary(library, BEFORE, 3)
  const last = guideOf(lastPool, 6, lastCompiled, null)

  it('writes last month’s guide for R07 with the scanner course: scan 80 ÷ 160 = 0.5', () => {
    expect(last.indicators.find((f) => f.id === 'scanRate')?.value).toBe(0.5)
    expect(last.strategies[0].id).toBe('nr-scanner-fault')
    expect(last.comparison).toBeNull()
  })

  const guide = guideOf(pool, 6, compiled, last)

  it('holds the basic information, grade and its change, the ten indicators, classes and strategies', () => {
    expect(guide).toMatchObject({
      licenseNo: COUNTY[6].licenseNo,
      month: MONTH,
      configVersion: 'guidance-v1',
      basic: { businessType: '食杂店', integrityScore: 90, monthlyQuotaCartons: 10, newRetailScore: 70, terminalLevel: 2, shopAreaM2: 3, pool: 10 },
      grade: { now: 5, before: 6, change: -1 },
      keySkuScore: 47.93,
      potential: 19.63,
      classes: [{ id: 'newRetail', reasons: [{ code: 'scanRateLow', rate: 0.62, threshold: 0.8 }] }],
    })
    expect(guide.indicators).toHaveLength(10)
    expect(guide.strategies.map((s) => s.id)).toEqual(['nr-scanner-fault', 'nr-stockout', 'nr-card-limit'])
  })

  it('compares each indicator with last month and judges last month’s strategies against their targets', () => {
    const comparison = guide.comparison
    expect(comparison?.month).toBe(BEFORE)
    expect(comparison?.indicators.find((c) => c.id === 'scanRate')).toMatchObject({ before: 0.5, now: 0.62 })
    expect(comparison?.indicators.find((c) => c.id === 'scanRate')?.change).toBeCloseTo(0.12, 12)
    // September had no M−1 sales: growth had no value then, so its change has none either.
    expect(comparison?.indicators.find((c) => c.id === 'keyPacksGrowth')).toMatchObject({ before: null, now: 0, change: null })
    const scanner = comparison?.strategies.find((s) => s.id === 'nr-scanner-fault')
    expect(scanner).toMatchObject({ indicator: 'scanRate', direction: 'up', before: 0.5, now: 0.62, moved: true })
    expect(outcomeText(scanner!)).toBe('扫码率从 50% 升到 62%，达到预期')
  })

  it('builds the same guide twice', () => {
    const again = guideOf(rankPool(MONTH, COUNTY, config, CATALOGUE), 6, compileLibrary(library, MONTH, 3), last)
    expect(again).toEqual(guide)
    expect(JSON.stringify(again)).toBe(JSON.stringify(guide))
  })

  it('ignores a “last” guide of another month or shop', () => {
    expect(guideOf(pool, 6, compiled, { ...last, month: '2026-08' }).comparison).toBeNull()
    expect(guideOf(pool, 5, compiled, last).comparison).toBeNull()
  })

  it('refuses a library compiled for another month', () => {
    expect(() => guideOf(pool, 6, lastCompiled, null)).toThrow(/2026-09/)
  })
})
