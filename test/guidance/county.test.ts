import { rankPool } from '../../cloudfunctions/core/guidance/pool'
import { classIdsOf, membershipsOf } from '../../cloudfunctions/core/guidance/classes'
import { indicatorValues } from '../../cloudfunctions/core/guidance/indicators'
import { defaultGuidanceConfig } from '../../cloudfunctions/core/guidance/defaults'
import { loadGuidanceConfig, type GuidanceConfig } from '../../cloudfunctions/core/guidance/config'
import { potentialOf } from '../../cloudfunctions/core/guidance/potential'
import { indicatorFiguresOf } from '../../cloudfunctions/core/guidance/guide'
import { INDICATORS } from '../../cloudfunctions/contracts/guidance'
import { reasonText } from '../../cloudfunctions/words/guidance'
import {
  CATALOGUE,
  COUNTY,
  EXPECTED_CLASSES,
  EXPECTED_PERCENTILES,
  EXPECTED_POTENTIALS,
  EXPECTED_SCORES,
  EXPECTED_VALUES,
  MONTH,
  license,
} from './county'

/** The hand-worked county of county.ts: every figure there was worked by hand from guidance.md. */

const config = defaultGuidanceConfig()
const close = (actual: (number | null)[], expected: (number | null)[]) => {
  expect(actual.map((v) => v === null)).toEqual(expected.map((v) => v === null))
  actual.forEach((v, j) => {
    if (v !== null) expect(v).toBeCloseTo(expected[j] as number, 9)
  })
}

describe('the hand-worked county with the default configuration', () => {
  const pool = rankPool(MONTH, COUNTY, config, CATALOGUE)

  it('computes each indicator of each shop as worked by hand, with no value where the rules give none', () => {
    COUNTY.forEach((shop, i) => close(indicatorValues(shop, CATALOGUE), EXPECTED_VALUES[i]))
  })

  it('gives each indicator its mid-rank percentile among the shops that have a value', () => {
    COUNTY.forEach((_, i) =>
      close(
        indicatorFiguresOf(pool, i).map((f) => f.percentile),
        EXPECTED_PERCENTILES[i],
      ),
    )
  })

  it('scores Σ weight × percentile rounded to 2 decimals, a missing value counting 0', () => {
    expect(Array.from(pool.scores)).toEqual(EXPECTED_SCORES)
  })

  it('rounds potentials half up: 19.625 → 19.63, and 32 stays 32 whatever the float noise', () => {
    expect(Array.from(pool.potentials)).toEqual(EXPECTED_POTENTIALS)
    COUNTY.forEach((shop, i) => expect(potentialOf(shop.marketing, shop.businessType, config.terminal)).toBe(EXPECTED_POTENTIALS[i]))
  })

  it('places each shop in its classes, every boundary as worked by hand', () => {
    expect(COUNTY.map((_, i) => classIdsOf(pool, i))).toEqual(EXPECTED_CLASSES)
  })

  it('takes k = ⌈10/5⌉ = 2 and lets every tie at the cut in', () => {
    expect(pool.keySkuCut.k).toBe(2)
    expect(pool.keySkuCut.cut).toBe(66.74)
    expect(pool.potentialCut.cut).toBe(32)
    const keySku = COUNTY.filter((_, i) => classIdsOf(pool, i).includes('keySku')).map((s) => s.licenseNo)
    expect(keySku).toEqual([license(5), license(9), license(10)])
  })

  it('gives each membership its reason in codes and figures', () => {
    expect(membershipsOf(pool, 0)).toEqual([
      { id: 'gradeFluctuation', reasons: [{ code: 'gradeMoved', from: 18, to: 15, threshold: 2 }] },
      { id: 'terminal', reasons: [{ code: 'potentialTop', potential: 80, cut: 32, topPercent: 20, rank: 1, pool: 10 }] },
    ])
    expect(membershipsOf(pool, 1)[0].reasons).toEqual([{ code: 'gradeMoved', from: 12, to: 14, threshold: 2 }])
    expect(membershipsOf(pool, 5)).toEqual([
      { id: 'newRetail', reasons: [{ code: 'newRetailScoreLow', score: 59.5, threshold: 60 }] },
      { id: 'terminal', reasons: [{ code: 'potentialTop', potential: 32, cut: 32, topPercent: 20, rank: 2, pool: 10 }] },
    ])
    expect(membershipsOf(pool, 6)).toEqual([{ id: 'newRetail', reasons: [{ code: 'scanRateLow', rate: 0.62, threshold: 0.8 }] }])
    expect(membershipsOf(pool, 9)).toEqual([{ id: 'keySku', reasons: [{ code: 'keySkuTop', score: 66.74, cut: 66.74, topPercent: 20, rank: 2, pool: 10 }] }])
    expect(membershipsOf(pool, 3)).toEqual([{ id: 'stable', reasons: [{ code: 'noTargetClass' }] }])
  })

  it('words the reasons with their figures', () => {
    expect(membershipsOf(pool, 0).flatMap((m) => m.reasons.map(reasonText))).toEqual(['档位从 18 降到 15，变动 3 档（阈值 2 档）', '终端提升潜力 80，全县前 20%（入选线 32）'])
    expect(reasonText(membershipsOf(pool, 1)[0].reasons[0])).toBe('档位从 12 升到 14，变动 2 档（阈值 2 档）')
    expect(reasonText(membershipsOf(pool, 6)[0].reasons[0])).toBe('扫码率 62%，低于 80%')
    expect(reasonText(membershipsOf(pool, 5)[0].reasons[0])).toBe('新零售得分 59.5，低于 60')
    expect(reasonText(membershipsOf(pool, 9)[0].reasons[0])).toBe('重点品规推介得分 66.74，全县前 20%（入选线 66.74）')
  })

  it('ranks the same county in any order to the same figures per shop', () => {
    const order = [7, 2, 9, 0, 5, 1, 8, 3, 6, 4]
    const shuffled = rankPool(
      MONTH,
      order.map((i) => COUNTY[i]),
      config,
      CATALOGUE,
    )
    order.forEach((i, at) => {
      expect(shuffled.scores[at]).toBe(pool.scores[i])
      expect(shuffled.potentials[at]).toBe(pool.potentials[i])
      expect(classIdsOf(shuffled, at)).toEqual(classIdsOf(pool, i))
      expect(indicatorFiguresOf(shuffled, at)).toEqual(indicatorFiguresOf(pool, i))
    })
  })

  it('refuses a shop added twice to one pool', () => {
    expect(() => rankPool(MONTH, [COUNTY[0], COUNTY[0]], config, CATALOGUE)).toThrow(/added twice/)
  })
})

describe('a configuration change, rebuilt', () => {
  const changed = (edit: (c: GuidanceConfig) => void): GuidanceConfig => {
    const c = structuredClone(config)
    edit(c)
    const loaded = loadGuidanceConfig(c)
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems))
    return loaded.config
  }
  const classesWith = (c: GuidanceConfig) => {
    const pool = rankPool(MONTH, COUNTY, c, CATALOGUE)
    return COUNTY.map((_, i) => classIdsOf(pool, i))
  }

  it('a grade threshold of 3 leaves only R01 (changed by 3) in 档位波动类', () => {
    const classes = classesWith(changed((c) => (c.gradeFluctuation.minGradeChange = 3)))
    expect(classes.map((c) => c.includes('gradeFluctuation'))).toEqual([true, false, false, false, false, false, false, false, false, false])
    expect(classes[1]).toEqual(['stable'])
  })

  it('a scan-rate threshold of 0.81 takes in the two shops at exactly 0.8; a score threshold of 60.5 takes in R05 at 60', () => {
    const scan = classesWith(changed((c) => (c.newRetail.scanRateBelow = 0.81)))
    expect(scan[4]).toEqual(['newRetail', 'keySku'])
    expect(scan[9]).toEqual(['newRetail', 'keySku'])
    const score = classesWith(changed((c) => (c.newRetail.scoreBelow = 60.5)))
    expect(score[4]).toEqual(['newRetail', 'keySku'])
    expect(score[9]).toEqual(['keySku'])
  })

  it('a top share of 40% makes k = 4 and the cut 47.93, taking in R07', () => {
    const c = changed((c) => (c.keySku.topPercent = 40))
    const pool = rankPool(MONTH, COUNTY, c, CATALOGUE)
    expect(pool.keySkuCut).toMatchObject({ k: 4, cut: 47.93 })
    expect(COUNTY.map((_, i) => classIdsOf(pool, i).includes('keySku'))).toEqual([false, false, false, false, true, false, true, false, true, true])
  })

  it('all the weight on the scan rate: six shops tie at the cut (68.75) and all six are in', () => {
    const c = changed((c) => {
      for (const id of INDICATORS) c.keySku.weights[id] = 0
      c.keySku.weights.scanRate = 1
    })
    const pool = rankPool(MONTH, COUNTY, c, CATALOGUE)
    // Scan-rate percentiles: 1 (×6) → 68.75, 0.8 (×2) → 18.75, 0.62 → 0, R08 none → 0.
    expect(Array.from(pool.scores)).toEqual([68.75, 68.75, 68.75, 68.75, 18.75, 68.75, 0, 0, 68.75, 18.75])
    expect(COUNTY.map((_, i) => classIdsOf(pool, i).includes('keySku'))).toEqual([true, true, true, true, false, true, false, false, true, false])
  })

  it('records the version it was built with', () => {
    const pool = rankPool(MONTH, COUNTY, changed((c) => (c.version = 'county-2027')), CATALOGUE)
    expect(pool.config.version).toBe('county-2027')
    expect(config.version).toBe('guidance-v1')
  })
})

describe('edges of the pool', () => {
  const noFlags = { key: new Set<string>(), new: new Set<string>() }
  // Three shops with a marketing row and no shop data at all, level 5, quota 0, no M−1 row.
  const empty = COUNTY.slice(0, 3).map((shop, i) => ({
    ...shop,
    licenseNo: license(20 + i),
    marketing: { ...shop.marketing, terminalLevel: 5, monthlyQuotaCartons: 0 },
    marketingBefore: null,
    sold: [],
    soldBefore: [],
    bought: [],
    stock: null,
  }))

  it('ties everyone at 50 on the indicators all have (0 new SKUs, 0 selling), and with k = 1 lets all three in', () => {
    const pool = rankPool(MONTH, empty, config, noFlags)
    // Only #3 and #5 have values (0 for all three): percentile 100 × (0 + 2/2) ÷ 2 = 50; 0.05×50 + 0.10×50.
    expect(Array.from(pool.scores)).toEqual([7.5, 7.5, 7.5])
    expect(pool.keySkuCut).toMatchObject({ k: 1, cut: 7.5 })
    expect([0, 1, 2].map((i) => classIdsOf(pool, i))).toEqual([['keySku'], ['keySku'], ['keySku']])
  })

  it('puts nobody in 重点品规推介类 or 终端提升类 when every score and potential is 0 (score > 0)', () => {
    const weights = { ...config.keySku.weights, newOnShelf: 0, skusSelling: 0, keyOnShelfRate: 0.3 }
    const pool = rankPool(MONTH, empty, { ...config, keySku: { ...config.keySku, weights } }, noFlags)
    expect(Array.from(pool.scores)).toEqual([0, 0, 0])
    expect(pool.keySkuCut.cut).toBe(0)
    expect(pool.potentialCut.cut).toBe(0)
    expect([0, 1, 2].map((i) => classIdsOf(pool, i))).toEqual([['stable'], ['stable'], ['stable']])
  })

  it('a pool of one gets percentile 100 on every indicator it has a value for', () => {
    const pool = rankPool(MONTH, [COUNTY[6]], config, CATALOGUE)
    expect(indicatorFiguresOf(pool, 0).map((f) => f.percentile)).toEqual(new Array(10).fill(100))
    expect(pool.scores[0]).toBe(100)
    expect(pool.keySkuCut).toMatchObject({ k: 1, cut: 100 })
  })

  it('scores only the indicators a shop has values for', () => {
    const nothing = { ...empty[0], licenseNo: license(30) }
    expect(indicatorValues(nothing, CATALOGUE)).toEqual([0, null, 0, null, 0, null, null, null, null, null])
    const pool = rankPool(MONTH, [nothing, COUNTY[8]], config, noFlags)
    // No key SKUs flagged: #1 none for both. #3 both 0 → 50 each; #5 0 → 0 and 5 → 100; R09 alone
    // has #2 #4 #6 #7 #8 #9 #10 → 100 each. nothing: 0.05×50 = 2.5.
    // R09: 10 + 2.5 + 10 + 10 + 15 + 10 + 5 + 10 + 10 = 82.5.
    expect(Array.from(pool.scores)).toEqual([2.5, 82.5])
  })
})
