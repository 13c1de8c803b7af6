import { readFile, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { CatalogueMedia } from '../../core/imports/ports'
import type { Files } from '../../core/imports/files'
import { mediaRefKind } from '../../core/learning/catalogue'

/** Paths of every file under `root`, relative and with `/`. */
export const filesUnder = async (root: string, dir = root): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(root, join(dir, e.name)) : [relative(root, join(dir, e.name))])))
  return nested.flat().map((p) => p.split('\\').join('/'))
}

/** Captions are a few KB; a "captions" file larger than this is not captions (and is not read whole). */
const MAX_CAPTIONS_BYTES = 1 << 20

const text = async (read: () => Promise<Buffer>): Promise<string | null> => {
  const bytes = await read().catch(() => null)
  return bytes && bytes.length <= MAX_CAPTIONS_BYTES ? bytes.toString('utf8') : bytes ? '' : null
}

/** On a laptop: catalogue paths point into the data folder's `media/`; captions are read from there. */
export const folderCatalogueMedia = (mediaDir: string): CatalogueMedia => ({
  index: async (captions) => {
    const files = new Set(await filesUnder(mediaDir))
    const texts = new Map<string, string>()
    for (const ref of captions) {
      if (mediaRefKind(ref) !== 'file' || !files.has(ref)) continue
      const got = await text(() => readFile(join(mediaDir, ref)))
      if (got !== null) texts.set(ref, got)
    }
    return { files, texts }
  },
})

const collect = async (chunks: AsyncIterable<Uint8Array>): Promise<Buffer> => {
  const parts: Buffer[] = []
  let size = 0
  for await (const chunk of chunks) {
    size += chunk.length
    if (size > MAX_CAPTIONS_BYTES) break
    parts.push(Buffer.from(chunk))
  }
  return Buffer.concat(parts)
}

/** In CloudBase: no media folder (a plain path is refused); captions given as cloud file ids are read from storage. */
export const cloudCatalogueMedia = (files: Files): CatalogueMedia => ({
  index: async (captions) => {
    const texts = new Map<string, string>()
    for (const ref of captions) {
      if (mediaRefKind(ref) !== 'cloud') continue
      const got = await text(async () => collect(await files.read(ref)))
      if (got !== null) texts.set(ref, got)
    }
    return { files: new Set(), texts }
  },
})
