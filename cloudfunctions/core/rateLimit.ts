import { HOUR_MS } from './time'
import { fail, type ErrorReason } from './errors'
import type { Repos } from './repos'

/**
 * The one rate limiter: failed tries counted per key in hourly buckets (a counter document per
 * key and hour, `${name}:${key}:${hourStart}`), refused once the hour's count reaches the limit.
 */
export interface HourlyLimit {
  name: string
  perHour: number
  /** What the refused caller is told. */
  reason: ErrorReason
}

const counterOf = (limit: HourlyLimit, key: string, now: number) => {
  const hourStart = Math.floor(now / HOUR_MS) * HOUR_MS
  return { id: `${limit.name}:${key}:${hourStart}`, bucketEndsAt: hourStart + HOUR_MS }
}

/** RATE_LIMITED when this hour's failed tries for the key have reached the limit. */
export const refuseOverLimit = async (db: Repos, limit: HourlyLimit, key: string, now: number): Promise<void> => {
  const tries = await db.counters.get(counterOf(limit, key, now).id)
  if (tries && tries.count >= limit.perHour) fail('RATE_LIMITED', limit.reason)
}

/** Counts one failed try against this hour's limit. */
export const countFailedTry = async (db: Repos, limit: HourlyLimit, key: string, now: number): Promise<void> => {
  const { id, bucketEndsAt } = counterOf(limit, key, now)
  await db.counters.increment(id, 'count', 1, { count: 0, bucketEndsAt })
}
