import type { Browser, Page } from 'playwright-core'
import { formatFen } from '../../cloudfunctions/words/numbers'
import { suggestedOrderText } from '../../cloudfunctions/words/orderPlan'
import { monthDay } from '../../cloudfunctions/words/time'
import { chinaDate } from '../../cloudfunctions/core/time'
import type { OrderHistoryData, Reply, SuggestedOrderData } from '@contracts'
import { repos } from '../../cloudfunctions/core/repos'
import { launchChromium, PHONE } from './support/browser'
import { startClockedAppHost, type ClockedAppHost } from './support/clockedAppHost'

jest.setTimeout(120_000)

/**
 * Orders, the suggested order, helpers who can act and 消息 (issue 10, points 4–7). The county is
 * seeded as on 2 December 2026. 鑫源烟酒店 (demo-retailer-3) orders from Saturday 12:00 to Wednesday
 * 23:59, so its window of 28 November – 2 December is open at 00:30 and 23:30 on both the 1st and
 * the 2nd; the seed's simulated weekly orders (on Wednesdays) mark the earlier cycles.
 */
const OWNER = 'demo-retailer-3'
const SHOP = '350625100003'
const NEIGHBOUR = 'demo-neighbour-9'
const CLOCKS = ['2026-12-01T00:30:00+08:00', '2026-12-01T23:30:00+08:00', '2026-12-02T00:30:00+08:00', '2026-12-02T23:30:00+08:00']

describe('orders, the suggested order, helpers and 消息', () => {
  let host: ClockedAppHost
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    host = await startClockedAppHost(CLOCKS[0], { seedToday: '2026-12-02' })
    browser = await launchChromium()
    // A paired neighbour who may be reminded and order for 鑫源烟酒店, but not see its 经营.
    await repos(host.home.store).helpers.put({
      _id: `${SHOP}|${NEIGHBOUR}`,
      helperId: 'demo-helper-0009',
      licenseNo: SHOP,
      openId: NEIGHBOUR,
      kind: 'neighbour',
      scopes: ['remind', 'order'],
      name: '老李',
      addedAt: '2026-11-01T00:00:00+08:00',
      addedAtMs: Date.parse('2026-11-01T00:00:00+08:00'),
    })
  })
  afterAll(async () => {
    await browser?.close()
    await host?.close()
  })
  afterEach(async () => {
    await page?.context().close()
  })

  let visit = 0
  const open = async (at: string, route: string, as = OWNER) => {
    host.setNow(at)
    page = await (await browser.newContext(PHONE)).newPage()
    await page.clock.install({ time: new Date(at) })
    await page.goto(`${host.base}/?as=${as}&visit=${++visit}#${route}`)
    return page
  }
  const ask = async <T>(name: string, event: unknown, caller = OWNER): Promise<T> => {
    const reply = (await host.call(name, event, caller)) as Reply<T>
    if (!reply.ok) throw new Error(reply.error.message)
    return reply.data
  }
  const text = (selector: string) => page.locator(selector).first().innerText()

  describe.each(CLOCKS)('at %s, with the window open', (at) => {
    it('lists the last 8 cycles: 已订货 with the cartons and amount the seed bought, 未订货 otherwise', async () => {
      const history = await ask<OrderHistoryData>('orderHistory', {})
      expect(history.cycles.map((c) => c.cycleId)).toEqual(['2026-11-25', '2026-11-18', '2026-11-11', '2026-11-04', '2026-10-28', '2026-10-21', '2026-10-14', '2026-10-07'])
      // Every week the seed bought, the cycle reads 已订货 (source import) — never 未订货 beside a used quota.
      for (const cycle of history.cycles) expect(cycle.status === 'ordered').toBe(cycle.cartons !== null && cycle.cartons > 0)
      expect(history.cycles.some((c) => c.status === 'ordered')).toBe(true)

      await open(at, '/pages/index/index')
      await page.locator('.toggle-history').click()
      await page.locator('.history-row').first().waitFor()
      expect(await page.locator('.history-row').allInnerTexts()).toEqual(
        history.cycles.map((c) =>
          [`${monthDay(chinaDate(Date.parse(c.closedAt)))}截止`, c.status === 'ordered' ? '✓ 已订货' : '✗ 未订货', c.cartons ? `${c.cartons} 条 · ${formatFen(c.amountFen as number)}` : '']
            .filter((part) => part !== '')
            .join('\n'),
        ),
      )
    })

    it('marks 我已订货 and undoes it while the window is open', async () => {
      await open(at, '/pages/index/index')
      await page.locator('.order-status', { hasText: '本周订货：未订货' }).waitFor()
      await page.locator('.mark-ordered').click()
      await page.locator('.order-status', { hasText: '本周订货：✓ 已订货' }).waitFor()
      await page.locator('.undo-ordered').click()
      await page.locator('.order-status', { hasText: '本周订货：未订货' }).waitFor()
      expect(await text('.order-note')).toBe('已撤销，这期重新算作未订货')
      expect(await page.locator('.mark-ordered').count()).toBe(1)
    })

    it('reaches the suggested order from 首页, keeps an edit for the cycle, and 去订货 carries it to the stand-in platform', async () => {
      const plan = await ask<SuggestedOrderData>('suggestedOrder', {})
      expect([plan.cycleId, plan.windowOpen]).toEqual(['2026-12-02', true])
      const first = plan.lines.find((line) => line.cartons > 0)
      if (!first) throw new Error('the demo shop has nothing to order')

      await open(at, '/pages/index/index')
      await page.locator('.suggestion-entry-total').waitFor()
      await page.locator('.open-suggestion').click()
      await page.locator('.page.order .order-line').first().waitFor()
      const row = page.locator('.order-line', { hasText: first.name })
      const before = plan.draft?.lines.find((l) => l.skuCode === first.skuCode)?.cartons ?? first.cartons
      await row.locator('.less').click()
      expect(await row.locator('.order-line-cartons').innerText()).toBe(`${before - 1} 条`)
      await page.locator('.save-order').click()
      await page.locator('.order-saved', { hasText: '已保存，这期订货都按这个' }).waitFor()

      // Kept: the function and a fresh page both have it.
      const kept = await ask<SuggestedOrderData>('suggestedOrder', {})
      expect(kept.draft?.lines.find((l) => l.skuCode === first.skuCode)?.cartons ?? 0).toBe(before - 1)
      await open(at, '/pages/index/index')
      await page.locator('.suggestion-entry-title', { hasText: '这期的订单（已按您的修改保存）' }).waitFor()

      // 去订货 copies the edited order, says so, and opens the stand-in with it.
      const popup = page.waitForEvent('popup')
      await page.locator('.go-order').click()
      const platform = await popup
      await platform.locator('#carried').waitFor()
      expect(await platform.locator('#stand-in').innerText()).toContain('演示用的订货平台替身')
      expect(await platform.locator('#carried').innerText()).toBe(suggestedOrderText(kept))
      await page.locator('.order-note', { hasText: '订货建议已复制，在订货平台里粘贴即可' }).waitFor()
      // Put back for the next clock.
      await ask('saveOrderDraft', { cycleId: kept.cycleId, lines: kept.lines.map((l) => ({ skuCode: l.skuCode, cartons: l.cartons })) })
    })

    it("gives a helper the shop's countdown, status, 去订货, the suggested order, 代为标记已订货, 打电话给店主 and what the owner allowed", async () => {
      // The reminder names the shop: it opens that shop first.
      await open(at, `/pages/index/index?retailer=${SHOP}`, NEIGHBOUR)
      const card = page.locator('.helped-shop.is-named')
      await card.locator('.helped-name', { hasText: '鑫源烟酒店' }).waitFor()
      expect(await card.locator('.helped-role').innerText()).toBe('您是店主陈国强的结对子邻居')
      expect(await card.locator('.scope-chip').allInnerTexts()).toEqual(['✓ 收到订货提醒，查看订货状态', '✓ 查看建议订单，代为标记已订货', '查看经营数据（未开）'])
      expect((await card.locator('.helped-countdown').innerText()).replace(/\s/g, '')).toMatch(/^距本周订货截止还有(\d+天)?(\d+小时)?\d+分\d+秒$/)
      expect(await card.locator('.helped-when').innerText()).toMatch(/周三 23:59 截止$/)
      expect(await card.locator('.order-status').innerText()).toBe('本周订货：未订货')
      expect(await card.locator('.call-owner').innerText()).toBe('打电话给店主（13800000003）')
      await card.locator('.suggestion-entry-total').waitFor()
      expect(await card.locator('.helper-go-order').count()).toBe(1)

      await card.locator('.mark-for-family').click()
      await card.locator('.order-status', { hasText: '本周订货：✓ 家人已代订' }).waitFor()
      await card.locator('.undo-for-family').click()
      await card.locator('.order-status', { hasText: '本周订货：未订货' }).waitFor()

      // The suggested order opens for the shop they help.
      await card.locator('.open-suggestion').click()
      await page.locator('.page.order .order-cycle .title', { hasText: '鑫源烟酒店 下次订货建议' }).waitFor()
    })

    it('tells a helper without 查看经营数据 so on 经营, never 还没有绑定店铺', async () => {
      await open(at, '/pages/insights/index', NEIGHBOUR)
      await page.locator('.no-insights-scope').waitFor()
      expect(await text('.no-insights-scope .title')).toBe('鑫源烟酒店的店主没有给您看经营数据的权限')
      expect(await page.getByText('还没有绑定店铺').count()).toBe(0)
    })
  })

  it('says in words how many reminders a week are planned and how many consents are left', async () => {
    // 福满便利店 has the three default reminders on and 20 consents.
    await open(CLOCKS[2], '/pages/index/index', 'demo-retailer-1')
    await page.locator('.reminders-plan').waitFor()
    expect(await text('.reminders-plan')).toBe('每周提醒 3 次；还可提醒 20 次，约够 6 周')
  })

  it('shows each reminder in 消息 at its real time, a missed one too, naming the shop and the cycle', async () => {
    // 福满便利店's cycle closing Monday 30 November 16:00, unordered: the timer ran on Saturday before
    // the window opened, then not until Monday 12:30 — the opening reminder was missed, the noon one late.
    await host.forgetOrders('350625100001', '2026-11-30')
    expect(await host.tick('2026-11-28T11:55:00+08:00')).toMatchObject({ ok: true })
    expect(await host.tick('2026-11-30T12:30:00+08:00')).toMatchObject({ ok: true, data: { sent: 1, missed: 1 } })
    for (const at of [CLOCKS[0], CLOCKS[3]]) {
      await open(at, '/packages/me/inbox/index', 'demo-retailer-1')
      await page.locator('.inbox-entry').first().waitFor()
      const cards = (await page.locator('.inbox-entry').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim())
      expect(cards).toEqual([
        '截止日中午提醒 11月30日（周一）12:00（11月30日（周一）12:30 发出） 福满便利店 · 11月30日（周一）16:00 截止的那期订货 ✓ 已发送',
        '订货开始提醒 11月28日（周六）12:00 福满便利店 · 11月30日（周一）16:00 截止的那期订货 ✗ 未发送：已错过提醒时间',
      ])
      await page.context().close()
    }
    page = await (await browser.newContext(PHONE)).newPage()
  })
})
