import { phoneSession } from './support/phoneSession'

jest.setTimeout(60_000)

/**
 * What a retailer sees on the home page, in the real H5 build served by the local host.
 * demo-retailer-1 (福满便利店) orders from Saturday 12:00 to Monday 16:00, China time.
 */
describe('home page', () => {
  const session = phoneSession()

  const countdown = () => session.page.locator('.countdown').innerText()

  it('signs in as demo-retailer-1 and shows the shop name, grade and a ticking countdown', async () => {
    await session.page.goto(`${session.host.base}/?as=demo-retailer-1`)
    await session.page.locator('.shop-name', { hasText: '福满便利店' }).waitFor()
    expect(await session.page.locator('.grade').innerText()).toContain('档位 18')
    const first = await countdown()
    expect(first).toMatch(/^距(本周订货截止|下次订货开始)还有/)
    await session.page.waitForFunction((before) => document.querySelector('.countdown')?.textContent !== before, first.replace(/\s/g, ''), {
      timeout: 3_000,
    })
  })

  it('counts down to Monday 16:00 just before the window closes, then to Saturday 12:00', async () => {
    // Monday 2026-11-23 15:59:50 in China: 10 seconds left in this week's window. The clock stands
    // still there while the page loads (a slow load on a busy machine would otherwise read 9 seconds).
    await session.page.clock.install({ time: new Date('2026-11-23T15:59:40+08:00') })
    await session.page.clock.pauseAt(new Date('2026-11-23T15:59:50+08:00'))
    await session.page.goto(`${session.host.base}/?as=demo-retailer-1`)
    await session.page.locator('.shop-name').waitFor()
    expect((await countdown()).replace(/\s/g, '')).toBe('距本周订货截止还有10秒')
    expect(await session.page.locator('.deadline').innerText()).toBe('周一 16:00 截止')

    // Fifteen seconds on it is 16:00:05: the window has closed; the next opens Saturday 28th at 12:00,
    // 4 days 20 hours after 16:00, less the 5 seconds gone.
    await session.page.clock.runFor(15_000)
    expect((await countdown()).replace(/\s/g, '')).toBe('距下次订货开始还有4天19小时59分55秒')
    expect(await session.page.locator('.deadline').innerText()).toBe('周六 12:00 开始')
  })

  it('shows the next opening for a clock fixed just after the close', async () => {
    await session.page.clock.install({ time: new Date('2026-11-23T16:00:00+08:00') })
    await session.page.clock.pauseAt(new Date('2026-11-23T16:00:01+08:00'))
    await session.page.goto(`${session.host.base}/?as=demo-retailer-1`)
    await session.page.locator('.shop-name').waitFor()
    expect((await countdown()).replace(/\s/g, '')).toBe('距下次订货开始还有4天19小时59分59秒')
  })

  it('lists the demo identities on the sign-in screen and signs in with a tap', async () => {
    await session.page.goto(`${session.host.base}/#/pages/signin/index`)
    await session.page.locator('.identity-card', { hasText: '王记食杂店' }).click()
    await session.page.locator('.shop-name', { hasText: '王记食杂店' }).waitFor()
    expect(await session.page.locator('.grade').innerText()).toContain('档位 6')
  })

  it('walks a new user through binding their shop, with a clear error for a wrong phone', async () => {
    const shop = await session.host.home.store.collection<{ _id: string; shopName: string }>('retailers').get('350625100006')
    await session.page.goto(`${session.host.base}/#/pages/signin/index`)
    await session.page.locator('.identity-card.new-user').click()
    await session.page.locator('input.license-input, .license-input input').fill('350625100006')
    await session.page.locator('input.phone-input, .phone-input input').fill('13900000000')
    await session.page.locator('.bind-submit').click()
    await session.page.locator('.bind-error', { hasText: '许可证号与手机号不匹配' }).waitFor()
    await session.page.locator('input.phone-input, .phone-input input').fill('13800000006')
    await session.page.locator('.bind-submit').click()
    await session.page.locator('.shop-name', { hasText: shop?.shopName ?? '?' }).waitFor()
  })
})
