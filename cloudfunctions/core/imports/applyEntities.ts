import type { CollectionName } from '../collections'
import type { Doc, DocumentStore } from '../ports'
import type { StagedSpec } from './kinds'
import type { Journal } from './journal'
import { loadByIds } from './applyFacts'

const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  const keysA = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const keysB = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  return keysA.length === keysB.length && keysA.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** Lines applied per write: a chunk can stop between them. */
const LINES_PER_WRITE = 500

/** Where applying starts and when it stops, for an import in chunks. */
export interface EntityPosition {
  /** Staged lines an earlier chunk applied: skipped. */
  from: number
  /** Asked between writes, with the lines done so far (skipped ones included): true ends this chunk. */
  stop?: (lines: number) => boolean
}

/**
 * Applies checked retailers, SKUs or calendar entries: one document per row, upserted by its
 * natural key. Retailers and SKUs keep fields other features added to them; a calendar entry is
 * replaced whole (a cancel must not keep a former move's times). Unchanged rows write nothing.
 * Lines go in file order, so a later row of the same key wins, however the chunks fall. Answers
 * the lines done and whether it stopped before the last.
 */
export const applyEntities = async <R extends Doc>(
  spec: StagedSpec<R>,
  collection: CollectionName,
  store: DocumentStore,
  journal: Journal,
  batches: AsyncIterable<string[]>,
  onRows: (rows: number) => void,
  position: EntityPosition = { from: 0 },
): Promise<{ lines: number; stopped: boolean }> => {
  let done = 0
  let wrote = false
  for await (const batch of batches) {
    for (let start = 0; start < batch.length; start += LINES_PER_WRITE) {
      const slice = batch.slice(start, start + LINES_PER_WRITE)
      const before = done
      done += slice.length
      if (done <= position.from) continue
      // Each chunk writes at least once, so every chunk moves the import on.
      if (wrote && position.stop?.(before)) return { lines: before, stopped: true }
      const lines = before < position.from ? slice.slice(position.from - before) : slice
      const rows = [...new Map(lines.map((line) => spec.unstage(line)).map((row) => [row._id, row])).values()]
      const existing = await loadByIds<R>(store, collection, rows.map((row) => row._id))
      const docs = rows.map((row) => (collection === 'calendar' ? row : ({ ...existing.get(row._id), ...row } as R)))
      await journal.write(collection, docs.filter((doc) => !same(existing.get(doc._id), doc)), existing)
      wrote = true
      onRows(done)
    }
  }
  return { lines: done, stopped: false }
}
