import { useCallback, useEffect, useState } from 'react'
import type { HomeData, MyRetailersData } from '@contracts'
import { fetchHome } from '@/services/home'
import { fetchMyRetailers } from '@/services/helpers'
import { ClientError } from '@/services/client'
import { goTo } from '@/lib/routes'
import { messageOf } from '@/lib/messages'

export type HomeState =
  | { status: 'loading' }
  | { status: 'ready'; data: HomeData }
  | { status: 'helper'; data: MyRetailersData }
  | { status: 'error'; message: string }

/**
 * Loads the home page's data. A user with no shop who helps one gets the helper's home; with no
 * shop and none helped they are sent to bind one; on the local host a browser with no identity is
 * sent to pick one. Every other failure stays on the page with a retry.
 */
export const useHome = () => {
  const [state, setState] = useState<HomeState>({ status: 'loading' })

  const load = useCallback(async (): Promise<void> => {
    try {
      setState({ status: 'ready', data: await fetchHome() })
    } catch (error) {
      if (error instanceof ClientError && error.code === 'NOT_BOUND') {
        const helping = await fetchMyRetailers().catch(() => null)
        if (helping && helping.retailers.length > 0) return setState({ status: 'helper', data: helping })
        return goTo('bind')
      }
      if (process.env.TARO_ENV === 'h5' && error instanceof ClientError && error.code === 'UNAUTHENTICATED') return goTo('signIn')
      setState({ status: 'error', message: messageOf(error) })
    }
  }, [])

  const retry = useCallback(() => {
    setState({ status: 'loading' })
    void load()
  }, [load])

  /** Applies what an action on the page returned, without reloading. */
  const patch = useCallback((change: Partial<HomeData>) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', data: { ...s.data, ...change } } : s))
  }, [])

  const setHelping = useCallback((data: MyRetailersData) => setState({ status: 'helper', data }), [])

  useEffect(() => {
    void load()
  }, [load])

  return { state, reload: load, retry, patch, setHelping }
}
