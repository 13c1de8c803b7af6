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
  /** The import this lease keeps going, once it has a journal record (an import in chunks). */
  importId?: string
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
 * The holder an import in chunks leaves between two chunks: the lease stays live (no other import
 * may start, nothing rolls the import back) until the next chunk takes it by compare-and-set.
 */
export const handOffHolder = (importId: string): string => `next|${importId}`
const isHandOff = (lease: ImportLease): boolean => lease.holder.startsWith('next|')

export const systemLeaseClock = (): LeaseClock => ({ now: () => Date.now(), holder: `run-${Date.now()}-${Math.random().toString(36).slice(2)}` })

const leases = (store: DocumentStore) => store.collection<ImportLease>('leases')

/**
 * Takes the store's import lease or refuses with CONFLICT (importBusy): inserted when there is
 * none, taken over by compare-and-set on `until` when its holder let it lapse. `overRunning`: the
 * caller knows no other process runs an import (it holds the SQLite store's own lease), so a lease
 * left by a running holder is a dead one's — only an import waiting between chunks is respected.
 */
export const takeLease = async (store: DocumentStore, what: string, clock: LeaseClock, overRunning = false): Promise<void> => {
  const now = clock.now()
  const mine: ImportLease = { _id: LEASE_ID, holder: clock.holder, what, since: now, until: now + LEASE_MS }
  if (await leases(store).insert(mine)) return
  const { _id, ...fields } = mine
  void _id
  if ((await leases(store).update({ _id: LEASE_ID, until: { $lt: now } }, fields)) === 1) return
  const held = await leases(store).get(LEASE_ID)
  if (overRunning && held && !isHandOff(held) && (await leases(store).update({ _id: LEASE_ID, holder: held.holder }, fields)) === 1) return
  return fail('CONFLICT', 'importBusy', { what: held?.what ?? '', since: held?.since ?? now })
}

/** Takes the lease an import in chunks left between two chunks; false when another run took it first. */
export const takeHandOff = async (store: DocumentStore, importId: string, clock: LeaseClock): Promise<boolean> => {
  const now = clock.now()
  return (await leases(store).update({ _id: LEASE_ID, holder: handOffHolder(importId) }, { holder: clock.holder, since: now, until: now + LEASE_MS })) === 1
}

/** Takes a lease whose holder died part-way through a chunk, to resume its import; false when it is live or gone. */
export const takeLapsed = async (store: DocumentStore, lapsed: ImportLease, clock: LeaseClock): Promise<boolean> => {
  const now = clock.now()
  return (await leases(store).update({ _id: LEASE_ID, holder: lapsed.holder, until: { $lt: now } }, { holder: clock.holder, since: now, until: now + LEASE_MS })) === 1
}

/** Leaves the lease live for the next chunk of `importId`. */
export const handOff = async (store: DocumentStore, holder: string, importId: string, now: number): Promise<void> => {
  await leases(store).update({ _id: LEASE_ID, holder }, { holder: handOffHolder(importId), importId, since: now, until: now + LEASE_MS })
}

export const currentLease = (store: DocumentStore): Promise<ImportLease | null> => leases(store).get(LEASE_ID)

export const releaseLease = async (store: DocumentStore, holder: string): Promise<void> => {
  await leases(store).remove({ _id: LEASE_ID, holder })
}

/** Refuses while an import in chunks waits for its next chunk (its lease live). */
const refuseWhileHandedOff = async (store: DocumentStore, now: number): Promise<void> => {
  const held = await leases(store).get(LEASE_ID)
  if (held && isHandOff(held) && held.until >= now) fail('CONFLICT', 'importBusy', { what: held.what, since: held.since })
}

/**
 * Runs `work` under the store's import lease: an import, or the roll-back of stopped imports,
 * must never run beside another import on the same data — it would take that live import for a
 * crashed one and roll it back. The laptop's SQLite store keeps its lease across processes
 * itself (and an import waiting between chunks is respected too); elsewhere (CloudBase, where every
 * container is a process of its own) the lease is a document taken by compare-and-set, and a
 * second import is refused while it is held.
 */
export const underImportLease = async <R>(store: DocumentStore, what: string, work: () => Promise<R>, clock?: LeaseClock): Promise<R> => {
  const run = clock ?? systemLeaseClock()
  if (leasing(store))
    return store.exclusive(what, async () => {
      await refuseWhileHandedOff(store, run.now())
      return work()
    })
  await takeLease(store, what, run)
  try {
    return await work()
  } finally {
    await releaseLease(store, run.holder)
  }
}

/**
 * As underImportLease, for work that may end by handing the lease on to its next chunk: `work`
 * answers the import id to keep the lease live for, or null to let it go. `take` says how this run
 * comes by the lease: as a new import, or by taking a hand-off or a lapsed lease (then false when
 * another run was first, and `work` does not run).
 */
export const underChunkLease = async <R>(
  store: DocumentStore,
  what: string,
  clock: LeaseClock,
  take: (overRunning: boolean) => Promise<boolean>,
  work: () => Promise<{ result: R; handOff: string | null }>,
): Promise<{ result: R } | null> => {
  const run = async (overRunning: boolean) => {
    if (!(await take(overRunning))) return null
    let handing: string | null = null
    try {
      const { result, handOff: next } = await work()
      handing = next
      return { result }
    } finally {
      if (handing) await handOff(store, clock.holder, handing, clock.now())
      else await releaseLease(store, clock.holder)
    }
  }
  return leasing(store) ? store.exclusive(what, () => run(true)) : run(false)
}
