import { formatOneDecimal, formatShare } from '@words/numbers'
import { Text, View } from '@tarojs/components'
import type { SummaryData } from '@contracts'
import { PERIOD_NAMES } from './words'

/** Below this share of purchases scanned, the POS figures miss enough sales to say so. */
const LOW_SCAN_RATE = 0.8

/** Grade, integrity score, the month's quota, and the stock indicators. */
export function RetailerFacts({ data }: { data: SummaryData }) {
  const { quota } = data
  const used = quota.cartons > 0 ? Math.min(100, (quota.usedCartons / quota.cartons) * 100) : 0
  return (
    <View className='card shop-facts-card'>
      <View className='fact-row'>
        <Text className='fact grade'>{`档位 ${data.grade}`}</Text>
        <Text className='fact integrity'>{`诚信分值 ${data.integrityScore}`}</Text>
      </View>
      <Text className='quota-text'>{`${Number(quota.month.slice(5))}月限量：已用 ${quota.usedCartons} / ${quota.cartons} 条`}</Text>
      <View className='meter' aria-hidden>
        <View className='meter-fill' style={{ width: `${used}%` }} />
      </View>
      {data.hasPosData && (
        <View className='indicators'>
          {data.turnoverDays !== null && (
            <Text className='indicator indicator-turnover'>{`${PERIOD_NAMES[data.period]}库存周转 ${formatOneDecimal(data.turnoverDays)} 天`}</Text>
          )}
          {data.sellThrough !== null && <Text className='indicator indicator-sell-through'>{`${PERIOD_NAMES[data.period]}动销率 ${formatShare(data.sellThrough)}`}</Text>}
          {data.scanRate !== null && <Text className='indicator indicator-scan'>{`${PERIOD_NAMES[data.period]}扫码率 ${formatShare(data.scanRate)}`}</Text>}
        </View>
      )}
      {data.scanRate !== null && data.scanRate < LOW_SCAN_RATE && (
        <Text className='line muted low-scan'>扫码率偏低：有些卖出的烟没有扫码，上面的销售数字会比实际少</Text>
      )}
    </View>
  )
}
