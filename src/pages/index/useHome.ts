import { useCallback } from 'react'
import type { HomeData, MyRetailersData } from '@contracts'
import { fetchHome } from '@/services/home'
import { fetchMyRetailers } from '@/services/helpers'
import { ClientError } from '@/services/client'
import { goTo, leaveWhenSignedOut } from '@/lib/routes'
import { useLoader } from '@/lib/useLoader'

/** What 首页 shows: the retailer's own home, or, for a user with no shop who helps some, the shops they help. */
export type HomeView = { kind: 'own'; home: HomeData } | { kind: 'helper'; helping: MyRetailersData }

const isNotBound = (error: unknown) => error instanceof ClientError && error.code === 'NOT_BOUND'

const fetchHomeView = async (): Promise<HomeView> => {
  try {
    return { kind: 'own', home: await fetchHome() }
  } catch (error) {
    if (!isNotBound(error)) throw error
    const helping = await fetchMyRetailers().catch(() => null)
    if (helping && helping.retailers.length > 0) return { kind: 'helper', helping }
    throw error
  }
}

/** No shop and none helped: bind one. On the local host, no identity: pick one. */
const leaves = (error: unknown): boolean => {
  if (!isNotBound(error)) return leaveWhenSignedOut(error)
  goTo('bind')
  return true
}

/**
 * Loads the home page's data. A user with no shop who helps one gets the helper's home; with no
 * shop and none helped they are sent to bind one; on the local host a browser with no identity is
 * sent to pick one. Every other failure stays on the page with a retry.
 */
export const useHome = () => {
  const { load, reload, retry, setData } = useLoader(fetchHomeView, { leaves })

  /** Applies what an action on the page returned, without reloading. */
  const patch = useCallback(
    (change: Partial<HomeData>) => setData((view) => (view.kind === 'own' ? { kind: 'own', home: { ...view.home, ...change } } : view)),
    [setData],
  )

  const setHelping = useCallback((helping: MyRetailersData) => setData({ kind: 'helper', helping }), [setData])

  return { load, reload, retry, patch, setHelping }
}
