import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { GuideData, GuideVerdict } from '@contracts'
import {
  CLASS_NAMES, INDICATOR_NAMES, changeText, gradeText, indicatorValueText, monthName, outcomeText, percentileText, reasonText,
} from '@words/guidance'
import { PageRoot } from '@/components/PageRoot'
import { useLoader } from '@/lib/useLoader'
import { useConsentRequest } from '@/lib/useConsentRequest'
import { errorTextOf } from '@/lib/errorText'
import { fetchGuide, sendGuideFeedback } from '@/services/guidance'
import { StrategyCard } from './StrategyCard'
import './index.scss'
import { LoadState } from '@/components/LoadState'

/** 每月提醒我: one monthlyGuide consent a tap, asked only from the tap. */
function MonthlyReminder({ consents, templateId, onChange }: { consents: number; templateId: string | null; onChange: (left: number) => void }) {
  const { ask, note } = useConsentRequest({
    template: 'monthlyGuide',
    templateId,
    declined: '没有开启。需要时再点一次，在微信弹出的窗口里选“允许”',
    accepted: (result) => {
      onChange(result.left)
      return '好的，下个月的经营建议生成后会在微信里告诉您'
    },
  })
  return (
    <View className='card monthly-reminder'>
      <Text className='line'>{consents > 0 ? `下个月的建议生成后，会在微信里提醒您（还可提醒 ${consents} 次）` : '每月 3 日生成新的经营建议，想在微信里收到提醒吗？'}</Text>
      <Button className='btn remind-monthly' onClick={() => void ask()}>
        每月提醒我
      </Button>
      {note !== '' && <Text className='line muted reminder-note'>{note}</Text>}
    </View>
  )
}

/**
 * 客户数字经营指导书: one month's guide, month by month — grade and its change, the classes and why,
 * up to three strategies with their actions and 有用 / 没用, the ten indicators, and how last
 * month's advice worked out. Readable in 长辈模式: the same cards at 18pt, 60×60 buttons.
 */
export default function GuidePage() {
  const params = useRouter().params
  const retailer = params.retailer
  const [month, setMonth] = useState<string | undefined>(params.month)
  const fetch = useCallback(() => fetchGuide({ month, retailer }), [month, retailer])
  const { load, retry, setData } = useLoader<GuideData>(fetch)
  const [verdictNote, setVerdictNote] = useState('')

  if (load.state !== 'ready') return <PageRoot className='guide'><LoadState load={load} onRetry={retry} blocks={['skeleton-figures', 'skeleton-list']} text='正在加载经营指导书…' /></PageRoot>

  const data = load.data
  const { guide } = data
  const at = data.months.indexOf(data.month)
  const older = at >= 0 ? data.months[at + 1] : data.months[0]
  const newer = at > 0 ? data.months[at - 1] : undefined
  const context = { month: data.month, retailer, manager: data.manager }

  const vote = async (strategyId: string, verdict: GuideVerdict) => {
    setVerdictNote('')
    try {
      await sendGuideFeedback({ month: data.month, strategyId, verdict, retailer })
      setData((d) => ({ ...d, feedback: { ...d.feedback, [strategyId]: verdict } }))
      setVerdictNote('谢谢，您的意见已记下，客户经理会看到')
    } catch (error) {
      setVerdictNote(errorTextOf(error))
    }
  }

  return (
    <PageRoot className='guide'>
      <View className='card guide-head'>
        <Text className='title guide-title'>{`${data.retailer.shopName} · ${monthName(data.month)}经营指导书`}</Text>
        <View className='month-switch'>
          <Button className='btn month-older' disabled={!older} onClick={() => older && setMonth(older)}>
            {older ? `‹ ${monthName(older)}` : '没有更早的'}
          </Button>
          <Button className='btn month-newer' disabled={!newer} onClick={() => newer && setMonth(newer)}>
            {newer ? `${monthName(newer)} ›` : '已是最新'}
          </Button>
        </View>
      </View>

      {!guide ? (
        <View className='card guide-empty'>
          <Text className='title'>{`还没有${monthName(data.month)}的经营指导书`}</Text>
          <Text className='line muted'>每月 3 日，县公司根据上个月的营销和扫码销售数据生成指导书。有问题可以问客户经理。</Text>
        </View>
      ) : (
        <>
          <View className='card guide-basic'>
            <Text className='line grade-line'>{gradeText(guide.grade)}</Text>
            <Text className='line'>{`诚信分值 ${guide.basic.integrityScore} · 月限量 ${guide.basic.monthlyQuotaCartons} 条 · 新零售得分 ${guide.basic.newRetailScore}`}</Text>
            <Text className='line muted'>{`终端形象 ${guide.basic.terminalLevel} 级 · 店面 ${guide.basic.shopAreaM2} 平方米 · 全县 ${guide.basic.pool} 户参与排名`}</Text>
          </View>

          <View className='card guide-classes'>
            <Text className='title'>您这个月属于</Text>
            {guide.classes.map((c) => (
              <View key={c.id} className={`guide-class class-${c.id}`}>
                <Text className='line class-name'>{CLASS_NAMES[c.id]}</Text>
                {c.reasons.map((r, i) => (
                  <Text key={i} className='line muted class-reason'>{reasonText(r)}</Text>
                ))}
              </View>
            ))}
          </View>

          <Text className='section-title title'>本月建议</Text>
          {guide.strategies.length === 0 && (
            <View className='card'>
              <Text className='line'>这个月没有特别的建议，照常经营就好。</Text>
            </View>
          )}
          {guide.strategies.map((s) => (
            <StrategyCard key={s.id} strategy={s} verdict={data.feedback[s.id]} context={context} onVerdict={(v) => void vote(s.id, v)} />
          ))}
          {verdictNote !== '' && <Text className='line muted verdict-note'>{verdictNote}</Text>}

          {guide.comparison && guide.comparison.strategies.length > 0 && (
            <View className='card guide-outcomes'>
              <Text className='title'>{`${monthName(guide.comparison.month)}的建议做得怎么样`}</Text>
              {guide.comparison.strategies.map((o) => (
                <Text key={o.id} className={`line outcome ${o.moved ? 'is-moved' : ''}`}>{`${o.moved ? '✓' : '·'} ${o.title}：${outcomeText(o)}`}</Text>
              ))}
            </View>
          )}

          <View className='card guide-indicators'>
            <Text className='title'>十项经营指标</Text>
            {guide.indicators.map((f) => {
              const change = guide.comparison?.indicators.find((c) => c.id === f.id)?.change ?? null
              return (
                <View key={f.id} className='indicator-row'>
                  <Text className='line indicator-name'>{INDICATOR_NAMES[f.id]}</Text>
                  <Text className='line indicator-value'>{indicatorValueText(f.id, f.value)}</Text>
                  <Text className='line muted indicator-rank'>
                    {percentileText(f.percentile)}
                    {guide.comparison ? ` · 比上月 ${changeText(f.id, change)}` : ''}
                  </Text>
                </View>
              )
            })}
          </View>
        </>
      )}

      {!retailer && <MonthlyReminder consents={data.reminderConsents} templateId={data.reminderTemplateId} onChange={(left) => setData((d) => ({ ...d, reminderConsents: left }))} />}
    </PageRoot>
  )
}
