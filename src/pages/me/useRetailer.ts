import type { RetailerCard } from '@contracts'
import { fetchHome } from '@/services/home'
import { ClientError } from '@/services/client'
import { useLoader } from '@/lib/useLoader'

/** The bound shop's card; null when there is none (or, on the local host, no identity): 我的 says so, it does not redirect. */
const fetchOwnRetailer = async (): Promise<RetailerCard | null> => {
  try {
    return (await fetchHome()).shop
  } catch (error) {
    if (error instanceof ClientError && (error.code === 'NOT_BOUND' || error.code === 'UNAUTHENTICATED')) return null
    throw error
  }
}

/** The bound shop for 我的. */
export const useRetailer = () => useLoader(fetchOwnRetailer)
