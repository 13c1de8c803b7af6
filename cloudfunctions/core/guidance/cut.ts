import { upperBound } from './percentiles'

/**
 * The top share of a pool (guidance.md §3): k = ⌈pool × percent ÷ 100⌉ counted in integers (as a
 * fraction, 0.07 × 100 is 7.000000000000001 and would ceil to 8), and the cut is the k-th highest
 * value, repeated values counted. A member is in when its value ≥ cut and > 0, so ties at the cut
 * are all in and the class can hold more than k.
 */
export const topCount = (pool: number, percent: number): number => Math.floor((pool * percent + 99) / 100)

export interface TopCut {
  k: number
  /** The k-th highest value; null with an empty pool. */
  cut: number | null
  /** The values, ascending: the rank of a value is read from it. */
  sorted: Float64Array
}

/** The cut of `values` (already rounded; every pool member has one) for the top `percent` %. */
export const topCut = (values: ArrayLike<number>, percent: number): TopCut => {
  const sorted = Float64Array.from(values)
  sorted.sort()
  const k = topCount(sorted.length, percent)
  return { k, cut: k > 0 ? sorted[sorted.length - k] : null, sorted }
}

export const inTop = (value: number, cut: number | null): boolean => cut !== null && value >= cut && value > 0

/** 1 + how many values are strictly higher: equal values share a rank. */
export const rankIn = (sorted: Float64Array, value: number): number => sorted.length - upperBound(sorted, value) + 1
