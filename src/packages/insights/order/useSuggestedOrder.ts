import { useCallback } from 'react'
import { fetchSuggestedOrder } from '@/services/insights'
import type { ClientErrorCode } from '@/services/client'
import { useLoader, type LoadError } from '@/lib/useLoader'

const REFUSALS: ReadonlySet<ClientErrorCode | null> = new Set<ClientErrorCode>(['FORBIDDEN', 'NOT_BOUND', 'NOT_FOUND', 'UNAUTHENTICATED'])

/**
 * A refusal: the functions said no (not this user's shop, or a helper without the order scope).
 * Retrying cannot change that, so the page says why and offers no retry; any other failure is worth one.
 */
export const isRefusal = (error: LoadError): boolean => REFUSALS.has(error.code)

/** The suggested order for the user's own shop, or for `retailer`, a shop they order for. */
export const useSuggestedOrder = (retailer?: string) => {
  const fetch = useCallback(() => fetchSuggestedOrder(retailer), [retailer])
  return useLoader(fetch)
}
