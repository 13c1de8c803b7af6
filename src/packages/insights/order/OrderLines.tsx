import { Button, Text, View } from '@tarojs/components'
import type { SuggestedLine } from '@contracts'
import { suggestedLineReason } from '@words/orderPlan'

interface Props {
  lines: SuggestedLine[]
  historyWeeks: number
  /** The cartons to order per SKU (the suggestion, or as edited). */
  cartons: ReadonlyMap<string, number>
  /** Absent: read-only (the window is not open yet). */
  onChange?: (skuCode: string, cartons: number) => void
  /** No more cartons fit in the month's quota: + is off. */
  full: boolean
}

/** One SKU per row: how many cartons (− / + while the window is open), and the one line saying why. */
export function OrderLines({ lines, historyWeeks, cartons, onChange, full }: Props) {
  return (
    <View className='order-lines'>
      {lines.map((line) => {
        const n = cartons.get(line.skuCode) ?? 0
        const edited = n !== line.cartons
        return (
          <View key={line.skuCode} className={`order-line ${n === 0 ? 'is-cut' : ''}`}>
            <View className='order-line-head'>
              <Text className='order-line-name'>{line.name}</Text>
              <View className='order-line-count'>
                {onChange && (
                  <Button className='btn step less' aria-label={`${line.name}少订一条`} disabled={n === 0} onClick={() => onChange(line.skuCode, n - 1)}>
                    −
                  </Button>
                )}
                <Text className='order-line-cartons'>{`${n} 条`}</Text>
                {onChange && (
                  <Button className='btn step more' aria-label={`${line.name}多订一条`} disabled={full} onClick={() => onChange(line.skuCode, n + 1)}>
                    +
                  </Button>
                )}
              </View>
            </View>
            <Text className='order-line-reason'>{suggestedLineReason(line, historyWeeks)}</Text>
            {edited && <Text className='order-line-edited'>{`建议 ${line.cartons} 条，您改成了 ${n} 条`}</Text>}
            {line.trimmedCartons > 0 && (
              <Text className='order-line-trim'>
                {line.cartons === 0 ? `本月限量不够，建议这次不订（本该订 ${line.trimmedCartons} 条）` : `因本月限量少订 ${line.trimmedCartons} 条`}
              </Text>
            )}
          </View>
        )
      })}
    </View>
  )
}
