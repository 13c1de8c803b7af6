import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { Reply } from '@contracts'
import type { CourseDetail } from '@contracts/learning'
import { phoneSession } from './support/phoneSession'

jest.setTimeout(120_000)

/**
 * 学习 in the real H5 build over the seeded county, its media served from the data folder: a course
 * plays (Debian's Chromium plays the H.264/AAC MP4s), shows its captions, resumes after a reload,
 * is learnt only once 90 % has really been played, a broken video says so with 重试, and a model
 * store's 进入AR探店 opens the panorama viewer.
 */
const session = phoneSession()

const courseUrl = (who: string, id: string, care = false) => `${session.host.base}/?as=${who}${care ? '&care=1' : ''}#/packages/learn/course/index?id=${id}`

const video = (page: Page) => page.locator('video')
const currentTime = (page: Page): Promise<number> => page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).currentTime)

/** Plays as a person would: a tap on the page (the browser's autoplay rule), then play. */
const play = async (page: Page): Promise<void> => {
  await page.locator('.course-heading').click()
  await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).play())
}

const openCourse = async (page: Page, who: string, id: string, care = false): Promise<void> => {
  await page.goto(courseUrl(who, id, care))
  await video(page).waitFor({ state: 'attached' })
  await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).readyState >= 1)
}

const detail = async (who: string, id: string): Promise<CourseDetail> => {
  const reply = (await session.host.call('course', { id }, who)) as Reply<CourseDetail>
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.data
}

test('a course plays, shows its captions over the video, and resumes where it stopped after a reload', async () => {
  const { page } = session
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await openCourse(page, 'demo-retailer-1', 'c-pos-unstable')
  expect(await currentTime(page)).toBe(0)
  await play(page)
  await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).currentTime > 2)
  // The first cue of c-pos-unstable.vtt (00:00.300 --> 00:04.500).
  await expect(page.locator('.caption-line').first().innerText()).resolves.toBe('收银系统卡顿、闪退或者连不上网，先别着急。')
  const box = await page.locator('.captions').boundingBox()
  const frame = await page.locator('.video-frame').boundingBox()
  expect(box && frame && box.y > frame.y && box.y + box.height < frame.y + frame.height).toBe(true)

  // Played past 6 s, a save goes out (every 4 s); the reload starts there, not at 0.
  await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).currentTime > 6)
  const saved = await page.waitForResponse((r) => r.url().endsWith('/fn/courseProgress'))
  expect((await saved.json()).ok).toBe(true)
  const resumeAt = (await detail('demo-retailer-1', 'c-pos-unstable')).resumeAtS
  expect(resumeAt).toBeGreaterThanOrEqual(4)
  await page.reload()
  await video(page).waitFor({ state: 'attached' })
  await page.waitForFunction((at) => (document.querySelector('video') as HTMLVideoElement).currentTime >= at, resumeAt)
  expect(await currentTime(page)).toBeLessThan(resumeAt + 1)
  await expect(page.locator('.course-state').innerText()).resolves.toMatch(/^看到 0:0\d/)
  expect(errors).toEqual([])
})

test('a course is learnt only once 90 % has really been played: seeking to the end and letting it end is not enough', async () => {
  const { page } = session
  // c-family-order is 39.5 s long: 90 % is 35.55 s.
  await openCourse(page, 'demo-retailer-3', 'c-family-order')
  await page.locator('.rate', { hasText: '1.5×' }).click()
  await play(page)
  await page.evaluate(() => ((document.querySelector('video') as HTMLVideoElement).currentTime = 34))
  await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).ended, undefined, { timeout: 30_000 })
  await page.waitForResponse((r) => r.url().endsWith('/fn/courseProgress'))
  await page.waitForTimeout(500)
  let state = await detail('demo-retailer-3', 'c-family-order')
  expect(state.progress.code).not.toBe('completed')
  expect(state.watchedShare).toBeLessThan(0.2)
  await expect(page.locator('.course-state').innerText()).resolves.not.toBe('已学完')

  // From the start at 1.5×: 0–30.5 s and the 34–39.5 s already played make 36 s of 39.5.
  await page.evaluate(() => {
    const v = document.querySelector('video') as HTMLVideoElement
    v.currentTime = 0
    void v.play()
  })
  await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).playbackRate === 1.5)
  await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).currentTime >= 31, undefined, { timeout: 60_000 })
  await page.locator('.course-state', { hasText: '已学完' }).waitFor({ timeout: 15_000 })
  state = await detail('demo-retailer-3', 'c-family-order')
  expect(state.progress.code).toBe('completed')
  expect(state.watchedShare).toBeGreaterThanOrEqual(0.9)
})

test('in 长辈模式 the captions are drawn at the body size of 24px', async () => {
  const { page } = session
  await openCourse(page, 'demo-retailer-4', 'c-scanner-fault', true)
  await play(page)
  await page.locator('.caption-line').first().waitFor()
  const size = await page.locator('.caption-line').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(size).toBeGreaterThanOrEqual(24)
})

test('a video that cannot be loaded says so and offers 重试, which tries again', async () => {
  const { page } = session
  const missing = join(session.host.dataDir, 'media', 'courses', 'c-card-limit.mp4')
  rmSync(missing)
  await page.goto(courseUrl('demo-retailer-5', 'c-card-limit'))
  await page.locator('.video-failed-text').waitFor({ timeout: 20_000 })
  await expect(page.locator('.video-failed-text').innerText()).resolves.toBe('视频没能加载，请检查网络后重试')
  // The file is back (the network came back): 重试 loads it.
  copyFileSync(join(__dirname, '../../cloudfunctions/defaults/media/courses/c-card-limit.mp4'), missing)
  await page.locator('.video-retry').click()
  await page.waitForFunction(() => ((document.querySelector('video') as HTMLVideoElement | null)?.readyState ?? 0) >= 1)
  await expect(page.locator('.video-failed-text').count()).resolves.toBe(0)
})

test("a model store shows its figures beside the shop's own, and 进入AR探店 opens the panorama viewer", async () => {
  const { page } = session
  await page.goto(`${session.host.base}/?as=demo-retailer-2#/pages/learn/index`)
  // The village grocery sees the village model store first.
  await page.locator('.store-card').first().locator('.store-name', { hasText: '乡村食杂店' }).waitFor()
  await page.locator('.store-card').first().click()
  await page.locator('.comparison-row', { hasText: '档位' }).waitFor()
  await expect(page.locator('.comparison-row', { hasText: '档位' }).locator('.comparison-model').innerText()).resolves.toBe('12 档')
  await page.locator('.visit-button').click()
  await page.waitForURL(/\/panorama\/\?src=/)
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 })
  await expect(page.title()).resolves.toBe('乡村食杂店 · AR探店')
})
