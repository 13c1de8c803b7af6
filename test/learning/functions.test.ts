import { invokeCallable } from '../../cloudfunctions/functions/define'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import courses from '../../cloudfunctions/functions/courses'
import course from '../../cloudfunctions/functions/course'
import courseProgress from '../../cloudfunctions/functions/courseProgress'
import modelStores from '../../cloudfunctions/functions/modelStores'
import modelStore from '../../cloudfunctions/functions/modelStore'
import { seedLearningCatalogues } from '../../cloudfunctions/seed/learning'
import { monthId } from '../../cloudfunctions/core/imports/weeks'
import type { Helper, InventoryMonth, SalesMonth } from '../../cloudfunctions/core/model'
import type { LearningGuide } from '../../cloudfunctions/core/learning/ports'
import { comparisonWords } from '../../cloudfunctions/words/learning'
import { openWorld, SAT_TO_MON, shop, type World } from '../support/world'

/**
 * The 学习 functions as a home calls them (authenticated, strict events), over the default catalogues:
 * the completion rule through courseProgress, a helper's scope, the list orders and 我的店 vs 示范店.
 */
const OWNER = 'owner-1'
const HELPER = 'helper-1'
const NOSCOPE = 'helper-2'
const STRANGER = 'stranger'
const retailer = shop(1, SAT_TO_MON, { businessType: '便利店', areaType: '城镇', grade: 12 })
const other = shop(2, SAT_TO_MON, { businessType: '食杂店', areaType: '乡村' })
const NOW = '2026-11-20T10:00:00+08:00'
const at = (seconds: number): string => new Date(Date.parse(NOW) + seconds * 1000).toISOString()

const helper = (openId: string, scopes: Helper['scopes']): Helper => ({
  _id: `${retailer.licenseNo}|${openId}`,
  helperId: `${openId.replace(/[^a-z0-9]/g, '')}xxxxxxxxxxxxxxxx`.slice(0, 16),
  licenseNo: retailer.licenseNo,
  openId,
  kind: 'family',
  scopes,
  name: '小林',
  addedAt: '2026-10-01T00:00:00+08:00',
  addedAtMs: Date.parse('2026-10-01T00:00:00+08:00'),
})

let world: World
beforeEach(async () => {
  world = await openWorld([{ retailer, owner: OWNER }, { retailer: other, owner: 'owner-2' }])
  await seedLearningCatalogues(world.local.store)
  await world.db.helpers.putMany([helper(HELPER, ['insights']), helper(NOSCOPE, ['remind', 'order'])])
})
afterEach(() => world.close())

describe('courses', () => {
  test('lists every course by category with its cover on the local host and 未开始; nothing is recommended without a guide', async () => {
    const data = await world.ok(courses, OWNER, {}, NOW)
    expect(data.shop).toEqual({ licenseNo: retailer.licenseNo, shopName: retailer.shopName })
    // 设备与系统 ×2, 扫码与收款, 经营技巧, 订货与政策: the catalogue's category order.
    expect(data.courses.map((c) => c.id)).toEqual(['c-pos-unstable', 'c-scanner-fault', 'c-card-limit', 'c-stockout-warning', 'c-family-order'])
    expect(data.courses.every((c) => c.recommended === null && c.progress.code === 'notStarted')).toBe(true)
    expect(data.courses[0].coverUrl).toBe('/media/courses/c-pos-unstable.jpg')
  })

  test("a guide's matched strategy puts its course first, then the courses of the shop's classes", async () => {
    const guide: LearningGuide = {
      month: '2026-10',
      classes: [{ id: 'gradeFluctuation', reasons: [] }],
      strategies: [
        {
          id: 's1', title: '家人帮忙', body: '', priority: 1, target: { indicator: 'quotaFill', direction: 'up' },
          actions: [{ kind: 'callManager' }, { kind: 'course', courseId: 'c-family-order' }], why: { classes: ['gradeFluctuation'], conditions: [] },
        },
      ],
    }
    // Stored where the monthly build writes guides; this month's is not there yet: last month's recommends.
    await world.local.store.collection<{ _id: string }>('guides').put({ _id: `${retailer.licenseNo}|2026-10`, ...guide })
    const reply = await invokeCallable(courses, {}, { caller: OWNER, deps: world.local.deps(fixedClock(NOW)) })
    if (!reply.ok) throw new Error(reply.error.message)
    expect(reply.data.courses.map((c) => [c.id, c.recommended])).toEqual([
      ['c-family-order', 'strategy'],
      ['c-stockout-warning', 'class'],
      ['c-pos-unstable', null],
      ['c-scanner-fault', null],
      ['c-card-limit', null],
    ])
  })

  test('a helper with insights may watch for the shop; one without it, or a stranger, may not', async () => {
    const data = await world.ok(courses, HELPER, { retailer: retailer.licenseNo }, NOW)
    expect(data.shop.licenseNo).toBe(retailer.licenseNo)
    for (const caller of [NOSCOPE, STRANGER]) {
      const reply = await world.call(courses, caller, { retailer: retailer.licenseNo }, NOW)
      expect(reply.ok ? 'ok' : reply.error.code).toBe('FORBIDDEN')
    }
    const unbound = await world.call(courses, STRANGER, {}, NOW)
    expect(unbound.ok ? 'ok' : unbound.error.code).toBe('NOT_BOUND')
  })

  test('events are strict: an unknown field or a caller named in the event is refused', async () => {
    const reply = await world.call(courses, OWNER, { openId: OWNER } as never, NOW)
    expect(reply.ok ? 'ok' : reply.error.code).toBe('INVALID_ARGUMENT')
    const noCaller = await world.call(courses, null, {}, NOW)
    expect(noCaller.ok ? 'ok' : noCaller.error.code).toBe('UNAUTHENTICATED')
  })
})

describe('course and courseProgress: completion only when ≥ 90 % was really played', () => {
  // c-family-order is 39.5 s: 90 % is 35.55 s.
  const ID = 'c-family-order'

  test('the detail has the video, the captions and where to start', async () => {
    const detail = await world.ok(course, OWNER, { id: ID }, NOW)
    expect(detail).toMatchObject({
      id: ID,
      durationS: 39.5,
      videoUrl: '/media/courses/c-family-order.mp4',
      captionsUrl: '/media/courses/c-family-order.vtt',
      resumeAtS: 0,
      watchedShare: 0,
      progress: { code: 'notStarted' },
    })
    const missing = await world.call(course, OWNER, { id: 'no-such-course' }, NOW)
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND')
  })

  test('played spans add up; a claim faster than 1.5× moves only the position; 90 % completes, not the end of the video', async () => {
    await world.ok(course, OWNER, { id: ID }, at(0))
    // 20 s after opening: 20 s played.
    const first = await world.ok(courseProgress, OWNER, { id: ID, report: { positionS: 20, played: [[0, 20]] } }, at(20))
    expect(first).toEqual({ progress: { code: 'watching', positionS: 20 }, watchedShare: 20 / 39.5, completed: false, credited: true })

    // One second later the whole video is claimed: 1.5 s + 10 s of slack allowed, 19.5 s claimed.
    const forged = await world.ok(courseProgress, OWNER, { id: ID, report: { positionS: 39.5, played: [[0, 39.5]] } }, at(21))
    expect(forged.credited).toBe(false)
    expect(forged.completed).toBe(false)
    expect(forged.watchedShare).toBe(20 / 39.5)

    // Seeking to the end (the ended event) with a few seconds played there: 25 s of 39.5, not learnt.
    const seeked = await world.ok(courseProgress, OWNER, { id: ID, report: { positionS: 39.5, played: [[0, 20], [34.5, 39.5]] } }, at(30))
    expect(seeked).toMatchObject({ credited: true, completed: false, watchedShare: 25 / 39.5 })

    // Replaying 0–20 counts once; 20–30.55 brings it to 35.55 s of 39.5: exactly 90 %.
    const done = await world.ok(courseProgress, OWNER, { id: ID, report: { positionS: 30.55, played: [[0, 30.55]] } }, at(45))
    expect(done).toMatchObject({ credited: true, completed: true, progress: { code: 'completed' } })
    expect(done.watchedShare).toBeCloseTo(35.55 / 39.5, 10)

    const listed = await world.ok(courses, OWNER, {}, at(50))
    expect(listed.courses.find((c) => c.id === ID)?.progress).toEqual({ code: 'completed' })
  })

  test('35.54 s of 39.5 is not 90 %', async () => {
    await world.ok(course, OWNER, { id: ID }, at(0))
    const almost = await world.ok(courseProgress, OWNER, { id: ID, report: { positionS: 35.54, played: [[0, 35.54]] } }, at(40))
    expect(almost).toMatchObject({ credited: true, completed: false })
  })

  test('the page resumes where this viewer stopped; a helper watching for the shop keeps a record of their own', async () => {
    await world.ok(course, OWNER, { id: ID }, at(0))
    await world.ok(courseProgress, OWNER, { id: ID, report: { positionS: 12.8, played: [[0, 12.8]] } }, at(15))
    expect((await world.ok(course, OWNER, { id: ID }, at(60))).resumeAtS).toBe(12)
    const forHelper = await world.ok(course, HELPER, { id: ID, retailer: retailer.licenseNo }, at(60))
    expect(forHelper).toMatchObject({ resumeAtS: 0, progress: { code: 'notStarted' } })
    await world.ok(courseProgress, HELPER, { id: ID, report: { positionS: 5, played: [[0, 5]] }, retailer: retailer.licenseNo }, at(70))
    const owner = await world.ok(courses, OWNER, {}, at(80))
    expect(owner.courses.find((c) => c.id === ID)?.progress).toEqual({ code: 'watching', positionS: 12 })
    const refused = await world.call(courseProgress, NOSCOPE, { id: ID, report: { positionS: 5, played: [[0, 5]] }, retailer: retailer.licenseNo }, at(70))
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN')
  })

  test('a report with spans out of the video or too many of them is refused by the event schema', async () => {
    const tooFar = await world.call(courseProgress, OWNER, { id: ID, report: { positionS: 5, played: [[0, 4000]] } }, NOW)
    expect(tooFar.ok ? 'ok' : tooFar.error.code).toBe('INVALID_ARGUMENT')
    const tooMany = await world.call(courseProgress, OWNER, { id: ID, report: { positionS: 5, played: Array.from({ length: 501 }, () => [0, 1] as [number, number]) } }, NOW)
    expect(tooMany.ok ? 'ok' : tooMany.error.code).toBe('INVALID_ARGUMENT')
  })
})

describe('model stores', () => {
  test('my business type and area type first, then filters', async () => {
    const mine = await world.ok(modelStores, OWNER, {}, NOW)
    expect(mine.stores.map((s) => s.id)).toEqual(['ms-town-convenience', 'ms-town-tobacco-liquor', 'ms-village-grocery'])
    expect(mine.stores[0]).toMatchObject({ sameBusinessType: true, sameAreaType: true, photoUrl: '/media/stores/ms-town-convenience-front.jpg' })
    expect(mine.filters).toEqual({ businessTypes: ['食杂店', '便利店', '烟酒店'], areaTypes: ['城镇', '乡村'], districts: ['城关一片', '岩溪片', '武安片'] })
    const village = await world.ok(modelStores, 'owner-2', {}, NOW)
    expect(village.stores[0].id).toBe('ms-village-grocery')
    const filtered = await world.ok(modelStores, OWNER, { areaType: '乡村' }, NOW)
    expect(filtered.stores.map((s) => s.id)).toEqual(['ms-village-grocery'])
  })

  test('我的店 vs 示范店 over my last whole month, worked by hand', async () => {
    // October 2026: ¥1,000.00 of sales a day at 12 % gross margin, 50 packs a day; 465 packs counted on 31 October.
    const days = 31
    const sales: SalesMonth = {
      _id: monthId(retailer.licenseNo, '2026-10'),
      licenseNo: retailer.licenseNo,
      month: '2026-10',
      totals: { packs: 50 * days, salesFen: 100_000 * days, costFen: 88_000 * days },
      daily: { packs: Array(days).fill(50), salesFen: Array(days).fill(100_000), costFen: Array(days).fill(88_000) },
      skus: [
        { skuCode: 'A', packs: 1000, salesFen: 2_000_000, costFen: 1_760_000, soldDays: 0 },
        { skuCode: 'B', packs: 550, salesFen: 1_100_000, costFen: 968_000, soldDays: 0 },
      ],
    }
    const stock: InventoryMonth = {
      _id: monthId(retailer.licenseNo, '2026-10'),
      licenseNo: retailer.licenseNo,
      month: '2026-10',
      totals: {},
      daily: { packs: [...Array(30).fill(null), 465] },
      skus: [],
    }
    await world.db.salesMonths.put(sales)
    await world.db.inventoryMonths.put(stock)
    const detail = await world.ok(modelStore, OWNER, { id: 'ms-town-convenience' }, NOW)
    expect(detail.myMonth).toBe('2026-10')
    expect(detail.visit).toEqual({ kind: 'panorama', url: '/media/stores/ms-town-convenience-pano.jpg' })
    expect(detail.photoUrls).toHaveLength(2)
    const byFigure = Object.fromEntries(detail.comparison.map((c) => [c.figure, c]))
    // Sales ¥31,000.00 against ¥128,500.00: behind by 9,750,000 fen.
    expect(byFigure.monthlySalesFen).toMatchObject({ mine: 3_100_000, model: 12_850_000, gap: 9_750_000, standing: 'behind' })
    // 12.0 % against 11.2 %: ahead.
    expect(byFigure.grossMargin.mine).toBeCloseTo(0.12, 12)
    expect(byFigure.grossMargin.standing).toBe('ahead')
    // 465 packs ÷ 50 a day = 9.3 days against 9.5: fewer days is better.
    expect(byFigure.turnoverDays.mine).toBeCloseTo(9.3, 12)
    expect(byFigure.turnoverDays.standing).toBe('ahead')
    expect(byFigure.grade).toMatchObject({ mine: 12, model: 24, gap: 12, standing: 'behind' })
    // Both SKUs in stock sold: 100 % against 93 %.
    expect(byFigure.sellThrough).toMatchObject({ mine: 1, standing: 'ahead' })
    expect(comparisonWords(byFigure.monthlySalesFen)).toEqual({ label: '月销售额', mine: '¥3.1万', model: '¥12.9万', standing: '低于示范店' })
  })

  test('without POS data my sales compare to nothing; an unknown store is NOT_FOUND', async () => {
    const detail = await world.ok(modelStore, OWNER, { id: 'ms-village-grocery' }, NOW)
    const sales = detail.comparison.find((c) => c.figure === 'monthlySalesFen')
    expect(sales).toMatchObject({ mine: null, gap: null, standing: null })
    expect(detail.comparison.find((c) => c.figure === 'grade')).toMatchObject({ mine: 12, standing: 'level' })
    const missing = await world.call(modelStore, OWNER, { id: 'nope' }, NOW)
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND')
  })
})
