import type { Browser, Page } from 'playwright-core'
import { formatFen, describeChange, formatCount } from '../../cloudfunctions/words/numbers'
import { monthDay, dayRange } from '../../cloudfunctions/words/time'
import type { Reply, SuggestedOrderData, SummaryData } from '@contracts'
import { bumpDataVersion } from '../../cloudfunctions/core/insights/freshness'
import { launchChromium, PHONE } from './support/browser'
import { startClockedAppHost, type ClockedAppHost } from './support/clockedAppHost'

jest.setTimeout(120_000)

/**
 * Numbers a retailer can trust (issue 10, points 1–3), on 福満便利店 (demo-retailer-1, a shop seeded
 * to run short of its best sellers), with the page clock at 00:30 and 23:30 China time on the 1st
 * and the 2nd of December 2026. The county is seeded as on the 1st (its POS data ends on 30
 * November) and as on the 2nd (it ends on 1 December): before the day's import, the period ends
 * at the data, never at a today with nothing in it.
 */
const RETAILER = 'demo-retailer-1'
const CASES = [
  { seed: '2026-12-01', at: '2026-12-01T00:30:00+08:00', through: '2026-11-30' },
  { seed: '2026-12-01', at: '2026-12-01T23:30:00+08:00', through: '2026-11-30' },
  { seed: '2026-12-02', at: '2026-12-02T00:30:00+08:00', through: '2026-12-01' },
  { seed: '2026-12-02', at: '2026-12-02T23:30:00+08:00', through: '2026-12-01' },
] as const

describe('经营 ends at the data, with one value per figure and warnings that warn', () => {
  const hosts = new Map<string, ClockedAppHost>()
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    for (const seed of new Set(CASES.map((c) => c.seed))) hosts.set(seed, await startClockedAppHost(`${seed}T00:30:00+08:00`, { seedToday: seed }))
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    for (const host of hosts.values()) await host.close()
  })
  afterEach(async () => {
    await page?.context().close()
  })

  let visit = 0
  /** A fresh phone at `at`, the host's clock with it, on `route` as `as`. */
  const open = async (host: ClockedAppHost, at: string, route: string, as = RETAILER) => {
    host.setNow(at)
    page = await (await browser.newContext(PHONE)).newPage()
    await page.clock.install({ time: new Date(at) })
    await page.goto(`${host.base}/?as=${as}&visit=${++visit}#${route}`)
    return page
  }
  const ask = async <T>(host: ClockedAppHost, name: string, event: unknown): Promise<T> => {
    const reply = (await host.call(name, event, RETAILER)) as Reply<T>
    if (!reply.ok) throw new Error(reply.error.message)
    return reply.data
  }
  const text = (selector: string) => page.locator(selector).first().innerText()
  const texts = (selector: string) => page.locator(selector).allInnerTexts()

  describe.each(CASES)('on $at (data to $through)', ({ seed, at, through }) => {
    const host = () => hosts.get(seed) as ClockedAppHost
    const today = at.slice(0, 10)

    it('本月 ends at the last day with data, says 数据截至, and keeps last month in full beside the days so far', async () => {
      const month = await ask<SummaryData>(host(), 'summary', { period: 'month', date: today })
      expect([month.dataThrough, month.asOf < today]).toEqual([through, true])
      await open(host(), at, '/pages/insights/index')
      await page.locator('.page.insights .data-through').waitFor()
      expect(await text('.data-through')).toBe(`数据截至 ${monthDay(through)}`)
      // Last month in full, always here in the month's first days.
      const whole = month.previousWhole
      expect([whole.from, whole.to]).toEqual(['2026-11-01', '2026-11-30'])
      expect(await text('.previous-whole-name')).toBe('上月全月（11月1日–30日）')
      expect(await text('.previous-whole-figures')).toBe(`销售额 ${formatFen(whole.salesFen)} · 销量 ${formatCount(whole.packs)} 包 · 毛利 ${formatFen(whole.grossProfitFen)}`)
      if (through < '2026-12-01') {
        // No December data yet: nothing pretends December sold ¥0.
        expect(month.days).toBe(0)
        expect(await text('.period-empty')).toBe('本月（12月1日起）还没有销售数据')
        expect(await page.locator('.figure-salesFen').count()).toBe(0)
      } else {
        // One day of December against one day of November, the 1st against the 1st.
        expect([month.days, month.previous.from, month.previous.to]).toEqual([1, '2026-11-01', '2026-11-01'])
        expect(await text('.period-range')).toBe('本月 12月1日（1 天）')
        expect(await text('.figure-salesFen .figure-value')).toBe(formatFen(month.current.salesFen))
        expect(await texts('.figure-salesFen .change')).toEqual([describeChange('上月', month.vsPrevious.salesFen), describeChange('去年同期', month.vsLastYear.salesFen)])
        expect(await text('.compare-note')).toBe('都按 1 天比：上月 11月1日，去年同期 12月1日')
      }
      // In the month's first days the benchmark compares the whole of November, and says so.
      expect(month.benchmark?.month).toBe('2026-11')
      expect(await text('.benchmark-span')).toMatch(/^按月比较，11月全月，\d+ 家同类店/)
    })

    it('本周 runs Monday 30 November to the data, and its chart has a column per day with data, each carrying its value', async () => {
      const week = await ask<SummaryData>(host(), 'summary', { period: 'week', date: today })
      const days = through === '2026-11-30' ? 1 : 2
      expect([week.from, week.asOf, week.days]).toEqual(['2026-11-30', through, days])
      // The same days of last week: Monday 23 November onwards.
      expect([week.previous.from, week.previous.to]).toEqual(['2026-11-23', days === 1 ? '2026-11-23' : '2026-11-24'])
      await open(host(), at, `/packages/insights/charts/index?period=week&date=${today}`)
      await page.locator('.column-chart').waitFor()
      // No column for today (no data yet): never a zero-sales day.
      expect(await page.locator('.column').count()).toBe(days)
      expect(await texts('.column-value')).toEqual(week.daily.map((d) => formatFen(d.salesFen as number)))
      expect(await page.locator('.column').first().getAttribute('aria-label')).toBe(`11月30日 周一 ${formatFen(week.daily[0].salesFen as number)}`)
      expect(await text('.daily-sales .line')).toBe(`${dayRange('2026-11-30', through)}，共 ${formatFen(week.current.salesFen)}（数据截至 ${monthDay(through)}）`)
    })

    it('lists every hot seller running out in 需要留意, the same under 本周 and 本月, in the words 订货建议 uses, and links there', async () => {
      const [month, week, plan] = await Promise.all([
        ask<SummaryData>(host(), 'summary', { period: 'month', date: today }),
        ask<SummaryData>(host(), 'summary', { period: 'week', date: today }),
        ask<SuggestedOrderData>(host(), 'suggestedOrder', {}),
      ])
      expect(month.stockWarnings.length).toBeGreaterThan(0)
      expect(week.stockWarnings).toEqual(month.stockWarnings)
      // Each warned SKU is in the suggested order at the same daily rate and days of stock.
      for (const warning of month.stockWarnings) {
        const line = plan.lines.find((l) => l.skuCode === warning.skuCode)
        expect(line).toBeDefined()
        expect([line?.dailyPacks, line?.stockPacks, line?.daysOfStock ?? 0]).toEqual([warning.dailyPacks, warning.packsOnHand, warning.daysOfStock])
      }

      await open(host(), at, '/pages/insights/index')
      await page.locator('.stock-warnings').waitFor()
      const monthLines = await texts('.stock-warnings .alert-line')
      expect(monthLines).toHaveLength(month.stockWarnings.length)
      await page.locator('.period-option', { hasText: '本周' }).click()
      await page.locator('.period-range, .period-empty').first().waitFor()
      await page.waitForFunction(() => document.querySelector('.period-option.is-selected')?.textContent === '本周')
      await page.locator('.stock-warnings').waitFor()
      expect(await texts('.stock-warnings .alert-line')).toEqual(monthLines)

      await page.locator('.alerts-open-order').click()
      await page.locator('.page.order .order-line').first().waitFor()
      const reasons = new Map(
        await page.locator('.order-line').evaluateAll((rows) =>
          rows.map((row) => [row.querySelector('.order-line-name')?.textContent ?? '', row.querySelector('.order-line-reason')?.textContent ?? ''] as [string, string]),
        ),
      )
      for (const [i, warning] of month.stockWarnings.entries()) {
        // "日均卖 2.6 包，库存 0 包，已断货" — the same words on both screens.
        expect(monthLines[i]).toContain(reasons.get(warning.name))
      }
    })

    it('names the two stock figures apart: 本月库存周转 from this month, the benchmark from November', async () => {
      await open(host(), at, '/pages/insights/index')
      await page.locator('.benchmark-span').waitFor()
      const month = await ask<SummaryData>(host(), 'summary', { period: 'month', date: today })
      if (month.turnoverDays !== null) expect(await text('.indicator-turnover')).toMatch(/^本月库存周转 [\d.]+ 天$/)
      expect(await text('.standing-turnover')).toMatch(/^您的库存周转 [\d.]+ 天|^11月还没有您的库存周转数据/)
    })
  })

  it('draws a day without imported data as 无数据, not as a day that sold nothing', async () => {
    const host = hosts.get('2026-12-02') as ClockedAppHost
    // 25 November's rows never arrived: its day in the month document has no rows.
    const store = host.home.store
    const monthDoc = await store.collection<{ _id: string; daily: { packs: (number | null)[]; salesFen: (number | null)[]; costFen: (number | null)[] } }>('salesMonths').get('350625100001|2026-11')
    if (!monthDoc) throw new Error('no November sales for 福满便利店')
    for (const field of ['packs', 'salesFen', 'costFen'] as const) monthDoc.daily[field][24] = null
    await store.collection('salesMonths').put(monthDoc)
    await bumpDataVersion(store)

    const week = await ask<SummaryData>(host, 'summary', { period: 'week', date: '2026-11-26' })
    expect(week.daily.find((d) => d.date === '2026-11-25')).toEqual({ date: '2026-11-25', salesFen: null, packs: null })
    await open(host, '2026-12-02T00:30:00+08:00', '/packages/insights/charts/index?period=week&date=2026-11-26')
    await page.locator('.column-chart').waitFor()
    expect(await page.locator('.column').count()).toBe(7)
    expect(await page.locator('.column.is-nodata .column-value').allInnerTexts()).toEqual(['无数据'])
    expect(await page.locator('.column.is-nodata').getAttribute('aria-label')).toBe('11月25日 周三 无数据')
    expect(await text('.chart-caption')).toContain('（1 天无数据，不计入）')
    await page.locator('.toggle-days').click()
    expect(await page.locator('.day-row', { hasText: '11月25日' }).innerText()).toContain('无数据')
  })
})
