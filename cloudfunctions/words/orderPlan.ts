import type { SuggestedLine, SuggestedOrderData } from '../contracts'
import { formatFen, formatOneDecimal } from './numbers'
import { chinaLabel } from './time'

/** "够卖 4 天": days of stock as 经营's warnings and 订货建议 both write them (one figure, one wording). */
export const daysOfStockText = (daysOfStock: number): string => (daysOfStock <= 0 ? '已断货' : `够卖 ${formatOneDecimal(daysOfStock)} 天`)

/** 日均卖 3.2 包，库存 12 包，够卖 3.8 天；受月限量所限少订 2 条 */
export const suggestedLineReason = (line: SuggestedLine, historyWeeks: number): string => {
  const { dailyPacks, stockPacks, daysOfStock } = line
  const quota = line.trimmedCartons > 0 ? `；受月限量所限少订 ${line.trimmedCartons} 条` : ''
  if (dailyPacks <= 0 || daysOfStock === null) return `近 ${historyWeeks} 周没有卖出，库存 ${stockPacks} 包${quota}`
  return `日均卖 ${formatOneDecimal(dailyPacks)} 包，库存 ${Math.max(0, stockPacks)} 包，${daysOfStockText(daysOfStock)}${quota}`
}

/** The cartons of each SKU to order: the retailer's edited draft when there is one, else the suggestion. */
export const cartonsToOrder = (order: SuggestedOrderData): Map<string, number> =>
  order.draft && order.draft.cycleId === order.cycleId
    ? new Map(order.draft.lines.map((line) => [line.skuCode, line.cartons]))
    : new Map(order.lines.map((line) => [line.skuCode, line.cartons]))

/**
 * The order as text to paste into the ordering platform: the edited cartons when given (SKUs not
 * in `order.lines` keep their code as name), else the suggestion.
 */
export const suggestedOrderText = (order: SuggestedOrderData, cartons: ReadonlyMap<string, number> = cartonsToOrder(order)): string => {
  const byCode = new Map(order.lines.map((line) => [line.skuCode, line]))
  const ordered = [...cartons].filter(([, n]) => n > 0)
  const edited = [...cartons].some(([code, n]) => (byCode.get(code)?.cartons ?? 0) !== n)
  const header = `${order.shopName} ${edited ? '订单' : '建议订单'}（${chinaLabel(Date.parse(order.closesAt))} 截止）`
  if (ordered.length === 0) return `${header}\n库存充足，本周期无需订货`
  const total = ordered.reduce((sum, [, n]) => sum + n, 0)
  const fen = ordered.reduce((sum, [code, n]) => sum + n * (byCode.get(code)?.wholesaleFenPerCarton ?? 0), 0)
  return [header, ...ordered.map(([code, n]) => `${byCode.get(code)?.name ?? code}（${code}）：${n} 条`), `合计 ${total} 条，批发金额约 ${formatFen(fen)}`].join('\n')
}
