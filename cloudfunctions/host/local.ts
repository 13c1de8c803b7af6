import { SqliteStore } from '../adapters/sqlite/store'
import { Outbox } from '../adapters/local/outbox'
import { localPhones } from '../adapters/local/phones'
import { systemClock } from '../adapters/node/clock'
import { nodeTokens } from '../adapters/node/tokens'
import { localFiles } from '../adapters/local/files'
import { nodeImportIo } from '../adapters/node/importIo'
import type { Clock, Deps } from '../core/ports'
import { join } from 'node:path'
import { localMediaLinks } from '../adapters/local/media'
import { folderCatalogueMedia } from '../adapters/node/catalogueMedia'

/** Everything the functions need on a laptop, over one data folder. */
export interface LocalHome {
  store: SqliteStore
  outbox: Outbox
  /** `DATA_DIR/media`: 学习's videos, captions and pictures, served at /media/. */
  mediaDir: string
  /** Deps for one call, with the real clock or a pinned one. */
  deps(clock?: Clock): Deps
}

export const openLocalHome = async (dataDir: string): Promise<LocalHome> => {
  const store = await new SqliteStore(dataDir).open()
  const outbox = await Outbox.open(dataDir)
  const mediaDir = join(dataDir, 'media')
  const media = folderCatalogueMedia(mediaDir)
  const links = localMediaLinks()
  return {
    store,
    outbox,
    mediaDir,
    deps: (clock = systemClock) => ({ store, clock, notifier: outbox.notifier(clock), phones: localPhones, tokens: nodeTokens, files: localFiles(), importIo: (bytes) => nodeImportIo(bytes, { media }), media: links }),
  }
}
