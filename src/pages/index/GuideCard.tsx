import { Button, Text, View } from '@tarojs/components'
import type { HomeData } from '@contracts'
import { CLASS_NAMES, monthName, whyText } from '@words/guidance'
import { openPage } from '@/lib/routes'
import { StrategyActionButton } from '@/components/StrategyActionButton'

/**
 * 本月经营建议: the newest guide's first strategy, one line of why, and its action; the whole guide
 * a tap away. A shop with no guide yet is told when one comes.
 */
export function GuideCard({ guide, manager }: { guide: HomeData['guide']; manager: HomeData['manager'] }) {
  if (!guide) {
    return (
      <View className='card guide-card is-empty care-hide'>
        <Text className='title'>本月经营建议</Text>
        <Text className='line muted'>还没有经营建议。每月 3 日，上个月的经营指导书生成后会显示在这里。</Text>
      </View>
    )
  }
  const { strategy } = guide
  return (
    <View className='card guide-card care-hide'>
      <Text className='title'>本月经营建议</Text>
      <Text className='line muted guide-month'>{`${monthName(guide.month)} · ${guide.classes.map((id) => CLASS_NAMES[id]).join('、')}`}</Text>
      {strategy ? (
        <>
          <Text className='line strategy-title'>{strategy.title}</Text>
          <Text className='line muted strategy-why'>{whyText(strategy)}</Text>
          {strategy.action && <StrategyActionButton action={strategy.action} context={{ month: guide.month, manager }} primary />}
        </>
      ) : (
        <Text className='line'>您的店经营平稳，这个月没有特别的建议。</Text>
      )}
      <Button className='btn open-guide' onClick={() => openPage('guide')}>
        查看经营指导书
      </Button>
    </View>
  )
}
