import { chinaDate } from '@core/time'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { MyRetailerView, PeriodKind, SummaryData } from '@contracts'
import { fetchSummary } from '@/services/insights'
import { fetchMyRetailers } from '@/services/helpers'
import { ClientError } from '@/services/client'
import { goTo } from '@/lib/routes'
import { messageOf } from '@/lib/messages'

export type SummaryState =
  | { status: 'loading' }
  /** `date`: the day asked about, which the charts page asks about again (and so reuses this answer). */
  | { status: 'ready'; data: SummaryData; date: string }
  | { status: 'unbound' }
  | { status: 'error'; message: string }

/** A shop the user helps with the `insights` scope, whose 经营 they see when they have no shop of their own. */
export type HelpedShop = Pick<MyRetailerView, 'licenseNo' | 'shopName' | 'kind' | 'scopes'>

/**
 * The 经营 tab's data for this week or this month (China time), for the user's own shop or, for a
 * family helper with no shop, for the shop they help. A user with neither gets a state, not a
 * redirect: the tab bar stays usable. A reply for a question since replaced is dropped, so a slow
 * answer never paints over a newer one.
 */
export const useSummary = () => {
  const [period, setPeriod] = useState<PeriodKind>('month')
  const [state, setState] = useState<SummaryState>({ status: 'loading' })
  const [helped, setHelped] = useState<HelpedShop[]>([])
  const [retailer, setRetailer] = useState<string | undefined>(undefined)
  const asked = useRef(0)

  const load = useCallback(async (wanted: PeriodKind, shop: string | undefined): Promise<void> => {
    const ticket = ++asked.current
    const current = () => ticket === asked.current
    const date = chinaDate(Date.now())
    try {
      let data: SummaryData
      try {
        data = await fetchSummary({ period: wanted, date, retailer: shop })
      } catch (error) {
        if (!(error instanceof ClientError && error.code === 'NOT_BOUND' && shop === undefined)) throw error
        // No shop of one's own: a helper with `insights` sees the first shop they help that way.
        const shops = (await fetchMyRetailers()).retailers.filter((helpedShop) => helpedShop.scopes.includes('insights'))
        if (!current()) return
        setHelped(shops)
        if (shops.length === 0) return setState({ status: 'unbound' })
        setRetailer(shops[0].licenseNo)
        data = await fetchSummary({ period: wanted, date, retailer: shops[0].licenseNo })
      }
      if (current()) setState({ status: 'ready', data, date })
    } catch (error) {
      if (!current()) return
      if (process.env.TARO_ENV === 'h5' && error instanceof ClientError && error.code === 'UNAUTHENTICATED') return goTo('signIn')
      setState({ status: 'error', message: messageOf(error) })
    }
  }, [])

  const switchTo = useCallback(
    (next: { period?: PeriodKind; retailer?: string }) => {
      const nextPeriod = next.period ?? period
      const nextShop = next.retailer ?? retailer
      if (nextPeriod === period && nextShop === retailer) return
      setPeriod(nextPeriod)
      setRetailer(nextShop)
      setState({ status: 'loading' })
      void load(nextPeriod, nextShop)
    },
    [load, period, retailer],
  )

  const retry = useCallback(() => {
    setState({ status: 'loading' })
    void load(period, retailer)
  }, [load, period, retailer])

  /** Pull to refresh: the figures stay on screen until the new ones arrive. */
  const reload = useCallback(() => load(period, retailer), [load, period, retailer])

  useEffect(() => {
    void load('month', undefined)
  }, [load])

  return { period, state, helped, retailer, switchTo, retry, reload }
}
