import type { Doc, DocumentStore, Join } from '../ports'
import type { Counter } from '../model'
import { repos } from '../repos'

/**
 * A counter every import (and the demo seed) moves when it writes shop data, so a computed
 * summary can be kept and reused until the data under it changes. Summaries are read far more
 * often than data arrives: the 经营 tab is opened many times a day, imports come once.
 */
export const DATA_VERSION_ID = 'insights|dataVersion'

export const dataVersion = async (store: DocumentStore): Promise<number> => versionOf([await repos(store).counters.get(DATA_VERSION_ID)])

/** The data version read with a shop, in the same request. */
export const dataVersionJoin: Join = { from: 'counters', where: { _id: DATA_VERSION_ID } }

/** The data version from the counter read (none yet: 0). */
export const versionOf = (read: readonly (Doc | null)[]): number => (read[0] as Counter | null | undefined)?.count ?? 0

export const bumpDataVersion = async (store: DocumentStore): Promise<void> => {
  await repos(store).counters.increment(DATA_VERSION_ID, 'count', 1, { count: 0, bucketEndsAt: 0 })
}

/**
 * Results kept per store for at most `ttlMs` and while the data version holds. The time limit
 * bounds what the version cannot see: the clock moving the next delivery or today's date.
 */
export class VersionedCache<T> {
  private readonly byStore = new WeakMap<DocumentStore, Map<string, { value: T; since: number; until: number }>>()

  constructor(
    private readonly ttlMs: number,
    private readonly max = 1000,
  ) {}

  get(store: DocumentStore, key: string, now: number): T | undefined {
    const hit = this.byStore.get(store)?.get(key)
    // A clock set back (a test, a timer fired "as if" earlier) does not see a later result.
    return hit && hit.since <= now && now < hit.until ? hit.value : undefined
  }

  set(store: DocumentStore, key: string, value: T, now: number): void {
    let kept = this.byStore.get(store)
    if (!kept) this.byStore.set(store, (kept = new Map()))
    if (kept.size >= this.max) kept.delete(kept.keys().next().value as string)
    kept.set(key, { value, since: now, until: now + this.ttlMs })
  }
}
