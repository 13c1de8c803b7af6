import type { Browser, Page } from 'playwright-core'
import { INVITE_CODE_HINT } from '@contracts/vocabulary'
import { launchChromium, PHONE } from './support/browser'
import { startClockedAppHost, type ClockedAppHost } from './support/clockedAppHost'

jest.setTimeout(120_000)

/**
 * What a retailer notices (issue 10, point 8), at 00:30 on the 1st and 23:30 on the 2nd of
 * December 2026 (the county seeded as on the 2nd): a way back from every H5 sub-page, money
 * written one way, chips that keep their words whole on a 360 px screen, one wording for each
 * thing, chart bars carrying their values, and an invite-code error that says which characters
 * codes use.
 */
const CLOCKS = ['2026-12-01T00:30:00+08:00', '2026-12-02T23:30:00+08:00']
const SMALL_PHONE = { ...PHONE, viewport: { width: 360, height: 740 } }

/** formatFen's forms: ¥68.5, ¥5,778, ¥1.2万 (and a minus in front). */
const MONEY = /^-?¥(?:\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d)?万)$/

describe('polish', () => {
  let host: ClockedAppHost
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    host = await startClockedAppHost(CLOCKS[0], { seedToday: '2026-12-02' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.close()
  })
  afterEach(async () => {
    await page?.context().close()
  })

  let visit = 0
  const open = async (at: string, route: string, as = 'demo-retailer-1', device = PHONE) => {
    host.setNow(at)
    page = await (await browser.newContext(device)).newPage()
    await page.clock.install({ time: new Date(at) })
    await page.goto(`${host.base}/?as=${as}&visit=${++visit}#${route}`)
    return page
  }

  /** Every ¥ amount written on the page on screen, and any amount written in 元. */
  const moneyOn = (root: string) =>
    page.locator(root).evaluate((el) => {
      const text = (el as HTMLElement).innerText
      return { amounts: text.match(/-?¥[\d.,万]+/g) ?? [], yuan: text.match(/\d[\d.,]*\s*元(?!旦)/g) ?? [] }
    })

  /**
   * Where each chip's text wraps, as the characters on either side: a wrap is fine after a space
   * or a punctuation mark, never between two characters of one word.
   */
  const badWraps = (selector: string) =>
    page.locator(selector).evaluateAll((chips) =>
      chips.flatMap((chip) => {
        const walker = document.createTreeWalker(chip, NodeFilter.SHOW_TEXT)
        const chars: { c: string; top: number }[] = []
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? ''
          for (let i = 0; i < text.length; i++) {
            const range = document.createRange()
            range.setStart(node, i)
            range.setEnd(node, i + 1)
            const rect = range.getClientRects()[0]
            if (rect) chars.push({ c: text[i], top: rect.top })
          }
        }
        const wraps: string[] = []
        for (let i = 1; i < chars.length; i++) {
          const wrapped = chars[i].top > chars[i - 1].top + 4
          if (wrapped && !/[\s，、：；）)。·]/.test(chars[i - 1].c) && !/\s/.test(chars[i].c)) wraps.push(`${chip.textContent}: ${chars[i - 1].c}|${chars[i].c}`)
        }
        return wraps
      }),
    )

  describe.each(CLOCKS)('at %s', (at) => {
    it('gives every H5 sub-page a way back, and the tabs none', async () => {
      await open(at, '/pages/insights/index')
      await page.locator('.page.insights .open-charts, .page.insights .period-empty').first().waitFor()
      expect(await page.locator('.page.insights .back-link').count()).toBe(0)
      await page.locator('.period-option', { hasText: '本周' }).click()
      await page.locator('.page.insights .open-charts').click()
      await page.locator('.page.charts .back-link').click()
      await page.locator('.page.insights .period-option').first().waitFor()
      await page.waitForFunction(() => !document.querySelector('.page.charts'))

      // Opened straight from a link or a reminder, 返回 goes to 首页.
      await open(at, '/packages/insights/order/index')
      await page.locator('.page.order .order-cycle').waitFor()
      await page.locator('.page.order .back-link').click()
      await page.locator('.page.home .countdown').waitFor()

      await open(at, '/packages/me/inbox/index')
      await page.locator('.page.inbox .back-link').click()
      await page.locator('.page.home').waitFor()
    })

    it('writes money one way on 经营, the charts, 订货建议 and the order history', async () => {
      await open(at, '/pages/insights/index')
      await page.locator('.page.insights .benchmark-span').waitFor()
      const pages = [await moneyOn('.page.insights')]
      await page.locator('.page.insights .open-charts, .page.insights .previous-whole').first().waitFor()
      await open(at, '/packages/insights/charts/index?period=month&date=2026-11-15')
      await page.locator('.page.charts .column-chart').waitFor()
      pages.push(await moneyOn('.page.charts'))
      await open(at, '/packages/insights/order/index')
      await page.locator('.page.order .order-total-fen').waitFor()
      pages.push(await moneyOn('.page.order'))
      await open(at, '/pages/index/index')
      await page.locator('.toggle-history').click()
      await page.locator('.history-amount').first().waitFor()
      pages.push(await moneyOn('.page.home'))

      const amounts = pages.flatMap((p) => p.amounts)
      expect(amounts.length).toBeGreaterThan(40)
      expect(amounts.filter((a) => !MONEY.test(a))).toEqual([])
      expect(pages.flatMap((p) => p.yuan)).toEqual([])
    })

    it('keeps chips whole at 360 px, in 长辈模式 too', async () => {
      for (const care of ['0', '1']) {
        await open(at, `/pages/insights/index`, 'demo-retailer-1', SMALL_PHONE)
        await page.goto(`${host.base}/?care=${care}&visit=${++visit}#/pages/insights/index`)
        await page.locator('.page.insights .indicator, .page.insights .period-empty').first().waitFor()
        await page.locator('.page.insights .fact').first().waitFor()
        expect(await badWraps('.page.insights :is(.change, .indicator, .fact, .alert-tag, .period-option, .compare-note, .data-through, .previous-whole-figures)')).toEqual([])
        await page.context().close()
      }
      // What the owner allowed, on a helper's card.
      await open(at, '/pages/index/index', 'demo-family-1', SMALL_PHONE)
      await page.locator('.scope-chip').first().waitFor()
      expect(await page.locator('.scope-chip').count()).toBe(3)
      expect(await badWraps('.scope-chip, .helped-shop .order-status')).toEqual([])
    })

    it('uses one wording: 结对子邻居 and 未开, never 结对邻居, 未开启 or 不开', async () => {
      await open(at, '/packages/me/helpers/index')
      await page.locator('.invite-card').waitFor()
      await page.locator('.invite-card .kind-toggle', { hasText: '结对子邻居' }).click()
      await page.locator('.invite-card .scope-toggle', { hasText: '未开' }).first().waitFor()
      const helpersText = await page.locator('.page.helpers').innerText()
      await open(at, '/packages/me/reminders/index')
      await page.locator('.page.reminders .switch-state').first().waitFor()
      const remindersText = await page.locator('.page.reminders').innerText()
      expect(await page.locator('.page.reminders .switch-state').allInnerTexts()).toEqual(['已开', '已开', '已开'])
      for (const text of [helpersText, remindersText]) expect(text).not.toMatch(/结对邻居|未开启|已开启|不开/)
    })

    it('writes every chart bar its value', async () => {
      await open(at, '/packages/insights/charts/index?period=month&date=2026-11-15')
      await page.locator('.column-chart').waitFor()
      const values = await page.locator('.column-value').allInnerTexts()
      expect(values).toHaveLength(30)
      expect(values.filter((v) => !MONEY.test(v) && v !== '无数据')).toEqual([])
      // The value sits on its column, inside the plot.
      const plot = (await page.locator('.column-plot').boundingBox())!
      const first = (await page.locator('.column-value').first().boundingBox())!
      expect(first.y).toBeGreaterThanOrEqual(plot.y - 1)
      expect(await page.locator('.bar-value').count()).toBeGreaterThan(0)
    })

    it('says which characters invite codes use when one is mistyped', async () => {
      await open(at, '/pages/invite/index', 'dev-new-helper')
      await page.locator('input.invite-code-input').fill('AB10OI')
      await page.locator('.open-invite').click()
      await page.locator('.error-text', { hasText: INVITE_CODE_HINT }).waitFor()
      expect(INVITE_CODE_HINT).toContain('没有 0、O、1、I')
    })
  })
})
