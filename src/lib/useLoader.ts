import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ClientError, type ClientErrorCode } from '@/services/client'
import { errorTextOf } from './errorText'

/** A failed load: the Chinese sentence to show, and the functions' code (null: not theirs) for pages that treat some codes apart. */
export interface LoadError {
  code: ClientErrorCode | null
  message: string
}

/** Every page's data, one shape: loading, ready with the data, or failed. */
export type Load<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: LoadError }

export interface LoaderOptions {
  /**
   * Sees a failure first; returns true when it has sent the user to another page (bind, sign in),
   * and the page then stays as it was rather than flash an error on its way out.
   */
  leaves?: (error: unknown) => boolean
}

const LOADING = { state: 'loading' } as const

const loadErrorOf = (error: unknown): LoadError => ({ code: error instanceof ClientError ? error.code : null, message: errorTextOf(error) })

/**
 * Loads a page's data on open and again whenever `fetch` changes (a new question: another
 * period, another shop), showing the loading state meanwhile. `retry` (for ErrorState) shows
 * loading too; `reload` (pull to refresh, back on a tab) keeps what is on screen until the new
 * answer arrives. A reply for a question since replaced is dropped, so a slow answer never paints
 * over a newer one. `setData` applies what an action on the page returned, without reloading.
 * Pass a stable `fetch` (module-level or useCallback).
 */
export const useLoader = <T>(fetch: () => Promise<T>, options: LoaderOptions = {}) => {
  const [load, setLoad] = useState<Load<T>>(LOADING)
  const asked = useRef(0)
  const leaves = useRef(options.leaves)
  leaves.current = options.leaves

  const reload = useCallback(async (): Promise<void> => {
    const ticket = ++asked.current
    try {
      const data = await fetch()
      if (ticket === asked.current) setLoad({ state: 'ready', data })
    } catch (error) {
      if (ticket !== asked.current || leaves.current?.(error)) return
      setLoad({ state: 'error', error: loadErrorOf(error) })
    }
  }, [fetch])

  const retry = useCallback(() => {
    setLoad(LOADING)
    void reload()
  }, [reload])

  useEffect(retry, [retry])

  const setData = useCallback((next: T | ((data: T) => T)) => {
    setLoad((current) =>
      current.state === 'ready' ? { state: 'ready', data: typeof next === 'function' ? (next as (data: T) => T)(current.data) : next } : current,
    )
  }, [])

  return { load, reload, retry, setData }
}

/** WeChat's pull-down gesture runs `reload`, and the spinner stops when it settles (pages that enable it in their config). */
export const usePullToRefresh = (reload: () => Promise<void>): void => {
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
}
