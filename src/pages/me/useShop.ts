import { useCallback, useEffect, useState } from 'react'
import type { ShopCard } from '@contracts'
import { fetchHome } from '@/services/home'
import { ClientError } from '@/services/client'
import { messageOf } from '@/lib/messages'

export type ShopState =
  | { status: 'loading' }
  | { status: 'ready'; shop: ShopCard }
  | { status: 'unbound' }
  | { status: 'error'; message: string }

/** The bound shop for 我的; no shop (or, on the local host, no identity) is a state here, not a redirect. */
export const useShop = () => {
  const [state, setState] = useState<ShopState>({ status: 'loading' })
  const load = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      setState({ status: 'ready', shop: (await fetchHome()).shop })
    } catch (error) {
      const unbound = error instanceof ClientError && (error.code === 'NOT_BOUND' || error.code === 'UNAUTHENTICATED')
      setState(unbound ? { status: 'unbound' } : { status: 'error', message: messageOf(error) })
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])
  return { state, retry: load }
}
