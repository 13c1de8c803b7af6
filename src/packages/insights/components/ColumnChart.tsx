import { Text, View } from '@tarojs/components'
import './charts.scss'

export interface Column {
  key: string
  /** null: no data that day — drawn as 无数据, never as a zero. */
  value: number | null
  /** Written on the column: "¥442", or "无数据". */
  valueText: string
  /** What the column is and how much, read out for it: "11月5日 周四 ¥442". */
  label: string
  /** Written under the column; empty where labels would crowd ("1日", "8日" … in a month). */
  axisLabel: string
}

/** Share of the plot the tallest column fills: the rest is room for its value written above it. */
const TALLEST = { wide: 78, dense: 62 }

/**
 * Vertical columns drawn with Views, heights in % of the tallest, each carrying its value: the same
 * markup in WeChat and the browser, no canvas and no chart library. A month's narrow columns write
 * their values upright. A day without data is a column of its own reading 无数据.
 */
export function ColumnChart({ columns, caption }: { columns: Column[]; caption: string }) {
  const max = Math.max(0, ...columns.map((c) => c.value ?? 0))
  const dense = columns.length > 10
  const tallest = dense ? TALLEST.dense : TALLEST.wide
  return (
    <View className={`column-chart ${dense ? 'is-dense' : 'is-wide'}`} role='img' aria-label={caption}>
      <View className='column-plot'>
        {columns.map((c) => (
          <View key={c.key} className={`column ${c.value === null ? 'is-nodata' : ''}`} aria-label={c.label}>
            <Text className='column-value' aria-hidden>
              {c.valueText}
            </Text>
            {c.value !== null && (
              <View
                className={`column-bar ${c.value === max && max > 0 ? 'is-max' : ''}`}
                style={{ height: max > 0 ? `${(c.value / max) * tallest}%` : '0' }}
              />
            )}
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
