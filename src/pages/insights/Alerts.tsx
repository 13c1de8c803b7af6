import { monthDay } from '@words/time'
import { Button, Text, View } from '@tarojs/components'
import type { SummaryData } from '@contracts'
import { slowMoverText, stockWarningText } from './words'

/** A short list: enough to act on today, the rest counted. */
const SHOWN = 5

function Group({ tag, className, lines, shown = SHOWN }: { tag: string; className: string; lines: { key: string; name: string; text: string }[]; shown?: number }) {
  if (lines.length === 0) return null
  return (
    <View className={`alert-group ${className}`}>
      <Text className='alert-tag'>{`${tag}（${lines.length}）`}</Text>
      {lines.slice(0, shown).map((line) => (
        <View key={line.key} className='alert-line'>
          <Text className='alert-name'>{line.name}</Text>
          <Text className='alert-text'>{line.text}</Text>
        </View>
      ))}
      {lines.length > shown && <Text className='muted line'>{`另有 ${lines.length - shown} 种未列出`}</Text>}
    </View>
  )
}

/**
 * 库存预警 (every hot seller out of stock or running out before the next delivery, the same under
 * 本周 and 本月) with the way to 订货建议, and 滞销 (stock that does not sell).
 */
export function Alerts({ data, onOpenOrder }: { data: SummaryData; onOpenOrder?: () => void }) {
  const stock = data.stockWarnings.map((w) => ({ key: w.skuCode, name: w.name, text: stockWarningText(w) }))
  const slow = data.slowMovers.map((m) => ({ key: m.skuCode, name: m.name, text: slowMoverText(m) }))
  return (
    <View className='card alerts'>
      <Text className='title'>需要留意</Text>
      {/* At most 10 hot sellers: every one running out is listed. */}
      <Group tag='库存预警' className='stock-warnings' lines={stock} shown={stock.length} />
      <Group tag='滞销' className='slow-movers' lines={slow} />
      {stock.length + slow.length === 0 && <Text className='line muted'>热销的烟库存够卖，也没有压货的滞销烟</Text>}
      {stock.length > 0 && onOpenOrder && (
        <Button className='btn btn-primary alerts-open-order' onClick={onOpenOrder}>
          {`去看订货建议，补上这 ${stock.length} 种`}
        </Button>
      )}
      {data.warningStockDate && <Text className='line muted stock-date'>{`库存按 ${monthDay(data.warningStockDate)}的盘点计算，日均销量按近 8 周`}</Text>}
    </View>
  )
}
