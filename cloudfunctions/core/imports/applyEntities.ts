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

/**
 * Applies checked retailers, SKUs or calendar entries: one document per row, upserted by its
 * natural key. Retailers and SKUs keep fields other features added to them; a calendar entry is
 * replaced whole (a cancel must not keep a former move's times). Unchanged rows write nothing.
 */
export const applyEntities = async <R extends Doc>(
  spec: StagedSpec<R>,
  collection: CollectionName,
  store: DocumentStore,
  journal: Journal,
  batches: AsyncIterable<string[]>,
  onRows: (rows: number) => void,
): Promise<void> => {
  let done = 0
  for await (const batch of batches) {
    const rows = [...new Map(batch.map((line) => spec.unstage(line)).map((row) => [row._id, row])).values()]
    const existing = await loadByIds<R>(store, collection, rows.map((row) => row._id))
    const docs = rows.map((row) => (collection === 'calendar' ? row : ({ ...existing.get(row._id), ...row } as R)))
    await journal.write(collection, docs.filter((doc) => !same(existing.get(doc._id), doc)), existing)
    onRows((done += batch.length))
  }
}
