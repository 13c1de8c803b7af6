import { formatFen, describeChange, formatCount } from '../../cloudfunctions/words/numbers'
import { chinaDate } from '@core/time'
import type { Reply, SuggestedOrderData, SummaryData } from '@contracts'
import type { Page } from 'playwright-core'
import { phoneSession } from './support/phoneSession'
import { suggestedLineReason, suggestedOrderText } from '../../cloudfunctions/words/orderPlan'

jest.setTimeout(90_000)

/**
 * 经营 in the real H5 build: the figures the `summary` function reports, both charts drawn, and
 * the suggested order with its copy button. demo-retailer-1 is 福满便利店, seeded with twelve
 * months of POS sales up to today; the page and this test both ask about today's week and month.
 */
const RETAILER = 'demo-retailer-1'

const tab = (page: Page, name: string) => page.locator('.weui-tabbar__item', { hasText: name }).click()

describe('经营 (operating summary)', () => {
  const session = phoneSession()

  const ask = async <T>(name: string, event: unknown, caller: string): Promise<Reply<T>> => (await session.host.call(name, event, caller)) as Reply<T>
  const summary = async (period: 'week' | 'month'): Promise<SummaryData> => {
    const reply = await ask<SummaryData>('summary', { period, date: chinaDate(Date.now()) }, RETAILER)
    if (!reply.ok) throw new Error(`summary failed: ${reply.error.message}`)
    return reply.data
  }

  const openInsights = async () => {
    await session.page.goto(`${session.host.base}/?as=${RETAILER}`)
    await session.page.locator('.shop-name', { hasText: '福满便利店' }).waitFor()
    await tab(session.page, '经营')
    await session.page.locator('.page.insights .figure-salesFen').waitFor()
  }
  const text = (selector: string) => session.page.locator(selector).innerText()

  it("shows this month's sales, packs and gross profit as the summary function reports them, each with its change in words", async () => {
    const month = await summary('month')
    expect(month.hasPosData).toBe(true)
    expect(month.current.salesFen).toBeGreaterThan(0)
    await openInsights()

    expect(await text('.figure-salesFen .figure-value')).toBe(formatFen(month.current.salesFen))
    expect(await text('.figure-packs .figure-value')).toBe(`${formatCount(month.current.packs)} 包`)
    expect(await text('.figure-grossProfitFen .figure-value')).toBe(formatFen(month.current.grossProfitFen))
    expect(await session.page.locator('.figure-salesFen .change').allInnerTexts()).toEqual([
      describeChange('上月', month.vsPrevious.salesFen),
      describeChange('去年同期', month.vsLastYear.salesFen),
    ])
    // Grade, quota and the benchmark in words (福满便利店: grade 18, integrity 92, 80 cartons a month).
    expect(await text('.shop-facts-card .grade')).toBe('档位 18')
    expect(await text('.shop-facts-card .integrity')).toBe('诚信分值 92')
    expect(await text('.quota-text')).toBe(`${Number(month.quota.month.slice(5))}月限量：已用 ${month.quota.usedCartons} / 80 条`)
    expect(await text('.standing-sales')).toMatch(new RegExp(`^您的销售额 ${escape(formatFen(month.benchmark!.salesFen.value!))}，高于 \\d+% 的同类店；同类店中位数 ¥`))
    expect(await text('.standing-turnover')).toMatch(/^您的库存周转 [\d.]+ 天，快于 \d+% 的同类店；同类店中位数 [\d.]+ 天，标杆店 [\d.]+ 天$/)
    // The demo shop is seeded to run short of its hot sellers: the first warning names the first one.
    expect(month.stockWarnings.length).toBeGreaterThan(0)
    expect(await session.page.locator('.stock-warnings .alert-name').first().innerText()).toBe(month.stockWarnings[0].name)
  })

  it('switches to this week and shows the week summary', async () => {
    const week = await summary('week')
    await openInsights()
    await session.page.locator('.period-option', { hasText: '本周' }).click()
    await session.page.locator('.period-range', { hasText: '本周' }).waitFor()
    expect(await text('.figure-salesFen .figure-value')).toBe(formatFen(week.current.salesFen))
    expect(await session.page.locator('.figure-salesFen .change').first().innerText()).toBe(describeChange('上周', week.vsPrevious.salesFen))
  })

  it('draws the daily sales chart and the top-sellers chart, with their labels', async () => {
    const month = await summary('month')
    await openInsights()
    await session.page.locator('.open-charts').click()
    await session.page.locator('.column-chart').waitFor()

    // One column per day so far, the best day drawn at full height and every column named for screen readers.
    expect(await session.page.locator('.column').count()).toBe(month.daily.length)
    const best = month.daily.reduce((top, day) => ((day.salesFen ?? 0) > (top.salesFen ?? 0) ? day : top))
    const tallest = session.page.locator('.column-bar.is-max').first()
    expect((await tallest.boundingBox())!.height).toBeGreaterThan(100) // 92 % of the 160 px plot
    expect(await session.page.locator('.column').nth(month.daily.indexOf(best)).getAttribute('aria-label')).toContain(formatFen(best.salesFen ?? 0))
    expect(await session.page.locator('.column-label').first().innerText()).toBe('1日')
    expect(await text('.chart-caption')).toContain(`最高`)

    // Ten best sellers by packs, each with its name, packs and money written beside the bar.
    expect(await session.page.locator('.bar-row').count()).toBe(month.topSkus.length)
    const first = month.topSkus[0]
    expect(await session.page.locator('.bar-label').first().innerText()).toBe(`1. ${first.name}`)
    expect(await session.page.locator('.bar-value').first().innerText()).toBe(`${first.packs} 包 · ${formatFen(first.salesFen)}`)
    expect((await session.page.locator('.bar-fill').first().boundingBox())!.width).toBeGreaterThan(200) // the longest bar fills its track
  })

  it('shows the suggested order line by line with a total, and copies it as text', async () => {
    const reply = await ask<SuggestedOrderData>('suggestedOrder', {}, RETAILER)
    if (!reply.ok) throw new Error(reply.error.message)
    const order = reply.data
    expect(order.lines.length).toBeGreaterThan(0)

    await openInsights()
    await session.page.locator('.open-order').click()
    await session.page.locator('.order-line').first().waitFor()
    expect(await session.page.locator('.order-line').count()).toBe(order.lines.length)
    expect(await session.page.locator('.order-line-name').first().innerText()).toBe(order.lines[0].name)
    expect(await session.page.locator('.order-line-cartons').first().innerText()).toBe(`${order.lines[0].cartons} 条`)
    expect(await session.page.locator('.order-line-reason').first().innerText()).toBe(suggestedLineReason(order.lines[0], order.historyWeeks))
    expect(await text('.order-total-cartons')).toContain(`合计 ${order.totalCartons} 条`)
    expect(await text('.quota-note')).toContain(`还可订 ${order.quota.remainingCartons} 条`)

    await session.page.locator('.copy-order').click()
    await session.page.getByText('内容已复制').waitFor()
    // Taro's H5 clipboard keeps what it copied in storage as well: it is the suggestion in words, unchanged.
    const copied = await session.page.evaluate(() => JSON.parse(localStorage.getItem('taro_clipboard') ?? '{}').data)
    expect(copied).toBe(suggestedOrderText(order))
  })

  it('shows a family helper with no shop of their own the 经营 of the shop they help', async () => {
    // demo-family-1 helps 福满便利店 with every scope, insights included.
    const month = await summary('month')
    await session.page.goto(`${session.host.base}/?as=demo-family-1#/pages/insights/index`)
    await session.page.locator('.helped-shop-note .title', { hasText: '福满便利店' }).waitFor()
    await session.page.locator('.page.insights .figure-salesFen').waitFor()
    expect(await text('.figure-salesFen .figure-value')).toBe(formatFen(month.current.salesFen))
  })

  it('tells a shop with no POS sales in the period how to get them', async () => {
    // January 2020 is before the demo's twelve months of POS data.
    const before = await ask<SummaryData>('summary', { period: 'month', date: '2020-01-15' }, RETAILER)
    expect(before.ok && before.data.hasPosData).toBe(false)
    await session.page.clock.install({ time: new Date('2020-01-15T10:00:00+08:00') })
    await session.page.goto(`${session.host.base}/?as=${RETAILER}#/pages/insights/index`)
    await session.page.locator('.no-pos').waitFor()
    expect(await text('.no-pos')).toContain('开通云POS扫码销售后，这里会显示')
    expect(await session.page.locator('.figure-salesFen').count()).toBe(0)
  })

  it("says plainly why a helper cannot see a shop's suggested order they were not given", async () => {
    const refused = await ask('suggestedOrder', { retailer: '350625100002' }, 'demo-family-1')
    expect(refused.ok).toBe(false)
    await session.page.goto(`${session.host.base}/?as=demo-family-1#/packages/insights/order/index?retailer=350625100002`)
    await session.page.locator('.refused').waitFor()
    expect(await text('.refused-message')).toBe(refused.ok ? '' : refused.error.message)
    expect(await session.page.locator('.refused .btn', { hasText: '重试' }).count()).toBe(0)
  })
})

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
