import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium, PHONE } from './support/browser'
import { startClockedAppHost, type ClockedAppHost } from './support/clockedAppHost'

jest.setTimeout(60_000)

/**
 * A family helper, end to end, in two browsers: the owner of 福满便利店 (demo-retailer-1, window
 * Saturday 12:00 to Monday 16:00) invites by a code read out on the phone; a new WeChat user
 * accepts it in a second browser context; the shop has not ordered by its last reminder (Monday
 * 14:00), so the helper is reminded too; the helper marks 家人已代订 and the owner sees it.
 */
const RETAILER = 'demo-retailer-1'
const HELPER = 'dev-aunt-lin'
const MONDAY = (time: string) => `2026-11-30T${time}:00+08:00`

describe('family: invite, accept in a second browser, escalation, 家人已代订', () => {
  let host: ClockedAppHost
  let browser: Browser
  let owner: Page
  let helper: Page
  let code = ''

  // A new document each time (the query before the hash differs): a hash-only change would keep the loaded pages.
  let visit = 0
  const load = (page: Page, route: string) => page.goto(`${host.base}/?visit=${++visit}#${route}`)

  const openAt = async (context: BrowserContext, at: string) => {
    const page = await context.newPage()
    await page.clock.install({ time: new Date(at) })
    return page
  }

  beforeAll(async () => {
    host = await startClockedAppHost(MONDAY('09:00'))
    await host.forgetOrders('350625100001', '2026-11-30')
    browser = await launchChromium()
    owner = await openAt(await browser.newContext(PHONE), MONDAY('09:00'))
    helper = await openAt(await browser.newContext(PHONE), MONDAY('09:00'))
  })
  afterAll(async () => {
    await browser?.close()
    await host?.close()
  })

  it('the owner makes a 6-character code in 我的 → 家人帮手 for a relative who may be reminded and order', async () => {
    await owner.goto(`${host.base}/?as=${RETAILER}#/pages/me/index`)
    await owner.locator('.page.me .open-helpers').click()
    // The demo shop already has one helper.
    await owner.locator('.page.helpers .helper-card', { hasText: '林小燕（女儿）' }).waitFor()
    expect(await owner.locator('.page.helpers .title', { hasText: '家人帮手（' }).innerText()).toBe('家人帮手（1/5）')
    expect(await owner.locator('.invite-card .kind-toggle.is-on').innerText()).toBe('✓ 家人')
    expect(await owner.locator('.invite-card .scope-toggle').allInnerTexts()).toEqual(['✓ 接收提醒', '✓ 代为订货', '查看经营数据（未开）'])
    await owner.locator('.make-invite-code').click()
    code = await owner.locator('.invite-code').innerText()
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
    expect(await owner.locator('.invite-code-box').innerText()).toContain('11月30日（周一）09:10 前有效')
  })

  it('the helper types the code, sees whose shop and what it allows, accepts, and agrees to be reminded', async () => {
    await helper.goto(`${host.base}/?as=${HELPER}#/pages/invite/index`)
    await helper.locator('input.invite-code-input').fill(code.toLowerCase())
    await helper.locator('.open-invite').click()
    await helper.locator('.invite-shop', { hasText: '福满便利店' }).waitFor()
    expect(await helper.locator('.invite-scope').allInnerTexts()).toEqual(['· 收到订货提醒，查看订货状态', '· 查看建议订单，代为标记已订货'])
    await helper.locator('input.helper-name-input').fill('林阿姨')
    await helper.locator('.accept-invite').click()
    await helper.locator('.invite-accepted .title', { hasText: '您已成为福满便利店的帮手' }).waitFor()
    await helper.locator('.receive-reminders').click()
    await helper.locator('.consent-note', { hasText: '还可提醒 1 次' }).waitFor()

    // Their home lists the shop with its deadline and status.
    await helper.locator('.go-helped-shops').click()
    await helper.locator('.page.helper-home .helped-name', { hasText: '福满便利店' }).waitFor()
    expect(await helper.locator('.helped-when').innerText()).toBe('周一 16:00 截止')
    expect(await helper.locator('.helped-shop .order-status').innerText()).toBe('本周订货：未订货')
  })

  it('at the last reminder, 14:00, with no order, the helper is reminded along with the owner and the demo daughter', async () => {
    expect(await host.tick(MONDAY('14:00'))).toMatchObject({ ok: true, data: { sent: 1, escalated: 2 } })
    const toHelper = (await host.outbox()).filter((m) => m.toOpenId === HELPER)
    expect(toHelper.map((m) => [m.data.thing1, m.data.thing3, m.page])).toEqual([['福满便利店', '家人还未订货，还剩2小时', 'pages/index/index?retailer=350625100001']])
  })

  it('the helper marks 家人已代订 at 14:30, and the owner sees it on the home page and in the helper log', async () => {
    host.setNow(MONDAY('14:30'))
    await helper.clock.setSystemTime(new Date(MONDAY('14:30')))
    await load(helper, '/pages/index/index?retailer=350625100001')
    await helper.locator('.mark-for-family').click()
    await helper.locator('.helped-shop .order-status', { hasText: '本周订货：✓ 家人已代订' }).waitFor()
    expect(await helper.locator('.mark-for-family').count()).toBe(0)

    await owner.clock.setSystemTime(new Date(MONDAY('14:31')))
    await load(owner, '/pages/index/index')
    await owner.locator('.page.home .order-status', { hasText: '本周订货：✓ 家人已代订' }).waitFor()
    expect(await owner.locator('.page.home .mark-ordered').count()).toBe(0)

    await load(owner, '/packages/me/helpers/index')
    await owner.locator('.helper-log-entry').first().waitFor()
    expect(await owner.locator('.helper-log-entry').allInnerTexts()).toEqual([
      '11月30日（周一）14:30　林阿姨代为标记了已订货',
      '11月30日（周一）09:00　林阿姨接受了邀请，成为帮手',
    ])
  })

  it('the owner removes the helper, who loses the shop at once', async () => {
    await owner.locator('.helper-card', { hasText: '林阿姨' }).locator('.remove-helper').click()
    await owner.locator('.remove-helper-confirm').click()
    await owner.locator('.page.helpers .title', { hasText: '家人帮手（1/5）' }).waitFor()
    expect(await owner.locator('.helper-name').allInnerTexts()).toEqual(['林小燕（女儿）'])

    expect(await host.call('markOrdered', { retailer: '350625100001' }, HELPER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await load(helper, '/pages/index/index')
    // No shop of their own and none to help: the app asks them to bind a shop (or enter a new code).
    await helper.locator('.open-invite-entry').waitFor()
  })
})
