import { Button, Text, View } from '@tarojs/components'
import type { GuideVerdict, MatchedStrategy } from '@contracts'
import { whyText } from '@words/guidance'
import { StrategyActionButton, type ActionContext } from '@/components/StrategyActionButton'

const VERDICTS: { verdict: GuideVerdict; text: string }[] = [
  { verdict: 'useful', text: '有用' },
  { verdict: 'notUseful', text: '没用' },
]

/** One matched strategy: what to do, why it was chosen, its actions, and 有用 / 没用. */
export function StrategyCard({ strategy, verdict, context, onVerdict }: { strategy: MatchedStrategy; verdict?: GuideVerdict; context: ActionContext; onVerdict: (verdict: GuideVerdict) => void }) {
  return (
    <View className='card strategy-card' data-strategy={strategy.id}>
      <Text className='title strategy-title'>{strategy.title}</Text>
      <Text className='line strategy-body'>{strategy.body}</Text>
      <Text className='line muted strategy-why'>{`为什么推荐：${whyText(strategy)}`}</Text>
      {strategy.actions.map((action, i) => (
        <StrategyActionButton key={i} action={action} context={context} primary={i === 0} />
      ))}
      <View className='verdicts'>
        <Text className='line muted'>这条建议对您：</Text>
        {VERDICTS.map(({ verdict: v, text }) => (
          <Button key={v} className={`btn verdict verdict-${v} ${verdict === v ? 'is-selected' : ''}`} aria-pressed={verdict === v} onClick={() => onVerdict(v)}>
            {verdict === v ? `✓ ${text}` : text}
          </Button>
        ))}
      </View>
    </View>
  )
}
