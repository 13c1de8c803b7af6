import type { GuidanceClass } from '../../contracts/guidance'
import { addMonths, chinaDate, monthOf } from '../time'
import type { GuideReader, LearningGuide } from './ports'

export interface Recommendation {
  classes: GuidanceClass[]
  /** Courses the matched strategies open, in the strategies' order. */
  strategyCourseIds: string[]
}

export const NO_RECOMMENDATION: Recommendation = { classes: [], strategyCourseIds: [] }

/** What a guide recommends: its classes, and the courses its strategies open (each once). */
export const recommendationOf = (guide: LearningGuide | null): Recommendation => {
  if (!guide) return NO_RECOMMENDATION
  const courseIds = guide.strategies.flatMap((s) => s.actions.flatMap((a) => (a.kind === 'course' ? [a.courseId] : [])))
  return { classes: guide.classes.map((c) => c.id), strategyCourseIds: [...new Set(courseIds)] }
}

/** How many months back a guide still recommends: a guide of month M is built once M's data is in. */
export const GUIDE_MONTHS_BACK = 2

/** The newest guide of a retailer, this month's or up to two months older; none without a reader. */
export const latestGuide = async (guides: GuideReader, licenseNo: string, now: number): Promise<LearningGuide | null> => {
  const month = monthOf(chinaDate(now))
  for (let back = 0; back <= GUIDE_MONTHS_BACK; back++) {
    const guide = await guides.guideOf(licenseNo, addMonths(month, -back))
    if (guide) return guide
  }
  return null
}
