import { addDays, daysBetween, weekStart, dayNumber } from '../../cloudfunctions/core/time'
import fc from 'fast-check'
import { cartonsFor, dailyRate, planOrder, type PlanItem } from '../../cloudfunctions/core/insights/orderPlan'
import { formatFen } from '../../cloudfunctions/words/numbers'
import { costFen } from '../../cloudfunctions/core/imports/facts'
import { percentileRank, quantile } from '../../cloudfunctions/core/insights/peers'
import { SkuNumbers, WeekRows, applyMonthChange, mergeWeek, type MonthChanges } from '../../cloudfunctions/core/imports/weeks'
import type { FactMonth } from '../../cloudfunctions/core/model'

/** The money, rounding and merge arithmetic, checked over many generated cases. */

const daily = fc.double({ min: 0, max: 60, noNaN: true })
const packs = fc.integer({ min: 0, max: 600 })
const cover = fc.integer({ min: 1, max: 30 })

describe('order arithmetic', () => {
  it('rounds a shortfall up to the fewest whole cartons that cover it', () => {
    fc.assert(
      fc.property(daily, packs, cover, (rate, stock, days) => {
        const cartons = cartonsFor(rate, stock, days)
        const shortfall = rate * days - stock
        expect(Number.isInteger(cartons) && cartons >= 0).toBe(true)
        expect(cartons * 10).toBeGreaterThanOrEqual(shortfall - 1e-6)
        if (cartons > 0) expect((cartons - 1) * 10).toBeLessThan(shortfall + 1e-6)
      }),
    )
  })

  const item = fc.record({
    skuCode: fc.stringMatching(/^69\d{11}$/),
    name: fc.constant('某品规'),
    dailyPacks: daily,
    stockPacks: packs,
    wholesaleFenPerCarton: fc.integer({ min: 1000, max: 200_000 }),
  })
  const items = fc.uniqueArray(item, { selector: (i) => i.skuCode, maxLength: 12 })

  it('never orders past the remaining quota, and cuts the least urgent SKUs first', () => {
    fc.assert(
      fc.property(items, cover, fc.integer({ min: -5, max: 60 }), (list: PlanItem[], days, remaining) => {
        const lines = planOrder(list, days, remaining)
        const wanted = new Map(list.map((i) => [i.skuCode, cartonsFor(i.dailyPacks, i.stockPacks, days)]))
        const total = lines.reduce((sum, l) => sum + l.cartons, 0)
        const wantedTotal = [...wanted.values()].reduce((a, b) => a + b, 0)
        expect(total).toBe(Math.min(wantedTotal, Math.max(0, remaining)))
        for (const line of lines) expect(line.cartons + line.trimmedCartons).toBe(wanted.get(line.skuCode))
        // Lines run most urgent first; once a line is cut, every less urgent line is cut to nothing.
        const firstCut = lines.findIndex((l) => l.trimmedCartons > 0)
        if (firstCut >= 0) for (const later of lines.slice(firstCut + 1)) expect(later.cartons).toBe(0)
      }),
    )
  })

  it('writes fen as the money a shopkeeper reads, within half of the last unit shown', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        const text = formatFen(fen)
        expect(text).toMatch(/^-?¥(\d+(\.\d)?万|\d{1,3}(,\d{3})*(\.\d{1,2})?)$/)
        const digits = text.replace(/[-¥,万]/g, '')
        const unit = text.endsWith('万') ? 100_000 : text.includes('.') || Math.abs(fen) < 10_000 ? 1 : 100
        const shown = Math.round(Number(digits) * (text.endsWith('万') ? 1_000_000 : 100)) * (fen < 0 ? -1 : 1)
        expect(Math.abs(shown - fen)).toBeLessThanOrEqual(unit / 2 + 1e-6)
      }),
    )
  })

  it('costs packs at the wholesale price to the nearest fen, so gross profit stays in whole fen', () => {
    fc.assert(
      fc.property(packs, fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (n, wholesale, sales) => {
        const cost = costFen(n, wholesale)
        expect(Number.isInteger(cost)).toBe(true)
        expect(Math.abs(cost - (n * wholesale) / 10)).toBeLessThanOrEqual(0.5)
        expect(Number.isInteger(sales - cost)).toBe(true)
      }),
    )
  })

  it('averages weeks within the slowest and the fastest, and counts a better recent week more', () => {
    fc.assert(
      fc.property(fc.array(packs, { minLength: 8, maxLength: 8 }), fc.integer({ min: 1, max: 8 }), (weeks, counted) => {
        const rate = dailyRate(weeks, counted)
        const used = weeks.slice(0, counted)
        expect(rate).toBeGreaterThanOrEqual(Math.min(...used) / 7 - 1e-9)
        expect(rate).toBeLessThanOrEqual(Math.max(...used) / 7 + 1e-9)
        const better = [weeks[0] + 7, ...weeks.slice(1)]
        expect(dailyRate(better, counted)).toBeGreaterThan(rate)
        // 7 more packs in the latest week move the rate more than 7 more in the oldest one counted.
        const older = [...weeks]
        older[counted - 1] += 7
        if (counted > 1) expect(dailyRate(better, counted)).toBeGreaterThan(dailyRate(older, counted))
      }),
    )
  })
})

describe('benchmark arithmetic', () => {
  it('places every value between 0 and 100 %, and the median between the extremes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 0, max: 1e7 }), fc.boolean(), (values, value, higher) => {
        const sorted = [...values].sort((a, b) => a - b)
        const rank = percentileRank(sorted, value, higher) as number
        expect(rank).toBeGreaterThanOrEqual(0)
        expect(rank).toBeLessThanOrEqual(100)
        const median = quantile(sorted, 0.5) as number
        expect(median).toBeGreaterThanOrEqual(sorted[0])
        expect(median).toBeLessThanOrEqual(sorted[sorted.length - 1])
        // Doing better than every peer ranks above doing worse than every peer.
        const top = higher ? sorted[sorted.length - 1] + 1 : sorted[0] - 1
        const bottom = higher ? sorted[0] - 1 : sorted[sorted.length - 1] + 1
        expect(percentileRank(sorted, top, higher)).toBeGreaterThan(percentileRank(sorted, bottom, higher) as number)
      }),
    )
  })
})

describe('dates and weeks', () => {
  const date = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2099-12-31') }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10))
  it('puts every date in the week of the Monday before it', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 400 }), (d, n) => {
        const monday = weekStart(d)
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1)
        expect(daysBetween(monday, d)).toBeGreaterThanOrEqual(0)
        expect(daysBetween(monday, d)).toBeLessThan(7)
        expect(daysBetween(d, addDays(d, n))).toBe(n)
      }),
    )
  })
})

describe('merging rows into weeks and months', () => {
  // Sales rows of one week (Mon 2026-03-16 … Sun 03-22) for three SKUs.
  const row = fc.record({ day: fc.integer({ min: 0, max: 6 }), sku: fc.constantFrom('A0000000001', 'B0000000002', 'C0000000003'), packs: fc.integer({ min: 0, max: 30 }) })
  const week = { _id: '350625100001|2026-03-16', licenseNo: '350625100001', weekStart: '2026-03-16' }
  const rowsOf = (rows: { day: number; sku: string; packs: number }[], numbers: SkuNumbers) => {
    const week = new WeekRows(3)
    for (const r of rows) week.add(r.day, numbers.of(r.sku), [r.packs, r.packs * 1000, r.packs * 900])
    return week
  }
  const monthOf = (changes: MonthChanges, base: FactMonth | null = null) => {
    const change = [...changes.values()][0]
    return change ? applyMonthChange('sales', base, change) : base
  }

  it('gives the same week and month whether rows come in one file or two, and changes nothing the second time', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.nat(), (rows, cut) => {
        const split = cut % (rows.length + 1)
        const numbers = new SkuNumbers()
        const once = new Map() as MonthChanges
        const all = mergeWeek('sales', week, null, rowsOf(rows, numbers), numbers, once)
        const first = new Map() as MonthChanges
        const half = mergeWeek('sales', week, null, rowsOf(rows.slice(0, split), numbers), numbers, first)
        const second = new Map() as MonthChanges
        const rest = mergeWeek('sales', week, half, rowsOf(rows.slice(split), numbers), numbers, second)
        const twice = rest ?? half
        // The same line for each (day, SKU), whatever the order of lines within a day.
        const days = (w: typeof all) => Object.fromEntries(Object.entries(w?.days ?? {}).map(([d, t]) => [d, t.split('\n').sort()]))
        expect(days(twice)).toEqual(days(all))
        const whole = monthOf(once)
        const inParts = monthOf(second, monthOf(first))
        expect(inParts?.totals).toEqual(whole?.totals)
        expect(inParts?.daily).toEqual(whole?.daily)
        expect(new Map(inParts?.skus.map((s) => [s.skuCode, s]))).toEqual(new Map(whole?.skus.map((s) => [s.skuCode, s])))
        expect(mergeWeek('sales', week, all, rowsOf(rows, numbers), numbers, new Map())).toBeNull()
      }),
    )
  })
})
