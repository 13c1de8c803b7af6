import fc from 'fast-check'
import {
  isCompleted, mergeSpans, recordProgress, reportOf, resumeAtS, spanTotalMs, startProgress, startTracking, trackTick, type PlaybackTracker,
} from '../../cloudfunctions/core/learning'
import type { ProgressReport } from '../../cloudfunctions/contracts/learning'

const T0 = '2026-03-02T10:00:00+08:00'
const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString()
const report = (played: [number, number][], positionS = played.at(-1)?.[1] ?? 0): ProgressReport => ({ courseId: 'c-pos-unstable', positionS, played })

describe('spans', () => {
  test('overlapping and touching spans join; gaps stay', () => {
    expect(mergeSpans([[5000, 9000], [0, 2000], [2000, 3000], [8000, 12000], [20000, 20000], [30000, 25000]])).toEqual([[0, 3000], [5000, 12000]])
    expect(spanTotalMs([[0, 3000], [5000, 12000]])).toBe(10000)
  })

  test('exactly 90 % completes, 89.9 % does not', () => {
    expect(isCompleted(54_000, 60_000)).toBe(true)
    expect(isCompleted(53_940, 60_000)).toBe(false)
    // 63.238 s (c-pos-unstable): 90 % is 56,914.2 ms.
    expect(isCompleted(56_915, 63_238)).toBe(true)
    expect(isCompleted(56_914, 63_238)).toBe(false)
    expect(isCompleted(0, 0)).toBe(false)
  })

  test('the union never exceeds the duration however often a part is replayed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 60_000 })), { maxLength: 40 }), (pairs) => {
        const spans = pairs.map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
        const merged = mergeSpans(spans)
        // Twice the same spans count once.
        expect(spanTotalMs(mergeSpans([...spans, ...spans]))).toBe(spanTotalMs(merged))
        expect(spanTotalMs(merged)).toBeLessThanOrEqual(60_000)
        for (let i = 1; i < merged.length; i++) expect(merged[i][0]).toBeGreaterThan(merged[i - 1][1])
        // Every millisecond covered by an input span is covered by the union (checked at span ends).
        for (const [a, b] of spans) if (b > a) expect(merged.some(([x, y]) => x <= a && b <= y)).toBe(true)
      }),
    )
  })
})

describe('the player tracker', () => {
  /** Plays from `from` to `to` at `rate`, one timeupdate every 250 ms of wall time. */
  const play = (tracker: PlaybackTracker, from: number, to: number, rate = 1): PlaybackTracker => {
    let t = trackTick(tracker, { positionS: from, atMs: tracker.atMs + 50, rate, playing: false })
    for (let p = from; p < to; ) {
      p = Math.min(to, p + 0.25 * rate)
      t = trackTick(t, { positionS: p, atMs: t.atMs + 250, rate })
    }
    return t
  }

  test('played seconds count; a seek forward counts nothing', () => {
    let t = play(startTracking(), 0, 10)
    // Jump to 50 s in one event 250 ms later: a seek.
    t = trackTick(t, { positionS: 50, atMs: t.atMs + 250, rate: 1 })
    t = play(t, 50, 55)
    expect(t.played).toEqual([[0, 10], [50, 55]])
  })

  test('1.5× playing counts; a step more than twice as fast as 1.5× is a seek', () => {
    const t = play(startTracking(), 0, 6, 1.5)
    expect(t.played).toEqual([[0, 6]])
    // 3.5 s in 1 s of wall time: more than 1 s × 1.5 × 2.
    expect(trackTick(t, { positionS: 9.5, atMs: t.atMs + 1000, rate: 1.5 }).played).toEqual([[0, 6]])
    // 2.9 s in 1 s: late events bunch up, still playing.
    expect(trackTick(t, { positionS: 8.9, atMs: t.atMs + 1000, rate: 1.5 }).played).toEqual([[0, 8.9]])
    // The speed claimed is capped at 1.5×: at "4×" the same 3.5 s is still a seek.
    expect(trackTick(t, { positionS: 9.5, atMs: t.atMs + 1000, rate: 4 }).played).toEqual([[0, 6]])
  })

  test('seeking never completes: seeks as the player reports them credit nothing, only the seconds played count', () => {
    const duration = 60
    fc.assert(
      fc.property(
        fc.array(fc.record({ to: fc.double({ min: 0, max: duration, noNaN: true }), play: fc.double({ min: 0.01, max: 3, noNaN: true }) }), { maxLength: 60 }),
        (steps) => {
          let t = startTracking()
          let playedSpans: [number, number][] = []
          for (const step of steps) {
            // The `seeking` event, then where the video landed.
            t = trackTick(t, { positionS: t.positionS ?? 0, atMs: t.atMs + 5, rate: 1, playing: false })
            t = trackTick(t, { positionS: step.to, atMs: t.atMs + 10, rate: 1, playing: false })
            const end = Math.min(duration, step.to + step.play)
            if (end > step.to) {
              t = trackTick(t, { positionS: end, atMs: t.atMs + (end - step.to) * 1000, rate: 1 })
              playedSpans = [...playedSpans, [step.to, end]]
            }
          }
          // The credit is exactly the union of what was played.
          expect(t.played).toEqual(mergeSpans(playedSpans))
          const { progress } = recordProgress(startProgress('c', at(0)), reportOf(t, 'c'), duration, at(3600))
          const playedMs = spanTotalMs(mergeSpans(playedSpans.map(([a, b]) => [Math.round(a * 1000), Math.round(b * 1000)] as const)))
          expect(progress.watchedMs).toBe(playedMs)
          expect(progress.completedAt !== null).toBe(playedMs * 100 >= 60_000 * 90)
        },
      ),
    )
  })

  test('seeking never completes even when the page misses the seeking events', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 60, noNaN: true }), { minLength: 1, maxLength: 300 }), (positions) => {
        let t = startTracking()
        // Jumps 20 ms apart: at most 20 ms × 1.5 × 2 = 0.06 s each can pass for playing.
        for (const p of positions) t = trackTick(t, { positionS: p, atMs: t.atMs + 20, rate: 1.5 })
        expect(spanTotalMs(t.played.map(([a, b]) => [a * 1000, b * 1000] as const))).toBeLessThanOrEqual(positions.length * 60 + 1e-6)
        const { progress } = recordProgress(startProgress('c', at(0)), reportOf(t, 'c'), 60, at(3600))
        expect(progress.completedAt).toBeNull()
      }),
    )
  })
})

describe('the progress record', () => {
  test('reports add up to completion only once 90 % is watched; the end event alone does nothing', () => {
    // The record is started when the player opens the course, at 0 s.
    let { progress } = recordProgress(startProgress('c-pos-unstable', at(0)), report([[0, 20]]), 60, at(20))
    expect(progress.watchedMs).toBe(20_000)
    expect(progress.completedAt).toBeNull()
    // Replaying 10–20 and going on to 40: 40 s watched, not 50.
    ;({ progress } = recordProgress(progress, report([[10, 40]]), 60, at(50)))
    expect(progress.watched).toEqual([[0, 40_000]])
    expect(progress.watchedMs).toBe(40_000)
    // A seek to the end and the player's position at 60 (what `ended` would say): position moves, nothing credited.
    ;({ progress } = recordProgress(progress, report([], 60), 60, at(51)))
    expect(progress.positionS).toBe(60)
    expect(progress.completedAt).toBeNull()
    // 40–53.9: 53.9 s = 89.83 %: not yet.
    ;({ progress } = recordProgress(progress, report([[40, 53.9]]), 60, at(70)))
    expect(progress.watchedMs).toBe(53_900)
    expect(progress.completedAt).toBeNull()
    // 53.9–54: exactly 90 %.
    ;({ progress } = recordProgress(progress, report([[53.9, 54]]), 60, at(71)))
    expect(progress.completedAt).toBe(at(71))
    // Completion stays.
    ;({ progress } = recordProgress(progress, report([[0, 1]], 1), 60, at(80)))
    expect(progress.completedAt).toBe(at(71))
  })

  test('a report claiming more than the wall clock allows moves the position only, and can be claimed later', () => {
    const first = startProgress('c-pos-unstable', at(0))
    // 5 s after opening, a report says 0–50 was played: more than 5 s × 1.5 + 10 s.
    const forged = recordProgress(first, report([[0, 50]]), 60, at(5))
    expect(forged.outcome).toBe('positionOnly')
    expect(forged.progress.watchedMs).toBe(0)
    expect(forged.progress.positionS).toBe(50)
    // 40 s after opening the same spans fit (40 × 1.5 + 10 = 70 s ≥ 50 s).
    const later = recordProgress(forged.progress, report([[0, 50]]), 60, at(40))
    expect(later.outcome).toBe('credited')
    expect(later.progress.watchedMs).toBe(50_000)
  })

  test('spans are clamped to the video', () => {
    const { progress } = recordProgress(startProgress('c-pos-unstable', at(0)), report([[-5, 3], [58, 75]]), 60, at(20))
    expect(progress.watched).toEqual([[0, 3000], [58_000, 60_000]])
  })

  test('resume where the viewer stopped; near the end, from the start', () => {
    const { progress } = recordProgress(startProgress('c-pos-unstable', at(0)), report([[0, 20]], 130.7), 200, at(20))
    expect(resumeAtS(progress, 200)).toBe(130)
    expect(resumeAtS({ ...progress, positionS: 198 }, 200)).toBe(0)
    expect(resumeAtS(null, 200)).toBe(0)
  })
})
