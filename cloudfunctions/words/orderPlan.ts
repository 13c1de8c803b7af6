import type { SuggestedLine, SuggestedOrderData } from '../contracts'
import { formatFen, formatOneDecimal } from './numbers'
import { chinaLabel } from './time'

/** 日均卖 3.2 包，库存 12 包，够卖 4 天；受月限量所限少订 2 条 */
export const suggestedLineReason = (line: SuggestedLine, historyWeeks: number): string => {
  const { dailyPacks, stockPacks } = line
  const quota = line.trimmedCartons > 0 ? `；受月限量所限少订 ${line.trimmedCartons} 条` : ''
  if (dailyPacks <= 0) return `近 ${historyWeeks} 周没有卖出，库存 ${stockPacks} 包${quota}`
  if (stockPacks <= 0) return `日均卖 ${formatOneDecimal(dailyPacks)} 包，库存 0 包，已断货${quota}`
  return `日均卖 ${formatOneDecimal(dailyPacks)} 包，库存 ${stockPacks} 包，够卖 ${Math.round(stockPacks / dailyPacks)} 天${quota}`
}

/** The suggestion as text to paste into the ordering platform. */
export const suggestedOrderText = (order: SuggestedOrderData): string => {
  const ordered = order.lines.filter((line) => line.cartons > 0)
  const header = `${order.shopName} 建议订单（${chinaLabel(Date.parse(order.closesAt))} 截止）`
  if (ordered.length === 0) return `${header}\n库存充足，本周期无需订货`
  return [
    header,
    ...ordered.map((line) => `${line.name}（${line.skuCode}）：${line.cartons} 条`),
    `合计 ${order.totalCartons} 条，批发金额约 ${formatFen(order.totalFen)}`,
  ].join('\n')
}
