import { timer } from '../define'
import { IMPORT_CHUNK_CRON, runImportChunk } from '../../core/imports/chunks'

/** The next chunk's event: the timer's own shape, with the import it goes on with. */
export interface ImportChunkEvent {
  Type: 'Timer'
  TriggerName: 'importChunkNext'
  importId: string
}

/** The import a self-invocation names; undefined for the trigger's own firing. */
export const importIdOf = (event: unknown): string | undefined => {
  if (typeof event !== 'object' || event === null || !('importId' in event)) return undefined
  const { importId } = event as { importId: unknown }
  return typeof importId === 'string' && importId.length > 0 && importId.length <= 200 ? importId : undefined
}

/**
 * Imports in chunks (CloudBase): each invocation applies the next chunk of an import `importData`
 * started, then starts the one after it; every minute the trigger picks up an import whose next
 * chunk was not started (a lost self-invocation) or whose chunk died part-way (its lease lapsed).
 */
export default timer({
  name: 'importChunk',
  cron: IMPORT_CHUNK_CRON,
  timeoutSeconds: 900,
  memoryMB: 1024,
  run: ({ deps, event }) => runImportChunk(deps, importIdOf(event)),
})
