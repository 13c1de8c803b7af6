import { AREA_TYPES, BUSINESS_TYPES, type AreaType, type BusinessType } from '../../contracts/vocabulary'
import { GUIDANCE_CLASSES, type GuidanceClass } from '../../contracts/guidance'
import { COURSE_CATEGORIES, COURSE_COLUMNS, LIST_SEPARATOR, MODEL_STORE_COLUMNS, type CatalogueProblem, type CatalogueProblemCode, type CatalogueResult, type Course, type CourseCategory, type ModelStore, type StoreVisit } from '../../contracts/learning'
import { parseWebVtt } from './vtt'

/**
 * The catalogues of 学习 (courses.csv, modelStores.csv) checked whole, like every import: every problem of
 * every row is collected with its row number and column, and a file with any problem is refused whole.
 * Input is the parsed file, header first, as rows of strings.
 */

/** What the media folder holds, when the references point into it (the default catalogues, a laptop). */
export interface MediaIndex {
  /** Paths relative to the media folder, e.g. `courses/c-pos-unstable.mp4`. */
  files: ReadonlySet<string>
  /** The text of the captions files, by the same paths. */
  texts: ReadonlyMap<string, string>
}

export type MediaRefKind = 'cloud' | 'https' | 'file'

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/
const FILE_PATH = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._\-/]+$/
const APP_ID = /^wx[0-9a-f]{16}$/
const VIDEO = /\.(mp4|m4v)$/i
const IMAGE = /\.(jpe?g|png)$/i
const CAPTIONS = /\.vtt$/i
const NUMBER = /^-?\d+(\.\d+)?$/

/** Where a media reference points: a CloudBase file id, an HTTPS URL, a path in the media folder, or nowhere. */
export const mediaRefKind = (ref: string): MediaRefKind | null => {
  if (/^cloud:\/\/\S+$/.test(ref)) return 'cloud'
  if (/^https:\/\/[^\s/]+\S*$/.test(ref)) return 'https'
  return FILE_PATH.test(ref) ? 'file' : null
}

/** The path part of a reference, for its extension (a URL's query and fragment do not count). */
const pathOf = (ref: string): string => ref.replace(/[?#].*$/, '')

const shortened = (value: string): string => (value.length > 40 ? `${value.slice(0, 40)}…` : value)

/** Reads one record by column name, collecting problems with the row number. */
class Row {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly record: readonly string[],
    readonly row: number,
    private readonly problems: CatalogueProblem[],
  ) {}

  problem(column: string, code: CatalogueProblemCode, extra: Omit<CatalogueProblem, 'row' | 'column' | 'code'> = {}): void {
    this.problems.push({ row: this.row, column, code, ...extra, ...(extra.value === undefined ? {} : { value: shortened(extra.value) }) })
  }

  raw(column: string): string {
    const at = this.index.get(column)
    return at === undefined ? '' : (this.record[at] ?? '').trim()
  }

  text(column: string, maxLength: number, emptyCode: CatalogueProblemCode = 'empty'): string {
    const value = this.raw(column)
    if (value === '') this.problem(column, emptyCode)
    else if (value.length > maxLength) this.problem(column, 'tooLong', { value, max: maxLength })
    return value
  }

  number(column: string, min: number, max: number, integer = false): number {
    const value = this.raw(column)
    if (value === '') {
      this.problem(column, 'empty')
      return 0
    }
    const n = NUMBER.test(value) ? Number(value) : NaN
    if (Number.isNaN(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      this.problem(column, 'badNumber', { value, min, max })
      return 0
    }
    return n
  }

  oneOf<T extends string>(column: string, allowed: readonly T[], code: CatalogueProblemCode): T {
    const value = this.raw(column)
    if (value === '') this.problem(column, 'empty')
    else if (!(allowed as readonly string[]).includes(value)) this.problem(column, code, { value })
    return value as T
  }

  list(column: string, maxLength: number): string[] {
    const items = this.raw(column).split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '')
    for (const item of items) if (item.length > maxLength) this.problem(column, 'tooLong', { value: item, max: maxLength })
    return items
  }

  /** A media reference of the kind the extension says; a media-folder path must name a file that is there. */
  media(column: string, value: string, shape: RegExp, wrongShape: CatalogueProblemCode, absent: CatalogueProblemCode, media?: MediaIndex): boolean {
    const kind = mediaRefKind(value)
    if (kind === null) {
      this.problem(column, 'badMediaRef', { value })
      return false
    }
    if (!shape.test(pathOf(value))) {
      this.problem(column, wrongShape, { value })
      return false
    }
    if (kind === 'file' && media && !media.files.has(value)) {
      this.problem(column, absent, { value })
      return false
    }
    return true
  }
}

/** Checks the header and walks the records; `check` returns the item (kept only when the whole file is clean). */
const validate = <T>(
  rows: readonly (readonly string[])[],
  columns: readonly string[],
  check: (row: Row) => T & { id: string },
): CatalogueResult<T> => {
  const problems: CatalogueProblem[] = []
  const header = (rows[0] ?? []).map((name) => name.trim().replace(/^\uFEFF/, ''))
  const index = new Map(header.map((name, at) => [name, at] as const))
  for (const column of columns) if (!index.has(column)) problems.push({ row: 1, column, code: 'missingColumn' })
  if (problems.length > 0) return { ok: false, problems }
  const items: T[] = []
  const seen = new Set<string>()
  for (let at = 1; at < rows.length; at++) {
    const record = rows[at]
    if (record.every((field) => field.trim() === '')) continue // a blank line in a spreadsheet export
    const row = new Row(index, record, at + 1, problems)
    const item = check(row)
    if (item.id !== '' && ID.test(item.id)) {
      if (seen.has(item.id)) row.problem('id', 'duplicateId', { value: item.id })
      seen.add(item.id)
    }
    items.push(item)
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, items }
}

const checkId = (row: Row): string => {
  const id = row.text('id', 64)
  if (id !== '' && !ID.test(id)) row.problem('id', 'badId', { value: id })
  return id
}

/** courses.csv: id, title, category, duration_s, cover, video, captions, target_classes, tags. */
export const validateCourses = (rows: readonly (readonly string[])[], media?: MediaIndex): CatalogueResult<Course> =>
  validate(rows, COURSE_COLUMNS, (row) => {
    const id = checkId(row)
    const title = row.text('title', 40)
    const category = row.oneOf<CourseCategory>('category', COURSE_CATEGORIES, 'unknownCategory')
    const durationS = row.number('duration_s', 1, 3600)
    const cover = row.text('cover', 500)
    if (cover !== '') row.media('cover', cover, IMAGE, 'notImage', 'fileMissing', media)
    const video = row.text('video', 500, 'videoMissing')
    if (video !== '') row.media('video', video, VIDEO, 'notVideo', 'videoMissing', media)
    const captions = row.text('captions', 500, 'captionsMissing')
    if (captions !== '' && row.media('captions', captions, CAPTIONS, 'captionsNotWebVtt', 'fileMissing', media)) {
      const text = media?.texts.get(captions)
      if (text !== undefined) {
        const parsed = parseWebVtt(text)
        if (!parsed.ok) row.problem('captions', 'captionsNotWebVtt', { value: `${captions} (${parsed.code}, line ${parsed.line})` })
      }
    }
    const targetClasses = row.list('target_classes', 40) as GuidanceClass[]
    for (const c of targetClasses) if (!(GUIDANCE_CLASSES as readonly string[]).includes(c)) row.problem('target_classes', 'unknownClass', { value: c })
    const tags = row.list('tags', 12)
    return { id, title, category, durationS, cover, video, captions, targetClasses, tags }
  })

/** `miniprogram:<appid>:<path>` or a panorama image (cloud file, HTTPS URL or media-folder path). */
const checkVisit = (row: Row, media?: MediaIndex): StoreVisit => {
  const value = row.text('visit', 500, 'visitMissing')
  if (value.startsWith('miniprogram:')) {
    const [, appId = '', ...rest] = value.split(':')
    const path = rest.join(':')
    if (!APP_ID.test(appId) || path.trim() === '' || /\s/.test(path)) row.problem('visit', 'badVisit', { value })
    return { kind: 'miniProgram', appId, path }
  }
  if (value !== '') row.media('visit', value, IMAGE, 'badVisit', 'fileMissing', media)
  return { kind: 'panorama', src: value }
}

/** modelStores.csv: see MODEL_STORE_COLUMNS. Ratios are fractions (0.18), money integer fen. */
export const validateModelStores = (rows: readonly (readonly string[])[], media?: MediaIndex): CatalogueResult<ModelStore> =>
  validate(rows, MODEL_STORE_COLUMNS, (row) => {
    const id = checkId(row)
    const name = row.text('name', 20)
    const businessType = row.oneOf<BusinessType>('business_type', BUSINESS_TYPES, 'unknownBusinessType')
    const areaType = row.oneOf<AreaType>('area_type', AREA_TYPES, 'unknownAreaType')
    const district = row.text('district', 20)
    const address = row.text('address', 60)
    const photos = row.list('photos', 500)
    for (const photo of photos) row.media('photos', photo, IMAGE, 'notImage', 'fileMissing', media)
    const monthlySalesFen = row.number('monthly_sales_fen', 0, 1e11, true)
    const grossMargin = row.number('gross_margin', 0, 1)
    const turnoverDays = row.number('turnover_days', 0, 365)
    const grade = row.number('grade', 1, 30, true)
    const sellThrough = row.number('sell_through', 0, 1)
    const displayPoints = row.list('display_points', 60)
    if (displayPoints.length === 0) row.problem('display_points', 'empty')
    const visit = checkVisit(row, media)
    return {
      id, name, businessType, areaType, district, address, photos,
      monthlySalesFen, grossMargin, turnoverDays, grade, sellThrough, displayPoints, visit,
    }
  })
