import { addMonths } from '../time'
import { INDICATORS, type Guide, type IndicatorFigure } from '../../contracts/guidance'
import { membershipsOf } from './classes'
import { compareWithLast } from './comparison'
import { matchStrategies, type CompiledLibrary } from './matching'
import type { RankedPool } from './pool'

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v)

/** Member i's ten indicators with their percentiles. */
export const indicatorFiguresOf = (pool: RankedPool, i: number): IndicatorFigure[] =>
  INDICATORS.map((id, j) => ({ id, value: orNull(pool.values[i * INDICATORS.length + j]), percentile: orNull(pool.percentiles[i * INDICATORS.length + j]) }))

/**
 * The guide (客户数字经营指导书) of pool member i for the pool's month. `last` is the member's guide
 * of the month before, if any (one of another month is ignored). Nothing here reads a clock or a
 * random number: building a month twice gives the same guide.
 */
export const guideOf = (pool: RankedPool, i: number, library: CompiledLibrary, last: Guide | null): Guide => {
  if (library.month !== pool.month) throw new Error(`library compiled for ${library.month}, pool of ${pool.month}`)
  const indicators = indicatorFiguresOf(pool, i)
  const before = orNull(pool.gradeBefore[i])
  const previous = last && last.month === addMonths(pool.month, -1) && last.licenseNo === pool.licenseNos[i] ? last : null
  return {
    licenseNo: pool.licenseNos[i],
    month: pool.month,
    configVersion: pool.config.version,
    basic: {
      businessType: pool.businessTypes[i],
      integrityScore: pool.integrityScore[i],
      monthlyQuotaCartons: pool.quotaCartons[i],
      newRetailScore: pool.newRetailScore[i],
      terminalLevel: pool.terminalLevel[i],
      shopAreaM2: pool.shopAreaM2[i],
      pool: pool.size,
    },
    grade: { now: pool.grade[i], before, change: before === null ? null : pool.grade[i] - before },
    indicators,
    keySkuScore: pool.scores[i],
    potential: pool.potentials[i],
    classes: membershipsOf(pool, i),
    strategies: matchStrategies(library, pool, i),
    comparison: previous ? compareWithLast({ indicators }, previous) : null,
  }
}
