import { SqliteStore } from '../adapters/sqlite/store'
import { Outbox } from '../adapters/local/outbox'
import { localPhones } from '../adapters/local/phones'
import { systemClock } from '../adapters/node/clock'
import { nodeTokens } from '../adapters/node/tokens'
import { localFiles } from '../adapters/local/files'
import { nodeImportIo } from '../adapters/node/importIo'
import type { Clock, Deps } from '../core/ports'

/** Everything the functions need on a laptop, over one data folder. */
export interface LocalHome {
  store: SqliteStore
  outbox: Outbox
  /** Deps for one call, with the real clock or a pinned one. */
  deps(clock?: Clock): Deps
}

export const openLocalHome = async (dataDir: string): Promise<LocalHome> => {
  const store = await new SqliteStore(dataDir).open()
  const outbox = await Outbox.open(dataDir)
  return {
    store,
    outbox,
    deps: (clock = systemClock) => ({ store, clock, notifier: outbox.notifier(clock), phones: localPhones, tokens: nodeTokens, files: localFiles(), importIo: (bytes) => nodeImportIo(bytes) }),
  }
}
