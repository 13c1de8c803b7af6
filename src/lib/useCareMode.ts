import { useEffect, useSyncExternalStore } from 'react'
import { LARGE_TEXT_SCALE, readCareMode, saveCareMode, textScale } from '@/services/care'

/**
 * 长辈模式, shared by every page of the running app: the switch in 我的 changes it everywhere at
 * once. The look itself is all in app.scss, under the page root's `.care` class.
 */
let current: boolean | null = null
let scale: number | null = null
const listeners = new Set<() => void>()

const snapshot = (): boolean => (current ??= readCareMode())
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const setCareMode = (on: boolean): void => {
  saveCareMode(on)
  current = on
  listeners.forEach((listener) => listener())
}

/** On or off; the user's text scale (read once per launch); whether to suggest it (large text while off). */
export const useCareMode = () => {
  const on = useSyncExternalStore(subscribe, snapshot)
  scale ??= textScale()
  useEffect(() => {
    // H5 draws its tab bar outside the page: it follows the same switch through the root element.
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('care', on)
  }, [on])
  return { on, set: setCareMode, scale, suggest: !on && scale >= LARGE_TEXT_SCALE }
}
