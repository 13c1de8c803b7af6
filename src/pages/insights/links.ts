import type { PeriodKind } from '@contracts'

/**
 * The insights subpackage's pages (charts and the suggested order live there so the main
 * package never carries their code). `retailer` opens them for a shop the user helps.
 */
const query = (params: Record<string, string | undefined>): string =>
  Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')

export const chartsUrl = (period: PeriodKind, date: string, retailer?: string): string =>
  `/packages/insights/charts/index?${query({ period, date, retailer })}`

export const suggestedOrderUrl = (retailer?: string): string =>
  `/packages/insights/order/index${retailer ? `?${query({ retailer })}` : ''}`
