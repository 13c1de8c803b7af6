import { monthDay } from '@words/time'
import { Text, View } from '@tarojs/components'
import type { SummaryData } from '@contracts'
import { slowMoverText, stockWarningText } from './words'

/** A short list: enough to act on today, the rest counted. */
const SHOWN = 5

function Group({ tag, className, lines }: { tag: string; className: string; lines: { key: string; name: string; text: string }[] }) {
  if (lines.length === 0) return null
  return (
    <View className={`alert-group ${className}`}>
      <Text className='alert-tag'>{`${tag}（${lines.length}）`}</Text>
      {lines.slice(0, SHOWN).map((line) => (
        <View key={line.key} className='alert-line'>
          <Text className='alert-name'>{line.name}</Text>
          <Text className='alert-text'>{line.text}</Text>
        </View>
      ))}
      {lines.length > SHOWN && <Text className='muted line'>{`另有 ${lines.length - SHOWN} 种未列出`}</Text>}
    </View>
  )
}

/** 库存预警 (hot sellers running out before the next delivery) and 滞销 (stock that does not sell). */
export function Alerts({ data }: { data: SummaryData }) {
  const stock = data.stockWarnings.map((w) => ({ key: w.skuCode, name: w.name, text: stockWarningText(w) }))
  const slow = data.slowMovers.map((m) => ({ key: m.skuCode, name: m.name, text: slowMoverText(m) }))
  return (
    <View className='card alerts'>
      <Text className='title'>需要留意</Text>
      <Group tag='库存预警' className='stock-warnings' lines={stock} />
      <Group tag='滞销' className='slow-movers' lines={slow} />
      {stock.length + slow.length === 0 && <Text className='line muted'>热销的烟库存够卖，也没有压货的滞销烟</Text>}
      {data.stockDate && <Text className='line muted stock-date'>{`库存按 ${monthDay(data.stockDate)}的盘点计算`}</Text>}
    </View>
  )
}
