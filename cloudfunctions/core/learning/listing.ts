import type { AreaType, BusinessType } from '../../contracts/vocabulary'
import type { GuidanceClass } from '../../contracts/guidance'
import { COURSE_CATEGORIES, type CardProgress, type Course, type CourseProgress, type ListedCourse, type ModelStore, type RecommendReason } from '../../contracts/learning'

/**
 * The course list: the courses of the retailer's matched strategies first (in the strategies' order),
 * then the courses aimed at one of its target classes, then everything else by category (the
 * catalogue's category order); inside each group the catalogue's own order.
 */
export const orderCourses = (
  courses: readonly Course[],
  retailer: { classes: readonly GuidanceClass[]; strategyCourseIds: readonly string[] },
): ListedCourse[] => {
  const byStrategy = new Map(retailer.strategyCourseIds.map((id, at) => [id, at] as const))
  const classes = new Set(retailer.classes)
  const listed = courses.map((course, at) => {
    const strategyAt = byStrategy.get(course.id)
    const recommended: RecommendReason | null =
      strategyAt !== undefined ? 'strategy' : course.targetClasses.some((c) => classes.has(c)) ? 'class' : null
    return { course, recommended, at, strategyAt: strategyAt ?? Infinity }
  })
  const group = (r: ListedCourse['recommended']): number => (r === 'strategy' ? 0 : r === 'class' ? 1 : 2)
  const category = (c: Course): number => COURSE_CATEGORIES.indexOf(c.category)
  return listed
    .sort((a, b) =>
      group(a.recommended) - group(b.recommended) ||
      a.strategyAt - b.strategyAt ||
      (a.recommended === null ? category(a.course) - category(b.course) : 0) ||
      a.at - b.at)
    .map(({ course, recommended }) => ({ course, recommended }))
}

/** A card's progress: not started, watching (where they stopped), or learnt. */
export const cardProgress = (progress: CourseProgress | null): CardProgress => {
  if (!progress || (progress.watchedMs === 0 && progress.positionS < 1 && progress.completedAt === null)) return { code: 'notStarted' }
  if (progress.completedAt !== null) return { code: 'completed' }
  return { code: 'watching', positionS: Math.floor(progress.positionS) }
}

/**
 * Model stores for a retailer: same business type and area type first, then same business type, then
 * same area type, then the rest; the catalogue's order inside each.
 */
export const orderModelStores = (
  stores: readonly ModelStore[],
  retailer: { businessType: BusinessType | string; areaType: AreaType | string },
): ModelStore[] => {
  const rank = (s: ModelStore): number => (s.businessType === retailer.businessType ? 0 : 2) + (s.areaType === retailer.areaType ? 0 : 1)
  return stores.map((store, at) => ({ store, at })).sort((a, b) => rank(a.store) - rank(b.store) || a.at - b.at).map(({ store }) => store)
}
