import { useCallback, useEffect, useState } from 'react'
import type { SuggestedOrderData } from '@contracts'
import { fetchSuggestedOrder } from '@/services/insights'
import { ClientError } from '@/services/client'
import { messageOf } from '@/lib/messages'

/**
 * `refused`: the functions said no (not this user's shop, or a helper without the order scope);
 * retrying cannot change that, so the page says why and offers no retry. `error`: worth a retry.
 */
export type OrderState =
  | { status: 'loading' }
  | { status: 'ready'; data: SuggestedOrderData }
  | { status: 'refused'; message: string; unbound: boolean }
  | { status: 'error'; message: string }

const REFUSALS = new Set(['FORBIDDEN', 'NOT_BOUND', 'NOT_FOUND', 'UNAUTHENTICATED'])

export const useSuggestedOrder = (retailer?: string) => {
  const [state, setState] = useState<OrderState>({ status: 'loading' })

  const load = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      setState({ status: 'ready', data: await fetchSuggestedOrder(retailer) })
    } catch (error) {
      if (error instanceof ClientError && REFUSALS.has(error.code)) {
        setState({ status: 'refused', message: error.message, unbound: error.code === 'NOT_BOUND' })
      } else {
        setState({ status: 'error', message: messageOf(error) })
      }
    }
  }, [retailer])

  useEffect(() => {
    void load()
  }, [load])

  return { state, retry: load }
}
