import { Button, Text, View } from '@tarojs/components'
import type { InboxEntry } from '@contracts'
import { MINUTE_MS } from '@core/time'
import { chinaLabel } from '@words/time'
import { OUTCOME_WORDS, cycleText, reminderTitle } from '@words/reminders'
import { PageRoot } from '@/components/PageRoot'
import { useLoader } from '@/lib/useLoader'
import { fetchInbox } from '@/services/inbox'
import { openPage } from '@/lib/routes'
import { monthName } from '@words/guidance'
import './index.scss'
import { LoadState } from '@/components/LoadState'

/** A reminder sent more than this after it was due says when it really went out. */
const LATE_MS = 5 * MINUTE_MS

/**
 * The time a reminder belongs to: when it was due — for a missed one too, which was found (and
 * recorded) only later — and, when it went out late, when it did.
 */
const timeText = (m: InboxEntry): string => {
  const due = Date.parse(m.dueAt)
  const at = Date.parse(m.at)
  if (m.outcome === 'sent' && at - due > LATE_MS) return `${chinaLabel(due)}（${chinaLabel(at)} 发出）`
  return chinaLabel(due)
}

/** 我的 → 消息: new monthly guides first, then every reminder addressed to this user, newest first: its time, the shop and cycle, and what became of it. */
export default function Inbox() {
  const { load, retry } = useLoader(fetchInbox)
  const data = load.state === 'ready' ? load.data : null

  return (
    <PageRoot className='inbox'>
      <LoadState load={load} onRetry={retry} />
      {data?.guides.map((g) => (
        <View key={g.id} className='card inbox-guide'>
          <Text className='title entry-title'>{`${monthName(g.month)}经营建议已生成`}</Text>
          <Text className='line entry-shop'>{g.retailer.shopName}</Text>
          {g.strategyTitle && <Text className='line'>{`首条建议：${g.strategyTitle}`}</Text>}
          <Text className='line entry-time'>{chinaLabel(Date.parse(g.at))}</Text>
          <Button className='btn open-guide' onClick={() => openPage('guide', { month: g.month })}>
            查看经营指导书
          </Button>
        </View>
      ))}
      {data?.entries.length === 0 && data.guides.length === 0 && (
        <View className='card'>
          <Text className='muted'>还没有提醒记录</Text>
        </View>
      )}
      {data?.entries.map((m) => (
        <View key={m.id} className={`card inbox-entry is-${m.outcome}`}>
          <Text className='title entry-title'>{reminderTitle(m)}</Text>
          <Text className='line entry-time'>{timeText(m)}</Text>
          <Text className='line entry-shop'>{`${m.retailer.shopName} · ${cycleText(Date.parse(m.closesAt))}`}</Text>
          <Text className='line entry-outcome'>{m.outcome === 'sent' ? `✓ ${OUTCOME_WORDS[m.outcome]}` : `✗ ${OUTCOME_WORDS[m.outcome]}`}</Text>
        </View>
      ))}
    </PageRoot>
  )
}
