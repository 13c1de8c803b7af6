import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { NOW, seedHandShop } from '../insights/handShopData'
import { launchChromium, PHONE } from './support/browser'
import { startClockedAppHost, type ClockedAppHost } from './support/clockedAppHost'

jest.setTimeout(90_000)

/**
 * Every figure the 经营 tab and 订货建议 show for the hand-worked shop (test/insights/handShop.test.ts
 * works each one out), read off the rendered H5 app: each written value is found on the page
 * exactly once, as the whole text of one element — one figure, one value, nowhere contradicted.
 * Wednesday 2026-03-18 10:00; the data runs to Tuesday 03-17.
 */
describe('the hand-worked shop, figure by figure, on screen', () => {
  let host: ClockedAppHost
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopmate-hand-'))
    const store = await new SqliteStore(dir).open()
    await seedHandShop(store)
    store.close()
    host = await startClockedAppHost(NOW, { dataDir: dir })
    browser = await launchChromium()
    page = await (await browser.newContext(PHONE)).newPage()
    await page.clock.install({ time: new Date(NOW) })
  })
  afterAll(async () => {
    await browser?.close()
    await host?.close()
  })

  /** Each value is the whole text of exactly one element (the innermost) of the page `root`. */
  const expectEachOnce = async (root: string, values: string[]) => {
    const found = await page.evaluate(([selector, wanted]) => {
      // The page on screen (H5 keeps the pages below it in the stack, behind it).
      const all = Array.from(document.querySelectorAll(`${selector} *`))
      const textOf = (el: Element) => ((el as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim()
      // The innermost element holding the value: not a wrapper whose child holds the same text.
      const holds = (el: Element, value: string) => textOf(el) === value && !Array.from(el.children).some((child) => textOf(child) === value)
      return wanted.map((value) => [value, all.filter((el) => holds(el, value)).length] as const)
    }, [root, values] as const)
    expect(found).toEqual(values.map((value) => [value, 1]))
  }

  it('本月: the month to 17 March, its changes, warnings, benchmark and indicators', async () => {
    await page.goto(`${host.base}/?as=owner-r#/pages/insights/index`)
    await page.locator('.figure-salesFen').waitFor()
    await page.locator('.benchmark-span').waitFor()
    await expectEachOnce('.page.insights', [
      '数据截至 3月17日',
      '本月 3月1日–17日（17 天）',
      // 20000 fen, 17 packs, 2000 fen gross profit; against 1–17 February (500, 1, 50) and 1–17 March 2025 (1000, 1, 100).
      '¥200',
      '17 包',
      '¥20',
      '都按 17 天比：上月 2月1日–17日，去年同期 3月1日–17日',
      // A: 3/7 a day, 2 packs: 14/3 ≈ 4.7 days; delivered Tue 24 March, 6 days away.
      '库存预警（1）',
      '青峰（软）',
      '日均卖 0.4 包，库存 2 包，够卖 4.7 天；3月24日到货，还有 6 天',
      '滞销（1）',
      '金桥（细支）',
      '库存 5 包，2月10日以来没卖出',
      '库存按 3月17日的盘点计算，日均销量按近 8 周',
      '按月比较，3月（3月1日–17日），4 家同类店（同业态、同为城镇或乡村、档位相差不超过 2 档）',
      // Sales 20000 beats 62.5 % of 4 peers; median 15500, best 27000.
      '您的销售额 ¥200，高于 63% 的同类店；同类店中位数 ¥155，标杆店 ¥270',
      // Margin 0.1, 37.5 %; median 0.1; best 0.1 + 0.7 × (2/11 − 0.1) ≈ 15.7 %.
      '您的毛利率 10%，高于 38% 的同类店；同类店中位数 10%，标杆店 15.7%',
      // Turnover 17 days; peers 10, 17, 80: 50 %, median 17, best 11.4.
      '您的库存周转 17 天，快于 50% 的同类店；同类店中位数 17 天，标杆店 11.4 天',
      '档位 10',
      '诚信分值 90',
      '3月限量：已用 4 / 40 条',
      // 17 packs ÷ (17 / 17 a day); 2 of 3 SKUs sold; 17 ÷ 40 packs bought.
      '本月库存周转 17 天',
      '本月动销率 67%',
      '本月扫码率 43%',
    ])
    // Against last year: (20000 − 1000) ÷ 1000 = +1900 % for sales and profit, (17 − 1) ÷ 1 = +1600 % for packs.
    expect(await page.locator('.figure-changes').allInnerTexts()).toEqual([
      '比上月 +3900%\n比去年同期 +1900%',
      '比上月 +1600%\n比去年同期 +1600%',
      '比上月 +3900%\n比去年同期 +1900%',
    ])
  })

  it('本周: Monday and Tuesday against the same two days, with the whole of last week beside them', async () => {
    await page.locator('.period-option', { hasText: '本周' }).click()
    await page.locator('.period-range', { hasText: '本周' }).waitFor()
    await expectEachOnce('.page.insights', [
      '数据截至 3月17日',
      '本周 3月16日–17日（2 天）',
      // 8000 fen, 7 packs, 800 profit against 7000, 5, 700 (Mon–Tue 9–10 March) and 1000, 1, 100 a year ago.
      '¥80',
      '7 包',
      '¥8',
      '比上周 +40%',
      '比去年同期 +600%',
      '都按 2 天比：上周 3月9日–10日，去年同期 3月17日–18日',
      '上周全周（3月9日–15日）',
      '销售额 ¥70 · 销量 5 包 · 毛利 ¥7',
      // The same warning as under 本月: it is about today.
      '日均卖 0.4 包，库存 2 包，够卖 4.7 天；3月24日到货，还有 6 天',
      // 17 packs ÷ (7 / 2 a day) = 4.857; 2 of 3 SKUs; 7 ÷ 30 packs bought.
      '本周库存周转 4.9 天',
      '本周动销率 67%',
      '本周扫码率 23%',
    ])
    expect(await page.locator('.figure-changes').allInnerTexts()).toEqual([
      '比上周 +14%\n比去年同期 +700%',
      '比上周 +40%\n比去年同期 +600%',
      '比上周 +14%\n比去年同期 +700%',
    ])
  })

  it('订货建议: one carton of A, for the same rate and days of stock as the warning', async () => {
    await page.locator('.alerts-open-order').click()
    await page.locator('.page.order .order-line').first().waitFor()
    await expectEachOnce('.page.order', [
      '010号便利店 下次订货建议',
      '订货时间：3月21日（周六）12:00 至 3月23日（周一）16:00',
      '预计 3月24日到货，要卖到 3月31日下一批到货，再多备 3 天',
      '数据截至 3月17日；日均销量按近 8 周，近的周算得重',
      '库存按 3月17日的盘点计算',
      '3月限量 40 条，已订 4 条，还可订 36 条',
      '青峰（软）',
      // 16 days × 3/7 = 6.86 packs needed, 2 on hand: 4.86 short → 1 carton.
      '1 条',
      '日均卖 0.4 包，库存 2 包，够卖 4.7 天',
      '合计 1 条（1 种）',
      '按批发价约 ¥90',
    ])
    // The window opens on Saturday: nothing to edit or carry yet.
    expect(await page.locator('.step, .go-order').count()).toBe(0)
  })
})
