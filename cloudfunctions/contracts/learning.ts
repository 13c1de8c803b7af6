import type { GuidanceClass } from './guidance'
import type { AreaType, BusinessType } from './vocabulary'
/**
 * 学习: the vocabulary and result types of micro-courses (微课件、小视频) and model stores (示范店, AR探店).
 * Category, business-type and area-type values are the words the company writes in its catalogue files
 * (data, like the business types of retailers.csv); everything the core decides is a code or a figure.
 * Money is integer fen; ratios are fractions (0.18 = 18 %); times in a video are seconds, watched spans
 * integer milliseconds (so 90 % is decided without floating-point doubt).
 */

export const COURSE_CATEGORIES = ['设备与系统', '扫码与收款', '经营技巧', '订货与政策'] as const
export type CourseCategory = (typeof COURSE_CATEGORIES)[number]


/** Columns of courses.csv, in order. Lists inside a field are separated by `|`. */
export const COURSE_COLUMNS = ['id', 'title', 'category', 'duration_s', 'cover', 'video', 'captions', 'target_classes', 'tags'] as const
/** Columns of modelStores.csv, in order. */
export const MODEL_STORE_COLUMNS = [
  'id', 'name', 'business_type', 'area_type', 'district', 'address', 'photos', 'monthly_sales_fen', 'gross_margin',
  'turnover_days', 'grade', 'sell_through', 'display_points', 'visit',
] as const
export const LIST_SEPARATOR = '|'

/**
 * A media reference: a CloudBase file id (`cloud://…`), an HTTPS URL, or a path inside the media folder
 * (`courses/c-pos-unstable.mp4`) that the local host serves.
 */
export type MediaRef = string

export interface Course {
  id: string
  title: string
  category: CourseCategory
  durationS: number
  cover: MediaRef
  video: MediaRef
  /** WebVTT. */
  captions: MediaRef
  targetClasses: GuidanceClass[]
  tags: string[]
}

/** How a model store is visited: a 720° panorama in `web-view` / the viewer page, or another mini-program. */
export type StoreVisit = { kind: 'panorama'; src: MediaRef } | { kind: 'miniProgram'; appId: string; path: string }

/** The figures that make a shop a model, for one month. */
export interface StoreFigures {
  monthlySalesFen: number
  /** Gross profit ÷ sales. */
  grossMargin: number
  /** Stock ÷ average daily sales. */
  turnoverDays: number
  grade: number
  /** Share of stocked SKUs that sold in the month (动销率). */
  sellThrough: number
}

export interface ModelStore extends StoreFigures {
  id: string
  name: string
  businessType: BusinessType
  areaType: AreaType
  district: string
  address: string
  photos: MediaRef[]
  /** 陈列要点, one point each, in the company's words. */
  displayPoints: string[]
  visit: StoreVisit
}

// ------------------------------------------------------------------------------------------ captions

export interface Cue {
  /** The cue's identifier line, when it has one. */
  id: string | null
  startS: number
  endS: number
  text: string
}

export const VTT_PROBLEMS = ['notWebVtt', 'badTiming', 'endBeforeStart'] as const
export type VttProblem = (typeof VTT_PROBLEMS)[number]

export type VttResult = { ok: true; cues: Cue[] } | { ok: false; code: VttProblem; /** 1-based line of the file */ line: number }

// ------------------------------------------------------------------------------------ catalogue files

export const CATALOGUE_PROBLEMS = [
  'missingColumn', // the header lacks a required column (row 1)
  'empty', // a required field is empty
  'tooLong',
  'badId', // ids: letters, digits and - _ only
  'duplicateId',
  'badNumber', // not a number, or outside its range (min/max given)
  'unknownCategory',
  'unknownClass',
  'unknownBusinessType',
  'unknownAreaType',
  'badMediaRef', // neither cloud://, https:// nor a plain path inside the media folder
  'videoMissing', // no video, or a media-folder path with no such file
  'notVideo', // a media-folder video that is not .mp4
  'captionsMissing',
  'captionsNotWebVtt', // not .vtt, or its text does not parse as WebVTT
  'notImage', // a cover or photo that is not .jpg/.jpeg/.png
  'fileMissing', // a cover or photo path with no such file in the media folder
  'visitMissing',
  'badVisit', // `miniprogram:` without a valid appid and path, or a panorama that is not an image
] as const
export type CatalogueProblemCode = (typeof CATALOGUE_PROBLEMS)[number]

export interface CatalogueProblem {
  /** As a spreadsheet numbers it: the header is row 1, the first data row row 2. */
  row: number
  column: string
  code: CatalogueProblemCode
  /** The offending text, shortened. */
  value?: string
  min?: number
  max?: number
}

export type CatalogueResult<T> = { ok: true; items: T[] } | { ok: false; problems: CatalogueProblem[] }

// --------------------------------------------------------------------------------------------- progress

/** A span of the video watched, [fromMs, toMs), in milliseconds of the video. */
export type WatchedSpan = readonly [number, number]

/** One viewer's progress on one course. */
export interface CourseProgress {
  courseId: string
  /** Where to resume, seconds into the video. */
  positionS: number
  /** The union of spans really played, sorted, disjoint and not touching. */
  watched: WatchedSpan[]
  watchedMs: number
  /** When ≥ 90 % of the duration had been watched; it stays. */
  completedAt: string | null
  /** Last report accepted for credit: bounds how much playing the next report can claim. */
  creditedAt: string
  updatedAt: string
}

/** What the player sends every few seconds and when the page hides. */
export interface ProgressReport {
  courseId: string
  positionS: number
  /** Spans played since the page opened, in seconds of the video (the tracker's output). */
  played: ReadonlyArray<readonly [number, number]>
}

export type CardProgress = { code: 'notStarted' } | { code: 'watching'; positionS: number } | { code: 'completed' }

export type RecommendReason = 'strategy' | 'class'

export interface ListedCourse {
  course: Course
  /** Why it is on top; null: listed by category. */
  recommended: RecommendReason | null
}

// ------------------------------------------------------------------------------------------ comparison

export const COMPARED_FIGURES = ['monthlySalesFen', 'grossMargin', 'turnoverDays', 'grade', 'sellThrough'] as const
export type ComparedFigure = (typeof COMPARED_FIGURES)[number]

/** One line of 我的店 vs 示范店. */
export interface FigureComparison {
  figure: ComparedFigure
  mine: number | null
  model: number
  betterWhen: 'higher' | 'lower'
  /** model − mine, in the figure's unit; null without my figure. */
  gap: number | null
  /** 'ahead' | 'level' | 'behind' from my side; null without my figure. */
  standing: 'ahead' | 'level' | 'behind' | null
}

// ------------------------------------------------------------------------------- what functions answer

/** The shop the answer is for: the caller's own, or one they help with `insights`. */
export interface LearnerShop {
  licenseNo: string
  shopName: string
}

/** One card of the course list (未开始 / 看到 2:10 / 已学完). URLs are ready to load: temporary for cloud files. */
export interface CourseCard {
  id: string
  title: string
  category: CourseCategory
  durationS: number
  coverUrl: string | null
  progress: CardProgress
  recommended: RecommendReason | null
}

export interface CoursesData {
  shop: LearnerShop
  courses: CourseCard[]
}

export interface CourseDetail extends CourseCard {
  tags: string[]
  /** null: the file cannot be reached from here (a media-folder path in the cloud). */
  videoUrl: string | null
  captionsUrl: string | null
  /** Where the player starts (`initialTime`). */
  resumeAtS: number
  /** Share of the duration really watched, 0–1. */
  watchedShare: number
  shop: LearnerShop
}

export interface CourseProgressResult {
  progress: CardProgress
  watchedShare: number
  completed: boolean
  /** False when the report claimed more playing than time allows: only the position was kept. */
  credited: boolean
}

export interface ModelStoreCard {
  id: string
  name: string
  businessType: BusinessType
  areaType: AreaType
  district: string
  photoUrl: string | null
  /** Same business type / area type as the shop asked for. */
  sameBusinessType: boolean
  sameAreaType: boolean
}

export interface ModelStoresData {
  shop: LearnerShop & { businessType: string; areaType: string }
  stores: ModelStoreCard[]
  /** The values the filters offer, from the whole catalogue. */
  filters: { businessTypes: BusinessType[]; areaTypes: AreaType[]; districts: string[] }
}

/** The visit as the app opens it: a panorama image URL (web-view / the viewer page), or another mini-program. */
export type VisitLink = { kind: 'panorama'; url: string | null } | { kind: 'miniProgram'; appId: string; path: string }

export interface ModelStoreDetail {
  id: string
  name: string
  businessType: BusinessType
  areaType: AreaType
  district: string
  address: string
  photoUrls: string[]
  figures: StoreFigures
  /** 我的店 vs 示范店, over my operating summary's last full month. */
  comparison: FigureComparison[]
  /** That month (YYYY-MM). */
  myMonth: string
  displayPoints: string[]
  visit: VisitLink
  shop: LearnerShop
}
