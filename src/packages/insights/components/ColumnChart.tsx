import { Text, View } from '@tarojs/components'
import './charts.scss'

export interface Column {
  key: string
  value: number
  /** What the column is and how much, read out for it: "11月5日 周四 ¥442". */
  label: string
  /** Written under the column; empty where labels would crowd ("1日", "8日" … in a month). */
  axisLabel: string
}

/** Room left above the tallest column, so it never touches the chart's top edge. */
const TALLEST = 92

/**
 * Vertical columns drawn with Views, heights in % of the tallest: the same markup in WeChat and
 * the browser, no canvas and no chart library. It is never the only telling of the numbers: the
 * caller writes the key values beside it and can list every column as text.
 */
export function ColumnChart({ columns, caption }: { columns: Column[]; caption: string }) {
  const max = Math.max(0, ...columns.map((c) => c.value))
  return (
    <View className='column-chart' role='img' aria-label={caption}>
      <View className='column-plot'>
        {columns.map((c) => (
          <View key={c.key} className='column' aria-label={c.label}>
            <View
              className={`column-bar ${c.value === max && max > 0 ? 'is-max' : ''}`}
              style={{ height: max > 0 ? `${(c.value / max) * TALLEST}%` : '0' }}
            />
          </View>
        ))}
      </View>
      <View className='column-axis' aria-hidden>
        {columns.map((c) => (
          <Text key={c.key} className='column-label'>
            {c.axisLabel}
          </Text>
        ))}
      </View>
    </View>
  )
}
