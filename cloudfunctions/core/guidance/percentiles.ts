/**
 * Mid-rank percentiles (guidance.md §3): among the n values present,
 * 100 × (below + (equal − 1) / 2) ÷ (n − 1), with `below` the values strictly lower and `equal` the
 * values equal to it, itself included; 100 when n = 1. NaN is "no value": left out, and its
 * percentile is NaN.
 *
 * One sort and two binary searches per value: O(n log n) over typed arrays, so a province's
 * 100,000 retailers cost a few milliseconds per indicator and no object per retailer.
 */

/** First index of `sorted` holding a value ≥ v. */
export const lowerBound = (sorted: Float64Array, v: number, from = 0, to = sorted.length): number => {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** First index of `sorted` holding a value > v. */
export const upperBound = (sorted: Float64Array, v: number, from = 0, to = sorted.length): number => {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] <= v) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The percentiles of `count` values read at `values[offset + i × stride]`, written to
 * `out[outOffset + i × stride]` (a table of many indicators ranks one column at a time).
 */
export const writePercentiles = (values: ArrayLike<number>, count: number, out: Float64Array | number[], stride = 1, offset = 0): void => {
  let n = 0
  for (let i = 0; i < count; i++) if (!Number.isNaN(values[offset + i * stride])) n++
  const sorted = new Float64Array(n)
  for (let i = 0, j = 0; i < count; i++) {
    const v = values[offset + i * stride]
    if (!Number.isNaN(v)) sorted[j++] = v
  }
  sorted.sort()
  for (let i = 0; i < count; i++) {
    const v = values[offset + i * stride]
    if (Number.isNaN(v)) {
      out[offset + i * stride] = NaN
      continue
    }
    if (n === 1) {
      out[offset + i * stride] = 100
      continue
    }
    const below = lowerBound(sorted, v)
    const equal = upperBound(sorted, v, below) - below
    out[offset + i * stride] = (100 * (below + (equal - 1) / 2)) / (n - 1)
  }
}

/** The percentiles of a list of values (null: no value). */
export const percentilesOf = (values: readonly (number | null)[]): (number | null)[] => {
  const table = Float64Array.from(values, (v) => (v === null ? NaN : v))
  const out = new Float64Array(table.length)
  writePercentiles(table, table.length, out)
  return Array.from(out, (p) => (Number.isNaN(p) ? null : p))
}
