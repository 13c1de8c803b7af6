import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useUnload } from '@tarojs/taro'
import { reportOf, startTracking, trackTick, type PlaybackTracker } from '@core/learning/completion'
import type { CourseProgressResult } from '@contracts/learning'
import { saveCourseProgress } from '@/services/course'

/** How often the page saves what was watched while it plays. */
export const SAVE_EVERY_MS = 4000

/**
 * What the player has really played (core/learning/completion.ts: a step counts only when the video
 * could have got there by playing at the chosen speed), saved every few seconds and when the page
 * hides or closes. The functions decide what is credited and when the course is learnt.
 */
export const usePlayback = (courseId: string, retailer: string | undefined, startS: number, onSaved: (result: CourseProgressResult) => void) => {
  const tracker = useRef<PlaybackTracker>(startTracking())
  const playing = useRef(false)
  const rate = useRef(1)
  const saved = useRef('')
  const [positionS, setPositionS] = useState(startS)
  const savedHandler = useRef(onSaved)
  savedHandler.current = onSaved

  const tick = useCallback((at: number, isPlaying = playing.current) => {
    tracker.current = trackTick(tracker.current, { positionS: at, atMs: Date.now(), rate: rate.current, playing: isPlaying })
    setPositionS(at)
  }, [])

  const save = useCallback(async (): Promise<void> => {
    if (tracker.current.positionS === null) return
    const report = reportOf(tracker.current, courseId)
    const key = JSON.stringify(report)
    if (key === saved.current) return
    saved.current = key
    try {
      savedHandler.current(await saveCourseProgress(courseId, { positionS: report.positionS, played: report.played.map(([a, b]) => [a, b]) }, retailer))
    } catch {
      // Not saved this time (offline): the next save sends every span of the session again.
      saved.current = ''
    }
  }, [courseId, retailer])

  useEffect(() => {
    const timer = setInterval(() => void save(), SAVE_EVERY_MS)
    // In the browser a reload or a closed tab never reaches useDidHide.
    const hidden = () => {
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') void save()
    }
    if (process.env.TARO_ENV === 'h5') document.addEventListener('visibilitychange', hidden)
    return () => {
      clearInterval(timer)
      if (process.env.TARO_ENV === 'h5') document.removeEventListener('visibilitychange', hidden)
    }
  }, [save])
  useDidHide(() => void save())
  useUnload(() => void save())

  return {
    positionS,
    onTimeUpdate: (currentTime: number) => tick(currentTime),
    onPlay: () => {
      playing.current = true
      // The time paused is no time played: the next step is measured from now.
      tracker.current = { ...tracker.current, atMs: Date.now() }
    },
    onPause: () => {
      playing.current = false
      void save()
    },
    setRate: (next: number) => {
      rate.current = next
    },
  }
}
