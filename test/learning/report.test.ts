import course from '../../cloudfunctions/functions/course'
import courseProgress from '../../cloudfunctions/functions/courseProgress'
import { seedLearningCatalogues } from '../../cloudfunctions/seed/learning'
import { learningReport, learningReportText } from '../../cloudfunctions/tools/reports/learning'
import type { GuideReader } from '../../cloudfunctions/core/learning/ports'
import { openWorld, SAT_TO_MON, shop, type World } from '../support/world'

/**
 * `npm run report -- learning YYYY-MM`: viewers and completions per course in the month, and by the class of
 * the viewers' shops in that month's guide.
 */
const a = shop(1, SAT_TO_MON)
const b = shop(2, SAT_TO_MON)
let world: World
beforeEach(async () => {
  world = await openWorld([{ retailer: a, owner: 'owner-a' }, { retailer: b, owner: 'owner-b' }])
  await seedLearningCatalogues(world.local.store)
})
afterEach(() => world.close())

const watch = async (owner: string, id: string, seconds: number, opened: string, reported: string) => {
  await world.ok(course, owner, { id }, opened)
  await world.ok(courseProgress, owner, { id, report: { positionS: seconds, played: [[0, seconds]] } }, reported)
}

test('a course watched in October and learnt in November counts as a viewer of both months and a completion of November', async () => {
  // a: 10 s of c-family-order on 31 October, the rest (to 36 s of 39.5) on 1 November; b: 5 s in November.
  await watch('owner-a', 'c-family-order', 10, '2026-10-31T20:00:00+08:00', '2026-10-31T20:00:20+08:00')
  await watch('owner-a', 'c-family-order', 36, '2026-11-01T09:00:00+08:00', '2026-11-01T09:01:00+08:00')
  await watch('owner-b', 'c-family-order', 5, '2026-11-02T09:00:00+08:00', '2026-11-02T09:00:10+08:00')
  await watch('owner-b', 'c-pos-unstable', 63.2, '2026-11-02T10:00:00+08:00', '2026-11-02T10:01:10+08:00')

  const guides: GuideReader = {
    guideOf: async (licenseNo, month) =>
      month === '2026-11' && licenseNo === a.licenseNo ? { month, classes: [{ id: 'newRetail', reasons: [] }, { id: 'terminal', reasons: [] }], strategies: [] } : null,
  }
  const october = await learningReport(world.local.store, '2026-10', guides)
  expect(october.courses.find((c) => c.courseId === 'c-family-order')).toMatchObject({ viewers: 1, completions: 0 })
  expect(october.byClass).toEqual([{ class: 'unclassified', viewers: 1, completions: 0 }])

  const november = await learningReport(world.local.store, '2026-11', guides)
  expect(november.courses.map((c) => [c.courseId, c.viewers, c.completions])).toEqual([
    ['c-pos-unstable', 1, 1],
    ['c-scanner-fault', 0, 0],
    ['c-card-limit', 0, 0],
    ['c-stockout-warning', 0, 0],
    ['c-family-order', 2, 1],
  ])
  // a is in two classes (one viewer, one completion each); b has no guide.
  expect(november.byClass).toEqual([
    { class: 'newRetail', viewers: 1, completions: 1 },
    { class: 'terminal', viewers: 1, completions: 1 },
    { class: 'unclassified', viewers: 2, completions: 1 },
  ])
  const text = learningReportText(november)
  expect(text).toContain('c-family-order\t家人帮忙订货\t2\t1')
  expect(text).toContain('新零售指导类\t1\t1')
  expect(text).not.toContain('还没有客户数字经营指导书')
  expect(learningReportText(await learningReport(world.local.store, '2026-11'))).toContain('还没有客户数字经营指导书')
})
