import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const { path: CHROMIUM, flags: FLAGS, phone: PHONE } = JSON.parse(readFileSync(new URL('../../scripts/chromium.json', import.meta.url), 'utf8'))
const SETTLE_MS = 1000

/**
 * The JavaScript a page really loads: open it in a fresh headless Chromium (empty cache), wait
 * until the network is idle and a moment longer for lazily loaded route chunks, and add up every
 * script response. `transfer` is the body as it crossed the wire, `decoded` as the engine parsed it.
 */
export const scriptBytes = async (url) => {
  const profile = mkdtempSync(join(tmpdir(), 'shopmate-bench-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? CHROMIUM,
    headless: true,
    args: FLAGS,
    ...PHONE,
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    const scripts = []
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'script') scripts.push(measure(request))
    })
    const response = await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 })
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`)
    await page.waitForTimeout(SETTLE_MS)
    const measured = await Promise.all(scripts)
    return {
      url,
      landedOn: page.url(),
      transfer: measured.reduce((sum, s) => sum + s.transfer, 0),
      decoded: measured.reduce((sum, s) => sum + s.decoded, 0),
      scripts: measured.sort((a, b) => b.decoded - a.decoded),
    }
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

const measure = async (request) => {
  const response = await request.response()
  const sizes = await request.sizes()
  const body = response ? await response.body() : Buffer.alloc(0)
  return { path: new URL(request.url()).pathname, transfer: sizes.responseBodySize, decoded: body.length }
}
