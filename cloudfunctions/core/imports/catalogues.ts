import type { RowProblem } from '../../contracts/insights'
import { type CatalogueProblem, type CatalogueResult, type Course, type ModelStore, COURSE_COLUMNS, MODEL_STORE_COLUMNS } from '../../contracts/learning'
import type { ImportKind } from '../../contracts/vocabulary'
import { mediaRefKind, validateCourses, validateModelStores, type MediaIndex } from '../learning/catalogue'
import type { CourseDoc, ModelStoreDoc } from '../model'
import { type CheckResult, MAX_LISTED_PROBLEMS } from './check'
import type { Journal } from './journal'
import { FileFormatError, type ImportIo, type ImportSource, type SourceRecord } from './ports'
export type { CatalogueMedia } from './ports'
import type { DocumentStore } from '../ports'

/**
 * The 学习 catalogues (courses.csv, modelStores.csv) as import kinds. A catalogue is small and its rows
 * refer to each other (ids must be unique) and to media files, so the whole file is read, then checked
 * by the catalogue validators of core/learning, and written as the new catalogue: rows are kept in the
 * file's order (`rank`) and a course or store the file no longer lists is removed.
 */
export type CatalogueKind = Extract<ImportKind, 'courses' | 'modelStores'>
export const CATALOGUE_KINDS: readonly CatalogueKind[] = ['courses', 'modelStores']
export const isCatalogueKind = (kind: ImportKind): kind is CatalogueKind => (CATALOGUE_KINDS as readonly string[]).includes(kind)

interface CatalogueSpec<T extends { id: string }> {
  columns: readonly string[]
  validate(rows: readonly (readonly string[])[], media?: MediaIndex): CatalogueResult<T>
  /** The references whose text must be read (captions). */
  texts(rows: readonly (readonly string[])[]): string[]
}

const column = (rows: readonly (readonly string[])[], name: string): string[] => {
  const at = (rows[0] ?? []).map((h) => h.trim().replace(/^\uFEFF/, '')).indexOf(name)
  return at < 0 ? [] : rows.slice(1).map((r) => (r[at] ?? '').trim()).filter((v) => v !== '')
}

export const CATALOGUE_SPECS: { courses: CatalogueSpec<Course>; modelStores: CatalogueSpec<ModelStore> } = {
  courses: {
    columns: COURSE_COLUMNS,
    validate: validateCourses,
    texts: (rows) => column(rows, 'captions').filter((ref) => mediaRefKind(ref) !== 'https'),
  },
  modelStores: { columns: MODEL_STORE_COLUMNS, validate: validateModelStores, texts: () => [] },
}

export const asRowProblem = (p: CatalogueProblem): RowProblem => ({
  row: p.row,
  column: p.column,
  code: 'catalogue',
  problem: p.code,
  ...(p.value === undefined ? {} : { value: p.value }),
  ...(p.min === undefined ? {} : { min: p.min }),
  ...(p.max === undefined ? {} : { max: p.max }),
})

const readAll = async (source: ImportSource): Promise<SourceRecord[]> => {
  const records: SourceRecord[] = []
  for await (const batch of source.records) records.push(...batch)
  return records
}

export interface CatalogueOutcome {
  checked: CheckResult
  refused: boolean
}

/**
 * Reads, checks and (when nothing is wrong, or with `skipInvalid` for the good rows) writes one catalogue
 * through the import's journal.
 */
export const importCatalogue = async (
  kind: CatalogueKind,
  io: Pick<ImportIo, 'source' | 'rejected' | 'media'>,
  store: DocumentStore,
  journal: Journal,
  skipInvalid: boolean,
): Promise<CatalogueOutcome> => {
  const spec = CATALOGUE_SPECS[kind] as CatalogueSpec<Course | ModelStore>
  const checked: CheckResult = { sha256: '', rows: 0, good: 0, rejected: 0, problems: [], moreProblems: 0, fatal: false }
  const note = (problem: RowProblem) => {
    if (checked.problems.length < MAX_LISTED_PROBLEMS) checked.problems.push(problem)
    else checked.moreProblems++
  }
  const refuse = (problem: RowProblem): CatalogueOutcome => {
    note(problem)
    checked.fatal = true
    return { checked: { ...checked, sha256: io.source.sha256() }, refused: true }
  }

  let rows: SourceRecord[]
  try {
    rows = await readAll(io.source)
  } catch (error) {
    if (!(error instanceof FileFormatError)) throw error
    return refuse({ row: error.line, column: '#file', code: 'csvFormat', problem: error.problem })
  }
  if (rows.length === 0) return refuse({ row: 1, column: '#file', code: 'emptyFile' })
  const header = rows[0]
  const data = rows.slice(1).map((record, at) => ({ record, row: at + 2 })).filter(({ record }) => record.some((f) => f.trim() !== ''))
  checked.rows = data.length
  if (data.length === 0) return refuse({ row: 2, column: '#file', code: 'catalogue', problem: 'empty' })

  const media = io.media ? await io.media.index(spec.texts(rows)) : undefined
  const first = spec.validate(rows, media)
  if (!first.ok && first.problems.some((p) => p.code === 'missingColumn')) {
    first.problems.forEach((p) => note(asRowProblem(p)))
    checked.fatal = true
    return { checked: { ...checked, sha256: io.source.sha256() }, refused: true }
  }
  const byRow = new Map<number, RowProblem[]>()
  const add = (problem: RowProblem) => byRow.set(problem.row, [...(byRow.get(problem.row) ?? []), problem])
  if (!first.ok) first.problems.map(asRowProblem).forEach(add)
  // Text that did not decode is damage, not data.
  if (io.source.undecodable) {
    for (const { record, row } of data) if (record.some((f) => f.includes('\uFFFD'))) add({ row, column: '#row', code: 'undecodable' })
  }

  io.rejected?.header(header)
  for (const { record, row } of data) {
    const problems = byRow.get(row)
    if (!problems) continue
    checked.rejected++
    problems.forEach(note)
    io.rejected?.add(record, row, problems)
  }
  await io.rejected?.close()
  checked.good = data.length - checked.rejected
  checked.sha256 = io.source.sha256()
  if (checked.rejected > 0 && (!skipInvalid || checked.good === 0)) return { checked, refused: true }

  // The good rows alone (with skipInvalid) are checked again: a duplicate of a dropped row is no duplicate.
  const kept = checked.rejected === 0 ? first : spec.validate([header, ...data.filter(({ row }) => !byRow.has(row)).map(({ record }) => record)], media)
  if (!kept.ok) {
    kept.problems.map(asRowProblem).forEach(note)
    return { checked, refused: true }
  }
  await writeCatalogue(kind, kept.items, store, journal)
  return { checked, refused: false }
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** The catalogue becomes exactly the file: changed and new rows written, missing ones removed. */
const writeCatalogue = async (kind: CatalogueKind, items: readonly (Course | ModelStore)[], store: DocumentStore, journal: Journal): Promise<void> => {
  const collection = store.collection<CourseDoc | ModelStoreDoc>(kind)
  const existing = new Map((await collection.find({})).map((doc) => [doc._id, doc]))
  const docs = items.map((item, rank) => ({ _id: item.id, ...item, rank }) as CourseDoc | ModelStoreDoc)
  const changed = docs.filter((doc) => !sameJson(existing.get(doc._id), doc))
  await journal.write(kind, changed, existing)
  const listed = new Set(docs.map((doc) => doc._id))
  const gone = [...existing.values()].filter((doc) => !listed.has(doc._id))
  if (gone.length > 0) await journal.remove(kind, gone)
}
