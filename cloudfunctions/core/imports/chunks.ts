import type { Deps } from '../ports'
import type { ImportReport } from '../../contracts/insights'
import type { ChunkPolicy } from './run'
import { continueImport } from './run'
import { fail } from '../errors'

/**
 * One chunk of an import in CloudBase: rows are applied for at most this long, a third of the
 * import functions' 900 s timeout, so the chunk's last writes, the hand-off and (in the last
 * chunk) the peer statistics finish well inside it.
 */
export const CLOUD_CHUNK: ChunkPolicy = { ms: 300_000 }
/** The import-chunk timer: every minute it goes on with an import whose next chunk was not started. */
export const IMPORT_CHUNK_CRON = '0 * * * * * *'

/** What one firing of the import-chunk timer did. */
export interface ImportChunkReport {
  /** The import a chunk was done for; null: nothing was waiting (or another run took it). */
  importId: string | null
  report: ImportReport | null
}

/**
 * The next chunk of an import: the one named (the self-invocation), or whichever waits (the
 * timer's own firing). When more is left, the chunk after it is started in turn.
 */
export const runImportChunk = async (deps: Deps, importId?: string, chunk: ChunkPolicy = CLOUD_CHUNK): Promise<ImportChunkReport> => {
  const { files, importIo } = deps
  if (!files || !importIo) return fail('INTERNAL', 'filesUnconfigured')
  const done = await continueImport({ store: deps.store, open: async (file) => importIo(await files.read(file)), now: deps.clock.now(), chunk }, importId)
  if (done?.report.continues) await startNextChunk(deps, done.importId)
  return done ?? { importId: null, report: null }
}

/** Starts the next chunk elsewhere; if that fails, the timer's next firing starts it. */
export const startNextChunk = async (deps: Deps, importId: string): Promise<void> => {
  await deps.imports?.next(importId).catch((error: unknown) => console.error(`[importChunk] next chunk of ${importId} not started; the timer will`, error))
}
