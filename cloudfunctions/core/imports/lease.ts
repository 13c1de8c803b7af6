import type { Doc, DocumentStore } from '../ports'
import { fail } from '../errors'

/** A store that can keep one import at a time across processes itself (the laptop's SQLite store). */
interface Leasing {
  exclusive<R>(what: string, work: () => Promise<R>): Promise<R>
}

const leasing = (store: DocumentStore): store is DocumentStore & Leasing =>
  typeof (store as Partial<Leasing>).exclusive === 'function'

/** The import lease of a document store (CloudBase): one document, taken by compare-and-set. */
export interface ImportLease extends Doc {
  holder: string
  what: string
  since: number
  /** Epoch ms after which the holder is taken for dead and the lease may be taken over. */
  until: number
}

export const LEASE_ID = 'import'
/**
 * How long a lease holds without its holder: longer than the import function may run (900 s), so
 * a live import is never taken for a dead one; a dead holder's lease is free once this passes.
 */
export const LEASE_MS = 16 * 60_000

export interface LeaseClock {
  now(): number
  /** A unique holder name for this run. */
  holder: string
}

/**
 * Takes the store's import lease or refuses with CONFLICT (importBusy): inserted when there is
 * none, taken over by compare-and-set on `until` when its holder let it lapse.
 */
export const takeLease = async (store: DocumentStore, what: string, clock: LeaseClock): Promise<void> => {
  const leases = store.collection<ImportLease>('leases')
  const now = clock.now()
  const mine: ImportLease = { _id: LEASE_ID, holder: clock.holder, what, since: now, until: now + LEASE_MS }
  if (await leases.insert(mine)) return
  const { _id, ...fields } = mine
  void _id
  if ((await leases.update({ _id: LEASE_ID, until: { $lt: now } }, fields)) === 1) return
  const held = await leases.get(LEASE_ID)
  return fail('CONFLICT', 'importBusy', { what: held?.what ?? '', since: held?.since ?? now })
}

export const releaseLease = async (store: DocumentStore, holder: string): Promise<void> => {
  await store.collection<ImportLease>('leases').remove({ _id: LEASE_ID, holder })
}

/**
 * Runs `work` under the store's import lease: an import, or the roll-back of stopped imports,
 * must never run beside another import on the same data — it would take that live import for a
 * crashed one and roll it back. The laptop's SQLite store keeps its lease across processes
 * itself; elsewhere (CloudBase, where every container is a process of its own) the lease is a
 * document taken by compare-and-set, and a second import is refused while it is held.
 */
export const underImportLease = async <R>(store: DocumentStore, what: string, work: () => Promise<R>, clock?: LeaseClock): Promise<R> => {
  if (leasing(store)) return store.exclusive(what, work)
  const run = clock ?? { now: () => Date.now(), holder: `run-${Date.now()}-${Math.random().toString(36).slice(2)}` }
  await takeLease(store, what, run)
  try {
    return await work()
  } finally {
    await releaseLease(store, run.holder)
  }
}
