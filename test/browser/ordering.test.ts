import type { Browser, Page } from 'playwright-core'
import { launchChromium, PHONE } from './support/browser'
import { startClockedAppHost, type ClockedAppHost } from './support/clockedAppHost'

jest.setTimeout(60_000)

/**
 * A retailer turns reminders on, the timer fires at chosen clocks, and 我已订货 stops the rest.
 * demo-retailer-1 (福满便利店) orders from Saturday 12:00 to Monday 16:00, China time. For the
 * window of Saturday 28 November 2026 to Monday 30 November, the three default reminders fall at:
 *   订货开始时      Sat 28th 12:00  (the window opens; 2 days 4 hours to the close)
 *   截止当天 12:00  Mon 30th 12:00  (4 hours to the close)
 *   截止前 2 小时   Mon 30th 14:00  (the cycle's last reminder)
 * None is in the 21:00–08:00 quiet hours, so none moves.
 */
const RETAILER = 'demo-retailer-1'
const FRIDAY = '2026-11-27T10:00:00+08:00'

const tab = (page: Page, name: string) => page.locator('.weui-tabbar__item', { hasText: name }).click()

describe('ordering: reminders at the right instants, and none after 我已订货', () => {
  let host: ClockedAppHost
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    host = await startClockedAppHost(FRIDAY)
    browser = await launchChromium()
    page = await (await browser.newContext(PHONE)).newPage()
    // The demo seeds this shop with reminders on: start from off, as a retailer new to them.
    expect(await host.call('updateReminderSettings', { enabled: false }, RETAILER)).toMatchObject({ ok: true, data: { enabled: false } })
    await host.forgetOrders('350625100001', '2026-11-30')
  })
  afterAll(async () => {
    await browser?.close()
    await host?.close()
  })

  const sentTo = async () => (await host.outbox()).map((m) => [m.toOpenId, m.data.thing1, m.data.thing3, m.sentAt]).reverse()

  it('turns reminders on in 我的 → 提醒设置 and lists the three instants they will come at', async () => {
    await page.clock.install({ time: new Date(FRIDAY) })
    await page.goto(`${host.base}/?as=${RETAILER}`)
    await page.locator('.shop-name', { hasText: '福满便利店' }).waitFor()
    await page.locator('.page.home .reminders-card', { hasText: '订货提醒未开' }).waitFor()

    await tab(page, '我的')
    await page.locator('.open-reminders').click()
    await page.locator('.page.reminders .enable-reminders').click()
    await page.locator('.title', { hasText: '订货提醒已开' }).waitFor()
    // The seed's 20 consents plus the one this tap gave (on the local host a tap is the consent).
    expect(await page.locator('.page.reminders .reminders-left').innerText()).toBe('还可提醒 21 次')
    expect(await page.locator('.upcoming-reminder').allInnerTexts()).toEqual(['周六 12:00　订货开始时', '周一 12:00　截止当天 12:00', '周一 14:00　截止前 2 小时'])
    expect(await page.locator('.quiet-hours').innerText()).toContain('21:00–08:00 不打扰')
  })

  it('sends each reminder when the timer fires at its instant, once', async () => {
    expect(await host.tick('2026-11-28T11:55:00+08:00')).toMatchObject({ ok: true, data: { sent: 0 } })
    expect(await host.tick('2026-11-28T12:00:00+08:00')).toMatchObject({ ok: true, data: { sent: 1 } })
    expect(await host.tick('2026-11-28T12:05:00+08:00')).toMatchObject({ ok: true, data: { sent: 0 } })
    expect(await host.tick('2026-11-30T11:55:00+08:00')).toMatchObject({ ok: true, data: { sent: 0 } })
    expect(await host.tick('2026-11-30T12:00:00+08:00')).toMatchObject({ ok: true, data: { sent: 1 } })
    expect(await sentTo()).toEqual([
      [RETAILER, '福满便利店', '本周订货已开始，2天4小时后截止', '2026-11-28T04:00:00.000Z'],
      [RETAILER, '福满便利店', '今天截止订货，还剩4小时', '2026-11-30T04:00:00.000Z'],
    ])
  })

  it('marks the cycle with 我已订货 at 13:00, asks for next week on 下周也提醒我, and the 14:00 tick sends nothing more', async () => {
    const monday = '2026-11-30T13:00:00+08:00'
    host.setNow(monday)
    await page.clock.setSystemTime(new Date(monday))
    // A new document (the query before the hash differs), so the home page loads afresh at 13:00.
    await page.goto(`${host.base}/?at=monday#/pages/index/index`)
    await page.locator('.order-status', { hasText: '本周订货：未订货' }).waitFor()

    await page.locator('.mark-ordered').click()
    await page.locator('.order-status', { hasText: '本周订货：✓ 已订货' }).waitFor()
    expect(await page.locator('.mark-ordered').count()).toBe(0)
    // 21 granted, 2 spent by the two reminders sent, 1 more from this tap.
    await page.locator('.remind-next-week').click()
    await page.locator('.next-week-note', { hasText: '还可提醒 20 次' }).waitFor()
    expect(await page.locator('.page.home .reminders-left').innerText()).toBe('还可提醒 20 次')

    // The last reminder is due, but the shop has ordered: nothing to the retailer, nothing to its helper.
    expect(await host.tick('2026-11-30T14:00:00+08:00')).toMatchObject({ ok: true, data: { sent: 0, escalated: 0, alreadyOrdered: 1 } })
    expect(await host.tick('2026-11-30T15:55:00+08:00')).toMatchObject({ ok: true, data: { sent: 0, escalated: 0 } })
    expect(await host.outbox()).toHaveLength(2)
  })

  it('lists both reminders in 我的 → 消息 with their times and 已发送', async () => {
    await tab(page, '我的')
    await page.locator('.open-inbox').click()
    await page.locator('.page.inbox .inbox-entry').first().waitFor()
    const cards = await page.locator('.page.inbox .inbox-entry').allInnerTexts()
    expect(cards.map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([
      '截止日中午提醒 11月30日（周一）12:00 福满便利店 · 11月30日（周一）16:00 截止的那期订货 ✓ 已发送',
      '订货开始提醒 11月28日（周六）12:00 福满便利店 · 11月30日（周一）16:00 截止的那期订货 ✓ 已发送',
    ])
  })
})
