import { formatFen, formatCount } from '@words/numbers'
import { monthDay, weekdayOf } from '@words/time'
import type { DailySales, PeriodKind, SkuSales } from '@contracts'
import type { Column } from '../components/ColumnChart'
import type { Bar } from '../components/BarList'

/**
 * The summary's series as chart input. A week labels every day (周一…周日); a month labels the
 * 1st, 8th, 15th, 22nd and 29th, one a week, which fit under columns a few pixels wide.
 */
export const dailyColumns = (daily: DailySales[], period: PeriodKind): Column[] =>
  daily.map((day) => {
    const dayOfMonth = Number(day.date.slice(8, 10))
    return {
      key: day.date,
      value: day.salesFen,
      label: `${monthDay(day.date)} ${weekdayOf(day.date)} ${formatFen(day.salesFen)}`,
      axisLabel: period === 'week' ? weekdayOf(day.date) : (dayOfMonth - 1) % 7 === 0 ? `${dayOfMonth}日` : '',
    }
  })

/** "最高 11月5日 ¥442，日均 ¥251": the two numbers a shopkeeper reads off a daily chart. */
export const dailyCaption = (daily: DailySales[]): string => {
  if (daily.length === 0) return '还没有销售'
  const best = daily.reduce((top, day) => (day.salesFen > top.salesFen ? day : top))
  const total = daily.reduce((sum, day) => sum + day.salesFen, 0)
  return `最高 ${monthDay(best.date)} ${formatFen(best.salesFen)}，日均 ${formatFen(total / daily.length)}`
}

export const topSellerBars = (skus: SkuSales[]): Bar[] =>
  skus.map((sku, i) => ({
    key: sku.skuCode,
    label: `${i + 1}. ${sku.name}`,
    value: sku.packs,
    valueText: `${formatCount(sku.packs)} 包 · ${formatFen(sku.salesFen)}`,
  }))
