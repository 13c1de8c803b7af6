import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { assemblePanoramaViewer } from '../../cloudfunctions/host/panorama/assemble'
import { Statics } from '../../cloudfunctions/host/statics'
import { launchChromium, PHONE } from '../browser/support/browser'

/**
 * The AR探店 viewer as the local host would serve it (the assembled folder through the host's Statics):
 * a model store's panorama is drawn (the canvas is not one flat colour) and dragging turns the view.
 */
jest.setTimeout(90_000)

let browser: Browser
let server: Server
let base: string
const out = mkdtempSync(join(tmpdir(), 'panorama-'))

beforeAll(async () => {
  await assemblePanoramaViewer(out)
  const statics = new Statics(out)
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    void statics.serve(req, res, path).then((served) => {
      if (!served) res.writeHead(404).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  rmSync(out, { recursive: true, force: true })
})

/** Spread of the screenshot's pixels, measured in the page: a blank or one-colour canvas has none. */
const pixelSpread = async (page: Page): Promise<{ distinct: number; spread: number }> => {
  const png = (await page.locator('#panorama canvas').screenshot()).toString('base64')
  return page.evaluate(async (data) => {
    const img = new Image()
    img.src = `data:image/png;base64,${data}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.width
    canvas.height = img.height
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
    ctx.drawImage(img, 0, 0)
    const { data: px } = ctx.getImageData(0, 0, img.width, img.height)
    const seen = new Set<number>()
    let min = 255
    let max = 0
    for (let i = 0; i < px.length; i += 16) {
      seen.add((px[i] >> 4) * 256 + (px[i + 1] >> 4) * 16 + (px[i + 2] >> 4))
      const grey = (px[i] + px[i + 1] + px[i + 2]) / 3
      min = Math.min(min, grey)
      max = Math.max(max, grey)
    }
    return { distinct: seen.size, spread: max - min }
  }, png)
}

const yaw = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { shopmateViewer: { getYaw(): number } }).shopmateViewer.getYaw())

/** The yaw once the view has stopped moving (a drag leaves some inertia). */
const settledYaw = async (page: Page): Promise<number> => {
  let last = await yaw(page)
  for (let i = 0; i < 75; i++) {
    await page.waitForTimeout(200)
    const now = await yaw(page)
    if (Math.abs(now - last) < 0.01) return now
    last = now
  }
  throw new Error('the view never stopped turning')
}

test('a model store panorama is drawn, and dragging and the arrow keys turn the view', async () => {
  const context = await browser.newContext({ ...PHONE, hasTouch: false, isMobile: false })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${base}/index.html?store=ms-town-convenience`)
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 })
  await expect(page.title()).resolves.toBe('城镇便利店 · AR探店')

  const before = await pixelSpread(page)
  expect(before.distinct).toBeGreaterThan(20)
  expect(before.spread).toBeGreaterThan(60)
  const yaw0 = await yaw(page)
  const shot0 = await page.locator('#panorama canvas').screenshot()

  // Drag from right to left across the middle of the screen: the view turns right.
  const { width, height } = PHONE.viewport
  await page.mouse.move(width * 0.8, height / 2)
  await page.mouse.down()
  for (let step = 1; step <= 10; step++) await page.mouse.move(width * (0.8 - step * 0.06), height / 2)
  await page.mouse.up()
  const yaw1 = await settledYaw(page)
  expect(Math.abs(yaw1 - yaw0)).toBeGreaterThan(10)
  const shot1 = await page.locator('#panorama canvas').screenshot()
  expect(shot1.equals(shot0)).toBe(false)

  // The arrow keys turn it too (pannellum listens on its focused container).
  await page.locator('#panorama').focus()
  await page.keyboard.down('ArrowLeft')
  // Held until the view has turned (or 5 s): how far a second turns depends on the frames a loaded machine draws.
  for (let waited = 0; waited < 5000 && yaw1 - (await yaw(page)) <= 2; waited += 100) await page.waitForTimeout(100)
  await page.keyboard.up('ArrowLeft')
  // Left turns the view left (yaw falls); what inertia adds after the key is let go turns the same way.
  expect(yaw1 - (await yaw(page))).toBeGreaterThan(2)
  expect(errors).toEqual([])
  await context.close()
})

test('an unknown store says so instead of showing a black box', async () => {
  const page = await browser.newPage()
  await page.goto(`${base}/index.html?store=no-such-store`)
  await page.waitForSelector('body[data-state="failed"]')
  await expect(page.locator('#problem').textContent()).resolves.toBe('没有找到这家示范店的全景。')
  await page.close()
})

test('?src= shows a panorama from this site and refuses a javascript: URL', async () => {
  const page = await browser.newPage()
  await page.goto(`${base}/index.html?src=${encodeURIComponent('media/stores/ms-village-grocery-pano.jpg')}&title=${encodeURIComponent('乡村食杂店')}`)
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 })
  await page.goto(`${base}/index.html?src=${encodeURIComponent('javascript:alert(1)')}`)
  await page.waitForSelector('body[data-state="failed"]')
  await page.close()
})
