import { CsvReader } from '../../adapters/node/csv'
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { validateModelStores, mediaRefKind, type MediaIndex } from '../../core/learning'

/**
 * Assembles the AR探店 viewer into one folder the local host can serve as it is: the page and its script
 * from this folder, pannellum's build copied from node_modules (no CDN), `stores.json` (id → name and
 * panorama) from the model-store catalogue, and the panoramas that catalogue points at in the media folder.
 *
 *   out/index.html  viewer.js  pannellum.js  pannellum.css  stores.json  media/stores/<id>-pano.jpg
 */
export interface AssembleOptions {
  /** The repository (default: the working directory, as for every npm script); bundles lose __dirname. */
  repoDir?: string
  /** The catalogue and media (default: cloudfunctions/defaults). */
  defaultsDir?: string
  /** pannellum's package folder (default: resolved from node_modules). */
  pannellumDir?: string
}

export interface Assembled {
  outDir: string
  /** Store id → the panorama as the page loads it (a path inside the folder, or an HTTPS URL). */
  stores: Record<string, { name: string; src: string }>
  files: string[]
}


const readCsv = (text: string): string[][] => {
  const rows: string[][] = []
  const reader = new CsvReader((fields) => rows.push(fields))
  reader.write(text)
  reader.end()
  return rows
}

const filesUnder = async (root: string, dir = root): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(root, join(dir, e.name)) : [relative(root, join(dir, e.name))])))
  return nested.flat().map((p) => p.split('\\').join('/'))
}

export const assemblePanoramaViewer = async (outDir: string, options: AssembleOptions = {}): Promise<Assembled> => {
  const repoDir = options.repoDir ?? process.cwd()
  const here = join(repoDir, 'cloudfunctions', 'host', 'panorama')
  const defaultsDir = options.defaultsDir ?? join(repoDir, 'cloudfunctions', 'defaults')
  const pannellumDir = options.pannellumDir ?? dirname(createRequire(join(repoDir, 'package.json')).resolve('pannellum/package.json'))
  const mediaDir = join(defaultsDir, 'media')
  const media: MediaIndex = { files: new Set(await filesUnder(mediaDir)), texts: new Map() }
  const checked = validateModelStores(readCsv(await readFile(join(defaultsDir, 'modelStores.csv'), 'utf8')), media)
  if (!checked.ok) {
    throw new Error(`modelStores.csv: ${checked.problems.map((p) => `row ${p.row} ${p.column} ${p.code}${p.value ? ` (${p.value})` : ''}`).join('; ')}`)
  }

  await mkdir(outDir, { recursive: true })
  const files: string[] = []
  const copy = async (from: string, to: string): Promise<void> => {
    await mkdir(dirname(join(outDir, to)), { recursive: true })
    await copyFile(from, join(outDir, to))
    files.push(to)
  }
  await copy(join(here, 'index.html'), 'index.html')
  await copy(join(here, 'viewer.js'), 'viewer.js')
  await copy(join(pannellumDir, 'build', 'pannellum.js'), 'pannellum.js')
  await copy(join(pannellumDir, 'build', 'pannellum.css'), 'pannellum.css')

  const stores: Assembled['stores'] = {}
  for (const store of checked.items) {
    if (store.visit.kind !== 'panorama') continue // a mini-program visit opens with navigateToMiniProgram
    const kind = mediaRefKind(store.visit.src)
    // A CloudBase file id needs a temporary URL from the platform: the function that lists stores gives it.
    if (kind === 'https') stores[store.id] = { name: store.name, src: store.visit.src }
    if (kind === 'file') {
      await copy(join(mediaDir, store.visit.src), `media/${store.visit.src}`)
      stores[store.id] = { name: store.name, src: `media/${store.visit.src}` }
    }
  }
  await writeFile(join(outDir, 'stores.json'), `${JSON.stringify(stores, null, 2)}\n`)
  files.push('stores.json')
  return { outDir, stores, files }
}
