import type { Browser, Page } from 'playwright-core'
import type { TestHost } from '../../support/localHome'
import { launchChromium, PHONE } from './browser'
import { startAppHost } from './appHost'

export interface PhoneSession {
  host: TestHost
  browser: Browser
  /** A fresh phone-sized page for each test. */
  page: Page
}

/**
 * Registers the hooks every app-host browser suite needs: one host and one Chromium per file, a
 * new phone context per test. Read the fields inside tests; they are set by the hooks.
 */
export const phoneSession = (): PhoneSession => {
  const session = {} as PhoneSession
  beforeAll(async () => {
    session.host = await startAppHost()
    session.browser = await launchChromium()
  })
  afterAll(async () => {
    await session.browser?.close()
    await session.host?.close()
  })
  beforeEach(async () => {
    session.page = await (await session.browser.newContext(PHONE)).newPage()
  })
  afterEach(async () => {
    await session.page.context().close()
  })
  return session
}
