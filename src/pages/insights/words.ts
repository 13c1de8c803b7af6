import { formatFen, formatOneDecimal, formatShare, formatShareFine } from '@words/numbers'
import { monthEnd } from '@core/time'
import { dayRange, monthDay } from '@words/time'
import { daysOfStockText } from '@words/orderPlan'
import type { PeriodKind, SlowMover, Standing, StockWarning } from '@contracts'

/**
 * The 经营 tab's sentences, built from the summary's figures. Pure, so each sentence is checked
 * with worked examples, and the page only places them.
 */
export const PERIOD_NAMES: Record<PeriodKind, string> = { week: '本周', month: '本月' }

/** What the current period is compared with: the same days of the period before. */
export const PREVIOUS_NAMES: Record<PeriodKind, string> = { week: '上周', month: '上月' }

export const LAST_YEAR_NAME = '去年同期'

/**
 * "日均卖 3.2 包，库存 0 包，已断货；12月1日到货，还有 8 天" — why a hot seller is on the warning
 * list, in the words and figures 订货建议 uses for the same SKU.
 */
export const stockWarningText = (warning: StockWarning): string =>
  `日均卖 ${formatOneDecimal(warning.dailyPacks)} 包，库存 ${warning.packsOnHand} 包，${daysOfStockText(warning.daysOfStock)}；${monthDay(warning.nextDeliveryDate)}到货，还有 ${warning.daysToDelivery} 天`

/** "数据截至 12月1日": the last day with imported POS data; before any, 还没有扫码数据. */
export const dataThroughText = (dataThrough: string | null): string => (dataThrough ? `数据截至 ${monthDay(dataThrough)}` : '还没有扫码数据')

/** "11月1日–30日" or "11月全月" for the month a benchmark compares. */
export const benchmarkSpanText = (benchmark: { month: string; from: string; to: string }): string => {
  const month = `${Number(benchmark.month.slice(5))}月`
  return benchmark.to === monthEnd(benchmark.month) ? `${month}全月` : `${month}（${dayRange(benchmark.from, benchmark.to)}）`
}

/** "库存 10 包，10月8日以来没卖出"; with no sale in the months looked at, "近两个月没卖出". */
export const slowMoverText = (mover: SlowMover): string =>
  `库存 ${mover.packsOnHand} 包，${mover.lastSaleDate ? `${monthDay(mover.lastSaleDate)}以来没卖出` : '近两个月没卖出'}`

interface Indicator {
  /** "销售额", "毛利率", "库存周转" */
  name: string
  format: (value: number) => string
  /** How being better reads for this indicator: 高于 for sales, 快于 for turnover. */
  better: string
}

export const INDICATORS = {
  salesFen: { name: '销售额', format: formatFen, better: '高于' },
  grossMargin: { name: '毛利率', format: formatShareFine, better: '高于' },
  turnoverDays: { name: '库存周转', format: (days: number) => `${formatOneDecimal(days)} 天`, better: '快于' },
} satisfies Record<string, Indicator>

/**
 * "You vs peers vs the best" in one sentence:
 * "您的销售额 ¥5,778，高于 19% 的同类店；同类店中位数 ¥7,225，标杆店 ¥9,519".
 */
export const standingText = (indicator: Indicator, standing: Standing, monthName = '这个月'): string => {
  const { name, format, better } = indicator
  if (standing.value === null) return `${monthName}还没有您的${name}数据`
  const you = `您的${name} ${format(standing.value)}`
  if (standing.percentile === null || standing.median === null || standing.best === null) return `${you}，暂无可比的同类店`
  return `${you}，${better} ${formatShare(standing.percentile / 100)} 的同类店；同类店中位数 ${format(standing.median)}，标杆店 ${format(standing.best)}`
}
