import type { Browser, Page } from 'playwright-core'
import { launchChromium, PHONE } from './support/browser'
import { startClockedAppHost, type ClockedAppHost } from './support/clockedAppHost'

jest.setTimeout(60_000)

/**
 * 长辈模式 on the rendered home page, measured in the real H5 build. The 适老化 rules are in pt;
 * the browser measures CSS px, and CSS fixes 1pt = 4/3 px (96 px and 72 pt to the inch), so:
 * body text 18pt = 24px, the countdown and key numbers 30pt = 40px. Touch targets 60 × 60 are
 * taken as CSS px. Monday 30 November 2026, 13:00 China time: demo-retailer-1's window
 * (Saturday 12:00 to Monday 16:00) is open, so 我已订货 is on the page.
 */
const NOW = '2026-11-30T13:00:00+08:00'
const BODY_PX = 24
const KEY_NUMBER_PX = 40
const TARGET_PX = 60

interface TextBox {
  text: string
  fontSize: number
  lineHeight: number
}

/** Every visible element of the page that holds text of its own, with its computed size and line height. */
const visibleTexts = (page: Page): Promise<TextBox[]> =>
  page.evaluate(() => {
    const root = document.querySelector('.page.care')
    if (!root) throw new Error('no care-mode page root')
    const boxes: { text: string; fontSize: number; lineHeight: number }[] = []
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim()
      const rect = el.getBoundingClientRect()
      if (own === '' || rect.width === 0 || rect.height === 0) continue
      const style = getComputedStyle(el)
      const fontSize = parseFloat(style.fontSize)
      // "normal" has no number: it counts as failing the rule, since the browser picks it per font.
      const lineHeight = style.lineHeight === 'normal' ? 0 : parseFloat(style.lineHeight) / fontSize
      boxes.push({ text: own, fontSize, lineHeight })
    }
    return boxes
  })

const buttonBoxes = (page: Page) =>
  page.$$eval('.page.care .taro-button-core', (buttons) =>
    buttons
      .map((b) => ({ text: (b.textContent ?? '').trim(), rect: b.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0)
      .map(({ text, rect }) => ({ text, width: Math.round(rect.width), height: Math.round(rect.height) })),
  )

describe('长辈模式 on the home page', () => {
  let host: ClockedAppHost
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    host = await startClockedAppHost(NOW)
    await host.forgetOrders('350625100001', NOW.slice(0, 10))
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.close()
  })
  beforeEach(async () => {
    page = await (await browser.newContext(PHONE)).newPage()
    await page.clock.install({ time: new Date(NOW) })
  })
  afterEach(async () => {
    await page.context().close()
  })

  it('shrinks to the countdown, 去订货, 我已订货 and 拨打客户经理, at 18pt text, 30pt countdown, 60×60 targets and 4.5:1 contrast', async () => {
    await page.goto(`${host.base}/?as=demo-retailer-1&care=1`)
    await page.locator('.page.care .countdown-time').waitFor()
    await page.locator('.mark-ordered').waitFor()

    // Only the four things remain: the countdown, and three buttons.
    expect((await buttonBoxes(page)).map((b) => b.text)).toEqual(['去订货', '我已订货', '拨打客户经理'])
    expect(await page.locator('.shop-card').isVisible()).toBe(false)
    expect(await page.locator('.reminders-card').isVisible()).toBe(false)
    // Three hours to the 16:00 close, less the seconds the page took to load.
    expect((await page.locator('.countdown').innerText()).replace(/\s/g, '')).toMatch(/^距本周订货截止还有(3小时0分0秒|2小时59分\d+秒)$/)

    const texts = await visibleTexts(page)
    expect(texts.length).toBeGreaterThan(5)
    for (const box of texts) {
      expect({ text: box.text, big: box.fontSize >= BODY_PX, spaced: box.lineHeight >= 1.3 }).toEqual({ text: box.text, big: true, spaced: true })
    }
    const countdownPx = await page.locator('.countdown-time').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(countdownPx).toBeGreaterThanOrEqual(KEY_NUMBER_PX)

    for (const button of await buttonBoxes(page)) {
      expect({ ...button, wide: button.width >= TARGET_PX, tall: button.height >= TARGET_PX }).toMatchObject({ wide: true, tall: true })
    }
    // The tab bar (drawn by the page in H5) follows the same switch.
    const tabs = await page.$$eval('.weui-tabbar__item', (items) => items.map((i) => Math.round(i.getBoundingClientRect().height)))
    expect(Math.min(...tabs)).toBeGreaterThanOrEqual(TARGET_PX)

    // Colour contrast, judged by axe-core on the rendered page (4.5:1 for body text).
    await page.addScriptTag({ path: require.resolve('axe-core') })
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[]; passes: { nodes: unknown[] }[] }> } }).axe
      const run = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } })
      return { violations: run.violations, checked: run.passes.reduce((n, p) => n + p.nodes.length, 0) }
    })
    expect(result.violations).toEqual([])
    expect(result.checked).toBeGreaterThan(5)
  })

  it('says the status in words: after 我已订货 the page reads 已订货, not just a colour', async () => {
    await page.goto(`${host.base}/?as=demo-retailer-1&care=1`)
    await page.locator('.mark-ordered').click()
    await page.locator('.order-status', { hasText: '本周订货：✓ 已订货' }).waitFor()
    expect(await page.locator('.mark-ordered').count()).toBe(0)
  })

  it('suggests 长辈模式 quietly in 我的 when the text is set large, and follows that size once it is on', async () => {
    // The browser's own default text size raised to 20px: the H5 stand-in for WeChat's large font.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        document.documentElement.style.fontSize = '20px'
      })
    })
    await page.goto(`${host.base}/?as=demo-retailer-2&care=0#/pages/me/index`)
    await page.locator('.care-suggestion', { hasText: '打开长辈模式' }).waitFor()
    await page.locator('.care-switch input').click()
    await page.locator('.page.me.care').waitFor()
    expect(await page.locator('.care-suggestion').count()).toBe(0)

    // VersionedCache on this phone: the home page opens in care mode, its text at 1.5rem = 30px of the 20px root.
    await page.goto(`${host.base}/#/pages/index/index`)
    await page.locator('.page.home.care .countdown-time').waitFor()
    const sizes = await page.evaluate(() => ({
      body: parseFloat(getComputedStyle(document.querySelector('.deadline') as Element).fontSize),
      countdown: parseFloat(getComputedStyle(document.querySelector('.countdown-time') as Element).fontSize),
    }))
    expect(sizes).toEqual({ body: 30, countdown: 50 })
  })
})
