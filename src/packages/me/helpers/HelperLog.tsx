import { Text, View } from '@tarojs/components'
import type { HelperLogData } from '@contracts'
import { chinaLabel } from '@words/time'
import { helperLogLine } from '@words/helpers'

/** What helpers did for this shop, newest first. */
export function HelperLog({ log }: { log: HelperLogData }) {
  return (
    <View className='card helper-log'>
      <Text className='title'>帮手记录</Text>
      {log.entries.length === 0 && <Text className='line muted'>还没有记录</Text>}
      {log.entries.map((entry, i) => (
        <Text key={`${entry.at}-${i}`} className='line helper-log-entry'>
          {`${chinaLabel(Date.parse(entry.at))}　${helperLogLine(entry)}`}
        </Text>
      ))}
    </View>
  )
}
