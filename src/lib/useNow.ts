import { SECOND_MS } from '@core/time'
import { useEffect, useState } from 'react'

/**
 * The current epoch ms, re-read on each whole second. Order windows open and close on whole
 * minutes, so ticking on the wall-clock second keeps a countdown from showing a stale second.
 */
export const useNow = (): number => {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>
    const tick = () => {
      const at = Date.now()
      setNow(at)
      timer = setTimeout(tick, SECOND_MS - (at % SECOND_MS))
    }
    timer = setTimeout(tick, SECOND_MS - (Date.now() % SECOND_MS))
    return () => clearTimeout(timer)
  }, [])
  return now
}
