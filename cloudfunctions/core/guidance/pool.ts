import { INDICATORS } from '../../contracts/guidance'
import type { GuidanceConfig } from './config'
import { INDICATOR_COUNT, writeIndicators } from './indicators'
import type { CatalogueFlags, RetailerMonth } from './inputs'
import { writePercentiles } from './percentiles'
import { potentialOf } from './potential'
import { round2 } from './rounding'
import { topCut, type TopCut } from './cut'
import { classBitsOf } from './classes'

/**
 * The pool of month M — every retailer with a marketing row for M — as columns of numbers.
 *
 * Rankings need the whole pool before any guide can be written, and a province holds 100,000+
 * retailers, so a member is reduced on arrival to a dozen numbers (its SKU rows can then be
 * dropped, page by page), and ranking works on typed arrays: a few sorts, O(n log n), about a
 * hundred bytes per retailer and no object or closure per retailer.
 */
export class PoolBuilder {
  readonly licenseNos: string[] = []
  readonly businessTypes: string[] = []
  /** size × 10 indicator values, INDICATORS order; NaN: no value. */
  readonly values: number[] = []
  readonly grade: number[] = []
  /** NaN: no marketing row in M−1. */
  readonly gradeBefore: number[] = []
  readonly integrityScore: number[] = []
  readonly quotaCartons: number[] = []
  readonly newRetailScore: number[] = []
  readonly terminalLevel: number[] = []
  readonly shopAreaM2: number[] = []
  readonly potentials: number[] = []
  private readonly seen = new Set<string>()

  constructor(
    readonly month: string,
    readonly config: GuidanceConfig,
    readonly catalogue: CatalogueFlags,
  ) {}

  get size(): number {
    return this.licenseNos.length
  }

  /** Adds one pool member; answers its index. A retailer added twice is a bug upstream: it throws. */
  add(input: RetailerMonth): number {
    if (this.seen.has(input.licenseNo)) throw new Error(`guidance pool ${this.month}: ${input.licenseNo} added twice`)
    this.seen.add(input.licenseNo)
    const at = this.values.length
    for (let j = 0; j < INDICATOR_COUNT; j++) this.values.push(NaN)
    writeIndicators(input, this.catalogue, this.values, at)
    const m = input.marketing
    this.licenseNos.push(input.licenseNo)
    this.businessTypes.push(input.businessType)
    this.grade.push(m.grade)
    this.gradeBefore.push(input.marketingBefore ? input.marketingBefore.grade : NaN)
    this.integrityScore.push(m.integrityScore)
    this.quotaCartons.push(m.monthlyQuotaCartons)
    this.newRetailScore.push(m.newRetailScore)
    this.terminalLevel.push(m.terminalLevel)
    this.shopAreaM2.push(m.shopAreaM2)
    this.potentials.push(potentialOf(m, input.businessType, this.config.terminal))
    return this.size - 1
  }

  /** Ranks the pool: percentiles, scores, the two cuts, the class of every member. */
  rank(): RankedPool {
    const n = this.size
    const values = Float64Array.from(this.values)
    const percentiles = new Float64Array(values.length)
    for (let j = 0; j < INDICATOR_COUNT; j++) writePercentiles(values, n, percentiles, INDICATOR_COUNT, j)
    const weights = INDICATORS.map((id) => this.config.keySku.weights[id])
    const scores = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      // Σ weight × percentile in indicator order; a missing value counts 0.
      let sum = 0
      for (let j = 0; j < INDICATOR_COUNT; j++) {
        const p = percentiles[i * INDICATOR_COUNT + j]
        if (!Number.isNaN(p)) sum += weights[j] * p
      }
      scores[i] = round2(sum)
    }
    const potentials = Float64Array.from(this.potentials)
    const keySkuCut = topCut(scores, this.config.keySku.topPercent)
    const potentialCut = topCut(potentials, this.config.terminal.topPercent)
    const ranked: Omit<RankedPool, 'classBits' | 'indexOf'> = {
      month: this.month,
      config: this.config,
      size: n,
      licenseNos: this.licenseNos,
      businessTypes: this.businessTypes,
      values,
      percentiles,
      scores,
      potentials,
      keySkuCut,
      potentialCut,
      grade: Float64Array.from(this.grade),
      gradeBefore: Float64Array.from(this.gradeBefore),
      integrityScore: Float64Array.from(this.integrityScore),
      quotaCartons: Float64Array.from(this.quotaCartons),
      newRetailScore: Float64Array.from(this.newRetailScore),
      terminalLevel: Float64Array.from(this.terminalLevel),
      shopAreaM2: Float64Array.from(this.shopAreaM2),
    }
    const classBits = new Uint8Array(n)
    for (let i = 0; i < n; i++) classBits[i] = classBitsOf(ranked, i)
    let index: Map<string, number> | null = null
    return {
      ...ranked,
      classBits,
      indexOf: (licenseNo) => {
        if (!index) index = new Map(this.licenseNos.map((l, i) => [l, i]))
        return index.get(licenseNo) ?? -1
      },
    }
  }
}

/** A ranked pool: member i's figures at index i of each column (i × 10 + j for indicator j). */
export interface RankedPool {
  month: string
  config: GuidanceConfig
  size: number
  licenseNos: readonly string[]
  businessTypes: readonly string[]
  values: Float64Array
  percentiles: Float64Array
  /** Key-SKU scores, rounded. */
  scores: Float64Array
  /** Terminal potentials, rounded. */
  potentials: Float64Array
  keySkuCut: TopCut
  potentialCut: TopCut
  grade: Float64Array
  gradeBefore: Float64Array
  integrityScore: Float64Array
  quotaCartons: Float64Array
  newRetailScore: Float64Array
  terminalLevel: Float64Array
  shopAreaM2: Float64Array
  /** Bit c set: in target class c (TARGET_CLASSES order); 0: stable. */
  classBits: Uint8Array
  /** The index of a member, −1 if not in the pool. */
  indexOf: (licenseNo: string) => number
}

/** Ranks a whole pool given at once (tests, small counties). */
export const rankPool = (month: string, inputs: Iterable<RetailerMonth>, config: GuidanceConfig, catalogue: CatalogueFlags): RankedPool => {
  const pool = new PoolBuilder(month, config, catalogue)
  for (const input of inputs) pool.add(input)
  return pool.rank()
}
