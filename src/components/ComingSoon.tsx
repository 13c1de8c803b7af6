import { Text, View } from '@tarojs/components'

/** An honest empty tab: what will be here, and that it is not here yet. No sample numbers. */
export function ComingSoon({ title, children }: { title: string; children: string }) {
  return (
    <View className='card coming-soon'>
      <Text className='title'>{title}</Text>
      <Text className='line muted'>{children}</Text>
    </View>
  )
}
