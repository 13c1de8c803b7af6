import { Text, View } from '@tarojs/components'
import type { CalendarOverride, OrderWindow } from '@contracts'
import { describeWindow, orderCountdown } from '@/lib/orderCountdown'
import { useNow } from '@/lib/useNow'

/** The next order deadline (or opening), recomputed every second; rolls into the next cycle by itself. */
export function Countdown({ orderWindow, overrides }: { orderWindow: OrderWindow; overrides: CalendarOverride[] }) {
  const now = useNow()
  const view = orderCountdown(orderWindow, now, overrides)
  return (
    <View className={`card countdown-card is-${view.phase}`}>
      <Text className='countdown'>
        <Text className='countdown-lead'>{view.lead}</Text>
        <Text className='countdown-time'>{view.remaining}</Text>
      </Text>
      <Text className='deadline'>{view.when}</Text>
      <Text className='order-window muted'>{`订货时间：${describeWindow(orderWindow)}`}</Text>
    </View>
  )
}
