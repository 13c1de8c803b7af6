import { formatFen, formatCount } from '@words/numbers'
import { monthDay, weekdayOf } from '@words/time'
import type { DailySales, PeriodKind, SkuSales } from '@contracts'
import type { Column } from '../components/ColumnChart'
import type { Bar } from '../components/BarList'

/** What a day without imported data reads as: never ¥0. */
export const NO_DATA = '无数据'

/**
 * The summary's series as chart input. A week labels every day (周一…周日); a month labels the
 * 1st, 8th, 15th, 22nd and 29th, one a week, which fit under columns a few pixels wide.
 */
export const dailyColumns = (daily: DailySales[], period: PeriodKind): Column[] =>
  daily.map((day) => {
    const dayOfMonth = Number(day.date.slice(8, 10))
    const valueText = day.salesFen === null ? NO_DATA : formatFen(day.salesFen)
    return {
      key: day.date,
      value: day.salesFen,
      valueText,
      label: `${monthDay(day.date)} ${weekdayOf(day.date)} ${valueText}`,
      axisLabel: period === 'week' ? weekdayOf(day.date) : (dayOfMonth - 1) % 7 === 0 ? `${dayOfMonth}日` : '',
    }
  })

/** "最高 11月5日 ¥442，日均 ¥251": the two numbers a shopkeeper reads off a daily chart; days without data are left out. */
export const dailyCaption = (daily: DailySales[]): string => {
  const known = daily.filter((day): day is DailySales & { salesFen: number } => day.salesFen !== null)
  if (known.length === 0) return '还没有销售数据'
  const best = known.reduce((top, day) => (day.salesFen > top.salesFen ? day : top))
  const total = known.reduce((sum, day) => sum + day.salesFen, 0)
  const missing = daily.length - known.length
  return `最高 ${monthDay(best.date)} ${formatFen(best.salesFen)}，日均 ${formatFen(total / known.length)}${missing > 0 ? `（${missing} 天无数据，不计入）` : ''}`
}

/** A day of the list under the chart: "¥442 · 18 包", or 无数据. */
export const dayFiguresText = (day: DailySales): string =>
  day.salesFen === null || day.packs === null ? NO_DATA : `${formatFen(day.salesFen)} · ${formatCount(day.packs)} 包`

export const topSellerBars = (skus: SkuSales[]): Bar[] =>
  skus.map((sku, i) => ({
    key: sku.skuCode,
    label: `${i + 1}. ${sku.name}`,
    value: sku.packs,
    valueText: `${formatCount(sku.packs)} 包 · ${formatFen(sku.salesFen)}`,
  }))
