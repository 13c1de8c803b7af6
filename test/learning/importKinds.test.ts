import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { folderCatalogueMedia } from '../../cloudfunctions/adapters/node/catalogueMedia'
import { copyDefaultMedia } from '../../cloudfunctions/seed/learning'
import { repos } from '../../cloudfunctions/core/repos'
import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { importText, openStore, problemsText, removeDir, tempDir } from '../imports/helpers'

/**
 * The 学习 catalogues as import kinds: the default files import whole against a data folder's media;
 * a course without a video file, captions that are not WebVTT and a store without a visit are refused
 * with the row named, and nothing is written; a new file replaces the catalogue.
 */
const DEFAULTS = join(__dirname, '../../cloudfunctions/defaults')
const COURSES_CSV = readFileSync(join(DEFAULTS, 'courses.csv'), 'utf8')
const STORES_CSV = readFileSync(join(DEFAULTS, 'modelStores.csv'), 'utf8')

let dir: string
let store: SqliteStore
const media = () => folderCatalogueMedia(join(dir, 'media'))

beforeEach(async () => {
  dir = tempDir()
  store = await openStore(dir)
  await copyDefaultMedia(dir)
})
afterEach(() => {
  store.close()
  removeDir(dir)
})

/** The default file with one line changed by `edit`. */
const withLine = (text: string, id: string, edit: (line: string) => string): string =>
  text.split('\n').map((line) => (line.startsWith(`${id},`) ? edit(line) : line)).join('\n')

test('the default catalogues import whole, in their order, against the data folder', async () => {
  const courses = await importText(store, 'courses', COURSES_CSV, { media: media() })
  expect(courses).toMatchObject({ applied: true, rows: 5, imported: 5, rejected: 0 })
  const stores = await importText(store, 'modelStores', STORES_CSV, { media: media() })
  expect(stores).toMatchObject({ applied: true, rows: 3, imported: 3 })
  const db = repos(store)
  expect((await db.courses.find({}, { sort: { rank: 1 } })).map((c) => c.id)).toEqual([
    'c-pos-unstable', 'c-scanner-fault', 'c-card-limit', 'c-stockout-warning', 'c-family-order',
  ])
  expect(await db.modelStores.get('ms-village-grocery')).toMatchObject({ visit: { kind: 'panorama', src: 'stores/ms-village-grocery-pano.jpg' }, grade: 12 })
  // The same file again changes nothing.
  expect(await importText(store, 'courses', COURSES_CSV, { media: media() })).toMatchObject({ applied: true, changedDocs: 0 })
})

test('a course whose video file is not in the data folder is refused with its row, and nothing is written', async () => {
  const text = withLine(COURSES_CSV, 'c-card-limit', (line) => line.replace('courses/c-card-limit.mp4', 'courses/gone.mp4'))
  const report = await importText(store, 'courses', text, { media: media() })
  expect(report).toMatchObject({ applied: false, imported: 0, rejected: 1 })
  expect(problemsText(report)).toEqual(['第 4 行 video：课程缺少视频文件（「courses/gone.mp4」）'])
  expect(await repos(store).courses.count({})).toBe(0)
})

test('a course with an empty video column is refused the same way', async () => {
  const text = withLine(COURSES_CSV, 'c-pos-unstable', (line) => line.replace('courses/c-pos-unstable.mp4', ''))
  expect(problemsText(await importText(store, 'courses', text, { media: media() }))).toEqual(['第 2 行 video：课程缺少视频文件'])
})

test('captions that are not WebVTT (an SRT file renamed .vtt) are refused with the row named', async () => {
  mkdirSync(join(dir, 'media', 'courses'), { recursive: true })
  writeFileSync(join(dir, 'media', 'courses', 'srt.vtt'), '1\n00:00:01,000 --> 00:00:04,000\n收银机连不上网\n')
  const text = withLine(COURSES_CSV, 'c-scanner-fault', (line) => line.replace('courses/c-scanner-fault.vtt', 'courses/srt.vtt'))
  const report = await importText(store, 'courses', text, { media: media() })
  expect(report.applied).toBe(false)
  expect(problemsText(report)).toEqual(['第 3 行 captions：字幕不是 WebVTT 文件（「courses/srt.vtt (notWebVtt, line 1)」）'])
})

test('a model store without a visit is refused with its row named', async () => {
  const text = withLine(STORES_CSV, 'ms-village-grocery', (line) => line.replace(/,stores\/ms-village-grocery-pano\.jpg\s*$/, ','))
  const report = await importText(store, 'modelStores', text, { media: media() })
  expect(report).toMatchObject({ applied: false, rejected: 1 })
  expect(problemsText(report)).toEqual(['第 3 行 visit：示范店缺少探店方式（全景图或小程序）'])
})

test('with --skip-invalid the good rows replace the catalogue and the bad one is set aside', async () => {
  await importText(store, 'courses', COURSES_CSV, { media: media() })
  const text = withLine(COURSES_CSV, 'c-card-limit', (line) => line.replace('扫码与收款', '其他'))
  const rejectedPath = join(dir, 'courses.rejected.csv')
  const report = await importText(store, 'courses', text, { media: media(), skipInvalid: true, rejectedPath })
  expect(report).toMatchObject({ applied: true, imported: 4, rejected: 1, rejectedFile: rejectedPath })
  expect(await repos(store).courses.get('c-card-limit')).toBeNull()
  expect(readFileSync(rejectedPath, 'utf8')).toContain('c-card-limit')
})

test('a file missing a column, or with no rows, is refused whole', async () => {
  const noVisit = STORES_CSV.replace(',visit', '')
  expect(problemsText(await importText(store, 'modelStores', noVisit, { media: media() }))).toEqual(['第 1 行 visit：表头缺少这一列'])
  const headerOnly = `${COURSES_CSV.split('\n')[0]}\n`
  expect(problemsText(await importText(store, 'courses', headerOnly, { media: media() }))).toEqual(['第 2 行 (文件)：不能为空'])
})

test('in the cloud (no media folder) a plain path is refused; cloud file ids and HTTPS URLs pass', async () => {
  const cloud = { index: async () => ({ files: new Set<string>(), texts: new Map([['cloud://env/c.vtt', 'WEBVTT\n\n00:00.000 --> 00:02.000\n你好\n']]) }) }
  const header = COURSES_CSV.split('\n')[0]
  const row = 'c-one,一节课,设备与系统,30,https://example.com/c.jpg,cloud://env/c.mp4,cloud://env/c.vtt,newRetail,收银'
  expect(await importText(store, 'courses', `${header}\n${row}\n`, { media: cloud })).toMatchObject({ applied: true, imported: 1 })
  const local = row.replace('cloud://env/c.mp4', 'courses/c.mp4')
  expect(problemsText(await importText(store, 'courses', `${header}\n${local}\n`, { media: cloud }))).toEqual(['第 2 行 video：课程缺少视频文件（「courses/c.mp4」）'])
})
