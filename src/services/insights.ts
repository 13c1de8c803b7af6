import { MINUTE_MS } from '@core/time'
import type { EventOf, OrderDraftView, PeriodKind, SuggestedOrderData, SummaryData } from '@contracts'
import { call } from './client'

export interface SummaryQuery {
  period: PeriodKind
  /** Any day of the week or month wanted, China time. */
  date: string
  /** A shop the caller helps with `insights`; absent: the caller's own. */
  retailer?: string
}

const keyOf = ({ period, date, retailer }: SummaryQuery): string => `${period}|${date}|${retailer ?? ''}`

/** How long the charts page may reuse the answer the 经营 tab just loaded. */
const REUSE_MS = 5 * MINUTE_MS
let last: { key: string; at: number; data: SummaryData } | null = null

/**
 * The operating summary of a week or month. `reuse` accepts the answer of the same question asked
 * in the last few minutes: the charts page opens from the 经营 tab and draws the figures the tab
 * already has, instead of a second round trip on a village's 4G.
 */
export const fetchSummary = async (query: SummaryQuery, { reuse = false } = {}): Promise<SummaryData> => {
  const key = keyOf(query)
  if (reuse && last && last.key === key && Date.now() - last.at < REUSE_MS) return last.data
  const data = await call('summary', query.retailer ? query : { period: query.period, date: query.date })
  last = { key, at: Date.now(), data }
  return data
}

/** What to order in the coming cycle, for the caller's shop or one they order for (`order` scope). */
export const fetchSuggestedOrder = (retailer?: string): Promise<SuggestedOrderData> =>
  call('suggestedOrder', retailer ? { retailer } : {})

/** Keeps the edited suggestion for the cycle (within the month's quota). */
export const saveOrderDraft = (event: EventOf<'saveOrderDraft'>): Promise<OrderDraftView> => call('saveOrderDraft', event)
