import { Text, View } from '@tarojs/components'
import type { SuggestedLine } from '@contracts'
import { suggestedLineReason } from '@words/orderPlan'

/** One SKU per row: how many cartons, and the one line saying why. */
export function OrderLines({ lines, historyWeeks }: { lines: SuggestedLine[]; historyWeeks: number }) {
  return (
    <View className='order-lines'>
      {lines.map((line) => (
        <View key={line.skuCode} className={`order-line ${line.cartons === 0 ? 'is-cut' : ''}`}>
          <View className='order-line-head'>
            <Text className='order-line-name'>{line.name}</Text>
            <Text className='order-line-cartons'>{`${line.cartons} 条`}</Text>
          </View>
          <Text className='order-line-reason'>{suggestedLineReason(line, historyWeeks)}</Text>
          {line.trimmedCartons > 0 && (
            <Text className='order-line-trim'>
              {line.cartons === 0 ? `本月限量不够，这次不订（本该订 ${line.trimmedCartons} 条）` : `因本月限量少订 ${line.trimmedCartons} 条`}
            </Text>
          )}
        </View>
      ))}
    </View>
  )
}
