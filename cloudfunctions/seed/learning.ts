import { copyFile, mkdir, readFile, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { CsvReader } from '../adapters/node/csv'
import { validateCourses, validateModelStores, type MediaIndex } from '../core/learning/catalogue'
import type { CourseDoc, ModelStoreDoc } from '../core/model'
import type { DocumentStore } from '../core/ports'
import { repos } from '../core/repos'
import { filesUnder } from '../adapters/node/catalogueMedia'

/**
 * 学习 in the demo county: the default catalogues (cloudfunctions/defaults/courses.csv, modelStores.csv),
 * checked by the same validators as an import, and their media copied into the data folder
 * (`DATA_DIR/media/…`), which the local host serves. Media never go into the mini-program package.
 */

/** npm scripts, the host and the tests all run from the repository (a bundle has no __dirname to go by). */
export const DEFAULTS_DIR = resolve('cloudfunctions/defaults')

const readCsv = async (path: string): Promise<string[][]> => {
  const rows: string[][] = []
  const reader = new CsvReader((fields) => rows.push([...fields]))
  reader.write(await readFile(path, 'utf8'))
  reader.end()
  return rows
}

const defaultMedia = async (defaultsDir: string): Promise<MediaIndex> => {
  const mediaDir = join(defaultsDir, 'media')
  const files = await filesUnder(mediaDir)
  const texts = new Map<string, string>()
  for (const file of files.filter((f) => f.endsWith('.vtt'))) texts.set(file, await readFile(join(mediaDir, file), 'utf8'))
  return { files: new Set(files), texts }
}

/**
 * Loads the default catalogues when the store has neither (a catalogue imported since is never
 * overwritten). Answers whether it loaded them. A default file that does not pass is a bug: it throws.
 */
export const seedLearningCatalogues = async (store: DocumentStore, defaultsDir = DEFAULTS_DIR): Promise<boolean> => {
  const db = repos(store)
  if ((await db.courses.count({})) > 0 || (await db.modelStores.count({})) > 0) return false
  const media = await defaultMedia(defaultsDir)
  const courses = validateCourses(await readCsv(join(defaultsDir, 'courses.csv')), media)
  const stores = validateModelStores(await readCsv(join(defaultsDir, 'modelStores.csv')), media)
  if (!courses.ok) throw new Error(`courses.csv: ${JSON.stringify(courses.problems)}`)
  if (!stores.ok) throw new Error(`modelStores.csv: ${JSON.stringify(stores.problems)}`)
  await db.courses.putMany(courses.items.map((course, rank): CourseDoc => ({ _id: course.id, ...course, rank })))
  await db.modelStores.putMany(stores.items.map((s, rank): ModelStoreDoc => ({ _id: s.id, ...s, rank })))
  return true
}

/**
 * Copies the default media into `dataDir/media`, file by file, where a file is missing or differs in
 * size; what a company put there itself is left alone. Answers how many files were copied.
 */
export const copyDefaultMedia = async (dataDir: string, defaultsDir = DEFAULTS_DIR): Promise<number> => {
  const from = join(defaultsDir, 'media')
  const to = join(dataDir, 'media')
  let copied = 0
  for (const file of await filesUnder(from)) {
    const [source, target] = await Promise.all([stat(join(from, file)), stat(join(to, file)).catch(() => null)])
    if (target && target.size === source.size) continue
    await mkdir(dirname(join(to, file)), { recursive: true })
    await copyFile(join(from, file), join(to, file))
    copied++
  }
  return copied
}
