import { type AreaType, type BusinessType, AREA_TYPES, BUSINESS_TYPES } from '../../contracts/vocabulary'
import type { CourseCard, CourseDetail, CourseProgressResult, CoursesData, LearnerShop, MediaRef, ModelStoreCard, ModelStoreDetail, ModelStoresData, VisitLink } from '../../contracts/learning'
import { fail } from '../errors'
import { actingFor } from '../helpers/access'
import { getSummary } from '../insights/summary'
import type { CourseDoc, CourseProgressDoc, ModelStoreDoc, Retailer } from '../model'
import type { Deps } from '../ports'
import { repos, type Repos } from '../repos'
import { addMonths, chinaDate, chinaIso, monthOf, monthStart } from '../time'
import { mediaRefKind } from './catalogue'
import { compareWithModel, myFiguresOf } from './compare'
import { recordProgress, resumeAtS, startProgress, toMs } from './completion'
import { cardProgress, orderCourses, orderModelStores } from './listing'
import { latestGuide, recommendationOf } from './recommend'
import { storedGuides } from './ports'

/**
 * 学习 for one caller: the course list and a course, the progress the player reports, the model stores
 * and one of them beside the caller's own figures. Each call acts for the caller's shop, or for a shop
 * the caller helps with `insights` (a helper may watch for the shop: the progress is the helper's own,
 * kept under that shop).
 */

const shopOf = (retailer: Retailer): LearnerShop => ({ licenseNo: retailer.licenseNo, shopName: retailer.shopName })

export const progressId = (licenseNo: string, openId: string, courseId: string): string => `${licenseNo}|${openId}|${courseId}`

/** URLs for references: HTTPS ones as they are, the rest through the media port (none without it). */
const resolver = async (deps: Deps, refs: readonly MediaRef[]): Promise<(ref: MediaRef) => string | null> => {
  const wanted = [...new Set(refs.filter((ref) => ref !== '' && mediaRefKind(ref) !== 'https'))]
  const urls = wanted.length > 0 && deps.media ? await deps.media.urls(wanted) : new Map<MediaRef, string | null>()
  return (ref) => (mediaRefKind(ref) === 'https' ? ref : (urls.get(ref) ?? null))
}

const courseOf = ({ _id, rank, ...course }: CourseDoc) => {
  void _id
  void rank
  return course
}

const cardOf = (course: CourseDoc, progress: CourseProgressDoc | null, coverUrl: string | null, recommended: CourseCard['recommended']): CourseCard => ({
  id: course.id,
  title: course.title,
  category: course.category,
  durationS: course.durationS,
  coverUrl,
  progress: cardProgress(progress),
  recommended,
})

const myProgress = async (db: Repos, caller: string, licenseNo: string): Promise<Map<string, CourseProgressDoc>> => {
  const docs = await db.courseProgress.find({ openId: caller })
  return new Map(docs.filter((doc) => doc.licenseNo === licenseNo).map((doc) => [doc.courseId, doc]))
}

export const listCourses = async (deps: Deps, caller: string, event: { retailer?: string }): Promise<CoursesData> => {
  const db = repos(deps.store)
  const { retailer } = await actingFor(db, caller, event.retailer, 'insights')
  const [courses, progress, guide] = await Promise.all([
    db.courses.find({}, { sort: { rank: 1 } }),
    myProgress(db, caller, retailer.licenseNo),
    latestGuide(storedGuides(db), retailer.licenseNo, deps.clock.now().getTime()),
  ])
  const url = await resolver(deps, courses.map((c) => c.cover))
  const byId = new Map(courses.map((c) => [c.id, c]))
  const listed = orderCourses(courses.map(courseOf), recommendationOf(guide))
  return {
    shop: shopOf(retailer),
    courses: listed.map(({ course, recommended }) => {
      const doc = byId.get(course.id) as CourseDoc
      return cardOf(doc, progress.get(course.id) ?? null, url(doc.cover), recommended)
    }),
  }
}

const courseOrFail = async (db: Repos, id: string): Promise<CourseDoc> => (await db.courses.get(id)) ?? fail('NOT_FOUND', 'courseMissing')

const shareOf = (progress: CourseProgressDoc | null, durationS: number): number =>
  progress ? Math.min(1, progress.watchedMs / toMs(durationS)) : 0

export const getCourse = async (deps: Deps, caller: string, event: { id: string; retailer?: string }): Promise<CourseDetail> => {
  const db = repos(deps.store)
  const { retailer } = await actingFor(db, caller, event.retailer, 'insights')
  const course = await courseOrFail(db, event.id)
  const id = progressId(retailer.licenseNo, caller, course.id)
  const [found, guide] = await Promise.all([db.courseProgress.get(id), latestGuide(storedGuides(db), retailer.licenseNo, deps.clock.now().getTime())])
  // Opening the course starts the clock the first reports are credited against (completion.ts): the
  // first save may come only when the page hides, and may claim the playing since the page opened.
  const progress = found ?? (await startRecord(db, id, retailer.licenseNo, caller, course.id, chinaIso(deps.clock.now().getTime())))
  const url = await resolver(deps, [course.cover, course.video, course.captions])
  const [listed] = orderCourses([courseOf(course)], recommendationOf(guide))
  return {
    ...cardOf(course, progress, url(course.cover), listed.recommended),
    tags: course.tags,
    videoUrl: url(course.video),
    captionsUrl: url(course.captions),
    resumeAtS: resumeAtS(progress, course.durationS),
    watchedShare: shareOf(progress, course.durationS),
    shop: shopOf(retailer),
  }
}

const startRecord = async (db: Repos, id: string, licenseNo: string, openId: string, courseId: string, now: string): Promise<CourseProgressDoc> => {
  const doc: CourseProgressDoc = { ...startProgress(courseId, now), _id: id, licenseNo, openId, watchedMonths: [] }
  // Two pages opening at once: the one inserted first stands.
  return (await db.courseProgress.insert(doc)) ? doc : ((await db.courseProgress.get(id)) ?? doc)
}

/** Tries a compare-and-set this many times when two reports of one viewer cross (the timer and the page hiding). */
const WRITE_TRIES = 3

/**
 * Folds what the player reports into the viewer's record (core/learning/completion.ts decides what is
 * credited and when the course is learnt) with a compare-and-set on `updatedAt`, so two reports that
 * cross never lose a span.
 */
export const reportCourseProgress = async (
  deps: Deps,
  caller: string,
  event: { id: string; report: { positionS: number; played: ReadonlyArray<readonly [number, number]> }; retailer?: string },
): Promise<CourseProgressResult> => {
  const db = repos(deps.store)
  const { retailer } = await actingFor(db, caller, event.retailer, 'insights')
  const course = await courseOrFail(db, event.id)
  const id = progressId(retailer.licenseNo, caller, course.id)
  for (let attempt = 1; ; attempt++) {
    const at = deps.clock.now().getTime()
    const now = chinaIso(at)
    const previous = await db.courseProgress.get(id)
    const { progress, outcome } = recordProgress(previous, { courseId: course.id, ...event.report }, course.durationS, now)
    const month = monthOf(chinaDate(at))
    const watchedMore = progress.watchedMs > (previous?.watchedMs ?? 0)
    const watchedMonths = previous?.watchedMonths ?? []
    const doc: CourseProgressDoc = {
      ...progress,
      _id: id,
      licenseNo: retailer.licenseNo,
      openId: caller,
      watchedMonths: watchedMore && !watchedMonths.includes(month) ? [...watchedMonths, month] : watchedMonths,
    }
    const { _id, ...fields } = doc
    const written = previous
      ? (await db.courseProgress.update({ _id, updatedAt: previous.updatedAt }, fields)) === 1
      : await db.courseProgress.insert(doc)
    if (written) {
      return { progress: cardProgress(doc), watchedShare: shareOf(doc, course.durationS), completed: doc.completedAt !== null, credited: outcome === 'credited' }
    }
    if (attempt >= WRITE_TRIES) return fail('CONFLICT', 'progressBusy')
  }
}

const storeOf = (doc: ModelStoreDoc) => {
  const { _id, rank, ...store } = doc
  void _id
  void rank
  return store
}

export const listModelStores = async (
  deps: Deps,
  caller: string,
  event: { businessType?: BusinessType; areaType?: AreaType; district?: string; retailer?: string },
): Promise<ModelStoresData> => {
  const db = repos(deps.store)
  const { retailer } = await actingFor(db, caller, event.retailer, 'insights')
  const all = (await db.modelStores.find({}, { sort: { rank: 1 } })).map(storeOf)
  const chosen = all.filter(
    (s) =>
      (event.businessType === undefined || s.businessType === event.businessType) &&
      (event.areaType === undefined || s.areaType === event.areaType) &&
      (event.district === undefined || s.district === event.district),
  )
  const ordered = orderModelStores(chosen, retailer)
  const url = await resolver(deps, ordered.flatMap((s) => s.photos.slice(0, 1)))
  const stores: ModelStoreCard[] = ordered.map((s) => ({
    id: s.id,
    name: s.name,
    businessType: s.businessType,
    areaType: s.areaType,
    district: s.district,
    photoUrl: s.photos[0] === undefined ? null : url(s.photos[0]),
    sameBusinessType: s.businessType === retailer.businessType,
    sameAreaType: s.areaType === retailer.areaType,
  }))
  const present = <T extends string>(values: readonly T[], of: (s: (typeof all)[number]) => string): T[] => values.filter((v) => all.some((s) => of(s) === v))
  return {
    shop: { ...shopOf(retailer), businessType: retailer.businessType, areaType: retailer.areaType },
    stores,
    filters: {
      businessTypes: present(BUSINESS_TYPES, (s) => s.businessType),
      areaTypes: present(AREA_TYPES, (s) => s.areaType),
      districts: [...new Set(all.map((s) => s.district))],
    },
  }
}

/** The month my figures come from: the last whole month (China time). */
export const comparedMonth = (now: number): string => addMonths(monthOf(chinaDate(now)), -1)

export const getModelStore = async (deps: Deps, caller: string, event: { id: string; retailer?: string }): Promise<ModelStoreDetail> => {
  const db = repos(deps.store)
  const { retailer } = await actingFor(db, caller, event.retailer, 'insights')
  const doc = (await db.modelStores.get(event.id)) ?? fail('NOT_FOUND', 'modelStoreMissing')
  const store = storeOf(doc)
  const myMonth = comparedMonth(deps.clock.now().getTime())
  // My side is my operating summary of that month, read as the 经营 tab reads it (same access rule).
  const summary = await getSummary(deps, caller, { period: 'month', date: monthStart(myMonth), ...(event.retailer ? { retailer: event.retailer } : {}) })
  const visitRefs = store.visit.kind === 'panorama' ? [store.visit.src] : []
  const url = await resolver(deps, [...store.photos, ...visitRefs])
  const visit: VisitLink = store.visit.kind === 'panorama' ? { kind: 'panorama', url: url(store.visit.src) } : store.visit
  return {
    id: store.id,
    name: store.name,
    businessType: store.businessType,
    areaType: store.areaType,
    district: store.district,
    address: store.address,
    photoUrls: store.photos.map(url).filter((u): u is string => u !== null),
    figures: {
      monthlySalesFen: store.monthlySalesFen,
      grossMargin: store.grossMargin,
      turnoverDays: store.turnoverDays,
      grade: store.grade,
      sellThrough: store.sellThrough,
    },
    comparison: compareWithModel(myFiguresOf(summary), store),
    myMonth,
    displayPoints: store.displayPoints,
    visit,
    shop: shopOf(retailer),
  }
}
