import { Text, View } from '@tarojs/components'
import './charts.scss'

export interface Bar {
  key: string
  /** Written above the bar: "1. 福临（金）". */
  label: string
  value: number
  /** Written beside the label: "60 包 · ¥900". */
  valueText: string
}

/** Horizontal bars with their name and value written out; widths in % of the longest. */
export function BarList({ bars }: { bars: Bar[] }) {
  const max = Math.max(0, ...bars.map((b) => b.value))
  return (
    <View className='bar-list'>
      {bars.map((b) => (
        <View key={b.key} className='bar-row'>
          <View className='bar-head'>
            <Text className='bar-label'>{b.label}</Text>
            <Text className='bar-value'>{b.valueText}</Text>
          </View>
          <View className='bar-track' aria-hidden>
            <View className='bar-fill' style={{ width: max > 0 ? `${(b.value / max) * 100}%` : '0' }} />
          </View>
        </View>
      ))}
    </View>
  )
}
