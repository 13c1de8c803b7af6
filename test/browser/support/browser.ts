import { chromium, type Browser } from 'playwright-core'

/**
 * Debian's Chromium, headless, with the flags this machine's closed network needs. Playwright
 * gives every launch a fresh profile of its own, so no --user-data-dir is passed.
 */
export const launchChromium = async (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })

/** A phone-sized page, as a retailer sees the app. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' }
