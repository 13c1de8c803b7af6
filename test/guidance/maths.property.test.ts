import fc from 'fast-check'
import { percentilesOf, writePercentiles } from '../../cloudfunctions/core/guidance/percentiles'
import { round2 } from '../../cloudfunctions/core/guidance/rounding'
import { inTop, rankIn, topCount, topCut } from '../../cloudfunctions/core/guidance/cut'

/** The percentile, rounding and cut maths of guidance.md §3, over many generated cases. */

/** The rule as written, O(n²): the reference the fast version must agree with. */
const reference = (values: (number | null)[]): (number | null)[] => {
  const present = values.filter((v): v is number => v !== null)
  const n = present.length
  return values.map((v) => {
    if (v === null) return null
    if (n === 1) return 100
    const below = present.filter((w) => w < v).length
    const equal = present.filter((w) => w === v).length
    return (100 * (below + (equal - 1) / 2)) / (n - 1)
  })
}

// Small integers and a few fractions make ties common, which is where mid-ranks matter.
const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.1, 0.2, 0.30000000000000004, 1 / 3, 2 / 6), fc.double({ min: -1e6, max: 1e6, noNaN: true }))
const values = fc.array(fc.option(value, { nil: null, freq: 4 }), { maxLength: 60 })

describe('mid-rank percentiles', () => {
  it('agree with the rule as written', () => {
    fc.assert(fc.property(values, (vs) => expect(percentilesOf(vs)).toEqual(reference(vs))))
  })

  it('lie within 0–100 and leave out exactly the missing values', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ps = percentilesOf(vs)
        ps.forEach((p, i) => {
          expect(p === null).toBe(vs[i] === null)
          if (p !== null) {
            expect(p).toBeGreaterThanOrEqual(0)
            expect(p).toBeLessThanOrEqual(100)
          }
        })
      }),
    )
  })

  it('do not depend on the order of the pool', () => {
    fc.assert(
      fc.property(
        values.chain((vs) => fc.tuple(fc.constant(vs), fc.shuffledSubarray(vs.map((_, i) => i), { minLength: vs.length, maxLength: vs.length }))),
        ([vs, order]) => {
          const ps = percentilesOf(vs)
          const shuffled = percentilesOf(order.map((i) => vs[i]))
          order.forEach((i, at) => expect(shuffled[at]).toBe(ps[i]))
        },
      ),
    )
  })

  it('give equal values equal percentiles and higher values higher ones', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ps = percentilesOf(vs)
        for (let i = 0; i < vs.length; i++) {
          for (let j = 0; j < vs.length; j++) {
            const a = vs[i]
            const b = vs[j]
            if (a === null || b === null) continue
            if (a === b) expect(ps[i]).toBe(ps[j])
            if (a < b) expect(ps[i] as number).toBeLessThan(ps[j] as number)
          }
        }
      }),
    )
  })

  it('average 50 over the pool (mid-ranks are symmetric)', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ps = percentilesOf(vs).filter((p): p is number => p !== null)
        if (ps.length < 2) return
        expect(ps.reduce((a, b) => a + b, 0) / ps.length).toBeCloseTo(50, 9)
      }),
    )
  })

  it('rank one column of a strided table without touching the others', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 30 }), (rows) => {
        const table = Float64Array.from(rows.flat())
        const out = new Float64Array(table.length).fill(-1)
        writePercentiles(table, rows.length, out, 2, 1)
        const expected = reference(rows.map((r) => r[1]))
        rows.forEach((_, i) => {
          expect(out[i * 2]).toBe(-1)
          expect(out[i * 2 + 1]).toBe(expected[i])
        })
      }),
    )
  })
})

describe('rounding half up to 2 decimals', () => {
  it('rounds the halves the floats store a hair below up (1.005, 0.285, 2.675)', () => {
    expect(round2(1.005)).toBe(1.01)
    expect(round2(0.285)).toBe(0.29)
    expect(round2(2.675)).toBe(2.68)
    expect(round2(19.625)).toBe(19.63)
    expect(round2(0.15 * 100)).toBe(15)
  })

  it('keeps a value more than 1e-9 below a half down, and one within 1e-9 up', () => {
    expect(round2(1.004999)).toBe(1)
    expect(round2(1.005 - 2e-9)).toBe(1)
    expect(round2(1.005 - 5e-10)).toBe(1.01)
  })

  it('rounds every k/100 + 0.005 up to (k + 1)/100, and k/100 to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (k) => {
        expect(round2(k / 100 + 0.005)).toBe((k + 1) / 100)
        expect(round2(k / 100)).toBe(k / 100)
      }),
    )
  })

  it('moves a value by at most half a cent and lands on the double nearest a whole number of cents', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (x) => {
        const r = round2(x)
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.005 + 1e-9)
        expect(r).toBe(Math.round(r * 100) / 100)
        expect(round2(r)).toBe(r)
      }),
    )
  })
})

describe('the top share and its cut', () => {
  it('counts k = ⌈pool × percent ÷ 100⌉ in integers (in floats 0.07 × 100 is 7.000000000000001 and ceils to 8)', () => {
    expect(Math.ceil(0.07 * 100)).toBe(8)
    expect(topCount(100, 7)).toBe(7)
    expect(topCount(15, 20)).toBe(3)
    expect(topCount(10, 20)).toBe(2)
    expect(topCount(11, 20)).toBe(3)
    expect(topCount(1, 20)).toBe(1)
    expect(topCount(0, 20)).toBe(0)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 100 }), (pool, percent) => {
        const k = topCount(pool, percent)
        expect(k * 100).toBeGreaterThanOrEqual(pool * percent)
        expect((k - 1) * 100).toBeLessThan(pool * percent)
      }),
    )
  })

  const scores = fc.array(
    fc.oneof(
      fc.integer({ min: 0, max: 20 }).map((n) => n * 5),
      fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
    ),
    { minLength: 1, maxLength: 80 },
  )

  it('holds at least k members when every score is above 0, every tie at the cut, and nobody below it', () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 1, max: 100 }), (vs, percent) => {
        const { k, cut } = topCut(vs, percent)
        const members = vs.filter((v) => inTop(v, cut))
        if (vs.every((v) => v > 0)) expect(members.length).toBeGreaterThanOrEqual(k)
        // The k-th highest, repeats counted.
        expect(cut).toBe([...vs].sort((a, b) => b - a)[k - 1])
        // In exactly when ≥ cut and > 0: anyone tied with a member is a member.
        vs.forEach((v) => expect(inTop(v, cut)).toBe(v >= (cut as number) && v > 0))
        // No more than k plus those tied at the cut.
        const above = vs.filter((v) => v > (cut as number)).length
        expect(above).toBeLessThan(k)
      }),
    )
  })

  it('ranks a value 1 + the number of values strictly higher', () => {
    fc.assert(
      fc.property(scores, (vs) => {
        const { sorted } = topCut(vs, 20)
        vs.forEach((v) => expect(rankIn(sorted, v)).toBe(1 + vs.filter((w) => w > v).length))
      }),
    )
  })
})
