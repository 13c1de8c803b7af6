import type { CourseProgress, ProgressReport, WatchedSpan } from '../../contracts/learning'

/**
 * The completion rule: a course is learnt (已学完) only when at least 90 % of its duration has really
 * been played — the union of the spans the player played, never the `ended` event, never a seek. Spans are
 * integer milliseconds so "exactly 90 %" is decided exactly; replaying a part counts it once.
 */
export const COMPLETION_SHARE_PERCENT = 90
/** Fastest speed the player offers; a report claiming more playing than this allows is not credited. */
export const MAX_RATE = 1.5
/** Slack for clocks, network and the save that happens when the page hides. */
export const CREDIT_SLACK_MS = 10_000
/** Near the end, resuming means starting again. */
export const RESTART_WITHIN_S = 3

export const toMs = (seconds: number): number => Math.round(seconds * 1000)

/** Sorted, disjoint spans with touching or overlapping ones joined; empty and inverted spans dropped. */
export const mergeSpans = (spans: Iterable<WatchedSpan>): WatchedSpan[] => {
  const sorted = [...spans].filter(([from, to]) => to > from).sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: [number, number][] = []
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1]
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else merged.push([from, to])
  }
  return merged
}

export const spanTotalMs = (spans: readonly WatchedSpan[]): number => spans.reduce((sum, [from, to]) => sum + (to - from), 0)

/** ≥ 90 % of the duration, compared in integers: watched × 100 ≥ duration × 90. */
export const isCompleted = (watchedMs: number, durationMs: number): boolean =>
  durationMs > 0 && watchedMs * 100 >= durationMs * COMPLETION_SHARE_PERCENT

// ------------------------------------------------------------------------------------------- the player

/**
 * What the player page keeps between `timeupdate` events. A step forward counts as played only when the
 * video could have got there by playing: at most twice as far as the wall-clock time since the last event
 * allows at the chosen speed (events arrive with jitter, never with a fixed offset, so the allowance is a
 * factor, not a constant that a burst of tiny seeks could add up). The page passes `seeking` and `pause`
 * events with `playing: false`: such a step never counts and the next span starts where the video landed.
 */
export interface PlaybackTracker {
  positionS: number | null
  atMs: number
  /** Spans played in this session, seconds of the video, merged. */
  played: WatchedSpan[]
}

/** How much faster than the wall clock a step between two events may look and still be playing. */
export const TICK_JITTER_FACTOR = 2

export const startTracking = (): PlaybackTracker => ({ positionS: null, atMs: 0, played: [] })

/** The next player event: its position, the page's clock in ms, the speed, and whether it was playing. */
export const trackTick = (tracker: PlaybackTracker, tick: { positionS: number; atMs: number; rate: number; playing?: boolean }): PlaybackTracker => {
  const { positionS: before, atMs: then } = tracker
  const next = { positionS: tick.positionS, atMs: tick.atMs, played: tracker.played }
  if (before === null || tick.playing === false) return next
  const step = tick.positionS - before
  const allowed = (Math.max(0, tick.atMs - then) / 1000) * Math.min(tick.rate, MAX_RATE) * TICK_JITTER_FACTOR
  if (step <= 0 || step > allowed) return next
  return { ...next, played: mergeSpans([...tracker.played, [before, tick.positionS]]) }
}

/** The report the page sends: its position and every span of the session (the union makes resending harmless). */
export const reportOf = (tracker: PlaybackTracker, courseId: string): ProgressReport => ({
  courseId,
  positionS: tracker.positionS ?? 0,
  played: tracker.played.map(([from, to]) => [from, to] as const),
})

// ------------------------------------------------------------------------------------------ the record

export const startProgress = (courseId: string, now: string): CourseProgress => ({
  courseId,
  positionS: 0,
  watched: [],
  watchedMs: 0,
  completedAt: null,
  creditedAt: now,
  updatedAt: now,
})

export type RecordOutcome = 'credited' | 'positionOnly'

/**
 * Folds a report into the record. The spans are clamped to the video and joined to what was watched
 * before; the record keeps them merged. The new watching a report claims may not exceed what the wall
 * clock allows since the last credited report at 1.5× (+10 s): a forged or seeked report moves the
 * resume position only, and its spans can be claimed again by a later report once time allows.
 */
export const recordProgress = (
  previous: CourseProgress | null,
  report: ProgressReport,
  durationS: number,
  now: string,
): { progress: CourseProgress; outcome: RecordOutcome } => {
  const base = previous ?? startProgress(report.courseId, now)
  const durationMs = toMs(durationS)
  const positionS = Math.min(Math.max(0, Number.isFinite(report.positionS) ? report.positionS : 0), durationS)
  const reported = report.played
    .filter(([from, to]) => Number.isFinite(from) && Number.isFinite(to))
    .map(([from, to]): WatchedSpan => [Math.max(0, toMs(from)), Math.min(durationMs, toMs(to))])
  const watched = mergeSpans([...base.watched, ...reported])
  const watchedMs = spanTotalMs(watched)
  const allowedMs = Math.max(0, Date.parse(now) - Date.parse(base.creditedAt)) * MAX_RATE + CREDIT_SLACK_MS
  if (watchedMs - base.watchedMs > allowedMs) {
    return { progress: { ...base, positionS, updatedAt: now }, outcome: 'positionOnly' }
  }
  const completedAt = base.completedAt ?? (isCompleted(watchedMs, durationMs) ? now : null)
  return { progress: { ...base, positionS, watched, watchedMs, completedAt, creditedAt: now, updatedAt: now }, outcome: 'credited' }
}

/** Where the player starts (`initialTime`): where the viewer stopped, or the start when they were at the end. */
export const resumeAtS = (progress: CourseProgress | null, durationS: number): number => {
  if (!progress) return 0
  return progress.positionS >= durationS - RESTART_WITHIN_S ? 0 : Math.floor(progress.positionS)
}
