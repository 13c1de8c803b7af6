/**
 * Turn-taking for the host's function calls, so that one loop turn never runs longer than a few
 * milliseconds of them. Node (libuv ≥ 1.45) accepts ONE new connection per event-loop turn, and
 * the store's SQLite calls are synchronous: under 200 connections a turn ran every ready request
 * to the end (40–80 ms), so the 200th connection of a burst waited 200 turns — 8 s measured, past
 * autocannon's 10 s on a busier machine (the mixed bench's "4 errors"). Each call now waits for a
 * turn: calls run in arrival order while the turn's budget lasts; the rest go to the next turn,
 * after the loop has polled (accepted a connection, read what arrived, fired due timers).
 *
 * How: `setImmediate` callbacks queued during the check phase run in the next turn, and the
 * microtasks of a resolved call run (its synchronous store work included) before the next
 * callback of the same phase, so the clock read at each callback has seen the calls before it.
 *
 * Why 2 ms: a call that misses a turn waits for the next one, so a turn's length is added to the
 * slowest calls. 首页 under 50 connections over a county with a year of history (about 130 µs of
 * host time a call), three 5 s rounds each: turns of 4 ms gave a p99 of 11.2–11.3 ms around a
 * median of 4.9 ms; 2 ms gave 7.8–8.6 ms; 1.5 and 1 ms 7.8–9.3 ms; about 8,500 calls a second
 * in every case. ping's p99 stayed at 2.6–3.0 ms.
 */
export class Turns {
  private started = -Infinity
  private deferring = false

  constructor(
    /** Milliseconds of calls per loop turn. */
    private readonly budgetMs = 2,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Resolves when the caller may run: in this turn while the budget lasts, else in a later one. */
  take(): Promise<void> {
    return new Promise((resolve) => setImmediate(this.attempt, resolve))
  }

  private readonly attempt = (resolve: () => void): void => {
    if (this.deferring) return void setImmediate(this.attempt, resolve)
    if (this.now() - this.started > this.budgetMs) {
      // A new turn starts with the marker, queued ahead of every call deferred from this one.
      this.deferring = true
      setImmediate(this.open)
      return void setImmediate(this.attempt, resolve)
    }
    resolve()
  }

  private readonly open = (): void => {
    this.deferring = false
    this.started = this.now()
  }
}
