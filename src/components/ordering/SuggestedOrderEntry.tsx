import './ordering.scss'
import { Button, Text, View } from '@tarojs/components'
import type { SuggestedOrderData } from '@contracts'
import { formatFen } from '@words/numbers'
import { cartonsToOrder } from '@words/orderPlan'
import { openPage } from '@/lib/routes'

/**
 * 首页's way to 订货建议 while a window is open: what it suggests (or what was kept after editing)
 * in one line, and the tap that opens it. `retailer` names a shop the user helps.
 */
export function SuggestedOrderEntry({ suggestion, retailer }: { suggestion: SuggestedOrderData | null; retailer?: string }) {
  const cartons = suggestion ? cartonsToOrder(suggestion) : null
  const byCode = new Map((suggestion?.lines ?? []).map((line) => [line.skuCode, line]))
  const total = cartons ? [...cartons.values()].reduce((sum, n) => sum + n, 0) : 0
  const fen = cartons ? [...cartons].reduce((sum, [code, n]) => sum + n * (byCode.get(code)?.wholesaleFenPerCarton ?? 0), 0) : 0
  const edited = suggestion?.draft != null
  return (
    <View className='card suggestion-entry care-hide'>
      <Text className='suggestion-entry-title'>{edited ? '这期的订单（已按您的修改保存）' : '这期的订货建议'}</Text>
      {suggestion && (
        <Text className='line suggestion-entry-total'>{total === 0 ? '库存够卖，这期不用补货' : `${total} 条，按批发价约 ${formatFen(fen)}`}</Text>
      )}
      <Button className='btn open-suggestion' onClick={() => openPage('suggestedOrder', { retailer })}>
        {edited ? '查看和修改订单' : '查看订货建议'}
      </Button>
    </View>
  )
}
