import type { Page } from 'playwright-core'
import { phoneSession } from './support/phoneSession'
import { repos } from '../../cloudfunctions/core/repos'

jest.setTimeout(60_000)

/**
 * The monthly guide in the real H5 build over the seeded demo county, whose seed built last
 * month's guides: 福满便利店 (demo-retailer-1) went from 档位 20 to 18, so 档位波动类 is among its
 * classes and the first strategy is to find the weak indicators holding the grade back.
 */
const RETAILER = 'demo-retailer-1'
const LICENSE = '350625100001'

const buttons = (page: Page, root = '.page') =>
  page.$$eval(`${root} .taro-button-core`, (list) =>
    list
      .map((b) => ({ text: (b.textContent ?? '').trim(), rect: b.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0)
      .map(({ text, rect }) => ({ text, width: Math.round(rect.width), height: Math.round(rect.height) })),
  )

describe('the monthly guide', () => {
  const session = phoneSession()

  it('首页 shows 本月经营建议: the first strategy, one line of why, its action, and the way to the whole guide', async () => {
    const { page } = session
    await page.goto(`${session.host.base}/?as=${RETAILER}`)
    const card = page.locator('.guide-card')
    await card.waitFor()
    expect(await card.locator('.title').innerText()).toBe('本月经营建议')
    expect(await card.locator('.guide-month').innerText()).toContain('档位波动类')
    expect(await card.locator('.strategy-title').innerText()).toBe('找出拖累档位的短板')
    expect(await card.locator('.strategy-why').innerText()).toBe('您属于档位波动类；档位下降了 2 档')
    expect(await card.locator('.strategy-action').innerText()).toBe('看经营：同类对标')
    await card.locator('.open-guide').click()
    await page.locator('.guide-title', { hasText: '福满便利店' }).waitFor()
  })

  it('the guide page: grade and its change, classes with reasons, three strategies with actions, the ten indicators', async () => {
    const { page } = session
    await page.goto(`${session.host.base}/?as=${RETAILER}#/packages/guide/index`)
    await page.locator('.guide-classes').waitFor()
    expect(await page.locator('.grade-line').innerText()).toBe('档位 18，比上月降了 2 档')
    expect(await page.locator('.class-reason').first().innerText()).toBe('档位从 20 降到 18，变动 2 档（阈值 2 档）')
    expect(await page.locator('.strategy-card').count()).toBe(3)
    expect(await page.locator('.strategy-card').first().locator('.strategy-action').allInnerTexts()).toEqual(['看经营：同类对标', '打电话给客户经理林志强'])
    expect(await page.locator('.indicator-row').count()).toBe(10)
    // Only one month has been built: nothing earlier, and this is the newest.
    expect(await page.locator('.month-older').innerText()).toBe('没有更早的')
    expect(await page.locator('.month-newer').innerText()).toBe('已是最新')
  })

  it('有用 / 没用: stored and shown again on the next visit', async () => {
    const { page } = session
    await page.goto(`${session.host.base}/?as=${RETAILER}#/packages/guide/index`)
    const first = page.locator('.strategy-card').first()
    await first.waitFor()
    await first.locator('.verdict-useful').click()
    await page.locator('.verdict-note', { hasText: '谢谢' }).waitFor()
    expect(await first.locator('.verdict-useful').innerText()).toBe('✓ 有用')
    const stored = await repos(session.host.home.store).guideFeedback.find({ licenseNo: LICENSE })
    expect(stored.map((f) => [f.strategyId, f.verdict, f.openId])).toEqual([['gf-weak-indicators', 'useful', RETAILER]])
    await page.reload()
    await page.locator('.strategy-card .verdict-useful.is-selected').waitFor()
  })

  it('每月提醒我 asks from the tap (on H5 the tap is the consent) and says what it will do', async () => {
    const { page } = session
    await page.goto(`${session.host.base}/?as=${RETAILER}#/packages/guide/index`)
    await page.locator('.remind-monthly').click()
    await page.locator('.reminder-note', { hasText: '下个月的经营建议生成后会在微信里告诉您' }).waitFor()
    expect(await repos(session.host.home.store).consents.get(`${RETAILER}|monthlyGuide`)).toMatchObject({ granted: 1 })
  })

  it('reads in 长辈模式: text at least 18pt (24px), every button at least 60 × 60', async () => {
    const { page } = session
    await page.goto(`${session.host.base}/?as=${RETAILER}&care=1#/packages/guide/index`)
    await page.locator('.page.care .guide-classes').waitFor()
    const small = await page.evaluate(() => {
      const root = document.querySelector('.page.care') as Element
      const out: string[] = []
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const own = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim()
        const rect = el.getBoundingClientRect()
        if (own === '' || rect.width === 0) continue
        if (parseFloat(getComputedStyle(el).fontSize) < 24) out.push(own)
      }
      return out
    })
    expect(small).toEqual([])
    const all = await buttons(page, '.page.care')
    expect(all.length).toBeGreaterThanOrEqual(10)
    for (const b of all) expect({ ...b, ok: b.width >= 60 && b.height >= 60 }).toMatchObject({ ok: true })
  })

  it('the 盈利单: last month’s gross profit in words and a chart per SKU', async () => {
    const { page } = session
    await page.goto(`${session.host.base}/?as=${RETAILER}#/packages/guide/profit/index`)
    const words = page.locator('.profit-words')
    await words.waitFor()
    expect(await words.innerText()).toMatch(/^\d{4}年\d{1,2}月卖出 [\d,]+ 包，销售额 ¥[\d.,万]+，毛利 ¥[\d.,万]+，每包平均赚 ¥[\d.]+$/)
    expect(await page.locator('.profit-chart .bar-row').count()).toBeGreaterThan(5)
  })

  it('消息 lists the new guide, and a tap opens it', async () => {
    const { page } = session
    await page.goto(`${session.host.base}/?as=${RETAILER}#/packages/me/inbox/index`)
    const notice = page.locator('.inbox-guide')
    await notice.waitFor()
    expect(await notice.locator('.entry-title').innerText()).toMatch(/^\d{4}年\d{1,2}月经营建议已生成$/)
    await notice.locator('.open-guide').click()
    await page.locator('.guide-title', { hasText: '福满便利店' }).waitFor()
  })
})
