import { View } from '@tarojs/components'
import { ComingSoon } from '@/components/ComingSoon'

/** 学习: micro-courseware and AR store visits are not built yet. */
export default function Learn() {
  return (
    <View className='page learn'>
      <ComingSoon title='学习'>微课件与AR探店即将上线</ComingSoon>
    </View>
  )
}
