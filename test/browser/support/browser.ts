import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export const launchChromium = async (): Promise<Browser & { cleanup(): Promise<void> }> => {
  const profile = mkdtempSync(join(tmpdir(), 'shopmate-chromium-'))
  const browser = await chromium.launch({
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
      `--user-data-dir=${profile}`,
    ],
  })
  return Object.assign(browser, {
    cleanup: async () => {
      await browser.close()
      rmSync(profile, { recursive: true, force: true })
    },
  })
}

/** A phone-sized page, as a retailer sees the app. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' }
