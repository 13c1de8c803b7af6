import { INDICATORS, TARGET_CLASSES, type ClassMembership, type ClassReason } from '../../contracts/guidance'
import { inTop, rankIn } from './cut'
import type { RankedPool } from './pool'

const SCAN_RATE = INDICATORS.indexOf('scanRate')

export const CLASS_BIT = { gradeFluctuation: 1, newRetail: 2, keySku: 4, terminal: 8 } as const

type Ranked = Omit<RankedPool, 'classBits' | 'indexOf'>

/**
 * Which target classes member i is in (guidance.md §3), as bits. Thresholds compare unrounded
 * values; the cuts compare the rounded score and potential.
 */
export const classBitsOf = (pool: Ranked, i: number): number => {
  const { config } = pool
  let bits = 0
  const before = pool.gradeBefore[i]
  if (!Number.isNaN(before) && Math.abs(pool.grade[i] - before) >= config.gradeFluctuation.minGradeChange) bits |= CLASS_BIT.gradeFluctuation
  const scan = pool.values[i * INDICATORS.length + SCAN_RATE]
  if (pool.newRetailScore[i] < config.newRetail.scoreBelow || (!Number.isNaN(scan) && scan < config.newRetail.scanRateBelow)) bits |= CLASS_BIT.newRetail
  if (inTop(pool.scores[i], pool.keySkuCut.cut)) bits |= CLASS_BIT.keySku
  if (inTop(pool.potentials[i], pool.potentialCut.cut)) bits |= CLASS_BIT.terminal
  return bits
}

/** Member i's classes with their reasons, in guidance.md's order; `stable` alone when in none. */
export const membershipsOf = (pool: RankedPool, i: number): ClassMembership[] => {
  const { config } = pool
  const bits = pool.classBits[i]
  if (bits === 0) return [{ id: 'stable', reasons: [{ code: 'noTargetClass' }] }]
  const out: ClassMembership[] = []
  for (const id of TARGET_CLASSES) {
    if (!(bits & CLASS_BIT[id])) continue
    const reasons: ClassReason[] = []
    if (id === 'gradeFluctuation') {
      reasons.push({ code: 'gradeMoved', from: pool.gradeBefore[i], to: pool.grade[i], threshold: config.gradeFluctuation.minGradeChange })
    } else if (id === 'newRetail') {
      if (pool.newRetailScore[i] < config.newRetail.scoreBelow) reasons.push({ code: 'newRetailScoreLow', score: pool.newRetailScore[i], threshold: config.newRetail.scoreBelow })
      const scan = pool.values[i * INDICATORS.length + SCAN_RATE]
      if (!Number.isNaN(scan) && scan < config.newRetail.scanRateBelow) reasons.push({ code: 'scanRateLow', rate: scan, threshold: config.newRetail.scanRateBelow })
    } else if (id === 'keySku') {
      const { cut, sorted } = pool.keySkuCut
      reasons.push({ code: 'keySkuTop', score: pool.scores[i], cut: cut as number, topPercent: config.keySku.topPercent, rank: rankIn(sorted, pool.scores[i]), pool: pool.size })
    } else {
      const { cut, sorted } = pool.potentialCut
      reasons.push({ code: 'potentialTop', potential: pool.potentials[i], cut: cut as number, topPercent: config.terminal.topPercent, rank: rankIn(sorted, pool.potentials[i]), pool: pool.size })
    }
    out.push({ id, reasons })
  }
  return out
}

/** Member i's class ids in order (`stable` alone when in none). */
export const classIdsOf = (pool: RankedPool, i: number): ClassMembership['id'][] => {
  const bits = pool.classBits[i]
  return bits === 0 ? ['stable'] : TARGET_CLASSES.filter((id) => bits & CLASS_BIT[id])
}
