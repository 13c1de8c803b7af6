import { datesFrom, dayNumber } from '../../cloudfunctions/core/time'
import { openLocalHome, type LocalHome } from '../../cloudfunctions/host/local'
import { seedDemoCounty } from '../../cloudfunctions/seed'
import { seedShopData } from '../../cloudfunctions/seed/sales'
import { makeCatalogue } from '../../cloudfunctions/seed/catalogue'
import { makeRetailers, licenseOf } from '../../cloudfunctions/seed/county'
import { seeded } from '../../cloudfunctions/seed/random'
import { invokeCallable } from '../../cloudfunctions/functions/define'
import summary from '../../cloudfunctions/functions/summary'
import suggestedOrder from '../../cloudfunctions/functions/suggestedOrder'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { repos } from '../../cloudfunctions/core/repos'
import { figuresOver } from '../../cloudfunctions/core/insights/metrics'
import type { SummaryData } from '../../cloudfunctions/contracts'
import type { SalesMonth } from '../../cloudfunctions/core/model'
import { everything, openStore, removeDir, tempDir } from '../imports/helpers'

/** The demo county's shop data, seeded as `npm start` seeds it, on a fixed day. */
const TODAY = '2026-11-23'
const NOW = '2026-11-23T10:00:00+08:00'

describe('the demo county trades like a county', () => {
  let dir: string
  let home: LocalHome
  const months = async (licenseNo: string) => new Map((await repos(home.store).salesMonths.find({ licenseNo })).map((m: SalesMonth) => [m.month, m]))
  const ask = async (openId: string, event: { period: 'week' | 'month'; date: string }): Promise<SummaryData> => {
    const reply = await invokeCallable(summary, event, { caller: openId, deps: home.deps(fixedClock(NOW)) })
    if (!reply.ok) throw new Error(reply.error.message)
    return reply.data
  }

  beforeAll(async () => {
    dir = tempDir()
    home = await openLocalHome(dir)
    expect(await seedDemoCounty(home.store, undefined, { today: TODAY })).toBe(true)
  }, 60_000)
  afterAll(() => removeDir(dir))

  it('gives the demo shops twelve months of sales up to yesterday, a year ago included', async () => {
    const shop = await months(licenseOf(3))
    expect([...shop.keys()].sort()).toEqual(datesFrom('2025-11-01', '2026-11-01').filter((d) => d.endsWith('-01')).map((d) => d.slice(0, 7)))
    const november = await ask('demo-retailer-3', { period: 'month', date: TODAY })
    expect(november.current.packs).toBeGreaterThan(0)
    expect(november.lastYear.packs).toBeGreaterThan(0)
    // Today has no data yet: the month runs to yesterday, and today is no day of zero sales.
    expect([november.dataThrough, november.asOf, november.days]).toEqual(['2026-11-22', '2026-11-22', 22])
    expect(november.daily.map((d) => d.date)).toEqual(datesFrom('2026-11-01', '2026-11-22'))
    expect(november.daily.every((d) => d.salesFen !== null && d.salesFen > 0)).toBe(true)
  })

  it("marks the cycles of the simulated weekly orders, so the last cycle reads as the purchases say", async () => {
    // demo-retailer-1 orders Saturday 12:00 → Monday 16:00; the seed buys on Mondays.
    const orders = await repos(home.store).orders.find({ licenseNo: licenseOf(1) })
    expect(orders.length).toBeGreaterThan(40)
    expect(orders.every((o) => o.source === 'import')).toBe(true)
    const purchases = await repos(home.store).purchaseMonths.get(`${licenseOf(1)}|2026-11`)
    const mondays = ['2026-11-02', '2026-11-09', '2026-11-16'].filter((d) => (purchases?.daily.cartons[Number(d.slice(8)) - 1] ?? 0) > 0)
    expect(mondays.length).toBeGreaterThan(0)
    for (const monday of mondays) expect(orders.map((o) => o.cycleId)).toContain(monday)
  })

  it('sells more on Saturdays than on Tuesdays, and most before the Spring Festival', async () => {
    const shop = await months(licenseOf(3))
    const byWeekday = new Array<number>(7).fill(0)
    for (const date of datesFrom('2025-12-01', '2026-10-31')) byWeekday[(dayNumber(date) + 3) % 7] += figuresOver(shop, date, date).packs
    expect(byWeekday[5]).toBeGreaterThan(byWeekday[1] * 1.15)
    // The three weeks before 2026-02-17 against three ordinary weeks in April.
    const festival = figuresOver(shop, '2026-01-27', '2026-02-16').packs
    const april = figuresOver(shop, '2026-04-06', '2026-04-26').packs
    expect(festival).toBeGreaterThan(april * 1.25)
  })

  it('sells dearer cigarettes in a tobacco-and-liquor shop than in a village grocery', async () => {
    const price = async (licenseNo: string) => {
      const shop = await months(licenseNo)
      const f = figuresOver(shop, '2026-01-01', '2026-10-31')
      return f.salesFen / f.packs
    }
    expect(await price(licenseOf(3))).toBeGreaterThan((await price(licenseOf(2))) * 1.3)
  })

  it('has slow movers, a shop that scans little, and shops that run out of their best sellers', async () => {
    const october = { period: 'month' as const, date: '2026-10-15' }
    const fuman = await ask('demo-retailer-1', { period: 'month', date: TODAY })
    expect(fuman.slowMovers.length).toBeGreaterThan(0)
    expect((await ask('demo-retailer-5', october)).scanRate).toBeLessThan(0.7)
    expect((await ask('demo-retailer-3', october)).scanRate).toBeGreaterThan(0.85)
    // The elderly village grocery's stock counts show its best sellers at zero on some evenings.
    const counts = await repos(home.store).inventoryWeeks.find({ licenseNo: licenseOf(2) })
    const emptyShelves = counts.flatMap((w) => Object.values(w.days)).filter((text) => /,0$/m.test(text)).length
    expect(emptyShelves).toBeGreaterThan(20)
  })

  it('benchmarks every demo shop against its peers and suggests an order', async () => {
    for (const n of [1, 2, 3, 4, 5]) {
      const s = await ask(`demo-retailer-${n}`, { period: 'month', date: TODAY })
      expect(s.benchmark?.peers).toBeGreaterThan(1)
      expect(s.benchmark?.salesFen.percentile).not.toBeNull()
    }
    const plan = await invokeCallable(suggestedOrder, {}, { caller: 'demo-retailer-2', deps: home.deps(fixedClock(NOW)) })
    expect(plan).toMatchObject({ ok: true, data: { licenseNo: licenseOf(2), stockDate: '2026-11-22' } })
    expect(plan.ok && plan.data.lines.length).toBeGreaterThan(0)
  })

  it('is the same data on every machine', async () => {
    const small = async () => {
      const store = await openStore()
      const rng = seeded(20261123)
      const skus = makeCatalogue(rng)
      const retailers = makeRetailers(rng, 12)
      await seedShopData(store, retailers, skus, { today: TODAY, rawFor: new Set([licenseOf(1)]), lowScan: new Set(), stockOuts: new Set() })
      return store
    }
    const [a, b] = [await small(), await small()]
    expect(await everything(a)).toEqual(await everything(b))
    removeDir(a.dir)
    removeDir(b.dir)
  })
})
