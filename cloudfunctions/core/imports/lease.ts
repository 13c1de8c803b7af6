import type { DocumentStore } from '../ports'

/** A store that can keep one import at a time across processes (the laptop's SQLite store). */
interface Leasing {
  exclusive<R>(what: string, work: () => Promise<R>): Promise<R>
}

const leasing = (store: DocumentStore): store is DocumentStore & Leasing =>
  typeof (store as Partial<Leasing>).exclusive === 'function'

/**
 * Runs `work` under the store's import lease, when it has one: an import, or the roll-back of
 * stopped imports, must never run beside another process's import on the same data folder — it
 * would take that live import for a crashed one. CloudBase runs imports in one function and has
 * no lease; there `work` simply runs.
 */
export const underImportLease = <R>(store: DocumentStore, what: string, work: () => Promise<R>): Promise<R> => (leasing(store) ? store.exclusive(what, work) : work())
