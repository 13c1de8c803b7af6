import { useCallback, useEffect, useState } from 'react'
import { messageOf } from './messages'

/**
 * Loads a page's data once on open: the data (null while loading), the Chinese error message
 * (empty when none), `reload` for retry, and `setData` for pages that update what they show.
 */
export const useLoad = <T>(fetch: () => Promise<T>) => {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState('')
  const reload = useCallback(async () => {
    setError('')
    try {
      setData(await fetch())
    } catch (failure) {
      setError(messageOf(failure))
    }
  }, [fetch])
  useEffect(() => {
    void reload()
  }, [reload])
  return { data, error, reload, setData }
}
