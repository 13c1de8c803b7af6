import { HOUR_MS } from './time'
import { fail, type ErrorReason } from './errors'
import type { Repos } from './repos'

/**
 * The one rate limiter: failed tries counted per caller and per target (the licence, the invite)
 * in hourly buckets, a counter document per key and hour (`${name}:${key}:${hourStart}`).
 *
 * A try is one atomic step: the counters are incremented first and the new counts checked, so a
 * burst of simultaneous tries can never all read "under the limit" before any of them counts —
 * of 1,000 at once, at most the limit go on to be checked. A try that succeeds, or is refused,
 * gives its count back: only tries that were checked and failed stay counted.
 */
export interface HourlyLimit {
  name: string
  /** Failed tries one caller may make per hour. */
  perCaller: number
  /** Failed tries against one target (whoever makes them) per hour. */
  perTarget: number
  /** What the refused caller is told. */
  reason: ErrorReason
}

export interface TryKeys {
  caller: string
  /** What the try is aimed at: the licence bound to, the invite opened. */
  target: string
}

/** A try under way: it stays counted (a failed try) unless it is given back (it succeeded). */
export interface Try {
  giveBack(): Promise<void>
}

const bucketOf = (now: number) => {
  const hourStart = Math.floor(now / HOUR_MS) * HOUR_MS
  return { hourStart, bucketEndsAt: hourStart + HOUR_MS }
}

export const counterId = (limit: HourlyLimit, key: string, now: number): string => `${limit.name}:${key}:${bucketOf(now).hourStart}`

/**
 * Counts one try against the caller's and the target's hour, then checks: RATE_LIMITED (the
 * count given back) when either is over its limit. Otherwise the caller runs its check and gives
 * the try back when it succeeds; anything else, a thrown error included, leaves it counted.
 */
export const takeTry = async (db: Repos, limit: HourlyLimit, keys: TryKeys, now: number): Promise<Try> => {
  const { bucketEndsAt } = bucketOf(now)
  const counted = [
    { id: counterId(limit, `caller:${keys.caller}`, now), max: limit.perCaller },
    { id: counterId(limit, `target:${keys.target}`, now), max: limit.perTarget },
  ]
  const counts = await Promise.all(counted.map(({ id }) => db.counters.increment(id, 'count', 1, { count: 0, bucketEndsAt })))
  const giveBack = () => Promise.all(counted.map(({ id }) => db.counters.increment(id, 'count', -1, { count: 0, bucketEndsAt }))).then(() => undefined)
  if (counts.some((count, i) => count > counted[i].max)) {
    await giveBack()
    fail('RATE_LIMITED', limit.reason)
  }
  return { giveBack }
}
