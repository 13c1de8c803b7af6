import { chinaDate } from '@core/time'
import { useCallback, useRef, useState } from 'react'
import type { MyRetailerView, PeriodKind, SummaryData } from '@contracts'
import { fetchSummary } from '@/services/insights'
import { fetchMyRetailers } from '@/services/helpers'
import { ClientError } from '@/services/client'
import { leaveWhenSignedOut } from '@/lib/routes'
import { useLoader } from '@/lib/useLoader'

/** What the 经营 tab shows once loaded. */
export interface InsightsView {
  /** null: no shop of one's own and none helped with `insights` — a state, not a redirect: the tab bar stays usable. */
  summary: SummaryData | null
  /** The day asked about, which the charts page asks about again (and so reuses this answer). */
  date: string
  /** Shops the user helps without `insights` (when they have no shop and none with it): named, never 还没有绑定店铺. */
  noInsightsFor: string[]
}

/** A shop the user helps with the `insights` scope, whose 经营 they see when they have no shop of their own. */
export type HelpedRetailer = Pick<MyRetailerView, 'licenseNo' | 'shopName' | 'kind' | 'scopes'>

/** The question asked: a period, and a shop the user helps (absent: their own). */
interface Question {
  period: PeriodKind
  retailer?: string
}

/**
 * The 经营 tab's data for this week or this month (China time), for the user's own shop or, for a
 * family helper with no shop, for the shop they help. Another period or shop is a new question:
 * the loader shows loading and drops any slower answer to the old one.
 */
export const useSummary = () => {
  const [asked, setAsked] = useState<Question>({ period: 'month' })
  const [helped, setHelped] = useState<HelpedRetailer[]>([])
  // The first shop a helper with no shop of their own helps, once found. Later questions name it;
  // it is not put in `asked`, which would ask the same question again.
  const found = useRef<string | undefined>(undefined)
  const retailer = asked.retailer ?? found.current

  const fetch = useCallback(async (): Promise<InsightsView> => {
    const date = chinaDate(Date.now())
    const shown = asked.retailer ?? found.current
    try {
      return { summary: await fetchSummary({ period: asked.period, date, retailer: shown }), date, noInsightsFor: [] }
    } catch (error) {
      if (!(error instanceof ClientError && error.code === 'NOT_BOUND' && shown === undefined)) throw error
      // No shop of one's own: a helper with `insights` sees the first shop they help that way.
      const all = (await fetchMyRetailers()).retailers
      const retailers = all.filter((r) => r.scopes.includes('insights'))
      found.current = retailers[0]?.licenseNo
      setHelped(retailers)
      if (found.current === undefined) return { summary: null, date, noInsightsFor: all.map((r) => r.shopName) }
      return { summary: await fetchSummary({ period: asked.period, date, retailer: found.current }), date, noInsightsFor: [] }
    }
  }, [asked])

  const { load, retry, reload } = useLoader(fetch, { leaves: leaveWhenSignedOut })

  const switchTo = useCallback(
    (next: { period?: PeriodKind; retailer?: string }) => {
      const wanted = { period: next.period ?? asked.period, retailer: next.retailer ?? retailer }
      if (wanted.period !== asked.period || wanted.retailer !== retailer) setAsked(wanted)
    },
    [asked, retailer],
  )

  return { period: asked.period, load, helped, retailer, switchTo, retry, reload }
}
