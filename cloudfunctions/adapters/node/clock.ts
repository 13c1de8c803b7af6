import type { Clock } from '../../core/ports'

export const systemClock: Clock = { now: () => new Date() }

/** A clock stopped at one instant: a timer fired "as if" at that time, or a test's fixed now. */
export const fixedClock = (at: Date | string | number): Clock => {
  const instant = new Date(at).getTime()
  return { now: () => new Date(instant) }
}
