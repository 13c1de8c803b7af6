import type { GuideData, GuideFeedbackResult, GuideVerdict, ProfitSheetData } from '@contracts'
import { call } from './client'

/** The guide (客户数字经营指导书) of a month, the newest when none is named; `retailer`: a shop the caller helps. */
export const fetchGuide = (query: { month?: string; retailer?: string } = {}): Promise<GuideData> => call('guide', query)

/** 有用 / 没用 on one strategy of a month's guide. */
export const sendGuideFeedback = (event: { month: string; strategyId: string; verdict: GuideVerdict; retailer?: string }): Promise<GuideFeedbackResult> =>
  call('guideFeedback', event)

/** 二维码盈利单: a month's gross profit per SKU and in total. */
export const fetchProfitSheet = (query: { month?: string; retailer?: string } = {}): Promise<ProfitSheetData> => call('profitSheet', query)
