import { Switch, Text, View } from '@tarojs/components'
import { useCareMode } from '@/lib/useCareMode'

/**
 * The 长辈模式 switch. When the phone's text is set large and the switch is off, one quiet line
 * suggests it — no pop-up.
 */
export function CareModeCard() {
  const care = useCareMode()
  return (
    <View className='card care-mode-card'>
      <View className='switch-row'>
        <Text className='title switch-label'>长辈模式</Text>
        <Text className='switch-state'>{care.on ? '已开' : '未开'}</Text>
        <Switch className='row-switch care-switch' checked={care.on} color='#0b6339' onChange={(e) => care.set(e.detail.value)} aria-label='长辈模式' />
      </View>
      <Text className='line muted'>字更大、按钮更大，首页只留倒计时、去订货、我已订货和拨打客户经理。</Text>
      {care.suggest && <Text className='line care-suggestion'>您手机上的字设得比较大，打开长辈模式会看得更清楚。</Text>}
    </View>
  )
}
