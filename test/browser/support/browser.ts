import { chromium, type Browser } from 'playwright-core'
import setup from '../../../scripts/chromium.json'

/**
 * Debian's Chromium, headless, with the flags this machine's closed network needs. Playwright
 * gives every launch a fresh profile of its own, so no --user-data-dir is passed.
 */
export const launchChromium = async (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? setup.path, args: setup.flags })

/** A phone-sized page, as a retailer sees the app. */
export const PHONE = setup.phone
