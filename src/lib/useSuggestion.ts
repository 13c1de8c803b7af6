import { useEffect, useState } from 'react'
import type { SuggestedOrderData } from '@contracts'
import { fetchSuggestedOrder } from '@/services/insights'

/**
 * The suggested order (with its kept draft) of the cycle `cycleId`, loaded while `active` — the
 * window is open and the user may order for the shop — so 去订货 can carry it along. null until
 * loaded, and when it cannot be (no data, no scope): 去订货 then opens the platform alone.
 */
export const useSuggestion = (retailer: string | undefined, cycleId: string, active: boolean): SuggestedOrderData | null => {
  const [data, setData] = useState<SuggestedOrderData | null>(null)
  useEffect(() => {
    if (!active) return setData(null)
    let live = true
    fetchSuggestedOrder(retailer)
      .then((answer) => live && setData(answer))
      .catch(() => live && setData(null))
    return () => {
      live = false
    }
  }, [retailer, cycleId, active])
  return data
}
