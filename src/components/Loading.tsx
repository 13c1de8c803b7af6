import { Text, View } from '@tarojs/components'

/**
 * What a page shows while its data loads: grey cards the shape of what is coming (each entry of
 * `blocks` is a height class, e.g. `skeleton-chart`), then the words, for screen readers and for
 * a slow village connection where the wait is long enough to read.
 */
export function Loading({ blocks = [], text = '正在加载…' }: { blocks?: string[]; text?: string }) {
  return (
    <View className='loading' aria-busy>
      {blocks.map((height, i) => (
        <View key={i} className={`card skeleton ${height}`} />
      ))}
      <Text className='muted'>{text}</Text>
    </View>
  )
}
